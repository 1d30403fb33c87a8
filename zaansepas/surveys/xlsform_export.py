"""XLSForm export: a survey as survey/choices/settings sheets, with the markers described in
xlsform.py (the import), so that import -> export -> import gives the same survey."""

import json
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from zaansepas.lib.spreadsheet import FORMULA_STARTS

from .models import QuestionKind, Survey
from .spec import survey_to_spec
from .texts import SOURCE_LANGUAGE, language_name
from .xlsform_conditions import relevant_expression
from .xlsform_questions import (
    KIND_APPEARANCE,
    RATING_RANGE,
    SELECT_ONE_KINDS,
    default_settings,
)
from .xlsform_sheets import YES


def language_header(code: str) -> str:
    return f"{language_name(code)} ({code})"


def export_xlsform(survey: Survey) -> bytes:
    """The survey as an XLSForm workbook (.xlsx), readable by import_xlsform and pyxform."""
    spec = survey_to_spec(survey)
    languages = list(dict.fromkeys([SOURCE_LANGUAGE, *spec["languages"]]))
    writer = _XLSFormWriter(languages)
    codes = {q["code"] for s in spec["sections"] for q in s["questions"]}
    for number, section in enumerate(spec["sections"], start=1):
        group = f"section_{number}"
        while group in codes:
            group += "_"
        writer.survey_row("begin group", group, label=section["title"], hint=section["intro"])
        for question in section["questions"]:
            writer.question(question)
        writer.survey_row("end group", group)
    writer.settings(spec, survey)
    buffer = BytesIO()
    writer.workbook.save(buffer)
    return buffer.getvalue()


def _write_cell(sheet, row: int, column: int, value) -> None:
    if value is None or value == "":
        return
    cell = sheet.cell(row=row, column=column)
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell.value = text
    if text.startswith(FORMULA_STARTS):
        # openpyxl would store "=..." as a formula; force text and Excel's quote prefix.
        cell.data_type = "s"
        cell.quotePrefix = True


def _is_plain_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _constraint_and_rest(question: dict) -> tuple[str, dict]:
    """The settings that XLSForm can say as a constraint, and the rest (for zp_settings)."""
    kind, rest = question["kind"], dict(question.get("settings") or {})
    terms = []
    if kind in (QuestionKind.NUMBER, QuestionKind.RATING):
        defaults = RATING_RANGE if kind == QuestionKind.RATING else (None, None)
        for key, op, default in (("min", ">=", defaults[0]), ("max", "<=", defaults[1])):
            value = rest.get(key, default)
            if _is_plain_number(value):
                terms.append(f". {op} {value!r}")
                if key in rest:
                    del rest[key]
    elif kind == QuestionKind.MULTIPLE and _is_plain_number(rest.get("max_choices")):
        terms.append(f"count-selected(.) <= {int(rest.pop('max_choices'))}")
    elif kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT) and _is_plain_number(
        rest.get("max_length")
    ):
        terms.append(f"string-length(.) <= {int(rest.pop('max_length'))}")
    return " and ".join(terms), rest


def _question_type(question: dict) -> str:
    kind, code = question["kind"], question["code"]
    other = (
        " or_other"
        if any(o["is_other"] and o["code"] == "other" for o in question["options"])
        else ""
    )
    if kind in SELECT_ONE_KINDS:
        return f"select_one {code}" + (other if kind == QuestionKind.SINGLE else "")
    if kind == QuestionKind.MULTIPLE:
        return f"select_multiple {code}{other}"
    if kind == QuestionKind.RANKING:
        return f"rank {code}"
    if kind == QuestionKind.NUMBER:
        return "decimal" if (question.get("settings") or {}).get("decimals") else "integer"
    if kind == QuestionKind.RATING:
        return "integer"
    if kind == QuestionKind.NOTE:
        return "note"
    return "text"


class _XLSFormWriter:
    SURVEY_FIXED = ["type", "name"]
    SURVEY_TAIL = [
        "required",
        "relevant",
        "constraint",
        "appearance",
        "zp_demographic",
        "zp_settings",
    ]

    def __init__(self, languages: list[str]):
        self.languages = languages
        self.workbook = Workbook()
        self.survey_sheet = self.workbook.active
        self.survey_sheet.title = "survey"
        self.choices_sheet = self.workbook.create_sheet("choices")
        self.settings_sheet = self.workbook.create_sheet("settings")
        label_columns = [f"label::{language_header(code)}" for code in languages]
        hint_columns = [f"hint::{language_header(code)}" for code in languages]
        self.survey_columns = self.SURVEY_FIXED + label_columns + hint_columns + self.SURVEY_TAIL
        self.choice_columns = ["list_name", "name", *label_columns, "zp_other", "zp_exclusive"]
        self._header(self.survey_sheet, self.survey_columns)
        self._header(self.choices_sheet, self.choice_columns)
        self.survey_row_number = self.choice_row_number = 1

    @staticmethod
    def _header(sheet, columns: list[str]) -> None:
        for index, column in enumerate(columns, start=1):
            _write_cell(sheet, 1, index, column)

    def _texts(self, prefix: str, texts: dict | None) -> dict:
        texts = texts or {}
        return {f"{prefix}::{language_header(code)}": texts.get(code) for code in self.languages}

    def survey_row(self, type_: str, name: str, label=None, hint=None, **values) -> None:
        self.survey_row_number += 1
        row = {"type": type_, "name": name, **self._texts("label", label)}
        row |= self._texts("hint", hint) | values
        for index, column in enumerate(self.survey_columns, start=1):
            _write_cell(self.survey_sheet, self.survey_row_number, index, row.get(column))

    def choice_list(self, list_name: str, items: list[dict]) -> None:
        for item in items:
            self.choice_row_number += 1
            row = {
                "list_name": list_name,
                "name": item["code"],
                **self._texts("label", item["label"]),
                "zp_other": YES if item.get("is_other") else "",
                "zp_exclusive": YES if item.get("is_exclusive") else "",
            }
            for index, column in enumerate(self.choice_columns, start=1):
                _write_cell(self.choices_sheet, self.choice_row_number, index, row.get(column))

    def question(self, question: dict) -> None:
        kind, code = question["kind"], question["code"]
        constraint, rest = _constraint_and_rest(question)
        defaults = default_settings(kind, _question_type(question), question["options"])
        common = {
            "relevant": relevant_expression(question.get("show_if")),
            "zp_demographic": question.get("demographic", ""),
            "zp_settings": json.dumps(rest, ensure_ascii=False) if rest != defaults else "",
        }
        required = YES if question.get("required") else ""
        if kind == QuestionKind.MATRIX:
            self.survey_row(
                "begin group",
                code,
                label=question["text"],
                hint=question.get("help"),
                appearance="table-list",
                **common,
            )
            for row in question["rows"]:
                self.survey_row(
                    f"select_one {code}",
                    f"{code}_{row['code']}",
                    label=row["label"],
                    required=required,
                )
            self.survey_row("end group", code)
        else:
            self.survey_row(
                _question_type(question),
                code,
                label=question["text"],
                hint=question.get("help"),
                required=required,
                constraint=constraint,
                appearance=KIND_APPEARANCE.get(kind, ""),
                **common,
            )
        if question["options"]:
            self.choice_list(code, question["options"])

    def settings(self, spec: dict, survey: Survey) -> None:
        row = {
            "form_title": (spec["title"] or {}).get(SOURCE_LANGUAGE, ""),
            "form_id": survey.series,
            "version": str(survey.version),
            "default_language": language_header(SOURCE_LANGUAGE),
        }
        others = [code for code in self.languages if code != SOURCE_LANGUAGE]
        row |= {f"zp_title::{language_header(c)}": spec["title"].get(c) for c in others}
        row |= self._texts("zp_intro", spec.get("intro"))
        row |= self._texts("zp_thanks", spec.get("thanks"))
        row["zp_ask_follow_up"] = YES if spec.get("ask_follow_up", True) else "no"
        for index, (column, value) in enumerate(row.items(), start=1):
            _write_cell(self.settings_sheet, 1, index, column)
            _write_cell(self.settings_sheet, 2, index, value)
