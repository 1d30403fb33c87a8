"""Import the 4-digit postcode → wijk mapping from a CSV file.

The file has a header line with the columns `postcode4` and `wijk` (other columns are
ignored), separated by `;` or `,`, in UTF-8 (with or without BOM) or latin-1:

    postcode4;wijk
    1508;WK047906
    1502;Zaandam-Zuid

`wijk` is the CBS code of a wijk (WK047906) or the exact name of a wijk that is already in
the database (from the CBS import). Every row is checked first; when any row is wrong,
PostcodeImportError lists every wrong row by its line number and nothing is written.
Otherwise the mapping is written in one transaction with is_approximate=False.

With replace=True every mapping that is not in the file is removed, the real ones as well as
the demo estimates: the file is then the complete list. Without it, mappings not in the file
stay, and the report says how many (and which demo estimates are still there).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import IO

from django.db import transaction

from .csv_text import decode_csv
from .models import Area, AreaKind, PostcodeArea

COLUMNS = ("postcode4", "wijk")
POSTCODE4_RE = re.compile(r"[1-9][0-9]{3}")
WIJK_CODE_RE = re.compile(r"WK\d{6}", re.IGNORECASE)
MAX_BYTES = 5 * 1024 * 1024  # the whole country has about 4,000 postcode areas
KIND_LABELS = {
    AreaKind.MUNICIPALITY: "een gemeente",
    AreaKind.DISTRICT: "een wijk",
    AreaKind.NEIGHBOURHOOD: "een buurt",
}


class PostcodeImportError(ValueError):
    """The file cannot be imported. str(error) is a Dutch message; .problems lists each one."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass
class PostcodeImportReport:
    in_file: int = 0
    created: int = 0
    changed: int = 0  # another wijk, or a demo estimate that is now real
    unchanged: int = 0
    removed: int = 0  # only with replace
    not_in_file: int = 0  # mappings left in place because replace was off
    still_approximate: list[str] = field(default_factory=list)  # demo postcodes left in place
    approximate_districts: list[str] = field(default_factory=list)  # wijken that are estimates


@dataclass
class _Row:
    line: int
    postcode4: str
    district: Area


def import_postcode_areas(
    fileobj: IO[bytes] | IO[str], *, replace: bool = False
) -> PostcodeImportReport:
    """Check the whole file, then upsert its postcode → wijk mapping (all or nothing).

    Raises PostcodeImportError, with every wrong row in the message, before writing anything.
    """
    text = _decode(fileobj.read(MAX_BYTES + 1))
    with transaction.atomic():
        rows = _parse(text)
        return _write(rows, replace)


# --- reading --------------------------------------------------------------------------------


def _decode(data: bytes | str) -> str:
    return decode_csv(
        data,
        max_bytes=MAX_BYTES,
        error=PostcodeImportError,
        too_big="Dit bestand is te groot voor een lijst met postcodes.",
        hint="",
    )


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def _parse(text: str) -> list[_Row]:
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise PostcodeImportError("Dit bestand is leeg of geen CSV-bestand.") from exc
    names = [name.strip().strip('"').strip().lower() for name in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise PostcodeImportError(
            f"{'De kolom' if len(missing) == 1 else 'De kolommen'} {' en '.join(missing)} "
            f"{'ontbreekt' if len(missing) == 1 else 'ontbreken'}. De eerste regel van het "
            "bestand moet de kolomnamen bevatten: postcode4;wijk"
        )
    postcode_at, wijk_at = names.index("postcode4"), names.index("wijk")
    finder = _DistrictFinder()
    rows: list[_Row] = []
    problems: list[str] = []
    bad_lines: set[int] = set()
    seen: dict[str, int] = {}
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            postcode4 = record[postcode_at].strip() if postcode_at < len(record) else ""
            wijk = record[wijk_at].strip() if wijk_at < len(record) else ""
            line_problems = []
            if not POSTCODE4_RE.fullmatch(postcode4):
                line_problems.append(
                    f"'{postcode4}' is geen postcode van 4 cijfers (van 1000 tot en met 9999)."
                    if postcode4
                    else "de postcode ontbreekt."
                )
            elif postcode4 in seen:
                line_problems.append(
                    f"postcode {postcode4} staat al op regel {seen[postcode4]}. Elke postcode "
                    "mag maar één keer in het bestand staan."
                )
            else:
                seen[postcode4] = line
            district, problem = finder.find(wijk)
            if problem:
                line_problems.append(problem)
            if line_problems:
                bad_lines.add(line)
                problems.extend(f"Regel {line}: {problem}" for problem in line_problems)
            else:
                rows.append(_Row(line=line, postcode4=postcode4, district=district))
    except csv.Error as exc:
        bad_lines.add(reader.line_num)
        problems.append(
            f"Regel {reader.line_num}: dit deel van het bestand is geen geldige CSV ({exc})."
        )
    if problems:
        count = len(bad_lines)
        raise PostcodeImportError(
            f"Het bestand heeft fouten op {count} {'regel' if count == 1 else 'regels'}:\n"
            + "\n".join(f"  {problem}" for problem in problems),
            problems,
        )
    if not rows:
        raise PostcodeImportError("Er staan geen postcodes in dit bestand.")
    return rows


class _DistrictFinder:
    """Finds a wijk by CBS code or exact name, with one query for all areas."""

    def __init__(self) -> None:
        areas = list(Area.objects.all())
        self.by_code = {area.code.upper(): area for area in areas}
        self.by_name: dict[str, list[Area]] = {}
        for area in areas:
            self.by_name.setdefault(area.name, []).append(area)

    def find(self, wijk: str) -> tuple[Area | None, str | None]:
        if not wijk:
            return None, "de wijk ontbreekt."
        area = self.by_code.get(wijk.upper())
        if area is None:
            named = self.by_name.get(wijk, [])
            districts = [a for a in named if a.kind == AreaKind.DISTRICT]
            if len(districts) > 1:
                codes = ", ".join(sorted(a.code for a in districts))
                return None, (
                    f"er zijn meer wijken met de naam '{wijk}' ({codes}). Gebruik de CBS-code."
                )
            area = districts[0] if districts else (named[0] if named else None)
        if area is None:
            if WIJK_CODE_RE.fullmatch(wijk):
                return None, (
                    f"wijk {wijk.upper()} bestaat niet. Lees eerst de CBS-kerncijfers in "
                    "met import_cbs_kerncijfers."
                )
            hint = self._similar(wijk)
            return None, f"wijk '{wijk}' bestaat niet." + (
                f" Bedoelt u '{hint}'?" if hint else " Gebruik de naam of de CBS-code (WK…)."
            )
        if area.kind != AreaKind.DISTRICT:
            code = "" if area.code.upper() == wijk.upper() else f" ({area.code})"
            return None, f"'{wijk}' is {KIND_LABELS.get(area.kind, area.kind)}{code}, geen wijk."
        return area, None

    def _similar(self, wijk: str) -> str | None:
        folded = wijk.casefold()
        for name, areas in self.by_name.items():
            if name.strip().casefold() == folded and any(
                a.kind == AreaKind.DISTRICT for a in areas
            ):
                return name
        return None


# --- writing --------------------------------------------------------------------------------


def _write(rows: list[_Row], replace: bool) -> PostcodeImportReport:
    report = PostcodeImportReport(in_file=len(rows))
    existing = {m.postcode4: m for m in PostcodeArea.objects.all()}
    to_create, to_update = [], []
    for row in rows:
        mapping = existing.pop(row.postcode4, None)
        if mapping is None:
            to_create.append(
                PostcodeArea(postcode4=row.postcode4, district=row.district, is_approximate=False)
            )
        elif mapping.district_id != row.district.pk or mapping.is_approximate:
            mapping.district, mapping.is_approximate = row.district, False
            to_update.append(mapping)
        else:
            report.unchanged += 1
    PostcodeArea.objects.bulk_create(to_create)
    PostcodeArea.objects.bulk_update(to_update, ["district", "is_approximate"])
    report.created, report.changed = len(to_create), len(to_update)
    if replace:
        PostcodeArea.objects.filter(pk__in=[m.pk for m in existing.values()]).delete()
        report.removed = len(existing)
    else:
        report.not_in_file = len(existing)
        report.still_approximate = sorted(p for p, m in existing.items() if m.is_approximate)
    report.approximate_districts = sorted(
        {row.district.code for row in rows if row.district.is_approximate}
    )
    return report
