"""XLSForm import: the rows of a sheet, and the languages of their texts.

pyxform's header parser reads the column names ("label::English (en)", "bind:relevant",
aliases); here every row becomes a Row with its type, name, texts per language and the
values we use. A column we do not use is kept on the row, so the report can name it once
for all the rows it was in. The languages met on the way become the survey's languages,
Dutch first. The markers we read are listed in xlsform.py.
"""

import re
from dataclasses import dataclass, field

from pyxform import aliases
from pyxform.parsing.sheet_headers import process_header
from pyxform.question import MultipleChoiceQuestion, Option

from .texts import LANGUAGES, SOURCE_LANGUAGE, language_name
from .xlsform_workbook import XLSFormRefused

MAX_LANGUAGES = 20
YES = "yes"

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


def is_yes(value: str) -> bool:
    return aliases.yes_no.get(value.strip(), False) is True


class SheetReader:
    """What reading the sheets finds that concerns them all: the report (in Dutch), the
    survey's languages and default language, and the columns skipped on the way."""

    def __init__(self, report: list[str]):
        self.report = report
        self.languages: list[str] = []
        self.skipped_columns: dict[str, set] = {}
        self.default_language = SOURCE_LANGUAGE
        self.default_language_given = False
        self.plain_columns: list[str] = []

    # -- languages ------------------------------------------------------------------
    def language(self, label: str | None, where: str) -> str | None:
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

    def use_language(self, code: str) -> None:
        if code not in self.languages:
            if len(self.languages) >= MAX_LANGUAGES:
                raise XLSFormRefused(f"Het formulier heeft meer dan {MAX_LANGUAGES} talen.")
            self.languages.append(code)

    def ensure_source_language(self, spec: dict) -> None:
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

    def ordered_languages(self) -> list[str]:
        return [SOURCE_LANGUAGE, *[code for code in self.languages if code != SOURCE_LANGUAGE]]

    # -- columns and rows -----------------------------------------------------------
    def header_map(self, header_row: dict, header_aliases: dict, columns: set) -> dict:
        headers = list(header_row)
        double_colon = any("::" in header for header in headers)
        return {
            header: process_header(header, double_colon, header_aliases, columns)[1]
            for header in headers
        }

    def rows(self, sheet: str, data, header, header_aliases) -> list[Row]:
        columns = SURVEY_COLUMNS if sheet == "survey" else CHOICE_COLUMNS
        tokens_by_header = self.header_map((header or [{}])[0], header_aliases, columns)
        languages_by_header = {}
        for header, tokens in tokens_by_header.items():
            if tokens[0] in ("label", "hint") and len(tokens) <= 2:
                label = tokens[1] if len(tokens) == 2 else None
                where = f"Blad {sheet}, kolom '{header}'"
                languages_by_header[header] = self.language(label, where)
                if label is None and not self.default_language_given:
                    self.plain_columns.append(header)
        rows = []
        for index, raw in enumerate(data or []):
            row = Row(number=index + 2)
            for header, value in raw.items():
                self._put(row, header, tokens_by_header.get(header, (header,)), value)
                if header in languages_by_header and languages_by_header[header]:
                    code = languages_by_header[header]
                    self.use_language(code)
                    row.texts.setdefault(tokens_by_header[header][0], {})[code] = value
            rows.append(row)
        # Columns without a value still say which languages the survey has.
        for code in languages_by_header.values():
            if code:
                self.use_language(code)
        return rows

    def _put(self, row: Row, header: str, tokens: tuple, value: str) -> None:
        first = tokens[0]
        if first in ("label", "hint") and len(tokens) <= 2:
            return  # texts are collected by language in rows()
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

    # -- what was skipped -----------------------------------------------------------
    def skip_column(self, sheet: str, header: str, row: int) -> None:
        self.skipped_columns.setdefault(f"{sheet}|{header}", set()).add(row)

    def report_columns(self) -> None:
        """One line for the columns read as Dutch for want of a language, and one per
        column we do not support, with the rows it had a value in."""
        if self.plain_columns:
            self.report.append(
                "Kolommen zonder taal ("
                + ", ".join(f"'{header}'" for header in dict.fromkeys(self.plain_columns))
                + ") zijn als Nederlands gelezen. Geef een andere taal aan met "
                "'label::Naam (code)' of met default_language in de instellingen."
            )
        for key, numbers in self.skipped_columns.items():
            sheet, header = key.split("|", 1)
            shown = ", ".join(str(n) for n in sorted(numbers)[:10])
            more = " …" if len(numbers) > 10 else ""
            self.report.append(
                f"Blad {sheet}, kolom '{header}' wordt niet ondersteund; de waarden zijn "
                f"weggelaten (rij {shown}{more})."
            )


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
