"""Import population figures from a CBS "Kerncijfers wijken en buurten" CSV export.

The file is the CSV that CBS Open data / StatLine gives for the table Kerncijfers wijken en
buurten (one table per year): semicolon-separated, latin-1 or UTF-8 (with or without BOM),
values padded with spaces, "." for figures CBS keeps secret. Column names carry a number
suffix that changes per year (`AantalInwoners_5`), so columns are matched without it.

CBS gives the age bands and men/women separately, not crossed. The age × sex cells stored
here are therefore an estimate: each age band is split by the area's share of men and women,
rounded with the largest-remainder method so each band still sums exactly to CBS's count.
The area's `source` says so.

import_kerncijfers() checks the whole file first and then writes everything in one
transaction: either all of it is imported or nothing is. Errors are CbsImportError with a
Dutch message that names the line and column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import IO

from django.db import transaction
from django.db.models import Q

from .apportion import largest_remainder
from .csv_text import decode_csv
from .models import AgeBand, Area, AreaKind, Sex
from .population import save_population

# Normalised column name (suffix dropped, lower case, no spaces) → our name.
COLUMNS = {
    "wijkenenbuurten": "region",
    "gemeentenaam": "municipality_name",
    "soortregio": "kind",
    "codering": "code",
    "aantalinwoners": "inhabitants",
    "mannen": "men",
    "vrouwen": "women",
    "k_0tot15jaar": AgeBand.AGE_0_14,
    "k_15tot25jaar": AgeBand.AGE_15_24,
    "k_25tot45jaar": AgeBand.AGE_25_44,
    "k_45tot65jaar": AgeBand.AGE_45_64,
    "k_65jaarofouder": AgeBand.AGE_65_PLUS,
}
AGE_BANDS = [
    AgeBand.AGE_0_14,
    AgeBand.AGE_15_24,
    AgeBand.AGE_25_44,
    AgeBand.AGE_45_64,
    AgeBand.AGE_65_PLUS,
]
REQUIRED = ["kind", "code", "inhabitants", "men", "women", *AGE_BANDS]
# How CBS names each column, for error messages.
CBS_NAMES = {
    "kind": "SoortRegio",
    "code": "Codering",
    "inhabitants": "AantalInwoners",
    "men": "Mannen",
    "women": "Vrouwen",
    AgeBand.AGE_0_14: "k_0Tot15Jaar",
    AgeBand.AGE_15_24: "k_15Tot25Jaar",
    AgeBand.AGE_25_44: "k_25Tot45Jaar",
    AgeBand.AGE_45_64: "k_45Tot65Jaar",
    AgeBand.AGE_65_PLUS: "k_65JaarOfOuder",
}
KIND_BY_PREFIX = {
    "GM": AreaKind.MUNICIPALITY,
    "WK": AreaKind.DISTRICT,
    "BU": AreaKind.NEIGHBOURHOOD,
}
KIND_BY_LABEL = {
    "gemeente": AreaKind.MUNICIPALITY,
    "wijk": AreaKind.DISTRICT,
    "buurt": AreaKind.NEIGHBOURHOOD,
}
CODE_RE = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")
ANY_CODE_RE = re.compile(r"^(NL|LD|PV|GM|WK|BU)\d+$")
SUPPRESSED = {"", ".", "x", "-", "?"}
MAX_BYTES = 50 * 1024 * 1024  # the national file is about 10 MB


class CbsImportError(ValueError):
    """The file cannot be imported. str(error) is a Dutch message for the user."""


@dataclass
class ImportReport:
    year: int
    municipality_code: str
    municipality_name: str = ""
    created: int = 0
    updated: int = 0
    districts: int = 0
    neighbourhoods: int = 0
    population_cells: int = 0
    rows_ignored: int = 0  # the country, provinces, other municipalities
    without_population: list[str] = field(default_factory=list)  # codes with secret figures
    without_name: list[str] = field(default_factory=list)  # codes the file gives no name for
    still_approximate: list[str] = field(default_factory=list)  # our estimates not in the file
    warnings: list[str] = field(default_factory=list)

    @property
    def areas(self) -> int:
        return self.created + self.updated


@dataclass
class _Row:
    line: int
    code: str
    kind: str
    name: str | None
    municipality_name: str
    inhabitants: int | None
    men: int | None
    women: int | None
    bands: dict[str, int | None]

    @property
    def parent_code(self) -> str | None:
        if self.kind == AreaKind.DISTRICT:
            return "GM" + self.code[2:6]
        if self.kind == AreaKind.NEIGHBOURHOOD:
            return "WK" + self.code[2:8]
        return None


def import_kerncijfers(
    fileobj: IO[bytes] | IO[str], year: int, municipality_code: str
) -> ImportReport:
    """Import one municipality's areas and population from a Kerncijfers CSV export.

    Creates or updates the municipality, its wijken and buurten (linked by their codes:
    BU0479xxyy belongs to WK0479xx, which belongs to GM0479) with is_approximate=False,
    and replaces their population cells for `year`. Rows of other regions are skipped.
    Raises CbsImportError, before writing anything, when the file is not such an export.
    """
    municipality_code = municipality_code.strip().upper()
    if not re.fullmatch(r"GM\d{4}", municipality_code):
        raise CbsImportError(
            f"'{municipality_code}' is geen gemeentecode van het CBS. Een gemeentecode is GM "
            "met vier cijfers, zoals GM0479 voor Zaanstad."
        )
    text = _decode(fileobj.read(MAX_BYTES + 1))
    rows, ignored, names_seen = _parse(text, municipality_code)
    if not rows:
        found = ", ".join(sorted(names_seen)[:5])
        raise CbsImportError(
            f"Dit bestand bevat geen gegevens van gemeente {municipality_code}."
            + (f" Het gaat over: {found}." if found else "")
            + " Kies het bestand van de goede gemeente, of geef de goede code op met"
            " --municipality."
        )
    report = ImportReport(year=year, municipality_code=municipality_code, rows_ignored=ignored)
    _check_parents(rows, municipality_code)
    _check_figures(rows, report)
    with transaction.atomic():
        _write(rows, year, municipality_code, report)
    return report


# --- reading --------------------------------------------------------------------------------


def _decode(data: bytes | str) -> str:
    return decode_csv(
        data,
        max_bytes=MAX_BYTES,
        error=CbsImportError,
        too_big="Dit bestand is te groot voor een bestand met kerncijfers.",
        hint="Download de kerncijfers bij het CBS als CSV-bestand.",
    )


def _normalise_header(name: str) -> str:
    name = name.strip().strip('"').strip().lower().replace(" ", "")
    return re.sub(r"_\d+$", "", name)


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _parse(text: str, municipality_code: str) -> tuple[list[_Row], int, set[str]]:
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise CbsImportError("Dit bestand is leeg of geen CSV-bestand.") from exc
    index: dict[str, int] = {}
    for i, raw in enumerate(header):
        ours = COLUMNS.get(_normalise_header(raw))
        if ours is not None and ours not in index:
            index[ours] = i
    missing = [CBS_NAMES[c] for c in REQUIRED if c not in index]
    if missing:
        raise CbsImportError(
            "Dit is geen CSV-bestand met CBS Kerncijfers wijken en buurten: "
            f"{'de kolom' if len(missing) == 1 else 'de kolommen'} {', '.join(missing)} "
            f"{'ontbreekt' if len(missing) == 1 else 'ontbreken'}. Download het bestand "
            "opnieuw bij het CBS, met de bevolking naar geslacht en leeftijd."
        )
    digits = municipality_code[2:]
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    ignored = 0
    names_seen: set[str] = set()
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue

            def cell(column: str, record=record) -> str:
                i = index.get(column)
                return record[i].strip() if i is not None and i < len(record) else ""

            region = cell("region")
            code = cell("code").upper() or (region.upper() if ANY_CODE_RE.match(region) else "")
            if cell("municipality_name"):
                names_seen.add(cell("municipality_name"))
            if not CODE_RE.match(code) or code[2:6] != digits:
                if code and not ANY_CODE_RE.match(code):
                    raise CbsImportError(
                        f"Regel {line}: '{code}' is geen CBS-code van een gemeente, wijk of buurt."
                    )
                ignored += 1
                continue
            kind = KIND_BY_PREFIX[code[:2]]
            label = cell("kind").lower()
            if KIND_BY_LABEL.get(label) != kind:
                raise CbsImportError(
                    f"Regel {line}: de code {code} past niet bij de soort "
                    f"'{cell('kind')}'. Verwacht: {kind.label}."
                )
            if code in seen:
                raise CbsImportError(
                    f"Regel {line}: {code} staat al op regel {seen[code]}. Elk gebied mag maar "
                    "één keer in het bestand staan."
                )
            seen[code] = line
            name = region if region and not ANY_CODE_RE.match(region.upper()) else None
            if kind == AreaKind.MUNICIPALITY and name is None:
                name = cell("municipality_name") or None
            rows.append(
                _Row(
                    line=line,
                    code=code,
                    kind=kind,
                    name=name,
                    municipality_name=cell("municipality_name"),
                    inhabitants=_count(cell("inhabitants"), line, "inhabitants"),
                    men=_count(cell("men"), line, "men"),
                    women=_count(cell("women"), line, "women"),
                    bands={band: _count(cell(band), line, band) for band in AGE_BANDS},
                )
            )
    except csv.Error as exc:
        raise CbsImportError(
            f"Regel {reader.line_num}: dit deel van het bestand is geen geldige CSV ({exc})."
        ) from exc
    return rows, ignored, names_seen


def _count(value: str, line: int, column: str) -> int | None:
    """A CBS count: "1 234" → 1234; "." and empty (secret or unknown) → None."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", value)
    if compact in SUPPRESSED:
        return None
    match = re.fullmatch(r"(\d+)(?:\.0+)?", compact)
    if not match:
        raise CbsImportError(
            f"Regel {line}, kolom {CBS_NAMES[column]}: '{value}' is geen aantal. "
            "Verwacht: een heel getal, of een punt als het CBS het getal geheim houdt."
        )
    return int(match.group(1))


# --- checking -------------------------------------------------------------------------------


def _check_parents(rows: list[_Row], municipality_code: str) -> None:
    in_file = {row.code for row in rows}
    needed = {row.parent_code for row in rows if row.kind == AreaKind.NEIGHBOURHOOD}
    in_db = set(Area.objects.filter(code__in=needed - in_file).values_list("code", flat=True))
    for row in rows:
        if row.kind == AreaKind.NEIGHBOURHOOD and row.parent_code not in in_file | in_db:
            raise CbsImportError(
                f"Regel {row.line}: buurt {row.code} hoort bij wijk {row.parent_code}, maar die "
                "wijk staat niet in het bestand en ook nog niet in de database."
            )


def _check_figures(rows: list[_Row], report: ImportReport) -> None:
    for row in rows:
        bands = list(row.bands.values())
        if None in bands or row.men is None or row.women is None:
            report.without_population.append(row.code)
            continue
        band_sum = sum(bands)  # type: ignore[arg-type]
        if row.inhabitants and row.inhabitants >= 1000 and band_sum * 2 < row.inhabitants:
            raise CbsImportError(
                f"Regel {row.line}: de leeftijdsgroepen van {row.code} tellen op tot {band_sum}, "
                f"maar er wonen {row.inhabitants} mensen. In oudere CBS-bestanden zijn de "
                "leeftijdsgroepen percentages; gebruik een bestand met aantallen."
            )
        if band_sum and row.men + row.women == 0:
            report.without_population.append(row.code)
            continue
        if row.inhabitants is not None and band_sum != row.inhabitants:
            report.warnings.append(
                f"{row.code}: de leeftijdsgroepen tellen op tot {band_sum}, het aantal inwoners "
                f"is {row.inhabitants}. De leeftijdsgroepen zijn overgenomen."
            )


# --- writing --------------------------------------------------------------------------------


def _source(year: int) -> str:
    return (
        f"CBS Kerncijfers wijken en buurten {year}. Leeftijd × geslacht is geschat: elke "
        "leeftijdsgroep is verdeeld naar het aandeel mannen en vrouwen van het gebied."
    )


def cross_age_and_sex(bands: dict[str, int], men: int, women: int) -> dict[tuple[str, str], int]:
    """Estimate age × sex cells from separate margins; each band sums exactly to its count."""
    cells: dict[tuple[str, str], int] = {}
    for band, count in bands.items():
        male, female = largest_remainder(count, [men, women])
        cells[(band, Sex.MALE)] = male
        cells[(band, Sex.FEMALE)] = female
    return cells


def _fallback_name(row: _Row) -> str:
    label = {
        AreaKind.MUNICIPALITY: "Gemeente",
        AreaKind.DISTRICT: "Wijk",
        AreaKind.NEIGHBOURHOOD: "Buurt",
    }[row.kind]
    return f"{label} {row.code}"


def _write(rows: list[_Row], year: int, municipality_code: str, report: ImportReport) -> None:
    order = {AreaKind.MUNICIPALITY: 0, AreaKind.DISTRICT: 1, AreaKind.NEIGHBOURHOOD: 2}
    rows = sorted(rows, key=lambda r: (order[r.kind], r.code))
    source = _source(year)
    existing = {a.code: a for a in Area.objects.filter(code__in=[r.code for r in rows])}
    areas: dict[str, Area] = {}

    municipality = (
        existing.get(municipality_code) or Area.objects.filter(code=municipality_code).first()
    )
    if municipality_code not in {r.code for r in rows} and municipality is None:
        name = next((r.municipality_name for r in rows if r.municipality_name), "")
        municipality = Area.objects.create(
            code=municipality_code,
            name=name or f"Gemeente {municipality_code}",
            kind=AreaKind.MUNICIPALITY,
            source=source,
        )
        report.created += 1
    if municipality is not None:
        areas[municipality_code] = municipality

    for row in rows:
        old = existing.get(row.code)
        name = row.name
        if name is None:
            # Keep a name someone gave it; our own estimates' names do not belong to CBS codes.
            if old is not None and not old.is_approximate:
                name = old.name
            else:
                name = _fallback_name(row)
                report.without_name.append(row.code)
        parent = None
        if row.parent_code is not None:
            parent = areas.get(row.parent_code) or Area.objects.get(code=row.parent_code)
        area, created = Area.objects.update_or_create(
            code=row.code,
            defaults={
                "name": name,
                "kind": row.kind,
                "parent": parent,
                "is_approximate": False,
                "source": source,
            },
        )
        areas[row.code] = area
        report.created += created
        report.updated += not created
        if row.kind == AreaKind.DISTRICT:
            report.districts += 1
        elif row.kind == AreaKind.NEIGHBOURHOOD:
            report.neighbourhoods += 1
        else:
            report.municipality_name = area.name
        if row.code in report.without_population:
            continue
        cells = cross_age_and_sex(row.bands, row.men, row.women)  # type: ignore[arg-type]
        save_population(area, year, cells, is_approximate=False)
        report.population_cells += len(cells)

    if not report.municipality_name and municipality is not None:
        report.municipality_name = municipality.name
    digits = municipality_code[2:]
    report.still_approximate = list(
        Area.objects.filter(
            Q(code=municipality_code)
            | Q(code__startswith="WK" + digits)
            | Q(code__startswith="BU" + digits),
            is_approximate=True,
        ).values_list("code", flat=True)
    )
