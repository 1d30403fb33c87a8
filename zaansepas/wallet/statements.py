"""What the holder sees of their wallet: the balance, where it comes from, what expires when,
and what happened. Only ever shown to the holder (and the household's main holder); never
to a till."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from .models import Account, AccountKind, Entry, TransferKind


@dataclass(frozen=True)
class Source:
    label: str
    balance_cents: int
    expires_on: dt.date | None
    description: str


@dataclass(frozen=True)
class Line:
    at: dt.datetime
    text: str
    amount_cents: int


def sources_of(pass_card, day: dt.date) -> list[Source]:
    accounts = Account.objects.filter(pass_card=pass_card, balance_cents__gt=0).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=day)
    )
    shown = []
    for account in accounts.select_related("scheme").order_by("expires_on", "pk"):
        if account.kind == AccountKind.OWN_MONEY:
            shown.append(Source(_("Eigen geld"), account.balance_cents, None, ""))
        else:
            shown.append(
                Source(
                    account.scheme.name,
                    account.balance_cents,
                    account.expires_on,
                    account.scheme.description,
                )
            )
    return shown


# How each kind of transfer reads in the holder's list; the memo names the scheme or the
# provider.
TEXTS = {
    TransferKind.GRANT: _("Toegekend: %(memo)s"),
    TransferKind.TOP_UP: _("Opgewaardeerd"),
    TransferKind.PAYMENT: _("Betaald bij %(memo)s"),
    TransferKind.REFUND: _("Terugbetaald door %(memo)s"),
    TransferKind.EXPIRY: _("Tegoed vervallen"),
    TransferKind.CORRECTION: _("Correctie"),
}


def history_of(pass_card, limit: int = 30) -> list[Line]:
    """One line per transfer that touched this pass, newest first."""
    rows = (
        Entry.objects.filter(account__pass_card=pass_card)
        .values("transfer_id", "transfer__created_at", "transfer__kind", "transfer__memo")
        .annotate(total=Sum("amount_cents"))
        .order_by("-transfer__created_at", "-transfer_id")[:limit]
    )
    return [
        Line(
            row["transfer__created_at"],
            _describe(row["transfer__kind"], row["transfer__memo"]),
            row["total"],
        )
        for row in rows
        if row["total"]
    ]


def _describe(kind: str, memo: str) -> str:
    text = str(TEXTS.get(kind, ""))
    return text % {"memo": memo} if "%(memo)s" in text else text
