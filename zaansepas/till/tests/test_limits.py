"""Every limit kind, period boundaries in Europe/Amsterdam, idempotency. Nothing is
recorded when a redemption is refused."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from zaansepas.offers.models import OfferGroup
from zaansepas.till.models import Redemption
from zaansepas.till.periods import period_start
from zaansepas.till.redemption import redeem_offer

from .helpers import key, make_household_passes, make_offer, make_provider

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return dt.datetime(*args, tzinfo=AMS)


def years_ago(n):
    return dt.date.today() - dt.timedelta(days=n * 365 + 40)


@pytest.fixture
def setup(db):
    provider, location = make_provider()
    adult, kids = make_household_passes(children=[("Amira", years_ago(9)), ("Sami", years_ago(12))])
    return provider, location, adult, kids


def redeem(offer, pass_card, now, **kw):
    return redeem_offer(
        offer_id=offer.pk,
        pass_id=pass_card.pk,
        provider_id=offer.provider_id,
        location_id=kw.pop("location_id", None),
        idempotency_key=kw.pop("k", key()),
        now=now,
        **kw,
    )


def refused(code, offer, pass_card, now, **kw):
    before = Redemption.objects.count()
    with pytest.raises(ValidationError) as error:
        redeem(offer, pass_card, now, **kw)
    assert error.value.code == code, error.value.messages
    assert Redemption.objects.count() == before
    return error.value.messages[0]


def test_once_per_month_resets_at_local_midnight_on_the_first(setup):
    provider, _, adult, _ = setup
    offer = make_offer(provider, per_pass_limit=1, per_pass_period="maand")
    redeem(offer, adult, at(2026, 1, 31, 23, 59))
    refused("limit_pass", offer, adult, at(2026, 1, 31, 23, 59, 30))
    redeem(offer, adult, at(2026, 2, 1, 0, 0))  # 23:00 UTC on 31 January, but February here


def test_per_day_week_year_and_lifetime_limits(setup):
    provider, _, adult, _ = setup
    daily = make_offer(provider, title="dag", per_pass_limit=1, per_pass_period="dag")
    redeem(daily, adult, at(2026, 3, 10, 9))
    refused("limit_pass", daily, adult, at(2026, 3, 10, 23, 59))
    redeem(daily, adult, at(2026, 3, 11, 0, 1))
    weekly = make_offer(provider, title="week", per_pass_limit=2, per_pass_period="week")
    redeem(weekly, adult, at(2026, 3, 9, 8))  # Monday
    redeem(weekly, adult, at(2026, 3, 15, 23))  # Sunday
    refused("limit_pass", weekly, adult, at(2026, 3, 15, 23, 30))
    redeem(weekly, adult, at(2026, 3, 16, 0, 0))  # next Monday
    yearly = make_offer(provider, title="jaar", per_pass_limit=1, per_pass_period="jaar")
    redeem(yearly, adult, at(2025, 12, 31, 23, 59))
    redeem(yearly, adult, at(2026, 1, 1, 0, 0))
    once = make_offer(provider, title="ooit", per_pass_limit=1, per_pass_period="altijd")
    redeem(once, adult, at(2020, 5, 1, 12))
    refused("limit_pass", once, adult, at(2030, 5, 1, 12))


def test_pass_year_runs_from_the_pass_issue_date():
    start = period_start("pasjaar", at(2027, 3, 14, 10), dt.date(2026, 3, 15))
    assert start == at(2026, 3, 15, 0, 0)
    assert period_start("pasjaar", at(2027, 3, 15, 0, 0), dt.date(2026, 3, 15)) == at(2027, 3, 15)


def test_a_household_limit_is_shared_between_its_members(setup):
    provider, _, adult, kids = setup
    offer = make_offer(provider, per_household_limit=2, per_household_period="jaar")
    redeem(offer, kids[0], at(2026, 4, 1, 10))
    redeem(offer, kids[1], at(2026, 4, 1, 10, 5))
    refused("limit_household", offer, adult, at(2026, 4, 1, 10, 10))


def test_global_quota_and_capacity_per_date(setup):
    provider, _, adult, kids = setup
    quota = make_offer(provider, title="quota", global_quota=2)
    redeem(quota, adult, at(2026, 5, 1, 10))
    redeem(quota, kids[0], at(2026, 5, 1, 10))
    refused("quota", quota, kids[1], at(2026, 5, 2, 10))
    table = make_offer(
        provider, title="aanschuiftafel", kind="plek", regular_price_cents=None, capacity_per_date=2
    )
    redeem(table, adult, at(2026, 5, 1, 18))
    redeem(table, kids[0], at(2026, 5, 1, 18))
    refused("capacity", table, kids[1], at(2026, 5, 1, 18, 30))
    redeem(table, kids[1], at(2026, 5, 2, 18))


def test_pick_one_from_a_group_per_year(setup):
    provider, _, adult, _ = setup
    group = OfferGroup.objects.create(name="1 sport per jaar", picks=1, period="jaar")
    football = make_offer(provider, title="voetbal", group=group)
    swimming = make_offer(provider, title="zwemmen", group=group)
    redeem(football, adult, at(2026, 2, 1, 10))
    redeem(football, adult, at(2026, 3, 1, 10))  # the same choice again is fine
    refused("group", swimming, adult, at(2026, 3, 1, 10))
    redeem(swimming, adult, at(2027, 1, 1, 10))


def test_offer_dates_location_status_and_pass_status(setup):
    provider, location, adult, _ = setup
    other_provider, other_location = make_provider("87654321")
    offer = make_offer(provider, valid_from=dt.date(2026, 6, 1), valid_until=dt.date(2026, 6, 30))
    offer.locations.add(location)
    refused("offer_dates", offer, adult, at(2026, 5, 31, 23, 59))
    refused("location", offer, adult, at(2026, 6, 1, 12), location_id=other_location.pk)
    draft = make_offer(provider, title="concept", status="concept")
    refused("offer", draft, adult, at(2026, 6, 1, 12))
    other = make_offer(other_provider, title="van een ander")
    with pytest.raises(ValidationError):
        redeem_offer(
            offer_id=other.pk,
            pass_id=adult.pk,
            provider_id=provider.pk,
            location_id=None,
            idempotency_key=key(),
            now=at(2026, 6, 1, 12),
        )
    from zaansepas.passes.actions import block_pass

    block_pass(adult, actor=None, reason="kwijt")
    assert "geblokkeerd" in refused("pass", offer, adult, at(2026, 6, 1, 12))


def test_offers_only_for_low_incomes_never_go_through_a_pass_scan(setup):
    provider, _, adult, _ = setup
    minima = make_offer(provider, for_everyone=False, for_low_income=True)
    message = refused("ticket", minima, adult, at(2026, 6, 1, 12))
    assert "reservering" in message  # the same words for every holder


def test_a_child_offer_is_for_child_passes(setup):
    provider, _, adult, kids = setup
    kids_offer = make_offer(provider, for_everyone=False, for_children=True)
    refused("target", kids_offer, adult, at(2026, 6, 1, 12))
    redeem(kids_offer, kids[0], at(2026, 6, 1, 12))


def test_the_same_key_twice_is_one_redemption_and_another_body_is_refused(setup):
    provider, _, adult, kids = setup
    offer = make_offer(
        provider,
        kind="categorie",
        regular_price_cents=None,
        percent_off=20,
        category_label="fietsreparatie",
    )
    first = redeem(offer, adult, at(2026, 6, 1, 12), k="till-1-0001", amount_cents=4550)
    again = redeem(offer, adult, at(2026, 6, 1, 12, 1), k="till-1-0001", amount_cents=4550)
    assert not first.replayed and again.replayed
    assert again.redemption.pk == first.redemption.pk and Redemption.objects.count() == 1
    assert (first.redemption.discount_cents, first.redemption.pass_price_cents) == (910, 3640)
    refused("key_reused", offer, adult, at(2026, 6, 1, 12, 2), k="till-1-0001", amount_cents=999)
    refused("amount", offer, kids[0], at(2026, 6, 1, 12, 3), amount_cents=0)


def test_the_till_screen_counts_limits_in_the_same_few_queries_for_any_number_of_offers(setup):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from zaansepas.till.screen import offers_for_pass

    provider, _location, adult, _kids = setup
    group = OfferGroup.objects.create(name="Sport", picks=1, period="jaar")

    def add_offers(n):
        for i in range(n):
            make_offer(
                provider,
                title=f"Aanbod {i}",
                per_pass_limit=2,
                per_pass_period="week",
                per_household_limit=5,
                global_quota=100,
                capacity_per_date=50,
                group=group if i % 2 else None,
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            listed = offers_for_pass(provider, adult.pk)
        return len(captured), len(listed)

    add_offers(3)
    few, listed = queries()
    add_offers(9)
    many, listed_many = queries()
    assert (listed, listed_many) == (3, 12)
    assert many == few, (few, many)
