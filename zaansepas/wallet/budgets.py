"""Budget schemes in action: who gets a budget, granting it (one pass, or all in bulk after a
preview), what a budget may pay for, and returning what is left when it expires.

A grant is a transfer from the scheme's funding account to the pass's budget sub-account
for that scheme and expiry date. Its key names the scheme, the pass and the year, so
granting twice — a double click, a bulk run repeated, a pass issued again — posts nothing
extra.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.offers.models import Offer, OfferStatus
from zaansepas.passes.models import Pass, PassKind, PassStatus

from .ledger import (
    LedgerRefused,
    Posted,
    budget_account,
    expired_return_account,
    post_transfer,
    scheme_funding_account,
)
from .models import Account, AccountKind, GrantBasis, Scheme, Transfer, TransferKind


def grant_expiry(scheme: Scheme, day: dt.date) -> dt.date:
    """A grant lasts to the end of the calendar year it is given in, or the scheme's end."""
    return min(dt.date(day.year, 12, 31), scheme.valid_until)


def fits_scheme(
    scheme: Scheme, pass_card: Pass, day: dt.date, listed: set[int] | None = None
) -> bool:
    if not (scheme.valid_from <= day <= scheme.valid_until):
        return False
    if pass_card.status != PassStatus.ACTIVE or not (
        pass_card.valid_from <= day <= pass_card.valid_until
    ):
        return False
    if scheme.tier_list() and pass_card.tier not in scheme.tier_list():
        return False
    if scheme.basis == GrantBasis.PER_CHILD and pass_card.kind != PassKind.CHILD:
        return False
    age = pass_card.holder.age_on(day)
    if scheme.min_age is not None and age < scheme.min_age:
        return False
    if scheme.max_age is not None and age > scheme.max_age:
        return False
    if scheme.uses_list:
        if listed is None:
            listed = set(scheme.list_entries.values_list("pass_card_id", flat=True))
        return pass_card.pk in listed
    return True


def grant_key(scheme: Scheme, pass_card: Pass, day: dt.date) -> str:
    return f"toekenning:{scheme.code}:pas:{pass_card.pk}:{day.year}"


def grant_budget(
    scheme: Scheme, pass_card: Pass, *, day: dt.date | None = None, actor=None, at=None
) -> Posted | None:
    """Give this pass the scheme's budget for this year, if it fits; None if it doesn't."""
    day = day or timezone.localdate()
    if not fits_scheme(scheme, pass_card, day):
        return None
    return post_transfer(
        key=grant_key(scheme, pass_card, day),
        kind=TransferKind.GRANT,
        legs=[
            (scheme_funding_account(scheme), -scheme.amount_cents),
            (budget_account(pass_card, scheme, grant_expiry(scheme, day)), scheme.amount_cents),
        ],
        memo=f"{scheme.name} {day.year}"[:200],
        actor=actor,
        at=at,
    )


@dataclass(frozen=True)
class GrantPreview:
    scheme: Scheme
    day: dt.date
    new: list[Pass]  # would get the budget now
    already: int  # had it already this year
    total_cents: int  # what the new grants add up to


def preview_grants(scheme: Scheme, day: dt.date | None = None) -> GrantPreview:
    """What a bulk grant would do, before staff confirm it."""
    day = day or timezone.localdate()
    listed = set(scheme.list_entries.values_list("pass_card_id", flat=True))
    candidates = Pass.objects.filter(status=PassStatus.ACTIVE).select_related("holder")
    if scheme.tier_list():
        candidates = candidates.filter(tier__in=scheme.tier_list())
    if scheme.basis == GrantBasis.PER_CHILD:
        candidates = candidates.filter(kind=PassKind.CHILD)
    if scheme.uses_list:
        candidates = candidates.filter(pk__in=listed)
    fitting = [p for p in candidates.order_by("pk") if fits_scheme(scheme, p, day, listed)]
    done = set(
        Transfer.objects.filter(key__in=[grant_key(scheme, p, day) for p in fitting]).values_list(
            "key", flat=True
        )
    )
    new = [p for p in fitting if grant_key(scheme, p, day) not in done]
    return GrantPreview(scheme, day, new, len(fitting) - len(new), len(new) * scheme.amount_cents)


def grant_all(scheme: Scheme, *, day: dt.date | None = None, actor=None, at=None) -> int:
    """Grant to every pass that fits and has not had it this year. Returns how many were
    new. Each grant is its own transfer, so a run cut short can simply be run again."""
    preview = preview_grants(scheme, day)
    made = 0
    for pass_card in preview.new:
        posted = grant_budget(scheme, pass_card, day=preview.day, actor=actor, at=at)
        made += bool(posted and not posted.replayed)
    return made


def grant_for_new_pass(pass_card: Pass, day: dt.date | None = None) -> None:
    """When a pass is issued or renewed, it gets every budget it fits right away."""
    day = day or timezone.localdate()
    for scheme in Scheme.objects.filter(valid_from__lte=day, valid_until__gte=day):
        grant_budget(scheme, pass_card, day=day)


# --- what a budget may pay for -------------------------------------------------------------


def may_pay(scheme: Scheme, provider) -> bool:
    """Whether this scheme's budget may pay this provider. Every restriction the scheme sets
    must hold: named providers, kinds of provider, themes of the provider's offers."""
    # .all() so a caller's prefetch_related("scheme__providers", "scheme__themes") is used.
    named = [p.pk for p in scheme.providers.all()]
    if named and provider.pk not in named:
        return False
    if scheme.provider_kind_list() and provider.kind not in scheme.provider_kind_list():
        return False
    theme_ids = [theme.pk for theme in scheme.themes.all()]
    if theme_ids:
        return Offer.objects.filter(
            provider=provider, status=OfferStatus.APPROVED, themes__in=theme_ids
        ).exists()
    return True


# --- expiry --------------------------------------------------------------------------------


def expire_budgets(day: dt.date | None = None) -> int:
    """Return what is left on budgets past their last day to their scheme. Returns how many
    budgets were emptied. Safe to run again: each account's expiry is one keyed transfer."""
    day = day or timezone.localdate()
    emptied = 0
    due = Account.objects.filter(
        kind=AccountKind.BUDGET, expires_on__lt=day, balance_cents__gt=0
    ).select_related("scheme")
    for account in due:
        with transaction.atomic():
            # Nothing pays from an expired budget, so the balance read here stays put;
            # post_transfer checks it again under its lock anyway.
            left = Account.objects.select_for_update().get(pk=account.pk).balance_cents
            if left <= 0:
                continue
            # Keyed by the account's last entry: running twice posts once, and money that
            # comes back later (a refund of an old payment) expires in a transfer of its own.
            last = account.entries.order_by("-pk").values_list("pk", flat=True).first()
            posted = post_transfer(
                key=f"verval:rekening:{account.pk}:na:{last}",
                kind=TransferKind.EXPIRY,
                legs=[(account, -left), (expired_return_account(account.scheme), left)],
                memo=_("vervallen op %(day)s") % {"day": account.expires_on.isoformat()},
            )
            emptied += not posted.replayed
    return emptied


# --- the list a scheme may use -------------------------------------------------------------

MAX_LIST_LINES = 5000


@dataclass(frozen=True)
class ListUpload:
    added: int
    already: int
    unknown: list[str]  # lines that are not a pass number we know, as typed


def add_to_list(scheme: Scheme, text: str) -> ListUpload:
    """Pass numbers, one per line (as typed or pasted from a spreadsheet), added to the
    scheme's list. Nothing is added when any line is wrong: staff fix the list and send it
    again, so a half-read list never grants to half the people."""
    from zaansepas.lib.checkdigit import clean_pass_number, has_valid_check_digit

    from .models import SchemeListEntry

    lines = [line.strip().strip(";,") for line in text.splitlines() if line.strip()]
    if not lines:
        raise LedgerRefused(_("Plak of typ minstens één pasnummer."), code="empty")
    if len(lines) > MAX_LIST_LINES:
        raise LedgerRefused(
            _("Hoogstens %(n)s passen per keer.") % {"n": MAX_LIST_LINES}, code="too_many"
        )
    numbers = {line: clean_pass_number(line) for line in lines}
    known = dict(Pass.objects.filter(number__in=set(numbers.values())).values_list("number", "pk"))
    unknown = [
        line
        for line, number in numbers.items()
        if not has_valid_check_digit(number) or number not in known
    ]
    if unknown:
        return ListUpload(0, 0, unknown)
    wanted = {known[number] for number in numbers.values()}
    existing = set(
        scheme.list_entries.filter(pass_card_id__in=wanted).values_list("pass_card_id", flat=True)
    )
    SchemeListEntry.objects.bulk_create(
        [SchemeListEntry(scheme=scheme, pass_card_id=pk) for pk in wanted - existing],
        ignore_conflicts=True,
    )
    return ListUpload(len(wanted - existing), len(existing), [])
