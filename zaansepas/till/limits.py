"""How much of each limit a pass has used, for one offer or for all offers on a till screen.

One implementation for both: the till screen lists every offer of a provider with what is
left, and a redemption checks one offer under its locks. Both count the same things —
redemptions that were not undone plus open tickets — in a fixed handful of queries, however
many offers there are (the till screen used to cost two queries per limit per offer).

Counted per limit:
- per pass / per household: redemptions in the current period plus open tickets;
- pick-N group: the distinct offers of the group this pass used in the group's period or
  holds a ticket for;
- global quota: the offer counter plus open tickets;
- capacity: the day's redemptions plus the day's open tickets (a used ticket counts once).
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from zaansepas.offers.models import Reservation, ReservationStatus
from zaansepas.offers.targeting import takes_reservation

from .models import Redemption
from .periods import period_start


@dataclass(frozen=True)
class LimitUse:
    code: str  # which limit: limit_pass, limit_household, group, quota, capacity
    message: str  # what the till says when it is used up
    limit: int
    used: int

    @property
    def left(self) -> int:
        return max(self.limit - self.used, 0)


def open_reservations(today):
    """Tickets not yet used for today or later: each holds its place in every limit.
    A ticket whose day has passed unused (a no-show) holds nothing any more."""
    return Reservation.objects.filter(status=ReservationStatus.RESERVED, service_date__gte=today)


def limit_usage(offer, pass_card, quota_used: int, today, now, service_date=None) -> list[LimitUse]:
    """Every limit that applies to this pass and offer now, with how much is used.
    `service_date` is the day a place is wanted (a reservation for later)."""
    return limit_usage_for([offer], pass_card, {offer.pk: quota_used}, today, now, service_date)[
        offer.pk
    ]


def limit_usage_for(
    offers, pass_card, quota_used: dict[int, int], today, now, service_date=None
) -> dict[int, list[LimitUse]]:
    """limit_usage for several offers at once: {offer id: [LimitUse, …]}."""
    service_date = service_date or today
    offers = list(offers)
    used = _Usage(offers, pass_card, today, service_date)
    result = {}
    for offer in offers:
        uses = []
        if offer.per_pass_limit is not None:
            since = period_start(offer.per_pass_period, now, pass_card.valid_from)
            uses.append(
                LimitUse(
                    "limit_pass",
                    _("Deze pas heeft dit aanbod al zo vaak gebruikt als mag."),
                    offer.per_pass_limit,
                    used.by_pass(offer.pk, since),
                )
            )
        if offer.per_household_limit is not None:
            since = period_start(offer.per_household_period, now, pass_card.valid_from)
            uses.append(
                LimitUse(
                    "limit_household",
                    _("Dit huishouden heeft dit aanbod al zo vaak gebruikt als mag."),
                    offer.per_household_limit,
                    used.by_household(offer.pk, since),
                )
            )
        if offer.group_id is not None:
            since = period_start(offer.group.period, now, pass_card.valid_from)
            picked = used.group_picks(offer.group_id, since)
            if offer.pk not in picked:
                uses.append(
                    LimitUse(
                        "group",
                        _("De keuze voor %(group)s is al gemaakt.") % {"group": offer.group},
                        offer.group.picks,
                        len(picked),
                    )
                )
        if offer.global_quota is not None:
            uses.append(
                LimitUse(
                    "quota",
                    _("Dit aanbod is op."),
                    offer.global_quota,
                    quota_used.get(offer.pk, 0) + used.tickets_of_offer[offer.pk],
                )
            )
        if offer.capacity_per_date is not None:
            uses.append(
                LimitUse(
                    "capacity",
                    _("Vandaag zijn alle plekken bezet.")
                    if service_date == today
                    else _("Op deze dag zijn alle plekken bezet."),
                    offer.capacity_per_date,
                    used.places_taken[offer.pk],
                )
            )
        result[offer.pk] = uses
    return result


class _Usage:
    """What a household used and booked of some offers, fetched once, counted in Python.
    A household's history with one provider is short, so fetching rows is cheap."""

    def __init__(self, offers, pass_card, today: dt.date, service_date: dt.date):
        self.pass_id = pass_card.pk
        personal = [
            o.pk
            for o in offers
            if o.per_pass_limit is not None or o.per_household_limit is not None
        ]
        # Only offers that take reservations can have open tickets: skip asking for the rest.
        bookable = {o.pk for o in offers if takes_reservation(o)}
        self.redeemed = []  # (offer id, pass id, redeemed at) of the household
        self.booked = []  # (offer id, pass id) of the household's open tickets
        if personal:
            self.redeemed = list(
                Redemption.objects.filter(
                    household_id=pass_card.household_id,
                    offer_id__in=personal,
                    cancelled_at__isnull=True,
                )
                .order_by()
                .values_list("offer_id", "pass_card_id", "redeemed_at")
            )
        if bookable.intersection(personal):
            self.booked = list(
                open_reservations(today)
                .filter(
                    household_id=pass_card.household_id,
                    offer_id__in=bookable.intersection(personal),
                )
                .order_by()
                .values_list("offer_id", "pass_card_id")
            )
        groups = {o.group_id for o in offers if o.group_id is not None}
        self.group_redeemed = []  # (group id, offer id, redeemed at) of this pass
        self.group_booked = []  # (group id, offer id) of this pass's open tickets
        if groups:
            # A group spans providers ("1 sport and 1 culture"), so no provider filter.
            self.group_redeemed = list(
                Redemption.objects.filter(
                    pass_card=pass_card, offer__group_id__in=groups, cancelled_at__isnull=True
                )
                .order_by()
                .values_list("offer__group_id", "offer_id", "redeemed_at")
            )
            self.group_booked = list(
                open_reservations(today)
                .filter(pass_card=pass_card, offer__group_id__in=groups)
                .order_by()
                .values_list("offer__group_id", "offer_id")
            )
        quota = [o.pk for o in offers if o.global_quota is not None and o.pk in bookable]
        self.tickets_of_offer = Counter(
            dict(_grouped(open_reservations(today).filter(offer_id__in=quota))) if quota else {}
        )
        capacity = [o.pk for o in offers if o.capacity_per_date is not None]
        self.places_taken = Counter()
        if capacity:
            redeemed_that_day = Redemption.objects.filter(
                offer_id__in=capacity, service_date=service_date, cancelled_at__isnull=True
            )
            booked_that_day = Reservation.objects.filter(
                offer_id__in=capacity,
                service_date=service_date,
                status=ReservationStatus.RESERVED,
            )
            self.places_taken.update(dict(_grouped(redeemed_that_day)))
            self.places_taken.update(dict(_grouped(booked_that_day)))

    def by_pass(self, offer_id, since) -> int:
        redeemed = sum(
            1
            for offer, holder, at in self.redeemed
            if offer == offer_id and holder == self.pass_id and (since is None or at >= since)
        )
        return redeemed + sum(
            1 for offer, holder in self.booked if offer == offer_id and holder == self.pass_id
        )

    def by_household(self, offer_id, since) -> int:
        redeemed = sum(
            1
            for offer, _holder, at in self.redeemed
            if offer == offer_id and (since is None or at >= since)
        )
        return redeemed + sum(1 for offer, _holder in self.booked if offer == offer_id)

    def group_picks(self, group_id, since) -> set[int]:
        picked = {
            offer
            for group, offer, at in self.group_redeemed
            if group == group_id and (since is None or at >= since)
        }
        return picked | {offer for group, offer in self.group_booked if group == group_id}


def _grouped(queryset):
    """(offer id, count) per offer."""
    return (
        queryset.order_by().values("offer_id").annotate(n=Count("pk")).values_list("offer_id", "n")
    )
