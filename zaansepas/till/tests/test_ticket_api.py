"""Tickets over the till API: check and use, idempotent, only whitelisted fields."""

import datetime as dt
import uuid

import pytest

from zaansepas.accounts.models import User
from zaansepas.offers.models import OfferKind, ReservationStatus
from zaansepas.offers.reservations import reserve_offer
from zaansepas.till.devices import issue_device_token
from zaansepas.till.models import Redemption

from .helpers import make_household_passes, make_offer, make_provider
from .test_till_api import REDEMPTION_FIELDS

TICKET_FIELDS = {
    "valid",
    "reason",
    "message",
    "ticket_code",
    "offer_id",
    "offer_title",
    "service_date",
    "needs_amount",
    "regular_cents",
    "pass_price_cents",
}


@pytest.fixture
def device(db):
    provider, _ = make_provider()
    owner = User.objects.create_user("eigenaar@keuken.example")
    _device, token = issue_device_token(provider=provider, name="tablet", actor=owner)
    return provider, {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post(client, headers, path, body, key=None):
    extra = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(path, body, content_type="application/json", **headers, **extra)


def test_check_and_use_a_ticket_with_only_whitelisted_fields(client, device):
    provider, headers = device
    adult, _ = make_household_passes()
    offer = make_offer(
        provider,
        title="Kledingbank",
        kind=OfferKind.PLACE,
        capacity_per_date=8,
        for_everyone=False,
        for_low_income=True,
    )
    ticket = reserve_offer(
        offer_id=offer.pk,
        pass_id=adult.pk,
        service_date=dt.date.today(),
        request_key=uuid.uuid4(),
    )
    checked = post(client, headers, "/api/till/tickets/check", {"code": f"ZPT:{ticket.code}"})
    assert checked.status_code == 200 and set(checked.json()) == TICKET_FIELDS
    assert checked.json()["valid"] and checked.json()["offer_title"] == "Kledingbank"
    body = {"code": ticket.code}
    first = post(client, headers, "/api/till/tickets/use", body, key="t-1")
    assert first.status_code == 201 and set(first.json()) == REDEMPTION_FIELDS
    again = post(client, headers, "/api/till/tickets/use", body, key="t-1")
    assert again.status_code == 201 and again.json() == first.json()
    used = post(client, headers, "/api/till/tickets/use", body, key="t-2")
    assert used.status_code == 409 and used.json()["code"] == "used"
    assert post(client, headers, "/api/till/tickets/use", body).status_code == 400  # no key
    ticket.refresh_from_db()
    assert ticket.status == ReservationStatus.USED and Redemption.objects.count() == 1
    refused = post(client, headers, "/api/till/tickets/check", {"code": ticket.code}).json()
    assert set(refused) == TICKET_FIELDS and refused["message"] == "Dit ticket is al gebruikt."


def test_nonsense_codes_get_a_dutch_400_and_a_bad_token_401(client, device):
    _provider, headers = device
    answer = post(client, headers, "/api/till/tickets/check", {"code": "hallo"})
    assert answer.status_code == 400 and "geen ticketcode" in answer.json()["message"]
    wrong = {"HTTP_AUTHORIZATION": "Bearer nope"}
    assert post(client, wrong, "/api/till/tickets/check", {"code": "ABCDE23456"}).status_code == 401
