"""Reservations and tickets: places per date, ticket-only offers, limits that count open
tickets, using a ticket at the till. Refusals write nothing."""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from zaansepas.offers.models import OfferKind, OpeningHours, Reservation, ReservationStatus
from zaansepas.offers.reservations import (
    bookable_days,
    cancel_reservation,
    format_ticket_code,
    reserve_offer,
    ticket_code_from,
)
from zaansepas.passes.models import PassStatus, Tier
from zaansepas.till.models import Redemption
from zaansepas.till.redemption import cancel_redemption, redeem_offer
from zaansepas.till.tests.helpers import (
    in_parallel,
    key,
    make_household_passes,
    make_offer,
    make_provider,
)
from zaansepas.till.tickets import check_ticket, redeem_ticket

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=AMS)  # a Tuesday
TODAY = NOW.date()


def reserve(offer, pass_card, day=TODAY, request_key=None, now=NOW):
    return reserve_offer(
        offer_id=offer.pk,
        pass_id=pass_card.pk,
        service_date=day,
        request_key=request_key or uuid.uuid4(),
        now=now,
    )


def refused(expected, fn, *args, **kwargs):
    with pytest.raises(ValidationError) as exc:
        fn(*args, **kwargs)
    assert exc.value.code == expected, exc.value.messages
    return exc.value.messages[0]


@pytest.fixture
def provider(db):
    return make_provider()[0]


@pytest.fixture
def household(db):
    return make_household_passes()[0]


def other_passes(n):
    return [make_household_passes()[0] for _ in range(n)]


def test_places_per_date_are_capped_and_a_full_day_says_so(provider, household):
    kitchen = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=2)
    a, b = other_passes(2)
    later = TODAY + dt.timedelta(days=2)
    reserve(kitchen, household, later)
    reserve(kitchen, a, later)
    message = refused("capacity", reserve, kitchen, b, later)
    assert "Op deze dag zijn alle plekken bezet" in message
    # Another day still has room.
    reserve(kitchen, b, later + dt.timedelta(days=1))
    assert dict(bookable_days(kitchen, TODAY))[later] == 0


def test_walk_ins_and_tickets_share_the_capacity_of_today(provider, household):
    kitchen = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=2)
    a, b = other_passes(2)
    reserve(kitchen, household)
    redeem_offer(
        offer_id=kitchen.pk,
        pass_id=a.pk,
        provider_id=provider.pk,
        location_id=None,
        idempotency_key=key(),
        now=NOW,
    )
    refused(
        "capacity",
        redeem_offer,
        offer_id=kitchen.pk,
        pass_id=b.pk,
        provider_id=provider.pk,
        location_id=None,
        idempotency_key=key(),
        now=NOW,
    )
    # Using the ticket counts its place once, not twice: it still fits.
    ticket = Reservation.objects.get(pass_card=household)
    redeem_ticket(code=ticket.code, provider_id=provider.pk, idempotency_key=key(), now=NOW)
    assert Redemption.objects.filter(offer=kitchen, cancelled_at__isnull=True).count() == 2


def test_ticket_only_offers_go_to_the_holders_they_are_for(provider, household):
    minima = make_offer(provider, title="Voetbalkaartjes", for_everyone=False, for_low_income=True)
    carers = make_offer(provider, title="Massage", for_everyone=False, for_caregivers=True)
    standard = other_passes(1)[0]
    standard.tier = Tier.STANDARD
    standard.save()
    reserve(minima, household)  # bijstand
    refused("target", reserve, carers, household)
    refused("target", reserve, minima, standard)
    # The pass itself is never enough at the till for these offers.
    refused(
        "ticket",
        redeem_offer,
        offer_id=minima.pk,
        pass_id=household.pk,
        provider_id=provider.pk,
        location_id=None,
        idempotency_key=key(),
        now=NOW,
    )
    assert Reservation.objects.count() == 1


def test_open_tickets_count_in_the_per_pass_limit_until_cancelled(provider, household):
    offer = make_offer(
        provider,
        kind=OfferKind.PLACE,
        capacity_per_date=10,
        per_pass_limit=1,
        per_pass_period="jaar",
    )
    first = reserve(offer, household, TODAY + dt.timedelta(days=1))
    refused("limit_pass", reserve, offer, household, TODAY + dt.timedelta(days=3))
    cancel_reservation(reservation_id=first.pk, now=NOW)
    reserve(offer, household, TODAY + dt.timedelta(days=3))


def test_a_missed_ticket_holds_nothing_after_its_day(provider, household):
    offer = make_offer(
        provider,
        kind=OfferKind.PLACE,
        capacity_per_date=10,
        per_pass_limit=1,
        per_pass_period="jaar",
    )
    reserve(offer, household, TODAY)
    tomorrow = NOW + dt.timedelta(days=1)
    reserve(offer, household, tomorrow.date(), now=tomorrow)


def test_household_limit_counts_tickets_of_other_members(provider):
    adult, kids = make_household_passes(children=[("Amira", dt.date(2017, 5, 1))])
    offer = make_offer(
        provider,
        for_everyone=False,
        for_low_income=True,
        per_household_limit=1,
        per_household_period="maand",
    )
    reserve(offer, adult)
    refused("limit_household", reserve, offer, kids[0])


def test_global_quota_counts_open_tickets(provider):
    offer = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=50, global_quota=2)
    a, b, c = other_passes(3)
    reserve(offer, a)
    reserve(offer, b)
    refused("quota", reserve, offer, c)


def test_same_form_twice_gives_one_ticket_and_a_changed_form_is_refused(provider, household):
    offer = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=5)
    form_key = uuid.uuid4()
    first = reserve(offer, household, request_key=form_key)
    again = reserve(offer, household, request_key=form_key)
    assert first.pk == again.pk
    refused("key_reused", reserve, offer, household, TODAY + dt.timedelta(days=1), form_key)
    assert Reservation.objects.count() == 1


def test_bad_dates_are_refused_with_a_reason(provider, household):
    offer = make_offer(
        provider,
        kind=OfferKind.PLACE,
        capacity_per_date=5,
        valid_until=TODAY + dt.timedelta(days=5),
    )
    refused("date", reserve, offer, household, TODAY - dt.timedelta(days=1))
    refused("offer_dates", reserve, offer, household, TODAY + dt.timedelta(days=6))
    refused("duplicate", lambda: [reserve(offer, household), reserve(offer, household)])
    assert Reservation.objects.count() == 1


def test_days_when_the_location_is_closed_cannot_be_booked(provider, household):
    offer = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=5)
    location = provider.locations.get()
    OpeningHours.objects.create(
        location=location, weekday=1, opens=dt.time(17), closes=dt.time(20)
    )  # Tuesdays only
    days = [day for day, _left in bookable_days(offer, TODAY)]
    assert days and all(day.weekday() == 1 for day in days)
    refused("date", reserve, offer, household, TODAY + dt.timedelta(days=1))
    reserve(offer, household, TODAY + dt.timedelta(days=7))


def test_using_a_ticket_at_the_till(provider, household):
    offer = make_offer(provider, for_everyone=False, for_low_income=True, regular_price_cents=1500)
    ticket = reserve(offer, household)
    check = check_ticket(provider.pk, ticket.code, now=NOW)
    assert check.valid and check.reservation == ticket
    result = redeem_ticket(code=ticket.code, provider_id=provider.pk, idempotency_key="k1", now=NOW)
    assert result.redemption.reservation == ticket and result.redemption.discount_cents == 1500
    ticket.refresh_from_db()
    assert ticket.status == ReservationStatus.USED
    # A lost answer retried with the same key: the same redemption, nothing new.
    again = redeem_ticket(code=ticket.code, provider_id=provider.pk, idempotency_key="k1", now=NOW)
    assert again.replayed and again.redemption.pk == result.redemption.pk
    # Scanned again as a new use: refused.
    assert (
        refused(
            "used",
            redeem_ticket,
            code=ticket.code,
            provider_id=provider.pk,
            idempotency_key="k2",
            now=NOW,
        )
        == "Dit ticket is al gebruikt."
    )
    assert Redemption.objects.count() == 1
    # Undone at the till: the holder has their ticket back.
    cancel_redemption(redemption_id=result.redemption.pk, provider_id=provider.pk, now=NOW)
    ticket.refresh_from_db()
    assert ticket.status == ReservationStatus.RESERVED
    assert check_ticket(provider.pk, ticket.code, now=NOW).valid


def test_a_ticket_is_refused_on_another_day_elsewhere_or_with_a_blocked_pass(provider, household):
    offer = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=5)
    ticket = reserve(offer, household, TODAY + dt.timedelta(days=1))
    assert check_ticket(provider.pk, ticket.code, now=NOW).reason == "date"
    other = make_provider(kvk="87654321")[0]
    assert check_ticket(other.pk, ticket.code, now=NOW).reason == "other_provider"
    assert check_ticket(provider.pk, "ABCDEFGHJK", now=NOW).reason == "unknown"
    tomorrow = NOW + dt.timedelta(days=1)
    household.status = PassStatus.BLOCKED
    household.save()
    check = check_ticket(provider.pk, ticket.code, now=tomorrow)
    assert (check.valid, check.message) == (False, "Pas geblokkeerd")
    refused(
        "pass",
        redeem_ticket,
        code=ticket.code,
        provider_id=provider.pk,
        idempotency_key="x",
        now=tomorrow,
    )
    assert Redemption.objects.count() == 0


def test_a_cancelled_ticket_no_longer_works(provider, household):
    offer = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=5)
    ticket = reserve(offer, household)
    cancel_reservation(reservation_id=ticket.pk, now=NOW)
    assert check_ticket(provider.pk, ticket.code, now=NOW).reason == "cancelled"


def test_ticket_codes_are_read_from_scans_and_typing():
    assert ticket_code_from("ZPT:ABCDE23456") == "ABCDE23456"
    assert ticket_code_from(" abcde-23456 ") == "ABCDE23456"
    assert format_ticket_code("ABCDE23456") == "ABCDE-23456"
    assert ticket_code_from("1234 5678 90") is None  # a pass number
    assert ticket_code_from("ZPQ:whatever") is None
    assert ticket_code_from("ABCDE0OIL1") is None  # letters we never use


@pytest.mark.django_db(transaction=True)
def test_parallel_bookings_never_exceed_the_places_of_a_day():
    provider, _ = make_provider()
    offer = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=3)
    passes = other_passes(10)
    day = dt.date.today() + dt.timedelta(days=1)
    results = in_parallel(
        [
            lambda p=p: reserve_offer(
                offer_id=offer.pk, pass_id=p.pk, service_date=day, request_key=uuid.uuid4()
            )
            for p in passes
        ]
    )
    outcomes = [kind if kind != "refused" else detail for kind, detail in results]
    assert sorted(outcomes) == ["capacity"] * 7 + ["ok"] * 3
    assert Reservation.objects.filter(offer=offer).count() == 3
