"""XLSForm import and export: the interchange format of ODK and KoboToolbox.

Import: pyxform's workbook reader turns the uploaded .xlsx or .xls into rows per sheet
(survey, choices, settings) and pyxform's header parser reads the column names
("label::English (en)", "bind:relevant", aliases). What those rows mean for *our* survey is
decided by the xlsform_* modules below, row by row, so that something we do not support
is skipped with a line in the report instead of failing the whole form. The result is a
spec (spec.py), checked with check_spec and stored with create_survey_from_spec: all or
nothing.

This module runs the import and walks the survey's groups into sections; the steps live
in modules of their own:

    xlsform_workbook.py     the upload's size and zip checks, reading it into sheets
    xlsform_sheets.py       rows and columns, the languages of texts, columns skipped
    xlsform_settings.py     the settings sheet: titles, default language
    xlsform_choices.py      the choices sheet: answer lists and their codes
    xlsform_survey_rows.py  the survey rows as a tree of groups; which group is a matrix
    xlsform_questions.py    one row -> one question: kind, settings, condition
    xlsform_matrix.py       a table-list group -> one matrix question
    xlsform_conditions.py   "relevant" expressions, read and written
    xlsform_export.py       the export

The marker table below is the one reference for what each of them reads and writes.

Export: one sheet each for survey, choices and settings, with a label/hint column per
survey language. XLSForm lacks some of our kinds and details; they are written with
markers an ODK tool ignores, so that import -> export -> import gives the same survey:

    kind / detail            XLSForm
    likert                   select_one, appearance "likert" (an ODK appearance)
    rating 0-10              integer, constraint ". >= 0 and . <= 10", appearance "zp-rating"
    yes_no                   select_one, appearance "zp-yes-no"
    age_band                 select_one, appearance "zp-age-band"
    postcode                 text, appearance "zp-postcode"
    long_text                text, appearance "multiline" (an ODK appearance)
    matrix                   begin group <code>, appearance "table-list", one select_one per
                             row named <code>_<row code>, all on the same list
    section                  top-level begin group; its hint is the section intro
    number min/max           constraint ". >= min and . <= max"
    max_choices, max_length  constraint "count-selected(.) <= n", "string-length(.) <= n"
    other settings           column zp_settings (JSON), e.g. rating labels, decimals
    demographic (sex)        column zp_demographic
    "anders, namelijk"       choices column zp_other (and "or_other" when its code is other)
    exclusive option         choices column zp_exclusive
    survey texts             settings form_title (Dutch), zp_title::<language>,
                             zp_intro::<language>, zp_thanks::<language>, zp_ask_follow_up

Formula injection: the export writes every text as an explicit string cell, and a text that
starts with a formula sign also gets Excel's quote-prefix style. Excel and LibreOffice then
show it as text and keep it text when edited, and the cell value is the text itself. We do
*not* put safe_cell's visible quote in front: an XLSForm is read by other tools (pyxform,
Kobo), which would take the quote as part of the label, and our own import would have to
guess whether a leading quote was added or typed.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Max
from django.utils.text import slugify
from pyxform import aliases

from .models import Survey
from .spec import check_spec, create_survey_from_spec
from .texts import SOURCE_LANGUAGE
from .xlsform_choices import ChoiceLists
from .xlsform_matrix import read_matrix
from .xlsform_questions import QuestionReader
from .xlsform_settings import read_settings
from .xlsform_sheets import YES, SheetReader, is_yes
from .xlsform_survey_rows import GROUP_APPEARANCES, Node, build_tree, count_items, is_matrix
from .xlsform_workbook import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    XLSFormRefused,
    parse_workbook,
    read_upload,
)

# The names callers use; the limits are kept here so the views and tests need not know
# which step checks them.
__all__ = [
    "MAX_ROWS",
    "MAX_UPLOAD_BYTES",
    "ImportResult",
    "XLSFormReader",
    "XLSFormRefused",
    "import_xlsform",
]


@dataclass
class ImportResult:
    """The survey (None when nothing was saved), what was skipped or changed on the way
    (report), and why nothing was saved (errors); all in Dutch."""

    survey: Survey | None = None
    report: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def import_xlsform(uploaded_file, series: str | None = None) -> ImportResult:
    """Read an XLSForm (.xlsx or .xls; an upload, a file or bytes) and store it as a new
    draft survey. Nothing is saved unless all of it can be."""
    report: list[str] = []
    try:
        data = read_upload(uploaded_file)
        book = parse_workbook(data)
        name = str(getattr(uploaded_file, "name", "") or "")
        fallback_title = re.sub(r"\.[A-Za-z]+$", "", name.rsplit("/", 1)[-1])[:100]
        spec = XLSFormReader(book, report, fallback_title).spec()
    except XLSFormRefused as refused:
        return ImportResult(report=report, errors=refused.messages)
    problems = check_spec(spec)
    if problems:
        return ImportResult(report=report, errors=problems)
    series = slugify(series or spec.get("series") or "")[:40].strip("-") or "vragenlijst"
    last = Survey.objects.filter(series=series).aggregate(last=Max("version"))["last"]
    try:
        survey = create_survey_from_spec(spec, series=series, version=(last or 0) + 1)
    except (ValidationError, IntegrityError):
        return ImportResult(
            report=report,
            errors=["De vragenlijst kon niet worden opgeslagen. Probeer het opnieuw."],
        )
    return ImportResult(survey=survey, report=report)


class XLSFormReader:
    """Turns the sheets pyxform read into a spec, noting in `report` every row or column
    that is skipped or changed."""

    def __init__(self, book, report: list[str], fallback_title: str = ""):
        self.book = book
        self.fallback_title = fallback_title or "Geïmporteerde vragenlijst"
        self.report = report
        self.sheets = SheetReader(report)

    def spec(self) -> dict:
        settings = read_settings(self.sheets, self.book)
        choices = ChoiceLists(self.sheets, self.book)
        self.questions = QuestionReader(self.sheets, choices)
        rows = self.sheets.rows(
            "survey", self.book.survey, self.book.survey_header, aliases.survey_header
        )
        if not any(row.type for row in rows):
            raise XLSFormRefused("Het blad 'survey' heeft geen kolom 'type' met vragen.")
        tree = build_tree(rows, self.report)
        sections = self._sections(tree)
        spec = {
            "series": slugify(settings["values"].get("id_string", ""))[:40],
            "languages": [],
            "title": settings["texts"].get("title", {}),
            "intro": settings["texts"].get("zp_intro", {}),
            "thanks": settings["texts"].get("zp_thanks", {}),
            "ask_follow_up": is_yes(settings["values"].get("zp_ask_follow_up", YES)),
            "sections": sections,
        }
        self.sheets.report_columns()
        self.sheets.ensure_source_language(spec)
        if not spec["title"].get(SOURCE_LANGUAGE):
            title = settings["values"].get("id_string") or self.fallback_title
            spec["title"][SOURCE_LANGUAGE] = title
            self.report.append(
                "Instellingen: het formulier heeft geen titel (form_title); de vragenlijst "
                f"heet nu '{title}'."
            )
        spec["languages"] = self.sheets.ordered_languages()
        # A group's condition that cannot be read is met once per question in it.
        self.report[:] = list(dict.fromkeys(self.report))
        return spec

    # -- structure ------------------------------------------------------------------
    def _sections(self, root: Node) -> list[dict]:
        sections: list[dict] = []
        loose = None  # the section for questions outside any group
        for node in root.children:
            if node.kind == "group" and not is_matrix(node):
                section = {
                    "title": node.row.texts.get("label", {}),
                    "intro": node.row.texts.get("hint", {}),
                    "questions": [],
                }
                self._report_group_extras(node)
                sections.append(section)
                loose = None
                conditions = [(node.row, node.row.values.get("relevant", ""))]
                self._add(node.children, section, conditions)
            else:
                if loose is None:
                    loose = {"title": {}, "intro": {}, "questions": []}
                    sections.append(loose)
                self._add([node], loose, [])
        return sections

    def _report_group_extras(self, node: Node) -> None:
        if node.row.values.get("relevant"):
            self.report.append(
                f"Rij {node.row.number}: de voorwaarde (relevant) van groep "
                f"'{node.row.name}' geldt nu voor elke vraag in de groep."
            )
        extra = set(node.row.appearance.split()) - GROUP_APPEARANCES
        if extra:
            self.report.append(
                f"Rij {node.row.number}: weergave '{node.row.appearance}' van groep "
                f"'{node.row.name}' wordt niet gebruikt."
            )

    def _add(self, nodes: list[Node], section: dict, conditions: list) -> None:
        for node in nodes:
            if node.kind == "repeat":
                inside = count_items(node)
                self.report.append(
                    f"Rij {node.row.number}-{node.end_row}: een herhaalde groep "
                    f"('{node.row.type}') wordt niet ondersteund; de groep en wat erin staat "
                    f"({inside} {'regel' if inside == 1 else 'regels'}) zijn overgeslagen."
                )
            elif node.kind == "group" and is_matrix(node):
                question = read_matrix(self.questions, node, conditions)
                if question:
                    section["questions"].append(question)
            elif node.kind == "group":
                self.report.append(
                    f"Rij {node.row.number}: groep '{node.row.name}' staat in een andere groep; "
                    "de vragen erin zijn in het onderdeel eromheen gezet."
                )
                self._report_group_extras(node)
                inner = conditions + [(node.row, node.row.values.get("relevant", ""))]
                self._add(node.children, section, inner)
            else:
                question = self.questions.question(node.row, conditions)
                if question:
                    section["questions"].append(question)
