"""Resident pages for reservations: book from an offer's page, see and cancel tickets."""

import datetime as dt
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.passes.access import passes_for_resident
from zaansepas.passes.models import PassStatus
from zaansepas.passes.qr import qr_svg

from .catalogue import live_offers
from .models import Reservation, ReservationStatus
from .reservations import (
    bookable_days,
    cancel_reservation,
    format_ticket_code,
    reserve_offer,
    ticket_payload,
)
from .targeting import fits_pass, takes_reservation


def booking_context(user, offer, today=None) -> dict:
    """What the offer page needs for its 'Reserveren' part. Passes that don't fit the offer
    are left out without saying why, so a shared screen tells nobody anything."""
    if not takes_reservation(offer):
        return {}
    today = today or timezone.localdate()
    context = {"reservable": True}
    if not user.is_authenticated:
        return context
    passes = [
        p
        for p in passes_for_resident(user).filter(status=PassStatus.ACTIVE)
        if fits_pass(offer, p, today)
    ]
    context.update(
        booking_passes=passes,
        booking_days=bookable_days(offer, today) if passes else [],
        booking_key=uuid.uuid4(),
    )
    return context


def _offer_page(request, offer, *, error, status):
    from .catalogue_views import detail_context

    context = detail_context(request, offer)
    context["booking_error"] = error
    return render(request, "offers/catalogue/detail.html", context, status=status)


@login_required
@require_POST
def reserve(request, pk):
    offer = live_offers().filter(pk=pk).first()
    if offer is None:
        raise Http404
    pass_card = passes_for_resident(request.user).filter(number=request.POST.get("pas", "")).first()
    if pass_card is None:
        return _offer_page(request, offer, error=_("Kies voor welke pas."), status=400)
    try:
        day = dt.date.fromisoformat(request.POST.get("datum", ""))
    except ValueError:
        return _offer_page(request, offer, error=_("Kies een dag."), status=400)
    try:
        key = uuid.UUID(request.POST.get("key", ""))
    except ValueError:
        return _offer_page(
            request, offer, error=_("Er ging iets mis. Probeer het opnieuw."), status=400
        )
    try:
        reservation = reserve_offer(
            offer_id=offer.pk, pass_id=pass_card.pk, service_date=day, request_key=key
        )
    except ValidationError as exc:
        return _offer_page(request, offer, error=exc.messages[0], status=409)
    messages.success(request, _("Gereserveerd. Dit is uw ticket."))
    return redirect("catalogue:ticket", code=reservation.code)


def _tickets_of(user):
    return Reservation.objects.filter(pass_card__in=passes_for_resident(user)).select_related(
        "offer", "offer__provider", "pass_card__holder"
    )


@login_required
def tickets(request):
    today = timezone.localdate()
    mine = _tickets_of(request.user)
    return render(
        request,
        "offers/tickets/list.html",
        {
            "upcoming": mine.filter(
                status=ReservationStatus.RESERVED, service_date__gte=today
            ).order_by("service_date", "created_at"),
            "earlier": mine.exclude(
                status=ReservationStatus.RESERVED, service_date__gte=today
            ).order_by("-service_date", "-created_at")[:20],
            "several_passes": passes_for_resident(request.user).count() > 1,
        },
    )


def _ticket_for(user, code) -> Reservation:
    reservation = _tickets_of(user).filter(code=code).first()
    if reservation is None:
        raise Http404
    return reservation


@login_required
def ticket(request, code):
    reservation = _ticket_for(request.user, code)
    offer = reservation.offer
    usable = (
        reservation.status == ReservationStatus.RESERVED
        and reservation.service_date >= timezone.localdate()
    )
    return render(
        request,
        "offers/tickets/ticket.html",
        {
            "ticket": reservation,
            "usable": usable,
            "code": format_ticket_code(reservation.code),
            "qr": qr_svg(ticket_payload(reservation)) if usable else "",
            "locations": [loc for loc in offer.locations.all() if loc.is_active]
            or list(offer.provider.locations.filter(is_active=True)),
        },
    )


@login_required
@require_POST
def cancel_ticket(request, code):
    reservation = _ticket_for(request.user, code)
    try:
        cancel_reservation(reservation_id=reservation.pk)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("catalogue:ticket", code=code)
    messages.success(request, _("Uw reservering is geannuleerd. De plek is weer vrij."))
    return redirect("catalogue:tickets")
