import datetime as dt

import pytest
from django.urls import reverse

from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.city.models import (
    Area,
    HouseholdType,
    IncomeNorm,
    PolicyTheme,
    PopulationCount,
    PostcodeArea,
    SchemePercentage,
)


@pytest.mark.parametrize(
    "model", [Area, PostcodeArea, PopulationCount, PolicyTheme, IncomeNorm, SchemePercentage]
)
def test_staff_can_list_and_search_the_reference_data(admin_client, model):
    load_zaanstad_reference_data()
    url = reverse(f"admin:city_{model._meta.model_name}_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "Zaan"}).status_code == 200


def test_a_wijk_page_shows_its_postcodes(admin_client):
    load_zaanstad_reference_data()
    wijk = Area.objects.get(name="Assendelft")
    response = admin_client.get(reverse("admin:city_area_change", args=[wijk.pk]))
    assert response.status_code == 200
    assert "1566" in response.content.decode()


def test_the_norm_list_shows_euros(admin_client):
    IncomeNorm.objects.create(
        household_type=HouseholdType.SINGLE,
        valid_from=dt.date(2026, 1, 1),
        monthly_norm_cents=140_130,
    )
    response = admin_client.get(reverse("admin:city_incomenorm_changelist"))
    assert "€ 1.401,30" in response.content.decode()


def test_staff_enter_a_norm_in_euros(admin_client):
    response = admin_client.post(
        reverse("admin:city_incomenorm_add"),
        {
            "household_type": HouseholdType.COUPLE,
            "valid_from": "2026-07-01",
            "monthly_norm": "2.034,56",
            "note": "Rijksoverheid, juli 2026",
        },
    )
    assert response.status_code == 302
    norm = IncomeNorm.objects.get()
    assert norm.monthly_norm_cents == 203_456
    assert norm.valid_from == dt.date(2026, 7, 1)


def test_a_norm_that_is_not_an_amount_is_refused(admin_client):
    response = admin_client.post(
        reverse("admin:city_incomenorm_add"),
        {
            "household_type": HouseholdType.COUPLE,
            "valid_from": "2026-07-01",
            "monthly_norm": "tweeduizend",
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "Vul een bedrag in euro in" in response.content.decode()
    assert not IncomeNorm.objects.exists()
