"""Posting to the ledger: the one function that writes transfers and entries.

post_transfer is atomic and idempotent. It locks the accounts it touches in ascending id
order, so two transfers over the same accounts never wait on each other in opposite orders
(PostgreSQL); SQLite serialises write transactions anyway (IMMEDIATE). It checks the
balances under those locks and refuses an overdraft with a Dutch reason before the
database's CHECK constraint would.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MAY_BE_NEGATIVE, Account, AccountKind, Entry, Transfer, TransferKind

MAX_KEY_LENGTH = 120
# One posting larger than this is a typing error, not a payment (€ 1 million).
MAX_AMOUNT_CENTS = 100_000_000


class LedgerRefused(ValidationError):
    """Why a transfer cannot be posted, in Dutch. Nothing was written."""


@dataclass(frozen=True)
class Posted:
    transfer: Transfer
    replayed: bool  # the same key again: the first transfer, nothing new written


def _refuse(code: str, message: str):
    raise LedgerRefused(message, code=code)


def fingerprint(kind: str, legs: list[tuple[int, int]], memo: str) -> str:
    payload = json.dumps([kind, sorted(legs), memo], separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def post_transfer(
    *,
    key: str,
    kind: str,
    legs: list[tuple[Account, int]],
    memo: str = "",
    reverses: Transfer | None = None,
    actor=None,
    request: str | None = None,
    at=None,
    key_checked: bool = False,
) -> Posted:
    """Write one transfer of two or more legs (account, amount in cents) that sum to zero.
    The same key with the same legs returns the first transfer; with other legs it is
    refused (code key_reused). `request` replaces the legs as what must match: a payment
    replayed after the balances moved must still count as the same request.
    `key_checked`: the caller looked the key up in this transaction already (a race is
    still caught by the unique key)."""
    key = (key or "").strip()
    if not key or len(key) > MAX_KEY_LENGTH:
        _refuse("key", _("Er ging iets mis bij het versturen. Probeer het opnieuw."))
    amounts = [(account.pk, amount) for account, amount in legs]
    _check_legs(amounts)
    print_ = request or fingerprint(kind, amounts, memo)
    try:
        with transaction.atomic():
            earlier = None if key_checked else Transfer.objects.filter(key=key).first()
            if earlier is not None:
                return _replay(earlier, print_)
            locked = {
                account.pk: account
                for account in Account.objects.select_for_update()
                .filter(pk__in=[pk for pk, _amount in amounts])
                .order_by("pk")
            }
            if len(locked) != len({pk for pk, _amount in amounts}):
                _refuse("account", _("Deze rekening bestaat niet."))
            _check_balances(locked, amounts)
            transfer = Transfer.objects.create(
                key=key,
                kind=kind,
                fingerprint=print_,
                memo=memo,
                reverses=reverses,
                created_by=actor,
                created_at=at or timezone.now(),
            )
            Entry.objects.bulk_create(
                Entry(transfer=transfer, account_id=pk, amount_cents=amount)
                for pk, amount in amounts
            )
            for pk, amount in _per_account(amounts).items():
                Account.objects.filter(pk=pk).update(balance_cents=F("balance_cents") + amount)
    except IntegrityError:
        # The same key raced in on another connection and won; answer as it did. (The
        # CHECK on balances cannot fire here: balances were checked under the locks.)
        earlier = Transfer.objects.filter(key=key).first()
        if earlier is None:
            raise
        return _replay(earlier, print_)
    return Posted(transfer, replayed=False)


def _check_legs(amounts: list[tuple[int, int]]) -> None:
    if len(amounts) < 2:
        _refuse("legs", _("Een boeking heeft minstens twee regels."))
    for _pk, amount in amounts:
        if not isinstance(amount, int) or isinstance(amount, bool) or amount == 0:
            _refuse("amount", _("Elk bedrag is een heel aantal centen en niet 0."))
        if abs(amount) > MAX_AMOUNT_CENTS:
            _refuse("amount", _("Dit bedrag is te hoog. Controleer het bedrag."))
    if sum(amount for _pk, amount in amounts) != 0:
        _refuse("unbalanced", _("De regels van een boeking moeten samen 0 zijn."))


def _per_account(amounts: list[tuple[int, int]]) -> dict[int, int]:
    totals: dict[int, int] = {}
    for pk, amount in amounts:
        totals[pk] = totals.get(pk, 0) + amount
    return totals


def _check_balances(locked: dict[int, Account], amounts: list[tuple[int, int]]) -> None:
    for pk, change in _per_account(amounts).items():
        account = locked[pk]
        if not account.allow_negative and account.balance_cents + change < 0:
            _refuse("insufficient", _("Er staat niet genoeg op de pas."))


def _replay(earlier: Transfer, print_: str) -> Posted:
    if earlier.fingerprint != print_:
        _refuse("key_reused", _("Deze sleutel is al gebruikt voor een andere boeking."))
    return Posted(earlier, replayed=True)


def reverse_transfer(
    original: Transfer, *, key: str, memo: str = "", actor=None, at=None
) -> Posted:
    """Undo a transfer by posting its mirror image. The original stays as it was."""
    legs = [(entry.account, -entry.amount_cents) for entry in original.entries.all()]
    return post_transfer(
        key=key,
        kind=TransferKind.CORRECTION
        if original.kind != TransferKind.PAYMENT
        else TransferKind.REFUND,
        legs=legs,
        memo=memo or _("terugdraaien van %(key)s") % {"key": original.key},
        reverses=original,
        actor=actor,
        at=at,
    )


# --- accounts ------------------------------------------------------------------------------


def _account(key: str, **fields) -> Account:
    account = Account.objects.filter(key=key).first()
    if account is not None:
        return account
    try:
        with transaction.atomic():
            return Account.objects.create(
                key=key, allow_negative=fields["kind"] in MAY_BE_NEGATIVE, **fields
            )
    except IntegrityError:  # made by another connection just now
        return Account.objects.get(key=key)


def own_money_account(pass_card) -> Account:
    return _account(
        f"eigen_geld:pas:{pass_card.pk}", kind=AccountKind.OWN_MONEY, pass_card=pass_card
    )


def budget_account(pass_card, scheme, expires_on) -> Account:
    return _account(
        f"tegoed:pas:{pass_card.pk}:regeling:{scheme.pk}:{expires_on.isoformat()}",
        kind=AccountKind.BUDGET,
        pass_card=pass_card,
        scheme=scheme,
        expires_on=expires_on,
    )


def payable_key(provider) -> str:
    """The key of what a provider is owed, for readers that must not create the account."""
    return f"aanbieder:{provider.pk}"


def provider_payable_account(provider) -> Account:
    return _account(payable_key(provider), kind=AccountKind.PROVIDER_PAYABLE, provider=provider)


def scheme_funding_account(scheme) -> Account:
    return _account(f"regeling:{scheme.pk}", kind=AccountKind.SCHEME_FUNDING, scheme=scheme)


def expired_return_account(scheme) -> Account:
    return _account(f"vervallen:{scheme.pk}", kind=AccountKind.EXPIRED_RETURN, scheme=scheme)


def payment_clearing_account() -> Account:
    return _account("betaalprovider", kind=AccountKind.PAYMENT_CLEARING)


def payouts_account() -> Account:
    return _account("uitbetaald", kind=AccountKind.PAYOUTS)
