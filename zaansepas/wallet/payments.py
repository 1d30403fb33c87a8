"""Paying with the pass, topping up own money, refunding a payment.

A payment at the till takes what it can from the pass's sources in a fixed order: budgets
that may pay this provider, soonest expiry first, then own money. What is not covered is
paid outside the system. The till learns only how much was paid with the pass and what is
left to pay — never which source paid (DESIGN.md §3.1).
"""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.passes.models import Pass, PassStatus

from .budgets import may_pay
from .ledger import (
    MAX_AMOUNT_CENTS,
    LedgerRefused,
    Posted,
    own_money_account,
    payment_clearing_account,
    post_transfer,
    provider_payable_account,
    reverse_transfer,
)
from .models import Account, AccountKind, Transfer, TransferKind


@dataclass(frozen=True)
class PaymentResult:
    transfer: Transfer
    paid_cents: int  # paid with the pass
    remainder_cents: int  # still to pay outside the system
    replayed: bool


def _refuse(code: str, message: str):
    raise LedgerRefused(message, code=code)


def _check_amount(amount_cents) -> None:
    if not isinstance(amount_cents, int) or isinstance(amount_cents, bool) or amount_cents <= 0:
        _refuse("amount", _("Vul een bedrag in dat meer is dan € 0."))
    if amount_cents > MAX_AMOUNT_CENTS:
        _refuse("amount", _("Dit bedrag is te hoog. Controleer het bedrag."))


def _request(*parts) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


def spending_order(pass_card: Pass, provider, day: dt.date) -> list[Account]:
    """The sources a payment to this provider may use, in the order it uses them."""
    # One query for all of the pass's accounts; the schemes' restrictions come with them.
    accounts = list(
        Account.objects.filter(pass_card=pass_card)
        .select_related("scheme")
        .prefetch_related("scheme__providers", "scheme__themes")
        .order_by("expires_on", "pk")
    )
    budgets = [
        account
        for account in accounts
        if account.kind == AccountKind.BUDGET
        and account.expires_on >= day
        and account.balance_cents > 0
        and account.scheme.valid_from <= day <= account.scheme.valid_until
        and may_pay(account.scheme, provider)
    ]
    own = next((a for a in accounts if a.kind == AccountKind.OWN_MONEY), None)
    return budgets + [own or own_money_account(pass_card)]


def pay(
    *,
    pass_card: Pass,
    provider,
    amount_cents: int,
    key: str,
    actor=None,
    now: dt.datetime | None = None,
) -> PaymentResult:
    """Pay `amount_cents` at this provider with what the pass holds. The same key and
    request give the first answer again; the same key with another request is refused."""
    _check_amount(amount_cents)
    now = now or timezone.now()
    day = timezone.localtime(now).date()
    request = _request("betaling", pass_card.pk, provider.pk, amount_cents)
    with transaction.atomic():
        # The pass row first, as a redemption does: one payment per pass at a time.
        fresh = Pass.objects.select_for_update().get(pk=pass_card.pk)
        earlier = Transfer.objects.filter(key=key).first()
        if earlier is not None:
            if earlier.fingerprint != request:
                _refuse("key_reused", _("Deze sleutel is al gebruikt voor een andere betaling."))
            return _result(Posted(earlier, replayed=True), amount_cents)
        if fresh.status != PassStatus.ACTIVE or not (fresh.valid_from <= day <= fresh.valid_until):
            _refuse("pass", _("Deze pas is niet geldig."))
        sources = spending_order(fresh, provider, day)
        locked = {
            a.pk: a
            for a in Account.objects.select_for_update().filter(pk__in=[s.pk for s in sources])
        }
        legs, left = [], amount_cents
        for source in sources:
            take = min(left, locked[source.pk].balance_cents)
            if take > 0:
                legs.append((source, -take))
                left -= take
            if left == 0:
                break
        paid = amount_cents - left
        if paid == 0:
            _refuse("nothing", _("Met deze pas kan hier nu niets betaald worden."))
        legs.append((provider_payable_account(provider), paid))
        posted = post_transfer(
            key=key,
            kind=TransferKind.PAYMENT,
            legs=legs,
            memo=provider.name[:200],
            actor=actor,
            request=request,
            at=now,
            key_checked=True,
        )
    if not posted.replayed:  # we know what was paid: no need to read it back
        return PaymentResult(posted.transfer, paid, amount_cents - paid, False)
    return _result(posted, amount_cents)


def _result(posted: Posted, amount_cents: int) -> PaymentResult:
    paid = sum(
        entry.amount_cents for entry in posted.transfer.entries.all() if entry.amount_cents > 0
    )
    return PaymentResult(posted.transfer, paid, amount_cents - paid, posted.replayed)


def refund_payment(
    payment: Transfer, *, provider, key: str, actor=None, now: dt.datetime | None = None
) -> Posted:
    """Undo a payment at the till shortly after it: the money goes back to the sources it
    came from. The payment stays in the ledger; the refund is its mirror image."""
    now = now or timezone.now()
    if (
        payment.kind != TransferKind.PAYMENT
        or not payment.entries.filter(
            account__provider=provider, account__kind=AccountKind.PROVIDER_PAYABLE
        ).exists()
    ):
        _refuse("not_found", _("Deze betaling bestaat niet bij u."))
    earlier = Transfer.objects.filter(reverses=payment).first()
    if earlier is not None:
        return Posted(earlier, replayed=True)
    window = dt.timedelta(minutes=settings.TILL_CANCEL_WINDOW_MINUTES)
    if now - payment.created_at > window:
        _refuse(
            "too_late",
            _("Terugdraaien kan alleen binnen %(minutes)s minuten.")
            % {"minutes": settings.TILL_CANCEL_WINDOW_MINUTES},
        )
    try:
        return reverse_transfer(payment, key=key, memo=payment.memo, actor=actor, at=now)
    except LedgerRefused as exc:
        if exc.code != "insufficient":
            raise
        # Only the provider's side can fall short: it was paid out in the meantime.
        _refuse(
            "paid_out",
            _("Deze betaling is al aan u uitbetaald. Neem contact op met de gemeente."),
        )


def top_up(*, pass_card: Pass, amount_cents: int, key: str) -> Posted:
    """Own money the holder paid through the payment provider, once it is confirmed paid."""
    _check_amount(amount_cents)
    return post_transfer(
        key=key,
        kind=TransferKind.TOP_UP,
        legs=[
            (payment_clearing_account(), -amount_cents),
            (own_money_account(pass_card), amount_cents),
        ],
        memo=_("opwaarderen"),
    )
