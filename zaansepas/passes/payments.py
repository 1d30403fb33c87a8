"""Paying for the standard pass through a payment provider.

A provider does two things: start a payment (giving a checkout URL for the resident) and
tell the status of a payment. The demo provider runs inside the site (an iDEAL-like
confirm page) so the embedded default needs no account anywhere; Mollie is used when
ZP_PAYMENT_PROVIDER=mollie and ZP_MOLLIE_API_KEY are set.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Application, ApplicationStatus, Payment, PaymentStatus


@dataclass(frozen=True)
class StartedPayment:
    external_id: str
    checkout_url: str


class DemoProvider:
    name = "demo"

    def start(self, *, amount_cents, description, redirect_url, webhook_url, reference):
        external_id = "demo_" + uuid.uuid4().hex
        return StartedPayment(external_id, reverse("passes:demo_checkout", args=[external_id]))

    def status(self, payment: Payment) -> str:
        return payment.demo_outcome or PaymentStatus.OPEN


class MollieProvider:
    name = "mollie"
    STATUS_MAP = {
        "paid": PaymentStatus.PAID,
        "failed": PaymentStatus.FAILED,
        "canceled": PaymentStatus.CANCELLED,
        "expired": PaymentStatus.EXPIRED,
    }

    def __init__(self, api_key: str):
        from mollie.api.client import Client

        self.client = Client()
        self.client.set_api_key(api_key)

    def start(self, *, amount_cents, description, redirect_url, webhook_url, reference):
        payment = self.client.payments.create(
            {
                "amount": {
                    "currency": "EUR",
                    "value": f"{amount_cents // 100}.{amount_cents % 100:02d}",
                },
                "description": description,
                "redirectUrl": redirect_url,
                "webhookUrl": webhook_url,
                "metadata": {"reference": reference},
            }
        )
        return StartedPayment(payment.id, payment.checkout_url)

    def status(self, payment: Payment) -> str:
        remote = self.client.payments.get(payment.external_id)
        return self.STATUS_MAP.get(remote.status, PaymentStatus.OPEN)


class PaymentUnavailable(Exception):
    """No real payment provider is configured on a production site."""


def demo_payments_allowed() -> bool:
    # The demo checkout lets anyone mark their own payment as paid: never in production.
    return settings.DEBUG or settings.DEMO_MODE


def get_provider():
    if settings.PAYMENT_PROVIDER == "mollie":
        return MollieProvider(settings.MOLLIE_API_KEY)
    if settings.PAYMENT_PROVIDER == "demo" and demo_payments_allowed():
        return DemoProvider()
    raise PaymentUnavailable(settings.PAYMENT_PROVIDER)


def start_payment(application: Application) -> Payment:
    """Start (or reuse) the payment of a paid-pass application."""
    if application.status != ApplicationStatus.AWAITING_PAYMENT:
        raise ValueError("application is not awaiting payment")
    open_payment = application.payments.filter(status=PaymentStatus.OPEN).first()
    if open_payment:
        return open_payment
    provider = get_provider()
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    started = provider.start(
        amount_cents=application.price_cents,
        description=_("Zaanse Pas %(ref)s") % {"ref": application.reference},
        redirect_url=base + reverse("passes:payment_return", args=[application.reference]),
        webhook_url=base + reverse("passes:payment_webhook"),
        reference=application.reference,
    )
    return Payment.objects.create(
        application=application,
        provider=provider.name,
        external_id=started.external_id,
        amount_cents=application.price_cents,
        checkout_url=started.checkout_url,
    )


def refresh_payment(payment: Payment) -> Payment:
    """Ask the provider for the status; issue the passes once the payment is paid.

    Safe to call many times and from several places (return page, webhook): the payment
    row is locked and the passes are issued only on the first transition to paid.
    """
    from .applications import complete_paid_application

    status = get_provider().status(payment)
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.status != PaymentStatus.OPEN or status == PaymentStatus.OPEN:
            return locked
        locked.status = status
        if status == PaymentStatus.PAID:
            locked.paid_at = timezone.now()
            complete_paid_application(locked.application)
        locked.save()
    return locked


def mark_demo_payment(payment: Payment, *, paid: bool) -> Payment:
    """What the demo checkout page does when the resident presses 'pay' or 'cancel'."""
    if payment.provider != DemoProvider.name:
        raise ValueError("not a demo payment")
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if not locked.demo_outcome:
            locked.demo_outcome = PaymentStatus.PAID if paid else PaymentStatus.CANCELLED
            locked.save(update_fields=["demo_outcome"])
    return refresh_payment(locked)
