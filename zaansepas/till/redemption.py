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

from zaansepas.offers.models import Offer, OfferKind, OfferStatus, Reservation, ReservationStatus
from zaansepas.offers.pricing import price_for
from zaansepas.offers.targeting import fits_at_till, needs_ticket
from zaansepas.passes.models import Household, Pass, PassStatus

from .limits import limit_usage
from .models import OfferCounter, Redemption


class RedemptionRefused(ValidationError):
    """Why this redemption cannot happen, in words for the till. Nothing was recorded."""


@dataclass(frozen=True)
class RedemptionResult:
    redemption: Redemption
    replayed: bool  # the same Idempotency-Key again: the first result, nothing new recorded


def fingerprint(*, offer_id, pass_id, location_id, amount_cents, ticket="") -> str:
    raw = f"{offer_id}|{pass_id}|{location_id}|{amount_cents}"
    if ticket:  # appended only for tickets, so keys stored before tickets existed still match
        raw += f"|ticket:{ticket}"
    return hashlib.sha256(raw.encode()).hexdigest()


def refuse(code: str, message: str):
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
        refuse("key", _("Er ging iets mis bij het versturen. Probeer het opnieuw."))
    print_ = fingerprint(
        offer_id=offer_id, pass_id=pass_id, location_id=location_id, amount_cents=amount_cents
    )
    try:
        with transaction.atomic():
            pass_card = lock_pass(pass_id)
            if pass_card is None:
                refuse("pass", _("Onbekende pas"))
            earlier = Redemption.objects.filter(
                provider_id=provider_id, idempotency_key=idempotency_key
            ).first()
            if earlier is not None:
                return replay(earlier, print_)
            counter = lock_household_and_counter(pass_card.household_id, offer_id)
            offer = (
                Offer.objects.select_related("group", "provider")
                .filter(pk=offer_id, provider_id=provider_id)
                .first()
            )
            _check(offer, pass_card, location_id, today, now)
            price = price_for(offer, amount_cents if offer.kind == OfferKind.CATEGORY else None)
            _check_limits(offer, pass_card, counter, today, now)
            redemption = record_redemption(
                offer=offer,
                pass_card=pass_card,
                counter=counter,
                price=price,
                location_id=location_id,
                now=now,
                actor=actor,
                idempotency_key=idempotency_key,
                fingerprint=print_,
            )
    except IntegrityError:
        # The same key raced in from a second connection and won; answer as it did.
        raced = replay_race(provider_id, idempotency_key, print_)
        if raced is None:
            raise
        return raced
    return RedemptionResult(redemption, replayed=False)


def lock_pass(pass_id: int) -> Pass | None:
    """The first row of the fixed lock order: pass, household, offer counter."""
    return Pass.objects.select_for_update().select_related("holder").filter(pk=pass_id).first()


def lock_household_and_counter(household_id: int, offer_id: int) -> OfferCounter:
    """The second and third rows of the fixed lock order, after the pass."""
    Household.objects.select_for_update().filter(pk=household_id).first()
    counter = OfferCounter.objects.select_for_update().filter(offer_id=offer_id).first()
    if counter is None:  # the offer's first use: make its row, then lock it like any other
        OfferCounter.objects.get_or_create(offer_id=offer_id)
        counter = OfferCounter.objects.select_for_update().get(offer_id=offer_id)
    return counter


def record_redemption(
    *,
    offer,
    pass_card,
    counter,
    price,
    location_id,
    now,
    actor,
    idempotency_key,
    fingerprint,
    reservation=None,
) -> Redemption:
    """Write the redemption and count it against the quota; the caller holds the locks."""
    redemption = Redemption.objects.create(
        offer=offer,
        pass_card=pass_card,
        household_id=pass_card.household_id,
        provider_id=offer.provider_id,
        location_id=location_id,
        amount_cents=price.regular_cents,
        discount_cents=price.discount_cents,
        pass_price_cents=price.pass_price_cents,
        service_date=timezone.localtime(now).date(),
        redeemed_at=now,
        redeemed_by=actor,
        idempotency_key=idempotency_key,
        request_fingerprint=fingerprint,
        reservation=reservation,
    )
    counter.used += 1
    counter.save(update_fields=["used"])
    return redemption


def replay_race(provider_id: int, idempotency_key: str, print_: str) -> RedemptionResult | None:
    """After an IntegrityError: the redemption stored under this key, if that was the cause."""
    earlier = Redemption.objects.filter(
        provider_id=provider_id, idempotency_key=idempotency_key
    ).first()
    return None if earlier is None else replay(earlier, print_)


def replay(earlier: Redemption, print_: str) -> RedemptionResult:
    if earlier.request_fingerprint != print_:
        refuse("key_reused", _("Deze sleutel is al gebruikt voor een andere verzilvering."))
    return RedemptionResult(earlier, replayed=True)


def _check(offer, pass_card, location_id, today, now) -> None:
    check_pass_usable(pass_card, today)
    check_offer_live(offer, today)
    if (
        location_id is not None
        and offer.locations.exists()
        and not offer.locations.filter(pk=location_id).exists()
    ):
        refuse("location", _("Dit aanbod geldt niet op deze locatie."))
    if needs_ticket(offer):
        refuse("ticket", _("Dit aanbod werkt met een reservering. Scan het ticket van de klant."))
    if not fits_at_till(offer, pass_card, today):
        refuse("target", _("Dit aanbod is voor een andere leeftijd."))


def check_pass_usable(pass_card, today) -> None:
    if pass_card.status == PassStatus.BLOCKED:
        refuse("pass", _("Pas geblokkeerd"))
    if pass_card.status == PassStatus.EXPIRED or not (
        pass_card.valid_from <= today <= pass_card.valid_until
    ):
        refuse("pass", _("Pas verlopen"))


def check_offer_live(offer, today) -> None:
    if (
        offer is None
        or offer.status != OfferStatus.APPROVED
        or offer.provider.status != "goedgekeurd"
    ):
        refuse("offer", _("Dit aanbod is er niet bij u, of niet meer."))
    if not offer.valid_from <= today <= offer.valid_until:
        refuse("offer_dates", _("Dit aanbod geldt vandaag niet."))


def _check_limits(offer, pass_card, counter, today, now) -> None:
    for use in limit_usage(offer, pass_card, counter.used, today, now):
        if use.left == 0:
            refuse(use.code, use.message)


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
            refuse("not_found", _("Deze verzilvering bestaat niet bij u."))
        lock_pass(found.pass_card_id)
        counter = lock_household_and_counter(found.household_id, found.offer_id)
        redemption = Redemption.objects.get(pk=found.pk)
        if redemption.cancelled_at is not None:
            return redemption
        window = dt.timedelta(minutes=settings.TILL_CANCEL_WINDOW_MINUTES)
        if now - redemption.redeemed_at > window:
            refuse(
                "too_late",
                _("Terugdraaien kan alleen binnen %(minutes)s minuten.")
                % {"minutes": settings.TILL_CANCEL_WINDOW_MINUTES},
            )
        redemption.cancelled_at = now
        redemption.save(update_fields=["cancelled_at"])
        if redemption.reservation_id is not None:
            # Undoing a scanned ticket gives the holder their ticket back, still valid.
            Reservation.objects.filter(pk=redemption.reservation_id).update(
                status=ReservationStatus.RESERVED, used_at=None
            )
        counter.used = max(counter.used - 1, 0)
        counter.save(update_fields=["used"])
    return redemption
