"""Reserving a place or a ticket, and cancelling it.

A reservation holds its place in every limit of the offer (per pass, per household, the
pick-N group, the global quota) and in the capacity of its date, from the moment it is made
until it is used at the till or cancelled. It takes the same locks in the same order as a
redemption (pass, household, offer counter), so places can't be booked twice under load.
"""

import datetime as dt
import secrets
import uuid

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from zaansepas.passes.models import PassStatus
from zaansepas.till.limits import limit_usage
from zaansepas.till.models import Redemption
from zaansepas.till.redemption import (
    lock_household_and_counter,
    lock_pass,
    refuse,
)

from .models import (
    Offer,
    OfferStatus,
    OpeningHours,
    ProviderStatus,
    Reservation,
    ReservationStatus,
)
from .targeting import fits_pass, takes_reservation

DAYS_AHEAD = 30  # how far ahead a resident can book
# No 0/O, 1/I/L or U: nothing to misread when a till types the code from a screen.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
CODE_LENGTH = 10
CODE_LETTERS = "ABCDEFGHJKMNPQRSTVWXYZ"


def new_ticket_code() -> str:
    # Starts with a letter, so a typed ticket code never looks like a pass number.
    return secrets.choice(CODE_LETTERS) + "".join(
        secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH - 1)
    )


def format_ticket_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def ticket_code_from(text: str) -> str | None:
    """The ticket code in what a scanner or a person delivered, or None if it isn't one."""
    cleaned = text.strip().upper()
    cleaned = cleaned.removeprefix("ZPT:")
    cleaned = cleaned.replace("-", "").replace(" ", "")
    if len(cleaned) != CODE_LENGTH or cleaned[0] not in CODE_LETTERS:
        return None
    if any(char not in CODE_ALPHABET for char in cleaned):
        return None
    return cleaned


def ticket_payload(reservation: Reservation) -> str:
    return f"ZPT:{reservation.code}"


def open_weekdays(offer: Offer) -> set[int] | None:
    """The weekdays (Monday 0) a location of the offer opens; None when no opening hours
    are known, and then every day is possible."""
    locations = offer.locations.filter(is_active=True)
    if not locations.exists():
        locations = offer.provider.locations.filter(is_active=True)
    days = set(
        OpeningHours.objects.filter(location__in=locations).values_list("weekday", flat=True)
    )
    return days or None


def bookable_days(offer: Offer, today: dt.date | None = None) -> list[tuple[dt.date, int | None]]:
    """The days a resident can pick, each with the places left (None: no capacity limit).
    Full days are included (with 0 left) so the resident sees why they can't pick them."""
    today = today or timezone.localdate()
    first = max(today, offer.valid_from)
    last = min(offer.valid_until, today + dt.timedelta(days=DAYS_AHEAD))
    weekdays = open_weekdays(offer)
    taken = _places_taken_between(offer, first, last) if offer.capacity_per_date else {}
    days = []
    day = first
    while day <= last:
        if weekdays is None or day.weekday() in weekdays:
            left = None
            if offer.capacity_per_date is not None:
                left = max(offer.capacity_per_date - taken.get(day, 0), 0)
            days.append((day, left))
        day += dt.timedelta(days=1)
    return days


def _places_taken_between(offer, first, last) -> dict[dt.date, int]:
    """places_taken for every day in a range, in two queries."""
    taken: dict[dt.date, int] = {}
    redeemed = Redemption.objects.filter(
        offer=offer, service_date__range=(first, last), cancelled_at__isnull=True
    )
    booked = Reservation.objects.filter(
        offer=offer, service_date__range=(first, last), status=ReservationStatus.RESERVED
    )
    for rows in (redeemed, booked):
        for day, count in (
            rows.values("service_date").annotate(n=Count("pk")).values_list("service_date", "n")
        ):
            taken[day] = taken.get(day, 0) + count
    return taken


def reserve_offer(
    *,
    offer_id: int,
    pass_id: int,
    service_date: dt.date,
    request_key: uuid.UUID,
    now: dt.datetime | None = None,
) -> Reservation:
    """Book one place (or one ticket) for this pass on this date. The caller has checked
    that the pass belongs to the resident. Refusals raise RedemptionRefused with a reason
    the resident can act on; nothing is written then."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    try:
        with transaction.atomic():
            earlier = Reservation.objects.filter(request_key=request_key).first()
            if earlier is not None:
                return _same_request(earlier, offer_id, pass_id, service_date)
            pass_card = lock_pass(pass_id)
            if pass_card is None:
                refuse("pass", _("Onbekende pas"))
            counter = lock_household_and_counter(pass_card.household_id, offer_id)
            offer = Offer.objects.select_related("group", "provider").filter(pk=offer_id).first()
            _check_reservation(offer, pass_card, service_date, today)
            for use in limit_usage(offer, pass_card, counter.used, today, now, service_date):
                if use.left == 0:
                    refuse(use.code, use.message)
            return Reservation.objects.create(
                offer=offer,
                pass_card=pass_card,
                household_id=pass_card.household_id,
                service_date=service_date,
                code=_unused_code(),
                request_key=request_key,
                created_at=now,
            )
    except IntegrityError:
        # A double click raced in on a second connection and won: show its ticket.
        earlier = Reservation.objects.filter(request_key=request_key).first()
        if earlier is None:
            raise
        return _same_request(earlier, offer_id, pass_id, service_date)


def _same_request(earlier, offer_id, pass_id, service_date) -> Reservation:
    if (earlier.offer_id, earlier.pass_card_id, earlier.service_date) != (
        offer_id,
        pass_id,
        service_date,
    ):
        refuse("key_reused", _("Dit formulier is al verstuurd. Laad de pagina opnieuw."))
    return earlier


def _unused_code() -> str:
    while True:
        code = new_ticket_code()
        if not Reservation.objects.filter(code=code).exists():
            return code


def _check_reservation(offer, pass_card, service_date, today) -> None:
    if (
        offer is None
        or offer.status != OfferStatus.APPROVED
        or offer.provider.status != ProviderStatus.APPROVED
    ):
        refuse("offer", _("Dit aanbod is er niet meer."))
    if not takes_reservation(offer):
        refuse(
            "no_reservation",
            _("Voor dit aanbod hoeft u niet te reserveren. Laat uw pas zien bij de aanbieder."),
        )
    if service_date < today:
        refuse("date", _("Deze datum is al voorbij. Kies een andere dag."))
    if service_date > today + dt.timedelta(days=DAYS_AHEAD):
        refuse(
            "date",
            _("U kunt tot %(days)s dagen vooruit reserveren. Kies een eerdere dag.")
            % {"days": DAYS_AHEAD},
        )
    if not offer.valid_from <= service_date <= offer.valid_until:
        refuse("offer_dates", _("Dit aanbod geldt niet op deze dag. Kies een andere dag."))
    weekdays = open_weekdays(offer)
    if weekdays is not None and service_date.weekday() not in weekdays:
        refuse("date", _("Op deze dag is de aanbieder dicht. Kies een andere dag."))
    if pass_card.status != PassStatus.ACTIVE or not (
        pass_card.valid_from <= service_date <= pass_card.valid_until
    ):
        refuse("pass", _("Deze pas is op die dag niet geldig."))
    if not fits_pass(offer, pass_card, service_date):
        refuse("target", _("Dit aanbod is niet voor deze pas. Kies een andere pas."))
    if Reservation.objects.filter(
        offer=offer,
        pass_card=pass_card,
        service_date=service_date,
        status=ReservationStatus.RESERVED,
    ).exists():
        refuse("duplicate", _("Deze pas heeft al een ticket voor deze dag."))


def cancel_reservation(*, reservation_id: int, now: dt.datetime | None = None) -> Reservation:
    """The holder gives a place back, up to and including its day. The caller has checked
    that the reservation belongs to the resident."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    with transaction.atomic():
        found = Reservation.objects.filter(pk=reservation_id).first()
        if found is None:
            refuse("not_found", _("Dit ticket bestaat niet."))
        lock_pass(found.pass_card_id)
        lock_household_and_counter(found.household_id, found.offer_id)
        reservation = Reservation.objects.select_for_update().get(pk=found.pk)
        if reservation.status == ReservationStatus.CANCELLED:
            return reservation
        if reservation.status == ReservationStatus.USED:
            refuse("used", _("Dit ticket is al gebruikt."))
        if reservation.service_date < today:
            refuse("date", _("De dag van dit ticket is al voorbij."))
        reservation.status = ReservationStatus.CANCELLED
        reservation.cancelled_at = now
        reservation.save(update_fields=["status", "cancelled_at"])
    return reservation


def describe_day(day: dt.date) -> str:
    return formats.date_format(day, "l j F")
