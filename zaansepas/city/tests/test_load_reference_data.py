import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.city.models import (
    Area,
    IncomeNorm,
    PolicyTheme,
    PopulationCount,
    PostcodeArea,
    SchemePercentage,
)

DATA = Path(__file__).parent / "data"
POLICY = [PolicyTheme, IncomeNorm, SchemePercentage]
GEOGRAPHY = [Area, PostcodeArea, PopulationCount]


def run():
    out = io.StringIO()
    call_command("load_reference_data", stdout=out)
    return out.getvalue()


def snapshot(models):
    return {model.__name__: sorted(map(repr, model.objects.values())) for model in models}


def test_it_loads_themes_norms_and_the_percentage_and_nothing_else(db):
    output = run()
    assert PolicyTheme.objects.filter(is_active=True).count() == 6
    assert IncomeNorm.objects.count() == 15  # 5 household types × 3 dates
    assert SchemePercentage.objects.get().percentage == 120
    assert not Area.objects.exists()
    assert not PostcodeArea.objects.exists()
    assert not PopulationCount.objects.exists()
    assert not get_user_model().objects.exists()  # no demo accounts with a known password
    assert "Beleidsthema's: 6 nieuw, 0 al aanwezig" in output
    assert "Bijstandsnormen: 15 nieuw" in output
    assert "Inkomensgrens: 1 nieuw" in output


def test_running_it_twice_gives_the_same_rows(db):
    run()
    before = snapshot(POLICY)
    output = run()
    assert snapshot(POLICY) == before
    assert "Beleidsthema's: 0 nieuw, 6 al aanwezig" in output
    assert "Bijstandsnormen: 0 nieuw, 15 al aanwezig" in output


def test_it_keeps_what_the_pass_office_changed_and_adds_what_is_missing(db):
    run()
    PolicyTheme.objects.filter(code="sport-bewegen").update(name="Sporten", is_active=False)
    IncomeNorm.objects.filter(household_type="alleenstaand").update(monthly_norm_cents=141_000)
    SchemePercentage.objects.update(percentage=130)
    PolicyTheme.objects.filter(code="gezondheid-zorg").delete()
    output = run()
    sport = PolicyTheme.objects.get(code="sport-bewegen")
    assert (sport.name, sport.is_active) == ("Sporten", False)
    assert set(
        IncomeNorm.objects.filter(household_type="alleenstaand").values_list(
            "monthly_norm_cents", flat=True
        )
    ) == {141_000}
    assert SchemePercentage.objects.get().percentage == 130
    assert PolicyTheme.objects.filter(code="gezondheid-zorg").exists()
    assert "Beleidsthema's: 1 nieuw, 5 al aanwezig" in output


def test_it_leaves_imported_areas_postcodes_and_population_alone(db):
    call_command(
        "import_cbs_kerncijfers", str(DATA / "kerncijfers_zaanstad_2024.csv"), stdout=io.StringIO()
    )
    Area.objects.filter(code="WK047906").update(name="Poelenburg")
    call_command("import_postcodes", str(DATA / "postcodes_zaanstad.csv"), stdout=io.StringIO())
    assert PostcodeArea.objects.count() == 4
    before = snapshot(GEOGRAPHY)
    run()
    assert snapshot(GEOGRAPHY) == before


@pytest.mark.parametrize("loader", ["demo", "reference"])
def test_the_demo_loader_still_resets_themes_but_the_reference_command_does_not(db, loader):
    load_zaanstad_reference_data()
    PolicyTheme.objects.filter(code="sport-bewegen").update(name="Sporten")
    if loader == "demo":
        load_zaanstad_reference_data()
        assert PolicyTheme.objects.get(code="sport-bewegen").name == "Sport en bewegen"
    else:
        run()
        assert PolicyTheme.objects.get(code="sport-bewegen").name == "Sporten"
