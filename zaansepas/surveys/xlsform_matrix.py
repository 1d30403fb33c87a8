"""XLSForm import: a matrix question. In XLSForm it is a group with appearance
"table-list" (or "field-list") holding one select_one row per matrix row, all on the same
choice list; the rows are named <group name>_<row code> (see the marker table in
xlsform.py). is_matrix in xlsform_survey_rows.py decides which group is one."""

from pyxform.xls2json import RE_SELECT

from .models import QuestionKind
from .xlsform_choices import choice_code
from .xlsform_questions import QuestionReader, settings_json
from .xlsform_survey_rows import Node, is_table_header
from .xlsform_workbook import XLSFormRefused


def read_matrix(questions: QuestionReader, node: Node, conditions: list) -> dict | None:
    """The group as one matrix question; None (reported) when its name cannot be used."""
    sheets = questions.sheets
    report = questions.report
    group = node.row
    code = questions.claim_name(group)
    if code is None:
        return None
    rows, row_nodes = [], []
    list_name = ""
    for child in node.children:
        if is_table_header(child):
            report.append(
                f"Rij {child.row.number}: de kopregel van de tabel is weggelaten; de "
                "antwoorden staan bij de matrix."
            )
            continue
        row_nodes.append(child)
    seen = set()
    for child in row_nodes:
        row = child.row
        list_name = RE_SELECT.search(row.type).group("list_name")
        name = row.name
        if name in questions.seen_names:
            raise XLSFormRefused(
                f"Rij {row.number}: de naam '{name}' komt al voor op rij "
                f"{questions.seen_names[name]}. Geef elke vraag een eigen naam."
            )
        questions.seen_names[name] = row.number
        raw_code = name[len(group.name) + 1 :] if name.startswith(f"{group.name}_") else name
        row_code = choice_code(raw_code, f"Rij {row.number}", report)
        if row_code in seen:
            raise XLSFormRefused(
                f"Rij {row.number}: twee regels van matrix '{group.name}' krijgen code "
                f"'{row_code}'. Geef elke regel een eigen naam."
            )
        seen.add(row_code)
        for header in row.ignored:
            sheets.skip_column("survey", header, row.number)
        if row.values.get("relevant"):
            report.append(
                f"Rij {row.number}: een voorwaarde op één regel van een matrix wordt niet "
                "ondersteund en is weggelaten."
            )
        rows.append(
            {
                "code": row_code,
                "label": dict(row.texts.get("label", {})) or {sheets.default_language: name},
                "is_other": False,
                "is_exclusive": False,
            }
        )
    for header in group.ignored:
        sheets.skip_column("survey", header, group.number)
    required = all(questions.required(child.row, QuestionKind.MATRIX) for child in row_nodes)
    text = dict(group.texts.get("label", {}))
    if not text:
        text = {sheets.default_language: group.name}
        report.append(
            f"Rij {group.number}: de matrix heeft geen tekst; de naam '{group.name}' is "
            "als tekst gebruikt."
        )
    question = {
        "code": code,
        "kind": QuestionKind.MATRIX,
        "text": text,
        "help": dict(group.texts.get("hint", {})),
        "required": required,
        "show_if": questions.show_if(group, conditions),
        "settings": settings_json(group.values.get("zp_settings", "") or "{}") or {},
        "demographic": questions.demographic(group),
        "options": questions.choices.options(list_name, False),
        "rows": rows,
    }
    questions.codes[group.name] = code
    return question
