"""Payouts: what providers earned per period, paid by the municipality from its own bank.

prepare_payout_run works out each provider's earnings in a closed period (payments and
refunds since the previous run) and makes a pain.001 SEPA file the municipality uploads in
its own bank. confirm_payout_run, once the bank has paid, clears each provider's payable by
a transfer keyed by provider and period, so confirming twice posts nothing extra.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from sepaxml import SepaTransfer

from .ledger import (
    LedgerRefused,
    Posted,
    payable_key,
    payouts_account,
    post_transfer,
    provider_payable_account,
)
from .models import Account, Entry, PayoutLine, PayoutRun, PayoutStatus, TransferKind


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
    account = Account.objects.filter(key=payable_key(provider)).first()
    return account.balance_cents if account else 0


# --- payout runs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementLine:
    transfer_id: int
    at: dt.datetime
    kind: str
    amount_cents: int


def period_bounds(period: str) -> tuple[dt.datetime, dt.datetime]:
    """'2026-11' -> local midnight on 1 November and on 1 December (Europe/Amsterdam)."""
    try:
        year, month = (int(part) for part in period.split("-"))
        first = dt.date(year, month, 1)
    except ValueError as exc:
        raise LedgerRefused(_("Kies een maand, zoals 2026-11."), code="period") from exc
    following = (first + dt.timedelta(days=32)).replace(day=1)
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(following, dt.time.min))
    return start, end


def statement_lines(provider, starts_at, ends_at) -> list[StatementLine]:
    """Every payment and refund for this provider in the run's window: what it is paid for."""
    account = Account.objects.filter(key=payable_key(provider)).first()
    if account is None:
        return []
    entries = (
        Entry.objects.filter(
            account=account,
            transfer__created_at__gte=starts_at,
            transfer__created_at__lt=ends_at,
        )
        .exclude(transfer__kind=TransferKind.PAYOUT)
        .select_related("transfer")
        .order_by("transfer__created_at", "transfer_id")
    )
    return [
        StatementLine(e.transfer_id, e.transfer.created_at, e.transfer.kind, e.amount_cents)
        for e in entries
    ]


def prepare_payout_run(period: str, *, actor=None, now: dt.datetime | None = None) -> PayoutRun:
    """Work out what each provider earned in `period` and make the SEPA file. The same
    period again gives the run made before. A period that has not ended yet is refused."""
    now = now or timezone.now()
    starts_at, ends_at = period_bounds(period)
    existing = PayoutRun.objects.filter(period=period).first()
    if existing is not None:
        return existing
    if ends_at > now:
        raise LedgerRefused(
            _("Deze periode loopt nog. Zet de uitbetaling klaar als de maand voorbij is."),
            code="open_period",
        )
    previous = PayoutRun.objects.filter(ends_at__lte=starts_at).order_by("-ends_at").first()
    if PayoutRun.objects.filter(ends_at__gt=starts_at).exists():
        raise LedgerRefused(
            _("Er is al een uitbetaling voor een latere periode."), code="later_period"
        )
    # From the end of the previous run, so nothing falls between two runs.
    starts_at = previous.ends_at if previous else dt.datetime.min.replace(tzinfo=dt.UTC)
    lines = []
    for account in Account.objects.filter(kind="aanbieder").select_related("provider"):
        amount = sum(
            line.amount_cents for line in statement_lines(account.provider, starts_at, ends_at)
        )
        if amount > 0:
            lines.append((account.provider, amount))
    with transaction.atomic():
        run = PayoutRun(
            period=period,
            starts_at=starts_at,
            ends_at=ends_at,
            message_id=f"ZP-{period}-{uuid.uuid4().hex[:12]}",
            total_cents=sum(amount for _provider, amount in lines),
            created_by=actor,
            sepa_xml="",
        )
        run.sepa_xml = sepa_file(run, lines, today=timezone.localtime(now).date())
        run.save()
        PayoutLine.objects.bulk_create(
            PayoutLine(
                run=run,
                provider=provider,
                amount_cents=amount,
                iban=provider.iban,
                account_holder=provider.account_holder[:70],
                end_to_end_id=_end_to_end(run, provider),
            )
            for provider, amount in lines
        )
    return run


def _end_to_end(run: PayoutRun, provider) -> str:
    return f"ZP{run.period.replace('-', '')}A{provider.pk}"[:35]


def sepa_file(run: PayoutRun, lines, *, today: dt.date) -> str:
    """A pain.001.001.03 credit transfer, validated against its XSD (sepaxml does it)."""
    config = {
        "name": settings.PAYOUT_DEBTOR_NAME,
        "IBAN": settings.PAYOUT_DEBTOR_IBAN,
        "batch": True,
        "currency": "EUR",
    }
    if settings.PAYOUT_DEBTOR_BIC:
        config["BIC"] = settings.PAYOUT_DEBTOR_BIC
    sepa = SepaTransfer(config, clean=True)
    sepa.msg_id = run.message_id
    for provider, amount in lines:
        sepa.add_payment(
            {
                "name": provider.account_holder[:70],
                "IBAN": provider.iban,
                "amount": amount,
                "execution_date": today,
                "description": f"Zaanse Pas {run.period}",
                "endtoend_id": _end_to_end(run, provider),
            }
        )
    return sepa.export(validate=True).decode()


def confirm_payout_run(run: PayoutRun, *, actor=None) -> PayoutRun:
    """The municipality has paid the file: clear each provider's payable by what it was
    paid, keyed by provider and period, so confirming twice posts nothing extra."""
    with transaction.atomic():
        run = PayoutRun.objects.select_for_update().get(pk=run.pk)
        for line in run.lines.select_related("provider"):
            clear_payable(
                line.provider, period=run.period, amount_cents=line.amount_cents, actor=actor
            )
        if run.status != PayoutStatus.PAID:
            run.status = PayoutStatus.PAID
            run.confirmed_by = actor
            run.confirmed_at = timezone.now()
            run.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    return run
