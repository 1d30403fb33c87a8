"""The public catalogue: what is on the pass today, found by words and filters."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from zaansepas.passes.models import MemberRole, Pass, PassKind, PassStatus, Tier

from .models import Offer, OfferKind, OfferStatus, ProviderStatus
from .search import matching
from .targeting import LOW_INCOME_TIERS, SENIOR_AGE

TARGETS = {
    "kinderen": "for_children",
    "65plus": "for_seniors",
    "laag-inkomen": "for_low_income",
    "mantelzorgers": "for_caregivers",
}


@dataclass(frozen=True)
class Filters:
    q: str = ""
    theme: str = ""  # PolicyTheme.code
    wijk: str = ""  # Area code of a wijk
    target: str = ""  # a key of TARGETS
    price: str = ""  # "gratis" or "korting"


def live_offers(today=None):
    today = today or timezone.localdate()
    return Offer.objects.filter(
        status=OfferStatus.APPROVED,
        provider__status=ProviderStatus.APPROVED,
        valid_from__lte=today,
        valid_until__gte=today,
    ).select_related("provider")


def search(filters: Filters, today=None):
    offers = live_offers(today)
    if filters.q.strip():
        offers = matching(offers, filters.q)
    if filters.theme:
        offers = offers.filter(themes__code=filters.theme)
    if filters.wijk:
        offers = offers.filter(
            Q(locations__district__code=filters.wijk)
            | Q(locations__isnull=True, provider__locations__district__code=filters.wijk)
        )
    if filters.target in TARGETS:
        offers = offers.filter(**{TARGETS[filters.target]: True})
    if filters.price == "gratis":
        offers = offers.filter(
            Q(kind=OfferKind.FREE)
            | Q(kind=OfferKind.PLACE, pass_price_cents__isnull=True)
            | Q(kind=OfferKind.PLACE, pass_price_cents=0)
        )
    elif filters.price == "korting":
        offers = offers.exclude(kind=OfferKind.FREE)
    return offers.distinct().order_by("title", "pk")


def for_you(user, today=None, limit=6):
    """Offers meant for this resident's household situation, shown quietly on their own
    screen. The reason (income, care, age) is never shown, only the offers."""
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    person = getattr(user, "person", None)
    if person is None or person.role != MemberRole.MAIN:
        return []
    passes = list(
        Pass.objects.filter(
            household=person.household, status=PassStatus.ACTIVE, valid_until__gte=today
        ).select_related("holder")
    )
    if not passes:
        return []
    wanted = Q()
    if any(p.tier in LOW_INCOME_TIERS for p in passes):
        wanted |= Q(for_low_income=True)
    if any(p.tier == Tier.CAREGIVER for p in passes):
        wanted |= Q(for_caregivers=True)
    if any(p.kind == PassKind.CHILD for p in passes):
        wanted |= Q(for_children=True)
    if any(p.holder.age_on(today) >= SENIOR_AGE for p in passes):
        wanted |= Q(for_seniors=True)
    if not wanted:
        return []
    return list(live_offers(today).filter(wanted).order_by("?")[:limit])
