import datetime as dt

import pytest

from zaansepas.city.lookups import (
    DEFAULT_SCHEME_PERCENTAGE,
    NoNormFound,
    active_themes,
    norm_on,
    scheme_percentage_on,
)
from zaansepas.city.models import HouseholdType, IncomeNorm, PolicyTheme, SchemePercentage


@pytest.fixture
def single_norms(db):
    for valid_from, cents in [
        (dt.date(2025, 1, 1), 135_000),
        (dt.date(2025, 7, 1), 137_000),
        (dt.date(2026, 1, 1), 140_000),
    ]:
        IncomeNorm.objects.create(
            household_type=HouseholdType.SINGLE, valid_from=valid_from, monthly_norm_cents=cents
        )
    # Another household type must not leak into the single person's lookup.
    IncomeNorm.objects.create(
        household_type=HouseholdType.COUPLE,
        valid_from=dt.date(2025, 12, 1),
        monthly_norm_cents=200_000,
    )


def cents_on(day):
    return norm_on(HouseholdType.SINGLE, day).monthly_norm_cents


def test_a_norm_applies_from_its_first_day(single_norms):
    assert cents_on(dt.date(2026, 1, 1)) == 140_000


def test_a_norm_does_not_apply_the_day_before_it_starts(single_norms):
    assert cents_on(dt.date(2025, 12, 31)) == 137_000


def test_it_picks_the_latest_norm_that_has_started(single_norms):
    assert cents_on(dt.date(2025, 6, 30)) == 135_000
    assert cents_on(dt.date(2025, 7, 1)) == 137_000
    assert cents_on(dt.date(2030, 5, 5)) == 140_000


def test_it_looks_only_at_the_asked_household_type(single_norms):
    assert norm_on(HouseholdType.COUPLE, dt.date(2026, 6, 1)).monthly_norm_cents == 200_000
    with pytest.raises(NoNormFound):
        norm_on(HouseholdType.COUPLE, dt.date(2025, 11, 30))


def test_it_says_clearly_when_no_norm_applies_yet(single_norms):
    with pytest.raises(NoNormFound) as error:
        norm_on(HouseholdType.SINGLE, dt.date(2024, 12, 31))
    assert "alleenstaand" in str(error.value)
    assert "2024-12-31" in str(error.value)
    assert error.value.household_type == HouseholdType.SINGLE


def test_it_says_clearly_when_a_household_type_has_no_norms(single_norms):
    with pytest.raises(NoNormFound):
        norm_on(HouseholdType.SINGLE_PENSION, dt.date(2026, 1, 1))


def test_the_scheme_percentage_is_120_when_none_is_configured(db):
    assert scheme_percentage_on(dt.date(2026, 1, 1)) == DEFAULT_SCHEME_PERCENTAGE == 120


def test_the_scheme_percentage_changes_on_its_first_day(db):
    SchemePercentage.objects.create(valid_from=dt.date(2020, 1, 1), percentage=110)
    SchemePercentage.objects.create(valid_from=dt.date(2026, 1, 1), percentage=130)
    assert scheme_percentage_on(dt.date(2019, 12, 31)) == 120
    assert scheme_percentage_on(dt.date(2020, 1, 1)) == 110
    assert scheme_percentage_on(dt.date(2025, 12, 31)) == 110
    assert scheme_percentage_on(dt.date(2026, 1, 1)) == 130


def test_only_active_themes_are_offered_in_their_order(db):
    PolicyTheme.objects.create(code="sport", name="Sport en bewegen", position=2)
    PolicyTheme.objects.create(code="meedoen", name="Meedoen en ontmoeten", position=1)
    PolicyTheme.objects.create(code="oud", name="Oud thema", position=0, is_active=False)
    assert [t.code for t in active_themes()] == ["meedoen", "sport"]
