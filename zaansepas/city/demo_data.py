"""Reference data of Zaanstad for a demo or a fresh install, loaded on request.

Call load_zaanstad_reference_data() (the `demo` management command does). It is idempotent:
rows are matched on their natural key and created or updated (update_or_create; population
cells the same way, in bulk), so a second run changes nothing.

Everything geographic here is an ESTIMATE and is flagged is_approximate=True: the wijk and
buurt codes are plausible but not CBS's, the buurt names are partly invented, and the
population figures are spread over wijken by hand. Replace them with
`manage.py import_cbs_kerncijfers` (CBS Kerncijfers wijken en buurten). The loader never
overwrites areas or postcode mappings that are not flagged approximate, so running it after
a CBS import leaves the real figures alone.

The income norms are approximations of the Participatiewet norms and say so in their note;
the pass office checks and corrects them in the admin.

load_policy_reference_data() (the `load_reference_data` command, for a real install) loads
only the policy themes, the income norms and the scheme percentage, with the same loaders.
It only adds rows that are missing: what the pass office changed in the admin stays.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from .apportion import largest_remainder
from .models import (
    AgeBand,
    Area,
    AreaKind,
    HouseholdType,
    IncomeNorm,
    PolicyTheme,
    PostcodeArea,
    SchemePercentage,
    Sex,
)
from .population import save_population

MUNICIPALITY_CODE = "GM0479"
MUNICIPALITY_NAME = "Zaanstad"
DEMO_YEAR = 2024
APPROXIMATE_SOURCE = (
    "Benadering voor demo; vervang door import van CBS Kerncijfers wijken en buurten"
)

AGE_BANDS = [
    AgeBand.AGE_0_14,
    AgeBand.AGE_15_24,
    AgeBand.AGE_25_44,
    AgeBand.AGE_45_64,
    AgeBand.AGE_65_PLUS,
]

# Share (percent) of each age band, in the order of AGE_BANDS. Rough shapes, not CBS data.
AGE_PROFILES: dict[str, tuple[int, ...]] = {
    "average": (16, 11, 25, 28, 20),
    "young": (21, 13, 29, 24, 13),  # younger, more children (Poelenburg, Kogerveld)
    "families": (21, 12, 27, 27, 13),  # newer family housing (Saendelft)
    "older": (14, 10, 20, 29, 27),  # older villages along the Zaan
    "urban": (11, 14, 38, 22, 15),  # town centre, many young adults
}

# Share of men per age band (per mille): slightly more boys, more women among the elderly.
MALE_PER_MILLE = (512, 508, 500, 499, 452)


@dataclass(frozen=True)
class DemoDistrict:
    number: int  # the xx in WK0479xx
    name: str
    population: int
    profile: str
    neighbourhoods: tuple[tuple[str, int], ...]  # (name, share in percent)
    postcodes: tuple[str, ...] = ()


# Zaanstad's wijken as the municipality names them. Populations sum to 157,000.
DISTRICTS: tuple[DemoDistrict, ...] = (
    DemoDistrict(
        1,
        "Zaandam-Centrum",
        9_300,
        "urban",
        (("Inverdan", 30), ("Oude Haven", 25), ("Oostzijde", 25), ("Westzijde", 20)),
        ("1500", "1505"),
    ),
    DemoDistrict(
        2,
        "Zaandam-Zuid",
        13_600,
        "average",
        (("Russische buurt", 30), ("Oud-Zuid", 35), ("Vissershop", 25), ("Hembrug", 10)),
        ("1502",),
    ),
    DemoDistrict(
        3,
        "Zaandam-West",
        14_500,
        "average",
        (("Westerwatering", 45), ("Nieuw-West", 30), ("Oud-West", 25)),
        ("1501", "1506"),
    ),
    DemoDistrict(
        4,
        "Rosmolenwijk",
        7_600,
        "young",
        (("Rosmolenwijk-Noord", 50), ("Rosmolenwijk-Zuid", 50)),
        ("1503",),
    ),
    DemoDistrict(
        5,
        "Pelders- en Hoornseveld",
        8_200,
        "young",
        (("Peldersveld", 50), ("Hoornseveld", 50)),
        ("1507",),
    ),
    DemoDistrict(
        6,
        "Poelenburg",
        9_600,
        "young",
        (("Poelenburg-Noord", 35), ("Poelenburg-Midden", 35), ("Poelenburg-Zuid", 30)),
        ("1508",),
    ),
    DemoDistrict(
        7,
        "Zaandam-Oost/Kogerveld",
        8_400,
        "young",
        (("Kogerveld-West", 50), ("Kogerveld-Oost", 50)),
        ("1509",),
    ),
    DemoDistrict(
        8,
        "Zaandam-Noord",
        8_100,
        "average",
        (("Kalf", 30), ("Zaandam-Noord West", 35), ("Zaandam-Noord Oost", 35)),
        ("1504",),
    ),
    DemoDistrict(
        9,
        "Koog aan de Zaan",
        7_500,
        "older",
        (("Oud-Koog", 45), ("Koog-Zuid", 30), ("Koog-Noord", 25)),
        ("1541",),
    ),
    DemoDistrict(
        10,
        "Westerkoog",
        4_600,
        "older",
        (("Westerkoog-Noord", 50), ("Westerkoog-Zuid", 50)),
        ("1542",),
    ),
    DemoDistrict(
        11,
        "Zaandijk",
        8_600,
        "older",
        (("Zaandijk-Oud", 35), ("Rooswijk", 35), ("Zaandijk-West", 30)),
        ("1543", "1544"),
    ),
    DemoDistrict(
        12,
        "Wormerveer",
        11_800,
        "average",
        (("Wormerveer-Noord", 35), ("Wormerveer-Zuid", 35), ("Wormerveer-Centrum", 30)),
        ("1521", "1525"),
    ),
    DemoDistrict(
        13,
        "Krommenie",
        18_000,
        "average",
        (
            ("Krommenie-Oost", 35),
            ("Krommenie-West", 35),
            ("Krommenie-Centrum", 15),
            ("Krommenie-Noord", 15),
        ),
        ("1560", "1561", "1562"),
    ),
    DemoDistrict(
        14,
        "Assendelft",
        23_000,
        "families",
        (("Saendelft", 55), ("Assendelft-Noord", 20), ("Assendelft-Zuid", 20), ("Nauerna", 5)),
        ("1566", "1567"),
    ),
    DemoDistrict(
        15,
        "Westzaan",
        4_200,
        "older",
        (("Westzaan-Noord", 50), ("Westzaan-Zuid", 50)),
        ("1551", "1552", "1553", "1554"),
    ),
)

# (code, name, description) — plain Dutch (B1); the pass office edits them in the admin.
THEMES: tuple[tuple[str, str, str], ...] = (
    (
        "meedoen-ontmoeten",
        "Meedoen en ontmoeten",
        "Andere mensen leren kennen en meedoen in uw buurt. Bijvoorbeeld in een buurthuis, "
        "bij een koffieochtend of als vrijwilliger.",
    ),
    (
        "sport-bewegen",
        "Sport en bewegen",
        "Sporten, zwemmen en buiten bewegen. Voor kinderen, volwassenen en ouderen.",
    ),
    (
        "cultuur-vrije-tijd",
        "Cultuur en vrije tijd",
        "Museum, theater, muziek, bioscoop, bibliotheek en dagjes uit.",
    ),
    (
        "gezondheid-zorg",
        "Gezondheid en zorg",
        "Gezond leven, goed voor uzelf zorgen en zorgen voor een ander.",
    ),
    (
        "werk-leren-taal",
        "Werk, leren en taal",
        "Een cursus volgen, Nederlands leren, beter worden met computer en telefoon, "
        "en hulp bij het zoeken naar werk.",
    ),
    (
        "geld-basisbehoeften",
        "Geld en basisbehoeften",
        "Rondkomen met uw geld: eten, kleding, vervoer, en hulp bij geldzaken.",
    ),
)

NORM_NOTE = (
    "Benadering: bijstandsnorm Participatiewet, netto per maand inclusief vakantietoeslag. "
    "Controleer met de normbedragen van de Rijksoverheid."
)
NORM_DATES = (dt.date(2025, 1, 1), dt.date(2025, 7, 1), dt.date(2026, 1, 1))
# Monthly norms in cents for the dates in NORM_DATES. Approximate, from memory of the
# published amounts (21 up to AOW age; AOW-age norms slightly higher).
NORMS_CENTS: dict[str, tuple[int, int, int]] = {
    HouseholdType.SINGLE: (135_098, 137_180, 140_130),
    HouseholdType.SINGLE_PARENT: (135_098, 137_180, 140_130),
    HouseholdType.COUPLE: (192_997, 195_971, 200_186),
    HouseholdType.SINGLE_PENSION: (145_206, 147_441, 150_580),
    HouseholdType.COUPLE_PENSION: (197_500, 200_540, 204_850),
}
SCHEME_PERCENTAGE = (dt.date(2020, 1, 1), 120)


@dataclass
class Tally:
    """What a loader did with the rows it loads."""

    created: int = 0
    updated: int = 0  # existing rows set to the loader's values
    kept: int = 0  # existing rows left as they were

    @property
    def total(self) -> int:
        return self.created + self.updated + self.kept

    def count(self, created: bool, *, overwrite: bool) -> None:
        if created:
            self.created += 1
        elif overwrite:
            self.updated += 1
        else:
            self.kept += 1


@dataclass
class PolicyReport:
    themes: Tally = field(default_factory=Tally)
    norms: Tally = field(default_factory=Tally)
    percentages: Tally = field(default_factory=Tally)


@dataclass
class DemoReport:
    areas: int = 0
    postcodes: int = 0
    population_cells: int = 0
    themes: int = 0
    norms: int = 0
    percentages: int = 0
    skipped: list[str] = field(default_factory=list)  # what was left alone, and why


def district_code(number: int) -> str:
    return f"WK0479{number:02d}"


def neighbourhood_code(district_number: int, number: int) -> str:
    return f"BU0479{district_number:02d}{number:02d}"


def district_cells(district: DemoDistrict) -> dict[tuple[str, str], int]:
    """The (age band, sex) → count cells of a demo wijk; they sum to its population."""
    band_counts = largest_remainder(district.population, AGE_PROFILES[district.profile])
    cells: dict[tuple[str, str], int] = {}
    for band, band_count, male in zip(AGE_BANDS, band_counts, MALE_PER_MILLE, strict=True):
        men, women = largest_remainder(band_count, [male, 1000 - male])
        cells[(band, Sex.MALE)] = men
        cells[(band, Sex.FEMALE)] = women
    return cells


def split_cells(
    cells: dict[tuple[str, str], int], shares: list[int]
) -> list[dict[tuple[str, str], int]]:
    """Split every cell over parts by shares, so that each cell sums back exactly."""
    parts: list[dict[tuple[str, str], int]] = [{} for _ in shares]
    for key, count in cells.items():
        for part, piece in zip(parts, largest_remainder(count, shares), strict=True):
            part[key] = piece
    return parts


@transaction.atomic
def load_zaanstad_reference_data() -> DemoReport:
    """Load (or refresh) Zaanstad's demo reference data. Idempotent; returns what it wrote."""
    report = DemoReport()
    _load_areas_and_population(report)
    _load_postcodes(report)
    report.themes += _load_themes(overwrite=True).total
    report.norms += _load_norms(overwrite=True).total
    report.percentages += _load_scheme_percentage(overwrite=True).total
    return report


@transaction.atomic
def load_policy_reference_data() -> PolicyReport:
    """Add the policy themes, income norms and scheme percentage that are missing.

    For a real install: areas, postcodes and population are not touched (they come from
    the CBS import and the postcode import), and rows that already exist are left as the
    pass office set them in the admin. Idempotent.
    """
    return PolicyReport(
        themes=_load_themes(overwrite=False),
        norms=_load_norms(overwrite=False),
        percentages=_load_scheme_percentage(overwrite=False),
    )


def _load_areas_and_population(report: DemoReport) -> None:
    in_zaanstad = (
        Q(code=MUNICIPALITY_CODE) | Q(code__startswith="WK0479") | Q(code__startswith="BU0479")
    )
    real = Area.objects.filter(in_zaanstad, is_approximate=False)
    if real.exists():
        report.skipped.append(
            "Gebieden en bevolking: er zijn al echte CBS-gegevens van Zaanstad; die blijven staan."
        )
        return
    approx = {"is_approximate": True, "source": APPROXIMATE_SOURCE}
    municipality, _ = Area.objects.update_or_create(
        code=MUNICIPALITY_CODE,
        defaults={
            "name": MUNICIPALITY_NAME,
            "kind": AreaKind.MUNICIPALITY,
            "parent": None,
            **approx,
        },
    )
    report.areas += 1
    municipality_cells: Counter[tuple[str, str]] = Counter()
    for district in DISTRICTS:
        wijk, _ = Area.objects.update_or_create(
            code=district_code(district.number),
            defaults={
                "name": district.name,
                "kind": AreaKind.DISTRICT,
                "parent": municipality,
                **approx,
            },
        )
        report.areas += 1
        cells = district_cells(district)
        _write_population(wijk, cells, report)
        municipality_cells.update(cells)
        shares = [share for _, share in district.neighbourhoods]
        for number, ((name, _share), buurt_cells) in enumerate(
            zip(district.neighbourhoods, split_cells(cells, shares), strict=True), start=1
        ):
            buurt, _ = Area.objects.update_or_create(
                code=neighbourhood_code(district.number, number),
                defaults={"name": name, "kind": AreaKind.NEIGHBOURHOOD, "parent": wijk, **approx},
            )
            report.areas += 1
            _write_population(buurt, buurt_cells, report)
    _write_population(municipality, municipality_cells, report)


def _write_population(area: Area, cells: dict[tuple[str, str], int], report: DemoReport) -> None:
    save_population(area, DEMO_YEAR, cells, is_approximate=True)
    report.population_cells += len(cells)


def _load_postcodes(report: DemoReport) -> None:
    districts = {a.code: a for a in Area.objects.filter(kind=AreaKind.DISTRICT)}
    for district in DISTRICTS:
        wijk = districts.get(district_code(district.number))
        for postcode4 in district.postcodes:
            existing = PostcodeArea.objects.filter(postcode4=postcode4).first()
            if existing is not None and not existing.is_approximate:
                report.skipped.append(f"Postcode {postcode4}: echte indeling blijft staan.")
                continue
            if wijk is None:
                report.skipped.append(
                    f"Postcode {postcode4}: wijk {district_code(district.number)} bestaat niet."
                )
                continue
            PostcodeArea.objects.update_or_create(
                postcode4=postcode4, defaults={"district": wijk, "is_approximate": True}
            )
            report.postcodes += 1


def _load_themes(*, overwrite: bool) -> Tally:
    tally = Tally()
    for position, (code, name, description) in enumerate(THEMES, start=1):
        values = {
            "name": name,
            "description": description,
            "position": position,
            "is_active": True,
        }
        _, created = _save(PolicyTheme, {"code": code}, values, overwrite=overwrite)
        tally.count(created, overwrite=overwrite)
    return tally


def _load_norms(*, overwrite: bool) -> Tally:
    tally = Tally()
    for household_type, amounts in NORMS_CENTS.items():
        for valid_from, cents in zip(NORM_DATES, amounts, strict=True):
            _, created = _save(
                IncomeNorm,
                {"household_type": household_type, "valid_from": valid_from},
                {"monthly_norm_cents": cents, "note": NORM_NOTE},
                overwrite=overwrite,
            )
            tally.count(created, overwrite=overwrite)
    return tally


def _load_scheme_percentage(*, overwrite: bool) -> Tally:
    tally = Tally()
    valid_from, percentage = SCHEME_PERCENTAGE
    _, created = _save(
        SchemePercentage,
        {"valid_from": valid_from},
        {"percentage": percentage},
        overwrite=overwrite,
    )
    tally.count(created, overwrite=overwrite)
    return tally


def _save(model, key: dict, values: dict, *, overwrite: bool):
    """update_or_create when overwriting, else get_or_create: an existing row stays as is."""
    if overwrite:
        return model.objects.update_or_create(**key, defaults=values)
    return model.objects.get_or_create(**key, defaults=values)
