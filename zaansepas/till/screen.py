"""What the till screen shows for a scanned pass: the offers this pass may use here now,
each with its price and what is left of its limits. Same shape for every holder."""

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.utils import timezone

from zaansepas.offers.models import Offer, OfferKind, OfferStatus
from zaansepas.offers.pricing import price_for
from zaansepas.offers.targeting import fits_at_till, needs_ticket
from zaansepas.passes.models import Pass

from .limits import limit_usage_for
from .models import OfferCounter

TOKEN_SALT = "zaansepas.till.pass"
TOKEN_MAX_AGE = 10 * 60  # a scan is good for ten minutes of serving this customer


def pass_token(pass_id: int) -> str:
    """The till never gets the pass's database id in the clear; a signed, short-lived
    token stands for 'the pass just scanned here'."""
    return signing.dumps(pass_id, salt=TOKEN_SALT)


def pass_from_token(token: str) -> int | None:
    try:
        return signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None


@dataclass(frozen=True)
class TillOffer:
    offer_id: int
    title: str
    needs_amount: bool  # category offers: the till types what the customer buys
    regular_cents: int | None
    pass_price_cents: int | None
    percent_off: int | None
    amount_off_cents: int | None
    cap_cents: int | None
    category: str
    left: int | None  # the tightest remaining limit; None when unlimited


def offers_for_pass(provider, pass_id: int, now: dt.datetime | None = None) -> list[TillOffer]:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    pass_card = Pass.objects.select_related("holder").get(pk=pass_id)
    offers = (
        Offer.objects.filter(
            provider=provider,
            status=OfferStatus.APPROVED,
            valid_from__lte=today,
            valid_until__gte=today,
        )
        .select_related("group")
        .order_by("title")
    )
    used = dict(
        OfferCounter.objects.filter(offer__provider=provider).values_list("offer_id", "used")
    )
    offers = [
        offer
        for offer in offers
        if not needs_ticket(offer) and fits_at_till(offer, pass_card, today)
    ]
    usage = limit_usage_for(offers, pass_card, used, today, now)
    shown = []
    for offer in offers:
        left = min((u.left for u in usage[offer.pk]), default=None)
        if left == 0:
            continue
        category = offer.kind == OfferKind.CATEGORY
        price = None if category else price_for(offer)
        shown.append(
            TillOffer(
                offer_id=offer.pk,
                title=offer.title,
                needs_amount=category,
                regular_cents=None if category else price.regular_cents,
                pass_price_cents=None if category else price.pass_price_cents,
                percent_off=offer.percent_off if category else None,
                amount_off_cents=offer.amount_off_cents if category else None,
                cap_cents=offer.discount_cap_cents if category else None,
                category=offer.category_label,
                left=left,
            )
        )
    return shown
