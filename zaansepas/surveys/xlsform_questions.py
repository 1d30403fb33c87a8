"""XLSForm import: one survey row becomes one question of a spec, or is skipped with a
line in the report. Its kind comes from the type and the appearance markers, its settings
from the constraint and zp_settings, its condition from `relevant` (xlsform_conditions.py
reads the expression). The markers are listed in xlsform.py."""

import json
import re

from pyxform import aliases
from pyxform.xls2json import RE_SELECT

from .models import CODE_VALIDATOR, QuestionKind
from .xlsform_choices import ChoiceLists, is_valid
from .xlsform_conditions import parse_condition, parse_number
from .xlsform_sheets import Row, SheetReader
from .xlsform_survey_rows import TABLE_ROW_APPEARANCES
from .xlsform_workbook import XLSFormRefused

MAX_SETTINGS_JSON = 5000

# Appearances that carry one of our kinds (see the marker table in xlsform.py).
APPEARANCE_KIND = {
    "likert": QuestionKind.LIKERT,
    "zp-yes-no": QuestionKind.YES_NO,
    "zp-age-band": QuestionKind.AGE_BAND,
    "zp-rating": QuestionKind.RATING,
    "zp-postcode": QuestionKind.POSTCODE,
    "multiline": QuestionKind.LONG_TEXT,
}
KIND_APPEARANCE = {kind: appearance for appearance, kind in APPEARANCE_KIND.items()}
SELECT_ONE_KINDS = {
    QuestionKind.SINGLE,
    QuestionKind.LIKERT,
    QuestionKind.YES_NO,
    QuestionKind.AGE_BAND,
}
RATING_RANGE = (0, 10)


class QuestionReader:
    """Reads question rows in the order of the form. It remembers the names read so far:
    a name used twice refuses the form, and a condition may only look at an earlier
    question."""

    def __init__(self, sheets: SheetReader, choices: ChoiceLists):
        self.sheets = sheets
        self.choices = choices
        self.report = sheets.report
        self.codes: dict[str, str] = {}  # XLSForm name -> our code, for earlier questions
        self.seen_names: dict[str, int] = {}  # name -> row, to refuse duplicates

    # -- questions ------------------------------------------------------------------
    def claim_name(self, row: Row) -> str | None:
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

    def question(self, row: Row, conditions: list) -> dict | None:
        kind, list_name, or_other = self._kind(row)
        if kind is None:
            return None
        code = self.claim_name(row)
        if code is None:
            return None
        where = f"Rij {row.number}"
        text = dict(row.texts.get("label", {}))
        if not text and kind != QuestionKind.NOTE:
            text = {self.sheets.default_language: row.name}
            self.report.append(
                f"{where}: de vraag heeft geen tekst; de naam '{row.name}' is als tekst gebruikt."
            )
        if kind == QuestionKind.NOTE and not text:
            self.report.append(f"{where}: de notitie heeft geen tekst en is overgeslagen.")
            return None
        self._report_references(row)
        for header in row.ignored:
            self.sheets.skip_column("survey", header, row.number)
        options = self.choices.options(list_name, or_other) if list_name else []
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
            "required": self.required(row, kind),
            "show_if": self.show_if(row, conditions),
            "settings": self._question_settings(row, kind, options),
            "demographic": self.demographic(row),
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
            if list_name not in self.choices:
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

    def required(self, row: Row, kind: str) -> bool:
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

    def demographic(self, row: Row) -> str:
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
            extra = settings_json(raw)
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
    def show_if(self, row: Row, conditions: list) -> dict | None:
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


def _code_for(name: str, taken: set[str]) -> str:
    """A question code from an XLSForm name: lower case letters, digits and _."""
    code = re.sub(r"[^a-z0-9_]", "_", name.lower())
    code = re.sub(r"^[^a-z]+", "", code) or "q"
    code = code[:32]
    base, counter = code, 2
    while code in taken or not is_valid(CODE_VALIDATOR, code):
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


def settings_json(raw: str) -> dict | None:
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
