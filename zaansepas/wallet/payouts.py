"""Clearing what providers are owed once the municipality has paid them from its own bank.

The payout run (the SEPA file and statements) decides what is paid for a period; this
module posts the clearing transfer. It is keyed by provider and period, so confirming a
run twice posts nothing extra.
"""

from django.utils.translation import gettext as _

from .ledger import Posted, payouts_account, post_transfer, provider_payable_account
from .models import Account, TransferKind


def payout_key(provider, period: str) -> str:
    return f"uitbetaling:aanbieder:{provider.pk}:{period}"


def clear_payable(provider, *, period: str, amount_cents: int, actor=None) -> Posted | None:
    """Record that `amount_cents` was paid to the provider for `period`. None when there
    is nothing to clear."""
    if amount_cents <= 0:
        return None
    # The request, not the legs, must match on a second run: the same period and amount.
    return post_transfer(
        key=payout_key(provider, period),
        kind=TransferKind.PAYOUT,
        legs=[
            (provider_payable_account(provider), -amount_cents),
            (payouts_account(), amount_cents),
        ],
        memo=_("uitbetaling %(period)s") % {"period": period},
        actor=actor,
        request=f"uitbetaling|{provider.pk}|{period}|{amount_cents}",
    )


def payable_cents(provider) -> int:
    account = Account.objects.filter(key=provider_payable_account(provider).key).first()
    return account.balance_cents if account else 0
