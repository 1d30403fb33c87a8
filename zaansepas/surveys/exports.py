"""Response exports: one column layout (docs/survey-exports.md) shared by CSV, XLSX and
SPSS .sav, in codes or in labels.

Anonymity: a row holds the answers and what was derived from them at submission (wijk, age
band, sex, panel attributes), never the response's UUID or its receipt reference (the
reference is what links a FollowUpConsent to the answers). `respons_id` is a number
1..n given in the order of the random UUIDs, so it says nothing about who answered when
and cannot be matched to anything outside the file.

Rows are read with values_list and an iterator, so a wave of 100k responses never sits
in memory as model instances; CSV streams, XLSX and SAV are written to a temporary file.
"""

import csv
import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from zaansepas.city.models import AgeBand, Area, AreaKind, Sex
from zaansepas.lib.spreadsheet import safe_cell
from zaansepas.passes.models import Tier

from .definition import QuestionDef, SurveyDef, definition_for
from .models import ChannelKind, Demographic, QuestionKind, Response, Survey
from .texts import language_name, pick

# Dutch Excel opens a CSV with ';' between the fields and ',' as decimal sign straight into
# columns (R: read.csv2). The BOM makes Excel read UTF-8 (é, ğ, Arabic) correctly.
CSV_SEPARATOR = ";"
CSV_DECIMAL = ","

CATEGORY, NUMBER, TEXT, DATE = "categorie", "getal", "tekst", "datum"
NOMINAL, ORDINAL, SCALE = "nominal", "ordinal", "scale"

# SPSS keywords that cannot be variable names (SPSS ignores case).
SPSS_RESERVED = {"all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"}
SPSS_NAME_MAX = 64
SPSS_VARIABLE_LABEL_MAX = 250  # bytes; SPSS shows 256 at most
SPSS_VALUE_LABEL_MAX = 120  # bytes

ORDINAL_KINDS = {QuestionKind.LIKERT, QuestionKind.AGE_BAND}
SINGLE_COLUMN_KINDS = {
    QuestionKind.SINGLE,
    QuestionKind.LIKERT,
    QuestionKind.YES_NO,
    QuestionKind.AGE_BAND,
}
CHOSEN_LABELS = {"0": _("niet gekozen"), "1": _("gekozen")}
DISTRICT_SOURCES = {
    "postcode": _("postcode in de antwoorden"),
    "panel": _("wijk van de pashouder (panel)"),
    "kanaal": _("wijk van het kanaal"),
}


class Row(NamedTuple):
    number: int
    answers: dict
    submitted_on: dt.date
    channel_id: int | None
    language: str
    district_id: int | None
    age_band: str
    sex: str
    attributes: dict


ROW_FIELDS = (
    "answers",
    "submitted_on",
    "channel_id",
    "language",
    "district_id",
    "age_band",
    "sex",
    "attributes",
)


def text_in(label, language: str) -> str:
    """A survey text ({language: text}) or one of our own (translated by Django)."""
    if isinstance(label, dict):
        return pick(label, language)
    with translation.override(language):
        return str(label)


@dataclass
class Category:
    code: str
    label: object  # {language: text} or a lazy gettext string
    spss: int


@dataclass
class Column:
    name: str
    label: object  # the variable label: {language: text} or a lazy gettext string
    type: str
    measure: str
    get: Callable[[Row], object]
    categories: list[Category] = field(default_factory=list)
    question: QuestionDef | None = None
    # For a column per option or row: that option or row's label.
    part: object = None

    def category(self, code) -> Category | None:
        return next((c for c in self.categories if c.code == str(code)), None)

    def label_in(self, language: str) -> str:
        text = text_in(self.label, language)
        if self.part is not None:
            text = f"{text} [{text_in(self.part, language)}]"
        return text


@dataclass
class Layout:
    survey: Survey
    definition: SurveyDef
    columns: list[Column]


def _spss_numbers(codes: list[str]) -> list[int]:
    """Whole-number codes keep their number in SPSS; other codes become 1..n in order."""
    if codes and all(re.fullmatch(r"-?\d{1,9}", code) for code in codes):
        numbers = [int(code) for code in codes]
        if len(set(numbers)) == len(numbers):
            return numbers
    return list(range(1, len(codes) + 1))


# Age bands carry the same SPSS numbers wherever they appear (leeftijdsgroep and an age
# band question), whichever bands a question offers.
AGE_BAND_NUMBERS = {band.value: index for index, band in enumerate(AgeBand, start=1)}


def _categories(items: list[tuple[str, object]]) -> list[Category]:
    codes = [code for code, _label in items]
    if codes and all(code in AGE_BAND_NUMBERS for code in codes):
        numbers = [AGE_BAND_NUMBERS[code] for code in codes]
    else:
        numbers = _spss_numbers(codes)
    return [
        Category(code, label, number) for (code, label), number in zip(items, numbers, strict=True)
    ]


class _Names:
    """SPSS-safe, unique variable names: letters, digits and _ only (an option code's '-'
    becomes '_'), a letter first, at most 64 bytes, no SPSS keyword; a name already taken
    gets _2, _3… The same names head the CSV and XLSX columns."""

    def __init__(self):
        self.taken: set[str] = set()

    def make(self, *parts: str) -> str:
        name = re.sub(r"[^A-Za-z0-9_]", "_", "_".join(parts))
        if not re.match(r"[A-Za-z]", name):
            name = f"v{name}"
        if name.lower() in SPSS_RESERVED:
            name = f"{name}_v"
        name = name[:SPSS_NAME_MAX]
        candidate, counter = name, 1
        while candidate.lower() in self.taken:
            counter += 1
            suffix = f"_{counter}"
            candidate = name[: SPSS_NAME_MAX - len(suffix)] + suffix
        self.taken.add(candidate.lower())
        return candidate


def _base_columns(survey: Survey, definition: SurveyDef, names: _Names) -> list[Column]:
    channels = list(survey.channels.order_by("id").values_list("id", "code", "name", "kind"))
    channel_code = {pk: code for pk, code, _name, _kind in channels}
    channel_kind = {pk: kind for pk, _code, _name, kind in channels}
    districts = list(
        Area.objects.filter(kind=AreaKind.DISTRICT)
        .order_by("code")
        .values_list("id", "code", "name")
    )
    district_code = {pk: code for pk, code, _name in districts}
    district_categories = _categories([(code, f"{code} {name}") for _pk, code, name in districts])
    # CBS codes (WK047901) keep their digits as SPSS value, stable across waves.
    if all(re.fullmatch(r"WK\d{1,9}", c.code) for c in district_categories):
        for category in district_categories:
            category.spss = int(category.code[2:])
    sex_question = next(
        (q for q in definition.questions if q.demographic == Demographic.SEX and q.options), None
    )
    sex_items = (
        [(o.code, o.label) for o in sex_question.options]
        if sex_question
        else [(s.value, s.label) for s in Sex]
    )
    return [
        Column(names.make("respons_id"), _("volgnummer in dit bestand"), NUMBER, NOMINAL,
               lambda row: row.number),
        Column(names.make("datum"), _("datum van insturen"), DATE, SCALE,
               lambda row: row.submitted_on),
        Column(names.make("kanaal"), _("kanaal"), CATEGORY, NOMINAL,
               lambda row: channel_code.get(row.channel_id),
               _categories([(code, name) for _pk, code, name, _kind in channels])),
        Column(names.make("kanaal_soort"), _("soort kanaal"), CATEGORY, NOMINAL,
               lambda row: channel_kind.get(row.channel_id),
               _categories([(k.value, k.label) for k in ChannelKind])),
        Column(names.make("taal"), _("taal van invullen"), CATEGORY, NOMINAL,
               lambda row: row.language,
               _categories([(code, language_name(code)) for code in definition.languages])),
        Column(names.make("wijk"), _("wijk (CBS-code)"), CATEGORY, NOMINAL,
               lambda row: district_code.get(row.district_id), district_categories),
        Column(names.make("wijk_bron"), _("waar de wijk vandaan komt"), CATEGORY, NOMINAL,
               lambda row: row.attributes.get("wijk_bron"),
               _categories(list(DISTRICT_SOURCES.items()))),
        Column(names.make("leeftijdsgroep"), _("leeftijdsgroep"), CATEGORY, ORDINAL,
               lambda row: row.age_band or None,
               _categories([(a.value, a.label) for a in AgeBand])),
        Column(names.make("geslacht"), _("geslacht"), CATEGORY, NOMINAL,
               lambda row: row.sex or None, _categories(sex_items)),
        Column(names.make("pas_soort"), _("soort pas (panel van pashouders)"), CATEGORY, NOMINAL,
               lambda row: row.attributes.get("tier"),
               _categories([(t.value, t.label) for t in Tier])),
    ]  # fmt: skip


def _answer(code: str):
    def get(row: Row):
        value = row.answers.get(code)
        return None if value in ("", [], {}) else value

    return get


def _other_column(question: QuestionDef, names: _Names) -> Column:
    key = f"{question.code}.other"
    return Column(
        names.make(question.code, "anders"),
        question.text,
        TEXT,
        NOMINAL,
        lambda row: row.answers.get(key) or None,
        question=question,
        part=_("anders, namelijk"),
    )


def _flag(code: str, option: str):
    def get(row: Row):
        chosen = row.answers.get(code)
        if chosen is None:
            return None  # not answered or not shown: missing, not "not chosen"
        return "1" if option in chosen else "0"

    return get


def _rank(code: str, option: str):
    def get(row: Row):
        order = row.answers.get(code)
        if not order or option not in order:
            return None
        return order.index(option) + 1

    return get


def _matrix_row(code: str, row_code: str):
    def get(row: Row):
        return (row.answers.get(code) or {}).get(row_code)

    return get


def _number(code: str):
    def get(row: Row):
        value = row.answers.get(code)
        if value in (None, ""):
            return None
        return value if isinstance(value, int) else Decimal(str(value))

    return get


def _rating_categories(question: QuestionDef) -> list[Category]:
    """Value labels for the ends of a 0–10 rating, when the researcher named them."""
    ends = []
    for number, key in ((0, "low"), (10, "high")):
        label = question.settings.get(key)
        if label:
            ends.append(Category(str(number), label, number))
    return ends


def _question_columns(question: QuestionDef, names: _Names) -> list[Column]:
    kind, code = question.kind, question.code
    has_other = any(option.is_other for option in question.options)
    if kind in SINGLE_COLUMN_KINDS:
        measure = ORDINAL if kind in ORDINAL_KINDS else NOMINAL
        options = _categories([(o.code, o.label) for o in question.options])
        columns = [
            Column(names.make(code), question.text, CATEGORY, measure, _answer(code), options,
                   question)
        ]  # fmt: skip
        return columns + ([_other_column(question, names)] if has_other else [])
    if kind == QuestionKind.MULTIPLE:
        flags = _categories(list(CHOSEN_LABELS.items()))
        columns = [
            Column(names.make(code, o.code), question.text, CATEGORY, NOMINAL,
                   _flag(code, o.code), flags, question, o.label)
            for o in question.options
        ]  # fmt: skip
        return columns + ([_other_column(question, names)] if has_other else [])
    if kind == QuestionKind.RANKING:
        return [
            Column(names.make(code, o.code), question.text, NUMBER, ORDINAL, _rank(code, o.code),
                   question=question, part=o.label)
            for o in question.options
        ]  # fmt: skip
    if kind == QuestionKind.MATRIX:
        options = _categories([(o.code, o.label) for o in question.options])
        return [
            Column(names.make(code, r.code), question.text, CATEGORY, ORDINAL,
                   _matrix_row(code, r.code), options, question, r.label)
            for r in question.rows
        ]  # fmt: skip
    if kind == QuestionKind.RATING:
        return [
            Column(names.make(code), question.text, NUMBER, SCALE, _number(code),
                   _rating_categories(question), question)
        ]  # fmt: skip
    if kind == QuestionKind.NUMBER:
        return [Column(names.make(code), question.text, NUMBER, SCALE, _number(code), [], question)]
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.POSTCODE):
        return [Column(names.make(code), question.text, TEXT, NOMINAL, _answer(code), [], question)]
    return []  # a note asks nothing


def export_layout(survey: Survey) -> Layout:
    definition = definition_for(survey)
    names = _Names()
    columns = _base_columns(survey, definition, names)
    for question in definition.questions:
        columns += _question_columns(question, names)
    return Layout(survey, definition, columns)


def iter_rows(survey: Survey, chunk_size: int = 2000) -> Iterator[Row]:
    """The responses as plain tuples, numbered 1..n in the (random) order of their UUIDs."""
    values = (
        Response.objects.filter(survey=survey)
        .order_by("id")
        .values_list(*ROW_FIELDS)
        .iterator(chunk_size=chunk_size)
    )
    for number, values_row in enumerate(values, start=1):
        yield Row(number, *values_row)


# --- cells -------------------------------------------------------------------------------


def _number_text(value) -> str:
    return str(value).replace(".", CSV_DECIMAL)


def text_cell(column: Column, value, labels: bool, language: str) -> str:
    """A value as text for a CSV: codes or labels, formula signs neutralised."""
    if value is None:
        return ""
    if column.type == DATE:
        return value.isoformat()
    if labels and column.type == CATEGORY:
        category = column.category(value)
        if category is not None:
            return safe_cell(text_in(category.label, language))
    if column.type == NUMBER:
        return _number_text(value)
    return safe_cell(str(value))


def sheet_cell(column: Column, value, labels: bool, language: str):
    """A value for an XLSX cell: real numbers and dates, text neutralised."""
    if value is None:
        return None
    if column.type in (NUMBER, DATE):
        return value
    if column.type == CATEGORY:
        if labels:
            return _sheet_text(text_cell(column, value, True, language))
        category = column.category(value)
        if category is not None and category.code == str(category.spss):
            return category.spss  # whole-number codes as numbers, not as text in Excel
    return _sheet_text(safe_cell(str(value)))


def _sheet_text(text: str) -> str:
    # openpyxl refuses control characters; answers have none, but a file must never fail.
    return ILLEGAL_CHARACTERS_RE.sub("", text)


# --- CSV ---------------------------------------------------------------------------------


class _Line:
    def write(self, text: str) -> str:
        return text


def stream_csv(layout: Layout, labels: bool = False, language: str = "nl") -> Iterator[str]:
    """The CSV, line by line: BOM, a header of column names, one line per response."""
    writer = csv.writer(_Line(), delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([column.name for column in layout.columns])
    for row in iter_rows(layout.survey):
        yield writer.writerow([text_cell(c, c.get(row), labels, language) for c in layout.columns])


# --- XLSX --------------------------------------------------------------------------------


def write_xlsx(layout: Layout, target, labels: bool = False, language: str = "nl") -> None:
    """Sheet "antwoorden" (as the CSV) and sheet "variabelen" (name and label per column)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("antwoorden")
    sheet.append([column.name for column in layout.columns])
    for row in iter_rows(layout.survey):
        sheet.append([sheet_cell(c, c.get(row), labels, language) for c in layout.columns])
    variables = book.create_sheet("variabelen")
    with translation.override(language):
        variables.append([str(_("variabele")), str(_("omschrijving")), str(_("soort"))])
    for column in layout.columns:
        variables.append(
            [
                column.name,
                safe_cell(column.label_in(language)),
                text_in(column_kind(column), language),
            ]
        )
    book.save(target)


def column_kind(column: Column):
    """What kind of variable this is, in words (codebook, XLSX)."""
    kind = column.question.kind if column.question is not None else None
    if kind == QuestionKind.MULTIPLE and column.type == CATEGORY:
        return _("0/1: optie gekozen of niet")
    if kind == QuestionKind.RANKING:
        return _("rangnummer (1 = belangrijkst)")
    return {
        CATEGORY: _("categorie") if column.measure == NOMINAL else _("categorie met volgorde"),
        NUMBER: _("getal"),
        TEXT: _("tekst"),
        DATE: _("datum"),
    }[column.type]


# --- SPSS --------------------------------------------------------------------------------


def _cut(text: str, limit: int) -> str:
    """At most `limit` bytes of UTF-8, not cutting a character in two."""
    data = text.encode()
    if len(data) <= limit:
        return text
    return data[: limit - 3].decode(errors="ignore") + "..."


def spss_variable_label(column: Column, language: str) -> str:
    """The question text, shortened so the option or row label at its end always fits."""
    text = text_in(column.label, language)
    if column.part is None:
        return _cut(text, SPSS_VARIABLE_LABEL_MAX)
    suffix = f" [{text_in(column.part, language)}]"
    suffix = _cut(suffix, SPSS_VARIABLE_LABEL_MAX // 2)
    return _cut(text, SPSS_VARIABLE_LABEL_MAX - len(suffix.encode())) + suffix


def _spss_value(column: Column, value) -> float:
    if value is None:
        return float("nan")
    if column.type == CATEGORY:
        category = column.category(value)
        if category is None:
            # A code the layout does not know (a channel kind added later, say): keep it
            # under the next free number, labelled with the code itself.
            number = max([c.spss for c in column.categories] + [0]) + 1
            category = Category(str(value), str(value), number)
            column.categories.append(category)
        return float(category.spss)
    return float(value)


def write_sav(layout: Layout, path: str, language: str = "nl") -> None:
    # Imported here: pandas takes long to load, and only this download needs it, so the
    # web processes do not pay for it at start-up.
    import pandas as pd
    import pyreadstat

    data: dict[str, list] = {column.name: [] for column in layout.columns}
    for row in iter_rows(layout.survey):
        for column in layout.columns:
            value = column.get(row)
            if column.type == TEXT:
                data[column.name].append("" if value is None else str(value))
            elif column.type == DATE:
                data[column.name].append(value)
            else:
                data[column.name].append(_spss_value(column, value))
    frame = pd.DataFrame(
        {
            name: pd.Series(values, dtype=_dtype(column))
            for (name, values), column in zip(data.items(), layout.columns, strict=True)
        }
    )
    value_labels = {}
    for column in layout.columns:
        labels = {
            float(c.spss): _cut(text_in(c.label, language), SPSS_VALUE_LABEL_MAX)
            for c in column.categories
        }
        if labels:
            value_labels[column.name] = labels
    pyreadstat.write_sav(
        frame,
        path,
        file_label=_cut(text_in(layout.survey.title, language), 60),
        column_labels=[spss_variable_label(c, language) for c in layout.columns],
        variable_value_labels=value_labels,
        variable_measure={c.name: c.measure for c in layout.columns},
        variable_format={c.name: _spss_format(c) for c in layout.columns if c.type != TEXT},
    )


def _dtype(column: Column):
    return object if column.type in (TEXT, DATE) else "float64"


def _spss_format(column: Column) -> str:
    if column.type == DATE:
        return "DATE11"
    decimals = 0
    if column.question is not None and column.question.kind == QuestionKind.NUMBER:
        decimals = int(column.question.settings.get("decimals", 0) or 0)
    return f"F12.{decimals}" if decimals else "F8.0"


def open_sav(layout: Layout, language: str = "nl"):
    """The .sav as an open binary file (pyreadstat writes to a path). The name is removed
    at once, so the file disappears when the handle is closed."""
    descriptor, path = tempfile.mkstemp(suffix=".sav")
    os.close(descriptor)
    try:
        write_sav(layout, path, language)
        return open(path, "rb")  # noqa: SIM115 (the response closes it)
    finally:
        os.unlink(path)


def open_xlsx(layout: Layout, labels: bool = False, language: str = "nl"):
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    write_xlsx(layout, handle, labels, language)
    handle.seek(0)
    return handle
