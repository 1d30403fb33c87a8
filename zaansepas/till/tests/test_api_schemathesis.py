"""Schemathesis against the till API's OpenAPI schema (/api/openapi.json).

Every operation in the schema is fuzzed — a router added to the API later is fuzzed too,
without changing this file. The fuzzer calls the Django WSGI app directly (no server) as a
real device of an approved provider that has live offers, a booked ticket and an earlier
redemption, and it swaps some generated values for real pass codes, scan tokens, offer ids,
ticket codes and redemption ids, so verify, redeem, cancel and the ticket endpoints run
their real code paths and not only their refusals. Each answer must be no server error and
must match the schema: a documented status code, the documented content type, and a body
(and headers) that fit. Without a token, or with a wrong one, every operation answers 401
with a Dutch reason and records nothing.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from zaansepas.offers.models import OfferKind, Reservation
from zaansepas.offers.reservations import format_ticket_code, reserve_offer
from zaansepas.passes.actions import block_pass
from zaansepas.passes.codes import make_card_code, make_qr_code
from zaansepas.till.api import api
from zaansepas.till.models import Redemption
from zaansepas.till.redemption import redeem_offer
from zaansepas.till.screen import pass_token

from .helpers import key, make_device, make_household_passes, make_offer, make_provider

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]

# The world a test builds stays for all its examples, as a till's day does: redemptions
# made by one example are there for the next (so cancel and idempotent replays get hit).
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
    ],
)


@dataclass
class TillWorld:
    token: str
    # Real values per body field or path parameter name, for the fuzzer to pick from.
    real: dict[str, list]


@pytest.fixture
def till_world(db):
    provider, _ = make_provider()
    _device, token = make_device(provider)
    other, _ = make_provider("87654321")
    nine_years_ago = dt.date.today() - dt.timedelta(days=9 * 365)
    adult, kids = make_household_passes(children=[("Sara", nine_years_ago)])
    blocked, _ = make_household_passes()
    block_pass(blocked, reason="kwijt", actor=None)
    free = make_offer(provider, title="Krentenbol", per_pass_limit=3, per_pass_period="dag")
    category = make_offer(
        provider,
        title="Reparatie",
        kind=OfferKind.CATEGORY,
        regular_price_cents=None,
        percent_off=20,
        discount_cap_cents=1000,
        category_label="reparaties",
    )
    sold_out = make_offer(provider, title="Op", global_quota=0)
    place = make_offer(provider, title="Kledingbank", kind=OfferKind.PLACE, capacity_per_date=50)
    elsewhere = make_offer(other, title="Elders")
    ticket = reserve_offer(
        offer_id=place.pk,
        pass_id=adult.pk,
        service_date=dt.date.today(),
        request_key=uuid.uuid4(),
    )
    earlier = [
        redeem_offer(
            offer_id=offer.pk,
            pass_id=adult.pk,
            provider_id=offer.provider_id,
            location_id=None,
            amount_cents=None,
            idempotency_key=key(),
        ).redemption
        for offer in (free, elsewhere)
    ]
    passes = [adult, *kids, blocked]
    real = {
        "code": [
            adult.number,
            f"{adult.number[:4]} {adult.number[4:8]} {adult.number[8:]}",
            make_qr_code(adult),
            make_card_code(kids[0]),
            blocked.number,
            f"ZPT:{ticket.code}",
            format_ticket_code(ticket.code),
        ],
        "pass_token": [pass_token(p.pk) for p in passes],
        "offer_id": [o.pk for o in (free, category, sold_out, place, elsewhere)],
        "amount_cents": [None, 0, 4550, 10**6],
        "redemption_id": [r.pk for r in earlier],
        "Idempotency-Key": ["kassa-1", "kassa-2", "kassa-3"],
    }
    return TillWorld(token=token, real=real)


@pytest.fixture(autouse=True)
def wsgi_calls_in_the_test_transaction(monkeypatch):
    # The WSGI handler would close the test's database connection after each request
    # (Django's test client disconnects the same signal handler).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # The fuzzer makes far more calls a minute than a till; the rate limit has its own test.
    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 10**9)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Loaded from the app itself when the module is collected (the schema needs no database).
# Not schemathesis.pytest.from_fixture: its lazy loader sets pytest's private Node._nodeid,
# which pytest 9.2 no longer has.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


def _use_real_values(case, data, real):
    """Now and then put a real value where the fuzzer generated one."""
    containers = [case.path_parameters, case.headers]
    if isinstance(case.body, dict):
        containers.append(case.body)
    for values in containers:
        for name in list(values or {}):
            if name in real and data.draw(st.booleans(), label=f"real {name}"):
                values[name] = data.draw(st.sampled_from(real[name]), label=name)


@schema.parametrize()
@schema.given(data=st.data())
@FUZZ
def test_every_operation_answers_as_its_schema_says(case, data, till_world):
    _use_real_values(case, data, till_world.real)
    response = case.call(headers={"Authorization": f"Bearer {till_world.token}"})
    case.validate_response(response, checks=CHECKS)


WRONG_TOKENS = [None, "Bearer zpt_onbekend", "Bearer ", "Bearer zpt_", "Basic eDp4"]


@schema.parametrize()
@schema.given(data=st.data())
@settings(FUZZ, max_examples=10)
def test_without_a_valid_token_every_operation_answers_401_in_dutch(case, data, till_world):
    _use_real_values(case, data, till_world.real)  # so a missed check would record something
    wrong = data.draw(st.sampled_from(WRONG_TOKENS), label="Authorization")
    headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    if wrong is not None:
        headers["Authorization"] = wrong
    case.headers = headers
    before = (Redemption.objects.count(), list(Reservation.objects.values_list("status")))
    response = case.call()
    case.validate_response(response, checks=CHECKS)
    assert response.status_code == 401
    assert response.json() == {
        "code": "unauthorised",
        "message": "Onbekend of ingetrokken kassatoken.",
    }
    assert (Redemption.objects.count(), list(Reservation.objects.values_list("status"))) == before


def test_past_the_rate_limit_a_till_gets_429_in_dutch_and_nothing_is_recorded(
    till_world, monkeypatch
):
    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 2)
    real = till_world.real
    body = {
        "pass_token": real["pass_token"][0],
        "offer_id": real["offer_id"][1],
        "amount_cents": 4550,
    }
    before = Redemption.objects.count()
    answers = []
    for n in range(3):
        case = schema["/api/till/redemptions"]["POST"].Case(
            body=body, headers={"Idempotency-Key": f"snel-{n}"}
        )
        response = case.call(headers={"Authorization": f"Bearer {till_world.token}"})
        case.validate_response(response, checks=CHECKS)
        answers.append(response)
    assert [a.status_code for a in answers] == [201, 201, 429]
    assert answers[2].json() == {
        "code": "too_many_requests",
        "message": "Te veel verzoeken van deze kassa. Wacht even en probeer het opnieuw.",
    }
    assert int(answers[2].headers["retry-after"][0]) > 0  # seconds until the next may pass
    assert Redemption.objects.count() == before + 2
