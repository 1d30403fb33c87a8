"""XLSForm import and export: the interchange format of ODK and KoboToolbox.

Import: pyxform's workbook reader turns the uploaded .xlsx or .xls into rows per sheet
(survey, choices, settings) and pyxform's header parser reads the column names
("label::English (en)", "bind:relevant", aliases). What those rows mean for *our* survey is
decided here, row by row, so that something we do not support is skipped with a line in
the report instead of failing the whole form. The result is a spec (spec.py), checked with
check_spec and stored with create_survey_from_spec: all or nothing.

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

import json
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Max
from django.utils.text import slugify
from pyxform import aliases
from pyxform.errors import PyXFormError
from pyxform.parsing.sheet_headers import process_header
from pyxform.question import MultipleChoiceQuestion, Option
from pyxform.xls2json import RE_BEGIN_CONTROL, RE_END_CONTROL, RE_SELECT
from pyxform.xls2json_backends import get_xlsform

from .models import CHOICE_CODE_VALIDATOR, CODE_VALIDATOR, QuestionKind, Survey
from .spec import check_spec, create_survey_from_spec
from .texts import LANGUAGES, SOURCE_LANGUAGE, language_name
from .xlsform_conditions import parse_condition, parse_number

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# An .xlsx is a zip: a small file can unpack into gigabytes of XML (a "zip bomb").
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 2000
# Counted in the sheet XML before anything is parsed, because parsing is what is slow
# (openpyxl takes about 0.1 ms a cell). Empty and formatted-only rows count here too,
# hence the room; the exact row limit is checked after reading.
MAX_SHEET_ROWS = 10_000
MAX_SHEET_CELLS = 100_000
MAX_COLUMNS = 200
MAX_LANGUAGES = 20
MAX_SETTINGS_JSON = 5000

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

YES = "yes"
# Appearances that carry one of our kinds (see the table above).
APPEARANCE_KIND = {
    "likert": QuestionKind.LIKERT,
    "zp-yes-no": QuestionKind.YES_NO,
    "zp-age-band": QuestionKind.AGE_BAND,
    "zp-rating": QuestionKind.RATING,
    "zp-postcode": QuestionKind.POSTCODE,
    "multiline": QuestionKind.LONG_TEXT,
}
KIND_APPEARANCE = {kind: appearance for appearance, kind in APPEARANCE_KIND.items()}
GROUP_APPEARANCES = {"table-list", "field-list"}
# Appearances of the rows inside an ODK table-list: layout only, nothing to report.
TABLE_ROW_APPEARANCES = {"list-nolabel", "label"}
SELECT_ONE_KINDS = {
    QuestionKind.SINGLE,
    QuestionKind.LIKERT,
    QuestionKind.YES_NO,
    QuestionKind.AGE_BAND,
}
RATING_RANGE = (0, 10)

# Language names people write in column headers, in English and in the language itself.
LANGUAGE_NAMES = {name.lower(): code for code, (name, _direction) in LANGUAGES.items()} | {
    "dutch": "nl",
    "english": "en",
    "turkish": "tr",
    "arabic": "ar",
    "polish": "pl",
    "ukrainian": "uk",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "papiamento": "pap",
    "somali": "so",
    "tigrinya": "ti",
    "persian": "fa",
    "farsi": "fa",
    "bulgarian": "bg",
    "romanian": "ro",
    "portuguese": "pt",
    "italian": "it",
    "russian": "ru",
    "swahili": "sw",
    "hindi": "hi",
    "chinese": "zh",
}

SURVEY_COLUMNS = set(MultipleChoiceQuestion.get_slot_names())
CHOICE_COLUMNS = set(Option.get_slot_names())
SETTINGS_COLUMNS = {"title", "id_string", "default_language", "version"}
# Settings an import may meet that change nothing for a survey in this product.
QUIET_SETTINGS = {"version", "instance_name", "style"}


@dataclass
class ImportResult:
    """The survey (None when nothing was saved), what was skipped or changed on the way
    (report), and why nothing was saved (errors); all in Dutch."""

    survey: Survey | None = None
    report: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class XLSFormRefused(Exception):
    def __init__(self, *messages: str):
        super().__init__(*messages)
        self.messages = list(messages)


# ---------------------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------------------


def import_xlsform(uploaded_file, series: str | None = None) -> ImportResult:
    """Read an XLSForm (.xlsx or .xls; an upload, a file or bytes) and store it as a new
    draft survey. Nothing is saved unless all of it can be."""
    report: list[str] = []
    try:
        data = _read_upload(uploaded_file)
        book = _parse_workbook(data)
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


def _read_upload(uploaded_file) -> bytes:
    if isinstance(uploaded_file, bytes):
        data = uploaded_file
    else:
        size = getattr(uploaded_file, "size", None)
        if size is not None and size > MAX_UPLOAD_BYTES:
            raise XLSFormRefused(_too_big())
        if hasattr(uploaded_file, "seek"):
            uploaded_file.seek(0)
        # Read one byte more than allowed, so a file without a known size is refused too.
        data = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise XLSFormRefused(_too_big())
    if not data:
        raise XLSFormRefused("Het bestand is leeg.")
    return data


def _too_big() -> str:
    return f"Het bestand is groter dan {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."


NOT_EXCEL = (
    "Dit bestand kunnen we niet lezen. Upload een XLSForm als Excel-bestand (.xlsx of .xls)."
)


def _parse_workbook(data: bytes):
    if data.startswith(XLSX_MAGIC):
        file_type = ".xlsx"
        _check_unpacked_size(data)
    elif data.startswith(XLS_MAGIC):
        file_type = ".xls"
    else:
        raise XLSFormRefused(NOT_EXCEL)
    try:
        book = get_xlsform(data, file_type=file_type)
    except PyXFormError as error:
        duplicate = re.search(r"Duplicate column header: (.*)", str(error))
        if duplicate:
            raise XLSFormRefused(
                f"De kolomnaam '{duplicate.group(1)}' komt twee keer voor op één blad."
            ) from error
        raise XLSFormRefused(NOT_EXCEL) from error
    # A hostile or broken file can make the third-party readers (openpyxl, xlrd, zipfile)
    # fail in many ways; every one of them means "not a workbook we can read".
    except Exception as error:
        raise XLSFormRefused(NOT_EXCEL) from error
    if not book.survey_header or not book.survey:
        raise XLSFormRefused(
            "Het blad 'survey' ontbreekt of is leeg. Een XLSForm heeft een blad 'survey' "
            "met de vragen."
        )
    for name in ("survey", "choices", "settings"):
        rows = getattr(book, name) or []
        header = getattr(book, f"{name}_header") or [{}]
        if len(rows) > MAX_ROWS:
            raise XLSFormRefused(f"Het blad '{name}' heeft meer dan {MAX_ROWS} regels.")
        if len(header[0]) > MAX_COLUMNS:
            raise XLSFormRefused(f"Het blad '{name}' heeft meer dan {MAX_COLUMNS} kolommen.")
    return book


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a zip bomb and a sheet too big to read in a web request, before parsing."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
                raise XLSFormRefused("Het bestand is uitgepakt te groot om te lezen.")
            for info in members:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    rows, cells = _count_tags(archive, info)
                    if rows > MAX_SHEET_ROWS or cells > MAX_SHEET_CELLS:
                        raise XLSFormRefused(
                            f"Een blad in het bestand is te groot: meer dan {MAX_ROWS} regels "
                            "kunnen we niet inlezen."
                        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise XLSFormRefused(NOT_EXCEL) from error


def _count_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    rows = cells = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(1024 * 1024):
            # A tag may straddle two chunks: search again from the end of the previous
            # one, counting only the matches that reach into the new chunk.
            window = tail + chunk
            rows += sum(1 for m in _ROW_TAG.finditer(window) if m.end() > len(tail))
            cells += sum(1 for m in _CELL_TAG.finditer(window) if m.end() > len(tail))
            tail = window[-32:]
    return rows, cells


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    type: str = ""
    name: str = ""
    texts: dict = field(default_factory=dict)  # column -> {language code: text}
    values: dict = field(default_factory=dict)  # relevant, required, constraint, ...
    ignored: dict = field(default_factory=dict)  # column -> value we do not use

    @property
    def appearance(self) -> str:
        return " ".join(self.values.get("appearance", "").split()).lower()


@dataclass
class Node:
    """A question row, or a group/repeat with what is inside it."""

    row: Row
    kind: str = "item"  # item, group, repeat
    children: list = field(default_factory=list)
    end_row: int = 0


def _is_yes(value: str) -> bool:
    return aliases.yes_no.get(value.strip(), False) is True


class XLSFormReader:
    """Turns the sheets pyxform read into a spec, noting in `report` every row or column
    that is skipped or changed."""

    def __init__(self, book, report: list[str], fallback_title: str = ""):
        self.book = book
        self.fallback_title = fallback_title or "Geïmporteerde vragenlijst"
        self.report = report
        self.languages: list[str] = []
        self.skipped_columns: dict[str, set] = {}
        self.codes: dict[str, str] = {}  # XLSForm name -> our code, for earlier questions
        self.seen_names: dict[str, int] = {}  # name -> row, to refuse duplicates
        self.default_language = SOURCE_LANGUAGE
        self.default_language_given = False
        self.plain_columns: list[str] = []

    # -- entry point ----------------------------------------------------------------
    def spec(self) -> dict:
        settings = self._settings()
        self.choice_lists = self._choice_lists()
        rows = self._rows(
            "survey", self.book.survey, self.book.survey_header, aliases.survey_header
        )
        if not any(row.type for row in rows):
            raise XLSFormRefused("Het blad 'survey' heeft geen kolom 'type' met vragen.")
        tree = self._tree(rows)
        sections = self._sections(tree)
        spec = {
            "series": slugify(settings["values"].get("id_string", ""))[:40],
            "languages": [],
            "title": settings["texts"].get("title", {}),
            "intro": settings["texts"].get("zp_intro", {}),
            "thanks": settings["texts"].get("zp_thanks", {}),
            "ask_follow_up": _is_yes(settings["values"].get("zp_ask_follow_up", YES)),
            "sections": sections,
        }
        if self.plain_columns:
            self.report.append(
                "Kolommen zonder taal ("
                + ", ".join(f"'{header}'" for header in dict.fromkeys(self.plain_columns))
                + ") zijn als Nederlands gelezen. Geef een andere taal aan met "
                "'label::Naam (code)' of met default_language in de instellingen."
            )
        self._report_skipped_columns()
        self._ensure_source_language(spec)
        if not spec["title"].get(SOURCE_LANGUAGE):
            title = settings["values"].get("id_string") or self.fallback_title
            spec["title"][SOURCE_LANGUAGE] = title
            self.report.append(
                "Instellingen: het formulier heeft geen titel (form_title); de vragenlijst "
                f"heet nu '{title}'."
            )
        spec["languages"] = self._ordered_languages()
        # A group's condition that cannot be read is met once per question in it.
        self.report[:] = list(dict.fromkeys(self.report))
        return spec

    # -- columns and rows -----------------------------------------------------------
    def _language(self, label: str | None, where: str) -> str | None:
        """The language code of a column suffix: 'English (en)', 'en', 'English'."""
        if label is None or label.lower() == "default":
            return self.default_language
        match = re.search(r"\(\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\s*\)\s*$", label)
        if match:
            return match.group(1).lower()
        name = label.strip().lower()
        if name in LANGUAGE_NAMES:
            return LANGUAGE_NAMES[name]
        if re.fullmatch(r"[a-z]{2,3}", name):
            return name
        self.report.append(
            f"{where}: taal '{label}' herkennen we niet; de kolom is overgeslagen. Schrijf "
            "de taal als 'label::Naam (code)', bijvoorbeeld 'label::English (en)'."
        )
        return None

    def _default_language(self, settings: dict) -> str:
        value = settings["values"].get("default_language")
        if not value:
            return SOURCE_LANGUAGE
        return self._language(value, "Instellingen (default_language)") or SOURCE_LANGUAGE

    def _header_map(self, header_row: dict, header_aliases: dict, columns: set) -> dict:
        headers = list(header_row)
        double_colon = any("::" in header for header in headers)
        return {
            header: process_header(header, double_colon, header_aliases, columns)[1]
            for header in headers
        }

    def _rows(self, sheet: str, data, header, header_aliases) -> list[Row]:
        columns = SURVEY_COLUMNS if sheet == "survey" else CHOICE_COLUMNS
        tokens_by_header = self._header_map((header or [{}])[0], header_aliases, columns)
        languages_by_header = {}
        for header, tokens in tokens_by_header.items():
            if tokens[0] in ("label", "hint") and len(tokens) <= 2:
                label = tokens[1] if len(tokens) == 2 else None
                where = f"Blad {sheet}, kolom '{header}'"
                languages_by_header[header] = self._language(label, where)
                if label is None and not self.default_language_given:
                    self.plain_columns.append(header)
        rows = []
        for index, raw in enumerate(data or []):
            row = Row(number=index + 2)
            for header, value in raw.items():
                self._put(row, header, tokens_by_header.get(header, (header,)), value)
                if header in languages_by_header and languages_by_header[header]:
                    code = languages_by_header[header]
                    self._use_language(code)
                    row.texts.setdefault(tokens_by_header[header][0], {})[code] = value
            rows.append(row)
        # Columns without a value still say which languages the survey has.
        for code in languages_by_header.values():
            if code:
                self._use_language(code)
        return rows

    def _use_language(self, code: str) -> None:
        if code not in self.languages:
            if len(self.languages) >= MAX_LANGUAGES:
                raise XLSFormRefused(f"Het formulier heeft meer dan {MAX_LANGUAGES} talen.")
            self.languages.append(code)

    def _put(self, row: Row, header: str, tokens: tuple, value: str) -> None:
        first = tokens[0]
        if first in ("label", "hint") and len(tokens) <= 2:
            return  # texts are collected by language in _rows
        if first == "type":
            row.type = " ".join(value.split())
        elif first in ("name", "list name"):
            row.values[first] = value.strip()
            if first == "name":
                row.name = value.strip()
        elif (
            first == "bind"
            and len(tokens) == 2
            and tokens[1]
            in (
                "relevant",
                "required",
                "constraint",
            )
        ):
            row.values[tokens[1]] = value
        elif first == "control" and tokens[1:] == ("appearance",):
            row.values["appearance"] = value
        elif first in ("zp_demographic", "zp_settings", "zp_other", "zp_exclusive"):
            row.values[first] = value.strip()
        else:
            row.ignored[header] = value

    def _skip_column(self, sheet: str, header: str, row: int) -> None:
        self.skipped_columns.setdefault(f"{sheet}|{header}", set()).add(row)

    def _report_skipped_columns(self) -> None:
        for key, numbers in self.skipped_columns.items():
            sheet, header = key.split("|", 1)
            shown = ", ".join(str(n) for n in sorted(numbers)[:10])
            more = " …" if len(numbers) > 10 else ""
            self.report.append(
                f"Blad {sheet}, kolom '{header}' wordt niet ondersteund; de waarden zijn "
                f"weggelaten (rij {shown}{more})."
            )

    # -- settings and choices -------------------------------------------------------
    def _settings(self) -> dict:
        result = {"values": {}, "texts": {}}
        rows = self.book.settings or []
        header = (self.book.settings_header or [{}])[0]
        if not rows:
            return result
        tokens_by_header = self._header_map(header, aliases.settings_header, SETTINGS_COLUMNS)
        raw = rows[0]
        # default_language first: it says what a title without language is in.
        for header_name, tokens in tokens_by_header.items():
            if tokens == ("default_language",) and raw.get(header_name):
                result["values"]["default_language"] = raw[header_name].strip()
        self.default_language = self._default_language(result)
        self.default_language_given = "default_language" in result["values"]
        for header_name, tokens in tokens_by_header.items():
            value = raw.get(header_name)
            if tokens[0] in ("zp_title", "zp_intro", "zp_thanks") and len(tokens) == 2:
                # An empty column still says the survey has that language.
                code = self._language(tokens[1], f"Instellingen, kolom '{header_name}'")
                if code:
                    self._use_language(code)
                if code and value is not None:
                    key = "title" if tokens[0] == "zp_title" else tokens[0]
                    result["texts"].setdefault(key, {})[code] = value
            elif value is None:
                continue
            elif tokens == ("title",):
                result["texts"].setdefault("title", {})[self.default_language] = value
            elif tokens in (("id_string",), ("default_language",), ("zp_ask_follow_up",)):
                result["values"][tokens[0]] = value.strip()
            elif tokens[0] not in QUIET_SETTINGS:
                self.report.append(
                    f"Instellingen: '{header_name}' wordt niet ondersteund en is weggelaten."
                )
        return result

    def _choice_lists(self) -> dict[str, list[Row]]:
        rows = self._rows(
            "choices", self.book.choices, self.book.choices_header, aliases.list_header
        )
        lists: dict[str, list[Row]] = {}
        for row in rows:
            list_name = row.values.get("list name", "")
            if not list_name and not row.name:
                continue
            lists.setdefault(list_name, []).append(row)
        return lists

    def _options(self, list_name: str, question_row: Row, or_other: bool) -> list[dict]:
        options, seen = [], set()
        for row in self.choice_lists.get(list_name, []):
            for header in row.ignored:
                self._skip_column("choices", header, row.number)
            if not row.name:
                self.report.append(
                    f"Blad choices, rij {row.number}: het antwoord heeft geen naam en is "
                    "overgeslagen."
                )
                continue
            code = self._choice_code(row.name, f"Blad choices, rij {row.number}")
            if code in seen:
                raise XLSFormRefused(
                    f"Blad choices, rij {row.number}: de naam '{row.name}' komt twee keer voor "
                    f"in keuzelijst '{list_name}'. Geef elk antwoord een eigen naam."
                )
            seen.add(code)
            label = dict(row.texts.get("label", {}))
            if not label:
                label = {self.default_language: row.name}
                self.report.append(
                    f"Blad choices, rij {row.number}: het antwoord heeft geen tekst; de naam "
                    f"'{row.name}' is als tekst gebruikt."
                )
            options.append(
                {
                    "code": code,
                    "label": label,
                    "is_other": _is_yes(row.values.get("zp_other", ""))
                    or (or_other and code == "other"),
                    "is_exclusive": _is_yes(row.values.get("zp_exclusive", "")),
                }
            )
        if or_other and "other" not in seen:
            options.append(
                {
                    "code": "other",
                    "label": {SOURCE_LANGUAGE: "Anders, namelijk"},
                    "is_other": True,
                    "is_exclusive": False,
                }
            )
        return options

    # -- structure ------------------------------------------------------------------
    def _tree(self, rows: list[Row]) -> Node:
        root = Node(Row(number=1), kind="group")
        stack = [root]
        for row in rows:
            if not row.type:
                if row.name or row.texts:
                    self.report.append(
                        f"Rij {row.number}: de regel heeft geen soort (type) en is overgeslagen."
                    )
                continue
            begin = RE_BEGIN_CONTROL.search(row.type.lower())
            end = RE_END_CONTROL.search(row.type.lower())
            if begin:
                kind = "group" if aliases.control[begin.group("type")] == "group" else "repeat"
                node = Node(row, kind=kind)
                stack[-1].children.append(node)
                stack.append(node)
            elif end:
                kind = "group" if aliases.control[end.group("type")] == "group" else "repeat"
                if len(stack) == 1 or stack[-1].kind != kind:
                    raise XLSFormRefused(
                        f"Rij {row.number}: '{row.type}' sluit niets af dat daarvoor is "
                        "begonnen. Controleer de 'begin group' en 'end group' regels."
                    )
                stack.pop().end_row = row.number
            else:
                stack[-1].children.append(Node(row))
        if len(stack) > 1:
            raise XLSFormRefused(
                f"Rij {stack[-1].row.number}: '{stack[-1].row.type}' wordt nergens afgesloten "
                "met een 'end'-regel."
            )
        return root

    def _sections(self, root: Node) -> list[dict]:
        sections: list[dict] = []
        loose = None  # the section for questions outside any group
        for node in root.children:
            if node.kind == "group" and not self._is_matrix(node):
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
                inside = _count_items(node)
                self.report.append(
                    f"Rij {node.row.number}-{node.end_row}: een herhaalde groep "
                    f"('{node.row.type}') wordt niet ondersteund; de groep en wat erin staat "
                    f"({inside} {'regel' if inside == 1 else 'regels'}) zijn overgeslagen."
                )
            elif node.kind == "group" and self._is_matrix(node):
                question = self._matrix(node, conditions)
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
                question = self._question(node.row, conditions)
                if question:
                    section["questions"].append(question)

    def _is_matrix(self, node: Node) -> bool:
        appearance = set(node.row.appearance.split())
        if node.kind != "group" or not appearance & GROUP_APPEARANCES:
            return False
        rows = [child for child in node.children if not _is_table_header(child)]
        if not rows or any(child.kind != "item" for child in rows):
            return False
        lists = set()
        for child in rows:
            select = RE_SELECT.search(child.row.type)
            if not select or aliases.select[select.group("select_command")] != "select one":
                return False
            if select.group("specify_other"):
                return False
            lists.add(select.group("list_name"))
        minimum = 1 if "table-list" in appearance else 2
        return len(lists) == 1 and len(rows) >= minimum

    # -- questions ------------------------------------------------------------------
    def _claim_name(self, row: Row) -> str | None:
        """Our code for the row's name: refused when the name was used before, changed
        (with a report line) when it does not fit our code rules."""
        name = row.name
        if not name:
            if row.type.lower() == "note":
                name = f"note_{row.number}"
            else:
                self.report.append(
                    f"Rij {row.number}: de vraag heeft geen naam (name) en is overgeslagen."
                )
                return None
        if name in self.seen_names:
            raise XLSFormRefused(
                f"Rij {row.number}: de naam '{name}' komt al voor op rij "
                f"{self.seen_names[name]}. Geef elke vraag een eigen naam."
            )
        self.seen_names[name] = row.number
        code = _code_for(name, set(self.codes.values()))
        if code != name and row.name:
            self.report.append(
                f"Rij {row.number}: naam '{name}' past niet in onze regels voor codes; de code "
                f"is nu '{code}'."
            )
        return code

    def _choice_code(self, name: str, where: str) -> str:
        if _valid(CHOICE_CODE_VALIDATOR, name):
            return name
        code = re.sub(r"[^A-Za-z0-9_\-]", "_", name).lstrip("_-")[:32] or "x"
        self.report.append(f"{where}: naam '{name}' is als code '{code}' opgeslagen.")
        return code

    def _question(self, row: Row, conditions: list) -> dict | None:
        kind, list_name, or_other = self._kind(row)
        if kind is None:
            return None
        code = self._claim_name(row)
        if code is None:
            return None
        where = f"Rij {row.number}"
        text = dict(row.texts.get("label", {}))
        if not text and kind != QuestionKind.NOTE:
            text = {self.default_language: row.name}
            self.report.append(
                f"{where}: de vraag heeft geen tekst; de naam '{row.name}' is als tekst gebruikt."
            )
        if kind == QuestionKind.NOTE and not text:
            self.report.append(f"{where}: de notitie heeft geen tekst en is overgeslagen.")
            return None
        self._report_references(row)
        for header in row.ignored:
            self._skip_column("survey", header, row.number)
        options = self._options(list_name, row, or_other) if list_name else []
        if kind == QuestionKind.RANKING and or_other:
            self.report.append(f"{where}: 'or_other' bij een rangorde wordt niet ondersteund.")
            options = [o for o in options if not (o["code"] == "other" and o["is_other"])]
        if kind == QuestionKind.LIKERT and len(options) not in (5, 7):
            self.report.append(
                f"{where}: een Likertschaal heeft 5 of 7 antwoorden; dit is nu een gewone "
                "keuzevraag."
            )
            kind = QuestionKind.SINGLE
        question = {
            "code": code,
            "kind": kind,
            "text": text,
            "help": dict(row.texts.get("hint", {})),
            "required": self._required(row, kind),
            "show_if": self._show_if(row, conditions),
            "settings": self._question_settings(row, kind, options),
            "demographic": self._demographic(row),
            "options": options,
            "rows": [],
        }
        self.codes[row.name or code] = code
        return question

    def _kind(self, row: Row) -> tuple[str | None, str, bool]:
        """Our kind for a row, with its choice list and whether it has "or_other"; None
        (reported) for a type we do not support."""
        where = f"Rij {row.number}"
        type_lower = row.type.lower()
        appearance = row.appearance
        marker = APPEARANCE_KIND.get(appearance)
        select = RE_SELECT.search(row.type) or RE_SELECT.search(type_lower)
        if select:
            command = aliases.select[select.group("select_command")]
            list_name = select.group("list_name")
            or_other = bool(select.group("specify_other"))
            from_file = re.search(r"\.(csv|xml|geojson)$", list_name, re.IGNORECASE)
            if command not in ("select one", "select all that apply", "rank") or from_file:
                return self._unsupported(row)
            if list_name not in self.choice_lists:
                raise XLSFormRefused(
                    f"{where}: de keuzelijst '{list_name}' staat niet op het blad 'choices'."
                )
            if command == "select one":
                if marker in SELECT_ONE_KINDS:
                    return marker, list_name, or_other
                self._report_appearance(row, set())
                return QuestionKind.SINGLE, list_name, or_other
            self._report_appearance(row, set())
            if command == "rank":
                return QuestionKind.RANKING, list_name, or_other
            return QuestionKind.MULTIPLE, list_name, or_other
        if type_lower in ("integer", "int", "decimal"):
            if marker == QuestionKind.RATING and type_lower != "decimal":
                return QuestionKind.RATING, "", False
            self._report_appearance(row, set())
            return QuestionKind.NUMBER, "", False
        if type_lower in ("text", "string"):
            if marker in (QuestionKind.LONG_TEXT, QuestionKind.POSTCODE):
                return marker, "", False
            self._report_appearance(row, set())
            return QuestionKind.SHORT_TEXT, "", False
        if type_lower == "note":
            self._report_appearance(row, set())
            return QuestionKind.NOTE, "", False
        return self._unsupported(row)

    def _unsupported(self, row: Row) -> tuple[None, str, bool]:
        self.report.append(
            f"Rij {row.number}: soort '{row.type}' wordt niet ondersteund; de vraag is "
            "overgeslagen."
        )
        return None, "", False

    def _report_appearance(self, row: Row, allowed: set) -> None:
        appearance = row.appearance
        if appearance and appearance not in allowed and appearance not in TABLE_ROW_APPEARANCES:
            self.report.append(f"Rij {row.number}: weergave '{appearance}' wordt niet gebruikt.")

    def _report_references(self, row: Row) -> None:
        for texts in row.texts.values():
            if any("${" in text for text in texts.values()):
                self.report.append(
                    f"Rij {row.number}: een verwijzing als ${{...}} in de tekst wordt niet "
                    "ingevuld; de tekst is letterlijk overgenomen."
                )
                return

    def _required(self, row: Row, kind: str) -> bool:
        value = row.values.get("required", "").strip()
        if not value or kind == QuestionKind.NOTE:
            return False
        if value in aliases.yes_no:
            return aliases.yes_no[value]
        self.report.append(
            f"Rij {row.number}: 'verplicht' als formule ('{value}') wordt niet ondersteund; "
            "de vraag is niet verplicht."
        )
        return False

    def _demographic(self, row: Row) -> str:
        value = row.values.get("zp_demographic", "")
        if value in ("", "sex"):
            return value
        self.report.append(
            f"Rij {row.number}: kenmerk '{value}' (zp_demographic) kennen we niet; het is "
            "weggelaten."
        )
        return ""

    def _question_settings(self, row: Row, kind: str, options: list) -> dict:
        settings = self._constraint(row, kind)
        if kind == QuestionKind.RATING:
            # The 0-10 range is what makes it a rating, not a setting.
            for key, bound in zip(("min", "max"), RATING_RANGE, strict=True):
                if settings.get(key) == bound:
                    del settings[key]
        raw = row.values.get("zp_settings", "")
        if raw:
            extra = _settings_json(raw)
            if extra is None:
                self.report.append(
                    f"Rij {row.number}: de kolom zp_settings is geen geldige JSON met "
                    "instellingen en is weggelaten."
                )
            else:
                return settings | extra
        return settings | default_settings(kind, row.type, options)

    def _constraint(self, row: Row, kind: str) -> dict:
        value = " ".join(row.values.get("constraint", "").split())
        if not value:
            return {}
        settings, unsupported = {}, []
        for term in re.split(r"\s+and\s+", value):
            bound = re.fullmatch(r"\.\s*(>=|<=)\s*(-?\d+(?:\.\d+)?)", term)
            count = re.fullmatch(r"count-selected\(\s*\.\s*\)\s*<=\s*(\d+)", term)
            length = re.fullmatch(r"string-length\(\s*\.\s*\)\s*<=\s*(\d+)", term)
            if bound and kind in (QuestionKind.NUMBER, QuestionKind.RATING):
                key = "min" if bound.group(1) == ">=" else "max"
                settings[key] = parse_number(bound.group(2))
            elif count and kind == QuestionKind.MULTIPLE:
                settings["max_choices"] = int(count.group(1))
            elif length and kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
                settings["max_length"] = int(length.group(1))
            else:
                unsupported.append(term)
        if unsupported or " or " in value:
            self.report.append(
                f"Rij {row.number}: de controle (constraint) '{value}' wordt niet (helemaal) "
                "ondersteund; alleen een minimum en maximum voor getallen, "
                "'count-selected(.) <= n' en 'string-length(.) <= n' zijn overgenomen."
            )
            if " or " in value:
                return {}
        return settings

    # -- conditions -----------------------------------------------------------------
    def _show_if(self, row: Row, conditions: list) -> dict | None:
        """The row's own `relevant` plus those of the groups it is in, all of which must
        hold; a part we cannot read is dropped with a report line."""
        parts = []
        for source, expression in [*conditions, (row, row.values.get("relevant", ""))]:
            if not expression.strip():
                continue
            parsed = self._condition(expression, source.number)
            if parsed:
                parts.append(parsed)
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        if all(part["match"] == "all" or len(part["rules"]) == 1 for part in parts):
            return {"match": "all", "rules": [rule for part in parts for rule in part["rules"]]}
        self.report.append(
            f"Rij {row.number}: de voorwaarden van de vraag en van de groep eromheen "
            "zijn niet samen te voegen; alleen die van de vraag is overgenomen."
        )
        return parts[-1]

    def _condition(self, expression: str, number: int) -> dict | None:
        text = " ".join(expression.split())
        parsed = parse_condition(text)
        if parsed is None:
            self.report.append(
                f"Rij {number}: de voorwaarde (relevant) '{text}' wordt niet ondersteund en is "
                "weggelaten. Ondersteund: ${vraag} = 'x', !=, >, >=, <, <= met getallen, "
                "selected(${vraag}, 'x') en not(selected(...)), samen met alleen 'and' of "
                "alleen 'or'."
            )
            return None
        match, rules = parsed
        for rule in rules:
            name = rule["question"]
            if name not in self.codes:
                self.report.append(
                    f"Rij {number}: de voorwaarde '{text}' kijkt naar '{name}', maar dat is geen "
                    "eerdere vraag die we overnemen; de voorwaarde is weggelaten."
                )
                return None
            rule["question"] = self.codes[name]
        return {"match": match, "rules": rules}

    # -- matrix ---------------------------------------------------------------------
    def _matrix(self, node: Node, conditions: list) -> dict | None:
        group = node.row
        code = self._claim_name(group)
        if code is None:
            return None
        rows, row_nodes = [], []
        list_name = ""
        for child in node.children:
            if _is_table_header(child):
                self.report.append(
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
            if name in self.seen_names:
                raise XLSFormRefused(
                    f"Rij {row.number}: de naam '{name}' komt al voor op rij "
                    f"{self.seen_names[name]}. Geef elke vraag een eigen naam."
                )
            self.seen_names[name] = row.number
            raw_code = name[len(group.name) + 1 :] if name.startswith(f"{group.name}_") else name
            row_code = self._choice_code(raw_code, f"Rij {row.number}")
            if row_code in seen:
                raise XLSFormRefused(
                    f"Rij {row.number}: twee regels van matrix '{group.name}' krijgen code "
                    f"'{row_code}'. Geef elke regel een eigen naam."
                )
            seen.add(row_code)
            for header in row.ignored:
                self._skip_column("survey", header, row.number)
            if row.values.get("relevant"):
                self.report.append(
                    f"Rij {row.number}: een voorwaarde op één regel van een matrix wordt niet "
                    "ondersteund en is weggelaten."
                )
            rows.append(
                {
                    "code": row_code,
                    "label": dict(row.texts.get("label", {})) or {self.default_language: name},
                    "is_other": False,
                    "is_exclusive": False,
                }
            )
        for header in group.ignored:
            self._skip_column("survey", header, group.number)
        required = all(self._required(child.row, QuestionKind.MATRIX) for child in row_nodes)
        text = dict(group.texts.get("label", {}))
        if not text:
            text = {self.default_language: group.name}
            self.report.append(
                f"Rij {group.number}: de matrix heeft geen tekst; de naam '{group.name}' is "
                "als tekst gebruikt."
            )
        question = {
            "code": code,
            "kind": QuestionKind.MATRIX,
            "text": text,
            "help": dict(group.texts.get("hint", {})),
            "required": required,
            "show_if": self._show_if(group, conditions),
            "settings": _settings_json(group.values.get("zp_settings", "") or "{}") or {},
            "demographic": self._demographic(group),
            "options": self._options(list_name, group, False),
            "rows": rows,
        }
        self.codes[group.name] = code
        return question

    # -- languages ------------------------------------------------------------------
    def _ensure_source_language(self, spec: dict) -> None:
        """Our surveys are written in Dutch first. A form without Dutch texts keeps its
        languages, and its main language is also copied in as the Dutch source text, to
        be translated later."""
        # Without any Dutch every text gets a copy; otherwise only those Dutch is needed
        # for (title, question texts, answers).
        no_dutch = SOURCE_LANGUAGE not in self.languages
        texts = [item for item in _all_texts(spec, every=no_dutch) if item]
        missing = [item for item in texts if not item.get(SOURCE_LANGUAGE)]
        if not missing:
            return
        others = [code for code in self.languages if code != SOURCE_LANGUAGE]
        source = self.default_language if self.default_language in others else None
        source = source or next(iter(others), None)
        copied = 0
        for item in missing:
            fallback = source if item.get(source) else next(iter(item), None)
            if fallback and item.get(fallback):
                item[SOURCE_LANGUAGE] = item[fallback]
                copied += 1
        if no_dutch and source:
            self.report.append(
                "Het formulier heeft geen Nederlandse teksten. De teksten in de taal "
                f"{language_name(source)} ({source}) staan nu ook als Nederlandse tekst; laat "
                "ze vertalen op de pagina Vertalingen."
            )
        elif copied:
            self.report.append(
                f"{copied} teksten hadden geen Nederlandse versie; daar staat nu de tekst in "
                "een andere taal. Vertaal ze op de pagina Vertalingen."
            )

    def _ordered_languages(self) -> list[str]:
        return [SOURCE_LANGUAGE, *[code for code in self.languages if code != SOURCE_LANGUAGE]]


def _is_table_header(node: Node) -> bool:
    # ODK's table-list often starts with a row of appearance "label" that only shows the
    # answer options as column heads.
    return node.kind == "item" and node.row.appearance == "label"


def _count_items(node: Node) -> int:
    return sum(1 + _count_items(child) for child in node.children)


def _all_texts(spec: dict, every: bool = True):
    """The translatable texts of a spec; with every=False only those that need Dutch."""
    yield spec["title"]
    if every:
        yield spec["intro"]
        yield spec["thanks"]
    for section in spec["sections"]:
        if every:
            yield section["title"]
            yield section["intro"]
        for question in section["questions"]:
            yield question["text"]
            if every:
                yield question["help"]
            for item in question["options"] + question["rows"]:
                yield item["label"]


def _valid(validator, value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def _code_for(name: str, taken: set[str]) -> str:
    """A question code from an XLSForm name: lower case letters, digits and _."""
    code = re.sub(r"[^a-z0-9_]", "_", name.lower())
    code = re.sub(r"^[^a-z]+", "", code) or "q"
    code = code[:32]
    base, counter = code, 2
    while code in taken or not _valid(CODE_VALIDATOR, code):
        suffix = f"_{counter}"
        code = base[: 32 - len(suffix)] + suffix
        counter += 1
    return code


def default_settings(kind: str, type_text: str, options: list) -> dict:
    """What a question of this kind gets when the form says nothing more (no zp_settings)."""
    if kind == QuestionKind.LIKERT:
        return {"points": len(options)}
    if kind == QuestionKind.NUMBER and type_text.lower() == "decimal":
        return {"decimals": 2}
    return {}


def _settings_json(raw: str) -> dict | None:
    """The zp_settings column: a JSON object of simple values or translated texts."""
    if len(raw) > MAX_SETTINGS_JSON:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    for key, item in value.items():
        if not re.fullmatch(r"[a-z_]{1,32}", key):
            return None
        if isinstance(item, dict):
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in item.items()):
                return None
        elif not isinstance(item, str | int | float | bool) and item is not None:
            return None
    return value
