"""Topping up through the (demo) payment provider: money reaches the pass only once it is
paid, once; the daily reconciliation finds differences."""

import datetime as dt

import pytest
import responses
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from zaansepas.till.tests.helpers import make_household_passes
from zaansepas.wallet.ledger import own_money_account, payment_clearing_account, post_transfer
from zaansepas.wallet.models import Account, TopUp, TopUpStatus, Transfer, TransferKind
from zaansepas.wallet.topups import reconcile


@pytest.fixture
def resident(db, client, settings):
    settings.DEMO_MODE = True
    adult, _ = make_household_passes()
    client.force_login(adult.holder.user)
    return adult, client


def balance(pass_card):
    return Account.objects.get(pk=own_money_account(pass_card).pk).balance_cents


def test_a_top_up_reaches_the_pass_once_when_paid(resident):
    adult, client = resident
    response = client.post(reverse("wallet:top_up", args=[adult.number]), {"amount": "20,00"})
    row = TopUp.objects.get()
    assert response.url == row.checkout_url and balance(adult) == 0
    client.post(reverse("wallet:demo_checkout", args=[row.external_id]), {"choice": "pay"})
    page = client.get(reverse("wallet:wallet") + f"?pas={adult.number}")
    client.post(reverse("wallet:top_up_webhook"), {"id": row.external_id})  # late webhook
    assert balance(adult) == 2000
    assert TopUp.objects.get().status == TopUpStatus.PAID
    assert Transfer.objects.filter(kind=TransferKind.TOP_UP).count() == 1
    assert page.status_code == 200
    assert reconcile(timezone.localdate()).balanced


def test_a_cancelled_top_up_books_nothing(resident):
    adult, client = resident
    client.post(reverse("wallet:top_up", args=[adult.number]), {"amount": "10,00"})
    row = TopUp.objects.get()
    client.post(reverse("wallet:demo_checkout", args=[row.external_id]), {"choice": "cancel"})
    assert TopUp.objects.get().status == TopUpStatus.CANCELLED
    assert not Transfer.objects.exists()


@pytest.mark.parametrize("amount", ["0", "4,99", "150,01", "veel", ""])
def test_amounts_outside_5_to_150_euro_are_refused(resident, amount):
    adult, client = resident
    response = client.post(
        reverse("wallet:top_up", args=[adult.number]), {"amount": amount}, follow=True
    )
    assert "Kies een bedrag van € 5 tot en met € 150." in response.content.decode()
    assert not TopUp.objects.exists()


def test_nobody_tops_up_someone_elses_pass(resident):
    _adult, client = resident
    stranger, _ = make_household_passes()
    response = client.post(reverse("wallet:top_up", args=[stranger.number]), {"amount": "10"})
    assert response.status_code == 404 and not TopUp.objects.exists()


def test_reconciliation_reports_a_booking_without_a_payment(resident, capsys):
    adult, _client = resident
    post_transfer(
        key="handmatig-1",
        kind=TransferKind.TOP_UP,
        legs=[(payment_clearing_account(), -700), (own_money_account(adult), 700)],
    )
    today = timezone.localdate()
    report = reconcile(today)
    assert not report.balanced and report.unexplained == ["handmatig-1"]
    with pytest.raises(SystemExit) as exc:
        call_command("reconcile_payments", day=today.isoformat())
    assert exc.value.code == 1 and "geboekt zonder betaling: handmatig-1" in capsys.readouterr().err
    assert reconcile(today - dt.timedelta(days=1)).balanced


@responses.activate
def test_a_mollie_top_up_is_booked_by_its_webhook(resident, settings):
    from zaansepas.passes.tests.test_payments import MOLLIE_PAYMENT

    adult, client = resident
    settings.PAYMENT_PROVIDER = "mollie"
    settings.MOLLIE_API_KEY = "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"
    responses.post("https://api.mollie.com/v2/payments", json=MOLLIE_PAYMENT, status=201)
    paid = dict(MOLLIE_PAYMENT, status="paid", paidAt="2026-11-29T10:01:00+00:00")
    responses.get("https://api.mollie.com/v2/payments/tr_WDqYK6vllg", json=paid)
    start = client.post(reverse("wallet:top_up", args=[adult.number]), {"amount": "25,00"})
    assert start["Location"] == "https://www.mollie.com/checkout/select-method/WDqYK6vllg"
    client.post(reverse("wallet:top_up_webhook"), {"id": "tr_WDqYK6vllg"})
    client.post(reverse("wallet:top_up_webhook"), {"id": "tr_WDqYK6vllg"})  # sent twice
    assert balance(adult) == 2500
    assert Transfer.objects.filter(kind=TransferKind.TOP_UP).count() == 1
