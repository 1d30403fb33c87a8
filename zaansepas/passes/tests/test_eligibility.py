import datetime as dt

import pytest

from zaansepas.city.models import HouseholdType, IncomeNorm
from zaansepas.passes.eligibility import derive_household_type, propose
from zaansepas.passes.models import Proposal, Route

from .helpers import NORMS_2025, make_reference_data

DAY = dt.date(2025, 6, 1)


@pytest.fixture
def reference(db):
    return make_reference_data()


def limit_for(norm_cents, pct=120):
    # The largest whole-cent income that is still within pct% of the norm.
    return norm_cents * pct // 100


@pytest.mark.parametrize("household_type", list(HouseholdType))
def test_it_proposes_a_free_pass_at_and_below_the_limit_for_every_household_type(
    reference, household_type
):
    limit = limit_for(NORMS_2025[household_type])
    for income in (limit - 1, limit):
        result = propose(
            route=Route.INCOME,
            household_type=household_type,
            monthly_income_cents=income,
            on_date=DAY,
        )
        assert result.proposal == Proposal.FREE, (household_type, income)


@pytest.mark.parametrize("household_type", list(HouseholdType))
def test_it_proposes_a_paid_pass_one_cent_above_the_limit_for_every_household_type(
    reference, household_type
):
    limit = limit_for(NORMS_2025[household_type])
    result = propose(
        route=Route.INCOME,
        household_type=household_type,
        monthly_income_cents=limit + 1,
        on_date=DAY,
    )
    assert result.proposal == Proposal.PAID


def test_it_never_rounds_a_fractional_limit_in_the_residents_favour(reference):
    # 120% of €1.401,51 is €1.681,812: €1.681,81 is within, €1.681,82 is not.
    assert (
        propose(
            route=Route.INCOME,
            household_type=HouseholdType.SINGLE,
            monthly_income_cents=168181,
            on_date=DAY,
        ).proposal
        == Proposal.FREE
    )
    assert (
        propose(
            route=Route.INCOME,
            household_type=HouseholdType.SINGLE,
            monthly_income_cents=168182,
            on_date=DAY,
        ).proposal
        == Proposal.PAID
    )


def test_a_norm_dated_1_january_applies_from_that_date_and_not_before(reference):
    IncomeNorm.objects.create(
        household_type=HouseholdType.SINGLE,
        valid_from=dt.date(2026, 1, 1),
        monthly_norm_cents=150000,
    )
    income = 175000  # above 120% of the 2025 norm (168181), below 120% of 2026's (180000)
    before = propose(
        route=Route.INCOME,
        household_type=HouseholdType.SINGLE,
        monthly_income_cents=income,
        on_date=dt.date(2025, 12, 31),
    )
    on = propose(
        route=Route.INCOME,
        household_type=HouseholdType.SINGLE,
        monthly_income_cents=income,
        on_date=dt.date(2026, 1, 1),
    )
    assert (before.proposal, before.norm_cents) == (Proposal.PAID, 140151)
    assert (on.proposal, on.norm_cents) == (Proposal.FREE, 150000)


def test_the_reasoning_shows_the_norm_the_percentage_and_the_income(reference):
    result = propose(
        route=Route.INCOME,
        household_type=HouseholdType.SINGLE_PARENT,
        monthly_income_cents=150000,
        on_date=DAY,
    )
    text = result.reasoning_text
    assert "alleenstaande ouder" in text
    assert "€ 1.401,51" in text and "120%" in text and "€ 1.681,81" in text and "€ 1.500,00" in text


def test_assistance_and_caregiver_routes_need_staff_confirmation(reference):
    for route in (Route.ASSISTANCE, Route.CAREGIVER):
        result = propose(
            route=route, household_type=HouseholdType.SINGLE, monthly_income_cents=None, on_date=DAY
        )
        assert result.proposal == Proposal.CONFIRM


def test_household_type_follows_partner_children_and_pension_age():
    assert (
        derive_household_type(main_age=30, has_partner=False, has_children=True)
        == HouseholdType.SINGLE_PARENT
    )
    assert (
        derive_household_type(main_age=30, has_partner=True, has_children=True)
        == HouseholdType.COUPLE
    )
    assert (
        derive_household_type(main_age=67, has_partner=False, has_children=False)
        == HouseholdType.SINGLE_PENSION
    )
    assert (
        derive_household_type(main_age=66, has_partner=False, has_children=False)
        == HouseholdType.SINGLE
    )
