"""Topping up own money through the payment provider, and the daily reconciliation.

The resident picks an amount; the provider (the built-in demo page, or Mollie when
configured) takes the money into the municipality's account; only when the provider says
it is paid does the ledger move the amount from the payment-provider clearing account to
the holder's own money. Return page and webhook may both report it: the first one counts.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.passes.payments import (
    MollieProvider,
    PaymentUnavailable,
    StartedPayment,
    demo_payments_allowed,
)

from .ledger import LedgerRefused, payment_clearing_account
from .models import Entry, TopUp, TopUpStatus, TransferKind
from .payments import top_up

MIN_TOP_UP_CENTS = 500
MAX_TOP_UP_CENTS = 15000  # a wallet for daily things, not a savings account


class DemoTopUpProvider:
    name = "demo"

    def start(self, *, amount_cents, description, redirect_url, webhook_url, reference):
        external_id = "demo_" + uuid.uuid4().hex
        return StartedPayment(external_id, reverse("wallet:demo_checkout", args=[external_id]))

    def status(self, top_up_row: TopUp) -> str:
        return top_up_row.demo_outcome or TopUpStatus.OPEN


def provider():
    if settings.PAYMENT_PROVIDER == "mollie" and settings.MOLLIE_API_KEY:
        return MollieProvider(settings.MOLLIE_API_KEY)
    if demo_payments_allowed():
        return DemoTopUpProvider()
    raise PaymentUnavailable()


def start_top_up(pass_card, amount_cents: int) -> TopUp:
    if not isinstance(amount_cents, int) or not (
        MIN_TOP_UP_CENTS <= amount_cents <= MAX_TOP_UP_CENTS
    ):
        raise LedgerRefused(_("Kies een bedrag van € 5 tot en met € 150."), code="amount")
    psp = provider()
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    started = psp.start(
        amount_cents=amount_cents,
        description=_("Opwaarderen Zaanse Pas"),
        # Back to the wallet page, which asks the provider about open top-ups.
        redirect_url=base + reverse("wallet:wallet") + f"?pas={pass_card.number}",
        webhook_url=base + reverse("wallet:top_up_webhook"),
        reference=f"opwaarderen-{pass_card.pk}",
    )
    return TopUp.objects.create(
        pass_card=pass_card,
        amount_cents=amount_cents,
        provider=psp.name,
        external_id=started.external_id,
        checkout_url=started.checkout_url,
    )


def refresh_top_up(row: TopUp) -> TopUp:
    """Ask the provider; book the money once, on the first report that it is paid."""
    return settle_top_up(row, provider().status(row))


def settle_top_up(row: TopUp, status: str) -> TopUp:
    """Record what the provider reported; on the first report of 'paid' book the money."""
    with transaction.atomic():
        locked = TopUp.objects.select_for_update().get(pk=row.pk)
        if locked.status != TopUpStatus.OPEN or status == TopUpStatus.OPEN:
            return locked
        locked.status = status
        if status == TopUpStatus.PAID:
            locked.paid_at = timezone.now()
            top_up(
                pass_card=locked.pass_card,
                amount_cents=locked.amount_cents,
                key=f"opwaarderen:{locked.pk}",
            )
        locked.save()
    return locked


def mark_demo_top_up(row: TopUp, *, paid: bool) -> TopUp:
    if row.provider != DemoTopUpProvider.name:
        raise ValueError("not a demo top-up")
    with transaction.atomic():
        locked = TopUp.objects.select_for_update().get(pk=row.pk)
        if not locked.demo_outcome:
            locked.demo_outcome = TopUpStatus.PAID if paid else TopUpStatus.CANCELLED
            locked.save(update_fields=["demo_outcome"])
    return refresh_top_up(locked)


# --- reconciliation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Reconciliation:
    day: dt.date
    provider_cents: int  # what the payment provider reports as paid that day
    ledger_cents: int  # what the ledger booked from the clearing account that day
    unbooked: list[TopUp]  # paid at the provider, not in the ledger
    unexplained: list[str]  # in the ledger, no paid top-up behind it

    @property
    def balanced(self) -> bool:
        return (
            not self.unbooked
            and not self.unexplained
            and (self.provider_cents == self.ledger_cents)
        )


def reconcile(day: dt.date) -> Reconciliation:
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    end = start + dt.timedelta(days=1)
    paid = list(TopUp.objects.filter(status=TopUpStatus.PAID, paid_at__gte=start, paid_at__lt=end))
    booked = Entry.objects.filter(
        account=payment_clearing_account(),
        transfer__kind=TransferKind.TOP_UP,
        transfer__created_at__gte=start,
        transfer__created_at__lt=end,
    )
    keys = set(booked.values_list("transfer__key", flat=True))
    expected = {f"opwaarderen:{row.pk}" for row in paid}
    return Reconciliation(
        day=day,
        provider_cents=sum(row.amount_cents for row in paid),
        ledger_cents=-(booked.aggregate(total=Sum("amount_cents"))["total"] or 0),
        unbooked=[row for row in paid if f"opwaarderen:{row.pk}" not in keys],
        unexplained=sorted(keys - expected),
    )
