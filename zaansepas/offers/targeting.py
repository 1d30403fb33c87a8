"""Who an offer is for, checked against one pass.

Two questions with different answers on purpose. The till may only check what anyone could
see (age, a child's pass); whether a holder has a low income or cares for someone is known to
the pass office and the holder, never to a till. So offers for those groups are not redeemed
by scanning the pass: the holder reserves them and shows an ordinary-looking ticket.
"""

import datetime as dt

from zaansepas.passes.models import PassKind, Tier

SENIOR_AGE = 65
CHILD_AGES = range(4, 18)  # 4 up to and including 17
LOW_INCOME_TIERS = {Tier.LOW_INCOME, Tier.SOCIAL_ASSISTANCE}


def needs_ticket(offer) -> bool:
    """Offers only for low incomes or carers: never by scanning the pass, always by ticket."""
    return not offer.for_everyone and not (offer.for_children or offer.for_seniors)


def takes_reservation(offer) -> bool:
    """Residents can reserve places (capacity per date) and ticket-only offers."""
    return needs_ticket(offer) or offer.capacity_per_date is not None or offer.kind == "plek"


def fits_at_till(offer, pass_card, day: dt.date) -> bool:
    """What a till may check by itself: everyone, a child's age, 65-plus."""
    if offer.for_everyone:
        return True
    age = pass_card.holder.age_on(day)
    if offer.for_children and pass_card.kind == PassKind.CHILD and age in CHILD_AGES:
        return True
    return bool(offer.for_seniors and age >= SENIOR_AGE)


def fits_pass(offer, pass_card, day: dt.date) -> bool:
    """Whether this pass may have the offer at all, including the groups a till never sees."""
    if fits_at_till(offer, pass_card, day):
        return True
    if offer.for_low_income and pass_card.tier in LOW_INCOME_TIERS:
        return True
    return bool(offer.for_caregivers and pass_card.tier == Tier.CAREGIVER)
