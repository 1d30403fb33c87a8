"""The pass price of every kind of offer, the discount norm, and the review of offers."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from zaansepas.accounts.models import User
from zaansepas.offers import actions
from zaansepas.offers.models import Offer, OfferKind, Provider
from zaansepas.offers.pricing import below_discount_norm, check_offer_terms, price_for


def offer(**fields):
    defaults = {
        "title": "x",
        "description": "x",
        "valid_from": dt.date(2026, 1, 1),
        "valid_until": dt.date(2026, 12, 31),
    }
    return Offer(**{**defaults, **fields})


@pytest.mark.parametrize(
    "fields,amount,expected_pass_price",
    [
        (
            {"kind": OfferKind.PERCENT_OFF, "regular_price_cents": 1250, "percent_off": 20},
            None,
            1000,
        ),
        ({"kind": OfferKind.PERCENT_OFF, "regular_price_cents": 999, "percent_off": 25}, None, 749),
        (
            {"kind": OfferKind.AMOUNT_OFF, "regular_price_cents": 800, "amount_off_cents": 300},
            None,
            500,
        ),
        (
            {"kind": OfferKind.FIXED_PRICE, "regular_price_cents": 1500, "pass_price_cents": 200},
            None,
            200,
        ),
        ({"kind": OfferKind.FREE, "regular_price_cents": 2400}, None, 0),
        (
            {"kind": OfferKind.CATEGORY, "percent_off": 20, "category_label": "fietsreparatie"},
            4550,
            3640,
        ),
        (
            {
                "kind": OfferKind.CATEGORY,
                "percent_off": 50,
                "discount_cap_cents": 1000,
                "category_label": "kleding",
            },
            5000,
            4000,
        ),
        ({"kind": OfferKind.CATEGORY, "amount_off_cents": 500, "category_label": "boeken"}, 300, 0),
        ({"kind": OfferKind.PLACE, "capacity_per_date": 12}, None, 0),
        (
            {
                "kind": OfferKind.PLACE,
                "capacity_per_date": 12,
                "regular_price_cents": 800,
                "pass_price_cents": 150,
            },
            None,
            150,
        ),
    ],
)
def test_the_pass_price_of_every_kind(fields, amount, expected_pass_price):
    assert price_for(offer(**fields), amount).pass_price_cents == expected_pass_price


@given(
    amount=st.integers(1, 10**7),
    percent=st.integers(1, 100),
    cap=st.one_of(st.none(), st.integers(0, 10**6)),
)
def test_a_category_discount_is_never_negative_above_the_cap_or_above_the_amount(
    amount, percent, cap
):
    price = price_for(
        offer(
            kind=OfferKind.CATEGORY, percent_off=percent, discount_cap_cents=cap, category_label="x"
        ),
        amount,
    )
    assert 0 <= price.discount_cents <= amount
    assert cap is None or price.discount_cents <= cap
    assert price.pass_price_cents + price.discount_cents == amount


@pytest.mark.parametrize("amount", [0, -100, None, 100_000_01])
def test_the_till_amount_must_be_positive_and_sane(amount):
    with pytest.raises(ValidationError):
        price_for(offer(kind=OfferKind.CATEGORY, percent_off=10, category_label="x"), amount)


@pytest.mark.parametrize(
    "fields,flagged",
    [
        ({"kind": OfferKind.PERCENT_OFF, "regular_price_cents": 1000, "percent_off": 24}, True),
        ({"kind": OfferKind.PERCENT_OFF, "regular_price_cents": 1000, "percent_off": 25}, False),
        (
            {"kind": OfferKind.AMOUNT_OFF, "regular_price_cents": 1000, "amount_off_cents": 200},
            True,
        ),
        ({"kind": OfferKind.FREE, "regular_price_cents": 1000}, False),
        ({"kind": OfferKind.CATEGORY, "percent_off": 10, "category_label": "x"}, True),
    ],
)
def test_offers_below_the_minimum_discount_are_flagged(fields, flagged, settings):
    settings.OFFER_MIN_DISCOUNT_PERCENT = 25
    assert below_discount_norm(offer(**fields)) is flagged


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"kind": OfferKind.PERCENT_OFF, "regular_price_cents": 1000}, "korting in procent"),
        (
            {"kind": OfferKind.FIXED_PRICE, "regular_price_cents": 1000, "pass_price_cents": 1000},
            "lager",
        ),
        (
            {"kind": OfferKind.AMOUNT_OFF, "regular_price_cents": 100, "amount_off_cents": 200},
            "hoger",
        ),
        ({"kind": OfferKind.CATEGORY, "category_label": "x"}, "procent of een bedrag"),
        ({"kind": OfferKind.PLACE}, "plekken per dag"),
    ],
)
def test_incomplete_terms_get_a_dutch_message(fields, message):
    with pytest.raises(ValidationError) as error:
        check_offer_terms(offer(**fields))
    assert message in error.value.messages[0]


@pytest.fixture
def approved_provider(db):
    return Provider.objects.create(
        name="Bakkerij",
        kind="bedrijf",
        kvk_number="12345678",
        iban="NL91ABNA0417164300",
        account_holder="x",
        street="x",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
        contact_name="x",
        contact_email="x@example.org",
        contact_phone="1",
        status="goedgekeurd",
    )


def test_a_low_discount_needs_a_reason_to_be_approved(approved_provider):
    reviewer = User.objects.create_user("officer@example.org")
    low = offer(
        provider=approved_provider,
        kind=OfferKind.PERCENT_OFF,
        regular_price_cents=300,
        percent_off=10,
    )
    low.save()
    actions.submit_offer(low)
    assert low.status == "ingediend" and low.below_norm
    with pytest.raises(ValidationError):
        actions.approve_offer(low, actor=reviewer)
    low.refresh_from_db()
    assert low.status == "ingediend"
    approved = actions.approve_offer(low, actor=reviewer, reason="Gratis koffie bij de lunch.")
    assert approved.status == "goedgekeurd" and approved.reviewed_by == reviewer


def test_rejecting_an_offer_needs_a_reason(approved_provider):
    reviewer = User.objects.create_user("officer@example.org")
    free = offer(provider=approved_provider, kind=OfferKind.FREE, regular_price_cents=500)
    free.save()
    actions.submit_offer(free)
    assert not free.below_norm
    with pytest.raises(ValidationError):
        actions.reject_offer(free, actor=reviewer, reason=" ")
    assert actions.reject_offer(free, actor=reviewer, reason="Te vaag.").status == "afgewezen"


def test_a_provider_not_yet_approved_cannot_submit_offers(approved_provider):
    approved_provider.status = "aangemeld"
    approved_provider.save()
    pending = offer(provider=approved_provider, kind=OfferKind.FREE, regular_price_cents=500)
    pending.save()
    with pytest.raises(ValidationError):
        actions.submit_offer(pending)
    pending.refresh_from_db()
    assert pending.status == "concept"
