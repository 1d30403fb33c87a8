"""Paying with the pass at the till: the till's side of wallet.payments.

The till's Idempotency-Key is namespaced by provider, so two providers' tills can never
collide. What goes back to the till is the same for every holder: how much was paid with
the pass and what is left to pay — never which source paid or what remains on the pass.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zaansepas.passes.models import Pass
from zaansepas.wallet.models import Transfer, TransferKind
from zaansepas.wallet.payments import PaymentResult, pay, refund_payment


def _key(provider_id: int, idempotency_key: str) -> str:
    if not idempotency_key or len(idempotency_key) > 80:
        raise ValidationError(
            _("Er ging iets mis bij het versturen. Probeer het opnieuw."), code="key"
        )
    return f"kassa:{provider_id}:{idempotency_key}"


def pay_at_till(
    *, provider, pass_id: int, amount_cents, idempotency_key: str, actor=None
) -> PaymentResult:
    pass_card = Pass.objects.filter(pk=pass_id).first()
    if pass_card is None:
        raise ValidationError(_("Onbekende pas"), code="pass")
    return pay(
        pass_card=pass_card,
        provider=provider,
        amount_cents=amount_cents,
        key=_key(provider.pk, idempotency_key),
        actor=actor,
    )


def payment_for(provider, payment_id: int) -> Transfer:
    payment = Transfer.objects.filter(
        pk=payment_id,
        kind=TransferKind.PAYMENT,
        key__startswith=f"kassa:{provider.pk}:",
    ).first()
    if payment is None:
        raise ValidationError(_("Deze betaling bestaat niet bij u."), code="not_found")
    return payment


def refund_at_till(*, provider, payment_id: int, actor=None, now: dt.datetime | None = None):
    payment = payment_for(provider, payment_id)
    return refund_payment(
        payment, provider=provider, key=f"terug:{payment.key}", actor=actor, now=now
    )


def paid_cents(payment: Transfer) -> int:
    return sum(e.amount_cents for e in payment.entries.all() if e.amount_cents > 0)
