import datetime as dt

import pytest
from django.db.models import Sum

from zaansepas.city.demo_data import (
    APPROXIMATE_SOURCE,
    DEMO_YEAR,
    load_zaanstad_reference_data,
)
from zaansepas.city.lookups import district_for_postcode, norm_on, scheme_percentage_on
from zaansepas.city.models import (
    Area,
    AreaKind,
    HouseholdType,
    IncomeNorm,
    PolicyTheme,
    PopulationCount,
    PostcodeArea,
    SchemePercentage,
)

MODELS = [Area, PostcodeArea, PopulationCount, PolicyTheme, IncomeNorm, SchemePercentage]


def snapshot():
    """Every row of every city table, as plain values."""
    return {model.__name__: sorted(map(repr, model.objects.values())) for model in MODELS}


def population(area):
    return PopulationCount.objects.filter(area=area, year=DEMO_YEAR).aggregate(n=Sum("count"))["n"]


@pytest.fixture
def loaded(db):
    return load_zaanstad_reference_data()


def test_loading_twice_changes_nothing(loaded):
    before = snapshot()
    again = load_zaanstad_reference_data()
    assert snapshot() == before
    assert again.areas == loaded.areas


def test_it_loads_zaanstad_with_its_wijken_and_buurten(loaded):
    municipality = Area.objects.get(code="GM0479")
    assert municipality.name == "Zaanstad"
    wijken = Area.objects.filter(kind=AreaKind.DISTRICT)
    assert wijken.count() >= 14
    assert set(wijken.values_list("parent__code", flat=True)) == {"GM0479"}
    assert all(w.code.startswith("WK0479") and len(w.code) == 8 for w in wijken)
    assert {"Poelenburg", "Krommenie", "Assendelft", "Westzaan"} <= set(
        wijken.values_list("name", flat=True)
    )
    for wijk in wijken:
        buurten = wijk.children.all()
        assert 2 <= len(buurten) <= 4
        assert all(b.code.startswith("BU" + wijk.code[2:]) and len(b.code) == 10 for b in buurten)


def test_everything_geographic_is_flagged_as_an_estimate(loaded):
    assert not Area.objects.filter(is_approximate=False).exists()
    assert set(Area.objects.values_list("source", flat=True)) == {APPROXIMATE_SOURCE}
    assert not PopulationCount.objects.filter(is_approximate=False).exists()
    assert not PostcodeArea.objects.filter(is_approximate=False).exists()


def test_the_population_adds_up_from_buurt_to_wijk_to_municipality(loaded):
    municipality = Area.objects.get(code="GM0479")
    total = population(municipality)
    assert 150_000 <= total <= 165_000
    wijken = Area.objects.filter(kind=AreaKind.DISTRICT)
    assert sum(population(w) for w in wijken) == total
    for wijk in wijken:
        for band_sex in PopulationCount.objects.filter(area=wijk, year=DEMO_YEAR):
            buurt_cells = PopulationCount.objects.filter(
                area__parent=wijk, year=DEMO_YEAR, age_band=band_sex.age_band, sex=band_sex.sex
            ).aggregate(n=Sum("count"))["n"]
            assert buurt_cells == band_sex.count
    # Every area has all 5 age bands × 2 sexes.
    assert PopulationCount.objects.count() == Area.objects.count() * 10


def test_postcodes_of_zaanstad_lead_to_a_wijk(loaded):
    assert district_for_postcode("1503 AB").kind == AreaKind.DISTRICT
    assert district_for_postcode("1566").name == "Assendelft"
    assert district_for_postcode("1521 AA").name == "Wormerveer"
    assert district_for_postcode("1011 AB") is None  # Amsterdam
    assert district_for_postcode("1531 AA") is None  # Wormer: municipality Wormerland
    assert PostcodeArea.objects.count() >= 20


def test_it_loads_six_active_themes(loaded):
    themes = PolicyTheme.objects.filter(is_active=True)
    assert themes.count() == 6
    assert all(t.description for t in themes)


def test_it_loads_dated_norms_for_every_household_type(loaded):
    for household_type in HouseholdType.values:
        dates = set(
            IncomeNorm.objects.filter(household_type=household_type).values_list(
                "valid_from", flat=True
            )
        )
        assert dates == {dt.date(2025, 1, 1), dt.date(2025, 7, 1), dt.date(2026, 1, 1)}
    assert all("Benadering" in n.note for n in IncomeNorm.objects.all())
    single = norm_on(HouseholdType.SINGLE, dt.date(2026, 3, 1)).monthly_norm_cents
    couple = norm_on(HouseholdType.COUPLE, dt.date(2026, 3, 1)).monthly_norm_cents
    single_pension = norm_on(HouseholdType.SINGLE_PENSION, dt.date(2026, 3, 1)).monthly_norm_cents
    assert 130_000 < single < 150_000
    assert 190_000 < couple < 215_000
    assert single_pension > single
    assert scheme_percentage_on(dt.date(2026, 3, 1)) == 120
    assert SchemePercentage.objects.get().valid_from == dt.date(2020, 1, 1)


def test_it_leaves_imported_cbs_areas_alone(db):
    real = Area.objects.create(
        code="GM0479", name="Zaanstad", kind=AreaKind.MUNICIPALITY, source="CBS 2024"
    )
    report = load_zaanstad_reference_data()
    real.refresh_from_db()
    assert not real.is_approximate and real.source == "CBS 2024"
    assert Area.objects.count() == 1
    assert not PopulationCount.objects.exists()
    assert report.skipped
    assert PolicyTheme.objects.count() == 6  # the rest still loads
