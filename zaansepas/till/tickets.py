"""Scanning a reservation ticket at the till, and using it.

The till learns what the ticket is for (offer, day) and whether it is good now — the same
for every holder. It never learns who the ticket belongs to or why they could book it.
Using a ticket records a redemption without counting limits again: the reservation already
held its place in every limit when it was made.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from zaansepas.offers.models import OfferKind, Reservation, ReservationStatus
from zaansepas.offers.pricing import price_for

from .models import Redemption
from .redemption import (
    RedemptionResult,
    check_offer_live,
    check_pass_usable,
    fingerprint,
    lock_household_and_counter,
    lock_pass,
    record_redemption,
    refuse,
    replay,
    replay_race,
)


@dataclass(frozen=True)
class TicketCheck:
    valid: bool
    reason: str  # a short code: ok, unknown, other_provider, cancelled, used, date, pass, offer
    message: str  # what the till shows, in plain words
    reservation: Reservation | None = None


def _find(code: str, provider_id: int) -> Reservation:
    reservation = (
        Reservation.objects.select_related("offer", "offer__provider", "pass_card")
        .filter(code=code)
        .first()
    )
    if reservation is None:
        refuse("unknown", _("Onbekend ticket. Controleer de code."))
    if reservation.offer.provider_id != provider_id:
        refuse("other_provider", _("Dit ticket is voor een andere aanbieder."))
    return reservation


def _check_ticket_usable(reservation: Reservation, today: dt.date) -> None:
    if reservation.status == ReservationStatus.CANCELLED:
        refuse("cancelled", _("Dit ticket is geannuleerd."))
    if reservation.status == ReservationStatus.USED:
        refuse("used", _("Dit ticket is al gebruikt."))
    if reservation.service_date != today:
        refuse(
            "date",
            _("Dit ticket is voor %(day)s, niet voor vandaag.")
            % {"day": formats.date_format(reservation.service_date, "l j F")},
        )
    check_pass_usable(reservation.pass_card, today)
    check_offer_live(reservation.offer, today)


def check_ticket(provider_id: int, code: str, now: dt.datetime | None = None) -> TicketCheck:
    """Read-only: what the till shows after a scan, before staff press 'use'."""
    today = timezone.localtime(now or timezone.now()).date()
    try:
        reservation = _find(code, provider_id)
        _check_ticket_usable(reservation, today)
    except ValidationError as exc:
        return TicketCheck(False, exc.code or "refused", exc.messages[0])
    return TicketCheck(True, "ok", _("Ticket geldig"), reservation)


def redeem_ticket(
    *,
    code: str,
    provider_id: int,
    idempotency_key: str,
    amount_cents: int | None = None,
    location_id: int | None = None,
    actor=None,
    now: dt.datetime | None = None,
) -> RedemptionResult:
    """Use a ticket: one redemption, the ticket marked used. Same idempotency rules as
    redeem_offer: the same key and ticket give the first answer again."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    if not idempotency_key or len(idempotency_key) > 80:
        refuse("key", _("Er ging iets mis bij het versturen. Probeer het opnieuw."))
    found = _find(code, provider_id)
    print_ = fingerprint(
        offer_id=found.offer_id,
        pass_id=found.pass_card_id,
        location_id=location_id,
        amount_cents=amount_cents,
        ticket=code,
    )
    try:
        with transaction.atomic():
            lock_pass(found.pass_card_id)
            earlier = Redemption.objects.filter(
                provider_id=provider_id, idempotency_key=idempotency_key
            ).first()
            if earlier is not None:
                return replay(earlier, print_)
            counter = lock_household_and_counter(found.household_id, found.offer_id)
            reservation = (
                Reservation.objects.select_for_update()
                .select_related("offer", "offer__provider", "pass_card")
                .get(pk=found.pk)
            )
            _check_ticket_usable(reservation, today)
            offer = reservation.offer
            price = price_for(offer, amount_cents if offer.kind == OfferKind.CATEGORY else None)
            redemption = record_redemption(
                offer=offer,
                pass_card=reservation.pass_card,
                counter=counter,
                price=price,
                location_id=location_id,
                now=now,
                actor=actor,
                idempotency_key=idempotency_key,
                fingerprint=print_,
                reservation=reservation,
            )
            reservation.status = ReservationStatus.USED
            reservation.used_at = now
            reservation.save(update_fields=["status", "used_at"])
    except IntegrityError:
        raced = replay_race(provider_id, idempotency_key, print_)
        if raced is None:
            raise
        return raced
    return RedemptionResult(redemption, replayed=False)
