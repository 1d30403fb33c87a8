"""Paying with the pass at the till page and over the API: the till learns what the pass
paid and what is left to pay, never which source paid; idempotent; refundable in time."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from zaansepas.wallet.budgets import grant_budget
from zaansepas.wallet.ledger import own_money_account
from zaansepas.wallet.models import Account, Scheme, Transfer, TransferKind
from zaansepas.wallet.payments import top_up

from .helpers import make_device, make_household_passes, make_provider, make_till_staff
from .test_till_tickets import _check_till_html

PAYMENT_FIELDS = {"id", "amount_cents", "paid_cents", "remainder_cents", "refunded", "created_at"}


@pytest.fixture
def holder(db):
    today = dt.date.today()
    adult, _ = make_household_passes()
    scheme = Scheme.objects.create(
        code="mantelzorgtegoed",
        name="Mantelzorgtegoed",
        amount_cents=1000,
        valid_from=today.replace(month=1, day=1),
        valid_until=today.replace(month=12, day=31),
    )
    grant_budget(scheme, adult)
    top_up(pass_card=adult, amount_cents=500, key="op")
    return adult


@pytest.fixture
def till(db, client):
    provider, _ = make_provider()
    client.force_login(make_till_staff(provider))
    return provider, client


def test_staff_pay_with_the_pass_and_see_only_paid_and_to_pay(till, holder):
    provider, client = till
    page = client.post(reverse("till:till"), {"code": holder.number}).content.decode()
    form = dict(re.findall(r'name="(token|key)" value="([^"]+)"', page.split('id="pay-form"')[1]))
    done = client.post(reverse("till:pay"), {**form, "amount": "20,00"}).content.decode()
    assert "Betaald met Zaanse Pas: € 15,00" in done and "Nog te betalen: € 5,00" in done
    assert "Mantelzorg" not in done and "tegoed" not in done.lower()
    _check_till_html(done, holder)
    again = client.post(reverse("till:pay"), {**form, "amount": "20,00"}).content.decode()
    assert "was al betaald" in again
    assert Transfer.objects.filter(kind=TransferKind.PAYMENT).count() == 1
    payment = Transfer.objects.get(kind=TransferKind.PAYMENT)
    undone = client.post(reverse("till:refund", args=[payment.pk])).content.decode()
    assert "teruggedraaid" in undone
    assert Account.objects.get(pk=own_money_account(holder).pk).balance_cents == 500


def test_bad_amounts_pay_nothing(till, holder):
    _provider, client = till
    page = client.post(reverse("till:till"), {"code": holder.number}).content.decode()
    form = dict(re.findall(r'name="(token|key)" value="([^"]+)"', page.split('id="pay-form"')[1]))
    for amount in ("", "-5", "nul", "0"):
        response = client.post(reverse("till:pay"), {**form, "amount": amount})
        assert response.status_code == 409, amount
    assert not Transfer.objects.filter(kind=TransferKind.PAYMENT).exists()


def test_api_payment_whitelist_idempotency_and_refund(client, holder):
    provider, _ = make_provider()
    _device, token = make_device(provider)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    scan = client.post(
        "/api/till/verify", {"code": holder.number}, content_type="application/json", **auth
    ).json()
    body = {"pass_token": scan["pass_token"], "amount_cents": 2000}

    def post(data, key="k-1"):
        headers = {**auth, **({"HTTP_IDEMPOTENCY_KEY": key} if key else {})}
        return client.post("/api/till/payments", data, content_type="application/json", **headers)

    first = post(body)
    assert first.status_code == 201 and set(first.json()) == PAYMENT_FIELDS
    assert (first.json()["paid_cents"], first.json()["remainder_cents"]) == (1500, 500)
    assert post(body).json() == first.json()
    assert post({**body, "amount_cents": 1999}).status_code == 422
    assert post(body, key=None).status_code == 400
    assert post({**body, "amount_cents": 0}, key="k-2").status_code == 409
    refund = client.post(f"/api/till/payments/{first.json()['id']}/refund", **auth)
    assert refund.status_code == 200 and refund.json() == {
        "id": first.json()["id"],
        "refunded_cents": 1500,
    }
    other, _ = make_provider(kvk="87654321")
    _d, other_token = make_device(other)
    stranger = client.post(
        f"/api/till/payments/{first.json()['id']}/refund",
        HTTP_AUTHORIZATION=f"Bearer {other_token}",
    )
    assert stranger.status_code == 409
    assert Transfer.objects.filter(kind=TransferKind.PAYMENT).count() == 1
