"""Buying the standard pass: the demo provider end to end, and Mollie on recorded responses."""

import json

import pytest
import responses
from django.urls import reverse

from zaansepas.passes import payments
from zaansepas.passes.models import Application, Pass, Payment

from .helpers import application_input, make_reference_data, make_user, submit


@pytest.fixture(autouse=True)
def demo_site(settings):
    # The demo checkout only exists on a demo or debug site (Django runs tests with DEBUG off).
    settings.DEMO_MODE = True


@pytest.fixture
def paid_application(db):
    make_reference_data()
    user = make_user("koper@example.org")
    return user, submit(user, application_input(route="kopen"))


def test_a_paid_application_waits_for_payment_and_needs_no_review(paid_application):
    _, application = paid_application
    assert application.status == "wacht_op_betaling"
    assert application.price_cents == 2500


def test_paying_with_the_demo_provider_issues_the_pass_once(paid_application, client):
    user, application = paid_application
    client.force_login(user)
    start = client.post(reverse("passes:pay", args=[application.reference]))
    payment = Payment.objects.get()
    assert start["Location"] == reverse("passes:demo_checkout", args=[payment.external_id])
    assert "€ 25,00" in client.get(start["Location"]).content.decode()
    done = client.post(start["Location"], {"choice": "pay"})
    assert done["Location"] == reverse("passes:payment_return", args=[application.reference])
    client.get(done["Location"])
    client.get(done["Location"])  # the resident reloads the return page
    payments.refresh_payment(payment)  # and a webhook arrives late
    application.refresh_from_db()
    assert application.status == "toegekend"
    assert Pass.objects.filter(household=application.household).count() == 1
    assert Pass.objects.get().price_paid_cents == 2500


def test_a_cancelled_demo_payment_issues_nothing_and_can_be_retried(paid_application, client):
    user, application = paid_application
    client.force_login(user)
    start = client.post(reverse("passes:pay", args=[application.reference]))
    client.post(start["Location"], {"choice": "cancel"})
    client.get(reverse("passes:payment_return", args=[application.reference]))
    application.refresh_from_db()
    assert application.status == "wacht_op_betaling" and not Pass.objects.exists()
    retry = client.post(reverse("passes:pay", args=[application.reference]))
    assert Payment.objects.count() == 2 and retry.status_code == 302


MOLLIE_PAYMENT = {
    "resource": "payment",
    "id": "tr_WDqYK6vllg",
    "mode": "test",
    "amount": {"value": "25.00", "currency": "EUR"},
    "description": "Zaanse Pas",
    "status": "open",
    "createdAt": "2026-11-29T10:00:00+00:00",
    "_links": {
        "self": {
            "href": "https://api.mollie.com/v2/payments/tr_WDqYK6vllg",
            "type": "application/hal+json",
        },
        "checkout": {
            "href": "https://www.mollie.com/checkout/select-method/WDqYK6vllg",
            "type": "text/html",
        },
    },
}


@responses.activate
def test_mollie_payment_is_created_and_its_webhook_issues_the_pass(
    paid_application, client, settings
):
    settings.PAYMENT_PROVIDER = "mollie"
    settings.MOLLIE_API_KEY = "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"
    responses.post("https://api.mollie.com/v2/payments", json=MOLLIE_PAYMENT, status=201)
    paid = dict(MOLLIE_PAYMENT, status="paid", paidAt="2026-11-29T10:01:00+00:00")
    responses.get("https://api.mollie.com/v2/payments/tr_WDqYK6vllg", json=paid)
    user, application = paid_application
    client.force_login(user)
    start = client.post(reverse("passes:pay", args=[application.reference]))
    assert start["Location"] == "https://www.mollie.com/checkout/select-method/WDqYK6vllg"
    sent = json.loads(responses.calls[0].request.body)
    assert sent["amount"] == {"currency": "EUR", "value": "25.00"}
    assert sent["webhookUrl"].endswith(reverse("passes:payment_webhook"))
    client.logout()
    assert (
        client.post(reverse("passes:payment_webhook"), {"id": "tr_WDqYK6vllg"}).status_code == 200
    )
    application.refresh_from_db()
    assert application.status == "toegekend" and Pass.objects.count() == 1
    client.post(reverse("passes:payment_webhook"), {"id": "tr_WDqYK6vllg"})
    assert Pass.objects.count() == 1
    assert Application.objects.get().payments.get().status == "betaald"


def test_the_demo_provider_is_refused_on_a_production_site(paid_application, client, settings):
    settings.DEBUG, settings.DEMO_MODE, settings.PAYMENT_PROVIDER = False, False, "demo"
    user, application = paid_application
    client.force_login(user)
    response = client.post(reverse("passes:pay", args=[application.reference]), follow=True)
    assert "Online betalen kan nu niet" in response.content.decode()
    assert not Payment.objects.exists()
    assert client.get(reverse("passes:demo_checkout", args=["demo_x"])).status_code == 404


def test_the_pass_keeps_the_price_of_the_application_date(paid_application, client):
    import datetime as dt

    from django.utils import timezone

    from zaansepas.passes.models import PassPrice

    user, application = paid_application
    PassPrice.objects.create(
        kind="volwassene", valid_from=timezone.localdate() + dt.timedelta(days=1), price_cents=9900
    )
    Application.objects.filter(pk=application.pk).update(
        submitted_at=timezone.now() - dt.timedelta(days=3)
    )
    PassPrice.objects.create(
        kind="volwassene", valid_from=timezone.localdate() - dt.timedelta(days=1), price_cents=4400
    )
    client.force_login(user)
    start = client.post(reverse("passes:pay", args=[application.reference]))
    client.post(start["Location"], {"choice": "pay"})
    client.get(reverse("passes:payment_return", args=[application.reference]))
    assert Pass.objects.get().price_paid_cents == application.price_cents == 2500
