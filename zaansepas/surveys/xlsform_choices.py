"""XLSForm import: the choices sheet. Its rows are grouped into lists by list name; a
question's options are read from its list when the question is, so the report speaks
only of the lists that questions use. The markers (zp_other, zp_exclusive, "or_other")
are listed in xlsform.py."""

import re

from django.core.exceptions import ValidationError
from pyxform import aliases

from .models import CHOICE_CODE_VALIDATOR
from .texts import SOURCE_LANGUAGE
from .xlsform_sheets import Row, SheetReader, is_yes
from .xlsform_workbook import XLSFormRefused


class ChoiceLists:
    """The choice lists of a form by name, each a list of its rows."""

    def __init__(self, sheets: SheetReader, book):
        self.sheets = sheets
        rows = sheets.rows("choices", book.choices, book.choices_header, aliases.list_header)
        self.lists: dict[str, list[Row]] = {}
        for row in rows:
            list_name = row.values.get("list name", "")
            if not list_name and not row.name:
                continue
            self.lists.setdefault(list_name, []).append(row)

    def __contains__(self, list_name: str) -> bool:
        return list_name in self.lists

    def options(self, list_name: str, or_other: bool) -> list[dict]:
        """The list's options as spec dicts; with or_other an "other" option is added
        when the list has none."""
        report = self.sheets.report
        options, seen = [], set()
        for row in self.lists.get(list_name, []):
            for header in row.ignored:
                self.sheets.skip_column("choices", header, row.number)
            if not row.name:
                report.append(
                    f"Blad choices, rij {row.number}: het antwoord heeft geen naam en is "
                    "overgeslagen."
                )
                continue
            code = choice_code(row.name, f"Blad choices, rij {row.number}", report)
            if code in seen:
                raise XLSFormRefused(
                    f"Blad choices, rij {row.number}: de naam '{row.name}' komt twee keer voor "
                    f"in keuzelijst '{list_name}'. Geef elk antwoord een eigen naam."
                )
            seen.add(code)
            label = dict(row.texts.get("label", {}))
            if not label:
                label = {self.sheets.default_language: row.name}
                report.append(
                    f"Blad choices, rij {row.number}: het antwoord heeft geen tekst; de naam "
                    f"'{row.name}' is als tekst gebruikt."
                )
            options.append(
                {
                    "code": code,
                    "label": label,
                    "is_other": is_yes(row.values.get("zp_other", ""))
                    or (or_other and code == "other"),
                    "is_exclusive": is_yes(row.values.get("zp_exclusive", "")),
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


def choice_code(name: str, where: str, report: list[str]) -> str:
    """Our code for an answer (or a matrix row): the name itself when it fits our rules,
    else the name with what does not fit replaced (with a report line)."""
    if is_valid(CHOICE_CODE_VALIDATOR, name):
        return name
    code = re.sub(r"[^A-Za-z0-9_\-]", "_", name).lstrip("_-")[:32] or "x"
    report.append(f"{where}: naam '{name}' is als code '{code}' opgeslagen.")
    return code


def is_valid(validator, value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True
