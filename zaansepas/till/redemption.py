"""Redeeming an offer with a pass: one atomic operation that checks and records every limit.

Rows are locked in one fixed order — pass, household, offer counter — so two tills never
wait on each other in opposite orders (PostgreSQL). On SQLite every write transaction is
IMMEDIATE, which serialises them. What the till learns on refusal is a plain reason that
is the same for every holder: never the tier, income or budget.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.offers.models import Offer, OfferKind, OfferStatus
from zaansepas.offers.pricing import price_for
from zaansepas.passes.models import Household, Pass, PassKind, PassStatus

from .models import OfferCounter, Redemption
from .periods import period_start

SENIOR_AGE = 65


class RedemptionRefused(ValidationError):
    """Why this redemption cannot happen, in words for the till. Nothing was recorded."""


@dataclass(frozen=True)
class RedemptionResult:
    redemption: Redemption
    replayed: bool  # the same Idempotency-Key again: the first result, nothing new recorded


def fingerprint(*, offer_id, pass_id, location_id, amount_cents) -> str:
    raw = f"{offer_id}|{pass_id}|{location_id}|{amount_cents}"
    return hashlib.sha256(raw.encode()).hexdigest()


def needs_ticket(offer: Offer) -> bool:
    """Offers only for low incomes or carers are never redeemed by scanning the pass: the
    till would learn who qualifies. They reach holders as an ordinary-looking ticket."""
    return not offer.for_everyone and not (offer.for_children or offer.for_seniors)


def _fits_target(offer: Offer, pass_card: Pass, today: dt.date) -> bool:
    if offer.for_everyone:
        return True
    age = pass_card.holder.age_on(today)
    if offer.for_children and pass_card.kind == PassKind.CHILD and 4 <= age <= 17:
        return True
    return bool(offer.for_seniors and age >= SENIOR_AGE)


def _count(queryset, since):
    queryset = queryset.filter(cancelled_at__isnull=True)
    return (queryset.filter(redeemed_at__gte=since) if since else queryset).count()


def _refuse(code: str, message: str):
    raise RedemptionRefused(message, code=code)


def redeem_offer(
    *,
    offer_id: int,
    pass_id: int,
    provider_id: int,
    location_id: int | None,
    idempotency_key: str,
    amount_cents: int | None = None,
    actor=None,
    now: dt.datetime | None = None,
) -> RedemptionResult:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    if not idempotency_key or len(idempotency_key) > 80:
        _refuse("key", _("Er ging iets mis bij het versturen. Probeer het opnieuw."))
    print_ = fingerprint(
        offer_id=offer_id, pass_id=pass_id, location_id=location_id, amount_cents=amount_cents
    )
    try:
        with transaction.atomic():
            pass_card = (
                Pass.objects.select_for_update().select_related("holder").filter(pk=pass_id).first()
            )
            if pass_card is None:
                _refuse("pass", _("Onbekende pas"))
            earlier = Redemption.objects.filter(
                provider_id=provider_id, idempotency_key=idempotency_key
            ).first()
            if earlier is not None:
                return _replay(earlier, print_)
            Household.objects.select_for_update().filter(pk=pass_card.household_id).first()
            counter, _created = OfferCounter.objects.get_or_create(offer_id=offer_id)
            counter = OfferCounter.objects.select_for_update().get(pk=counter.pk)
            offer = (
                Offer.objects.select_related("group", "provider")
                .filter(pk=offer_id, provider_id=provider_id)
                .first()
            )
            _check(offer, pass_card, location_id, today, now)
            price = price_for(offer, amount_cents if offer.kind == OfferKind.CATEGORY else None)
            _check_limits(offer, pass_card, counter, today, now)
            redemption = Redemption.objects.create(
                offer=offer,
                pass_card=pass_card,
                household_id=pass_card.household_id,
                provider_id=provider_id,
                location_id=location_id,
                amount_cents=price.regular_cents,
                discount_cents=price.discount_cents,
                pass_price_cents=price.pass_price_cents,
                service_date=today,
                redeemed_at=now,
                redeemed_by=actor,
                idempotency_key=idempotency_key,
                request_fingerprint=print_,
            )
            counter.used += 1
            counter.save(update_fields=["used"])
    except IntegrityError:
        # The same key raced in from a second connection and won; answer as it did.
        earlier = Redemption.objects.filter(
            provider_id=provider_id, idempotency_key=idempotency_key
        ).first()
        if earlier is None:
            raise
        return _replay(earlier, print_)
    return RedemptionResult(redemption, replayed=False)


def _replay(earlier: Redemption, print_: str) -> RedemptionResult:
    if earlier.request_fingerprint != print_:
        _refuse("key_reused", _("Deze sleutel is al gebruikt voor een andere verzilvering."))
    return RedemptionResult(earlier, replayed=True)


def _check(offer, pass_card, location_id, today, now) -> None:
    if pass_card.status == PassStatus.BLOCKED:
        _refuse("pass", _("Pas geblokkeerd"))
    if pass_card.status == PassStatus.EXPIRED or not (
        pass_card.valid_from <= today <= pass_card.valid_until
    ):
        _refuse("pass", _("Pas verlopen"))
    if (
        offer is None
        or offer.status != OfferStatus.APPROVED
        or offer.provider.status != "goedgekeurd"
    ):
        _refuse("offer", _("Dit aanbod is er niet bij u, of niet meer."))
    if not offer.valid_from <= today <= offer.valid_until:
        _refuse("offer_dates", _("Dit aanbod geldt vandaag niet."))
    if (
        location_id is not None
        and offer.locations.exists()
        and not offer.locations.filter(pk=location_id).exists()
    ):
        _refuse("location", _("Dit aanbod geldt niet op deze locatie."))
    if needs_ticket(offer):
        _refuse("ticket", _("Dit aanbod werkt met een reservering. Scan het ticket van de klant."))
    if not _fits_target(offer, pass_card, today):
        _refuse("target", _("Dit aanbod is voor een andere leeftijd."))


@dataclass(frozen=True)
class LimitUse:
    code: str  # which limit: limit_pass, limit_household, group, quota, capacity
    message: str  # what the till says when it is used up
    limit: int
    used: int

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)


def limit_usage(offer, pass_card, quota_used: int, today, now) -> list[LimitUse]:
    """Every limit that applies to this pass and offer now, with how much is used."""
    uses = []
    if offer.per_pass_limit is not None:
        since = period_start(offer.per_pass_period, now, pass_card.valid_from)
        mine = Redemption.objects.filter(offer=offer, pass_card=pass_card)
        uses.append(
            LimitUse(
                "limit_pass",
                _("Deze pas heeft dit aanbod al zo vaak gebruikt als mag."),
                offer.per_pass_limit,
                _count(mine, since),
            )
        )
    if offer.per_household_limit is not None:
        since = period_start(offer.per_household_period, now, pass_card.valid_from)
        household = Redemption.objects.filter(offer=offer, household_id=pass_card.household_id)
        uses.append(
            LimitUse(
                "limit_household",
                _("Dit huishouden heeft dit aanbod al zo vaak gebruikt als mag."),
                offer.per_household_limit,
                _count(household, since),
            )
        )
    if offer.group_id is not None:
        since = period_start(offer.group.period, now, pass_card.valid_from)
        picked = (
            Redemption.objects.filter(
                pass_card=pass_card, offer__group_id=offer.group_id, cancelled_at__isnull=True
            )
            .filter(**({"redeemed_at__gte": since} if since else {}))
            .values("offer_id")
            .distinct()
        )
        if not picked.filter(offer_id=offer.pk).exists():
            uses.append(
                LimitUse(
                    "group",
                    _("De keuze voor %(group)s is al gemaakt.") % {"group": offer.group},
                    offer.group.picks,
                    picked.count(),
                )
            )
    if offer.global_quota is not None:
        uses.append(LimitUse("quota", _("Dit aanbod is op."), offer.global_quota, quota_used))
    if offer.capacity_per_date is not None:
        taken = Redemption.objects.filter(
            offer=offer, service_date=today, cancelled_at__isnull=True
        ).count()
        uses.append(
            LimitUse(
                "capacity", _("Vandaag zijn alle plekken bezet."), offer.capacity_per_date, taken
            )
        )
    return uses


def _check_limits(offer, pass_card, counter, today, now) -> None:
    for use in limit_usage(offer, pass_card, counter.used, today, now):
        if use.left == 0:
            _refuse(use.code, use.message)


def cancel_redemption(
    *, redemption_id: int, provider_id: int, now: dt.datetime | None = None
) -> Redemption:
    """Undo a redemption shortly after it (a wrong button, the customer changed their mind).
    The row stays, marked cancelled; limits and the quota count it no longer."""
    from django.conf import settings

    now = now or timezone.now()
    with transaction.atomic():
        found = Redemption.objects.filter(pk=redemption_id, provider_id=provider_id).first()
        if found is None:
            _refuse("not_found", _("Deze verzilvering bestaat niet bij u."))
        # Same lock order as redeem_offer: pass, household, counter.
        Pass.objects.select_for_update().filter(pk=found.pass_card_id).first()
        Household.objects.select_for_update().filter(pk=found.household_id).first()
        counter = OfferCounter.objects.select_for_update().get(offer_id=found.offer_id)
        redemption = Redemption.objects.get(pk=found.pk)
        if redemption.cancelled_at is not None:
            return redemption
        window = dt.timedelta(minutes=settings.TILL_CANCEL_WINDOW_MINUTES)
        if now - redemption.redeemed_at > window:
            _refuse(
                "too_late",
                _("Terugdraaien kan alleen binnen %(minutes)s minuten.")
                % {"minutes": settings.TILL_CANCEL_WINDOW_MINUTES},
            )
        redemption.cancelled_at = now
        redemption.save(update_fields=["cancelled_at"])
        counter.used = max(counter.used - 1, 0)
        counter.save(update_fields=["used"])
    return redemption
