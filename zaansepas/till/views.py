"""The till page: scan or type a pass, see what it may use here, redeem. Mobile first."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.lib.checkdigit import format_pass_number
from zaansepas.lib.money import english_active, parse_euro
from zaansepas.offers.models import OfferKind
from zaansepas.offers.pricing import price_for
from zaansepas.offers.reservations import format_ticket_code, ticket_code_from
from zaansepas.passes.verification import verify_pass_code, verify_pass_number

from .access import owned_provider_for, till_provider_for
from .devices import issue_device_token, revoke_device
from .models import TillDevice
from .payments import pay_at_till, refund_at_till
from .redemption import redeem_offer
from .screen import offers_for_pass, pass_from_token, pass_token
from .tickets import check_ticket, redeem_ticket


def _check(code: str):
    typed = code.strip()
    # People type a number (maybe with spaces); a scanner delivers a ZPQ:/ZPK: code.
    if typed.replace(" ", "").replace("-", "").isdigit():
        return verify_pass_number(typed)
    return verify_pass_code(typed)


LOCATION_KEY = "till_location"  # session: provider pk -> the location this till is at


def _locations(provider):
    return list(provider.locations.filter(is_active=True).order_by("name"))


def _current_location(request, provider, locations):
    """Where this till stands. One location: that one. Several: what staff chose on the
    scan form, remembered in the session, so per-location figures are right."""
    if len(locations) == 1:
        return locations[0]
    chosen = (request.session.get(LOCATION_KEY) or {}).get(str(provider.pk))
    wanted = request.POST.get("location") if request.method == "POST" else None
    if wanted and any(str(loc.pk) == wanted for loc in locations):
        chosen = int(wanted)
        request.session[LOCATION_KEY] = {
            **(request.session.get(LOCATION_KEY) or {}),
            str(provider.pk): chosen,
        }
    return next((loc for loc in locations if loc.pk == chosen), None)


def _screen_context(provider, check):
    context = {"provider": provider, "check": check}
    if check is not None and check.valid:
        context.update(
            number=format_pass_number(check.pass_number),
            token=pass_token(check.pass_id),
            offers=[
                (offer, uuid.uuid4().hex) for offer in offers_for_pass(provider, check.pass_id)
            ],
            pay_key=uuid.uuid4().hex,
        )
    return context


def _ticket_context(provider, ticket):
    context = {"provider": provider, "ticket_check": ticket}
    if ticket.valid:
        offer = ticket.reservation.offer
        context.update(
            ticket_code=format_ticket_code(ticket.reservation.code),
            ticket_offer=offer,
            ticket_needs_amount=offer.kind == OfferKind.CATEGORY,
            ticket_price=None if offer.kind == OfferKind.CATEGORY else price_for(offer),
            key=uuid.uuid4().hex,
        )
    return context


@login_required
def till(request):
    provider = till_provider_for(request.user)
    locations = _locations(provider)
    place = {"locations": locations, "location": _current_location(request, provider, locations)}
    check = None
    if request.method == "POST":
        code = request.POST.get("code", "")
        ticket_code = ticket_code_from(code)
        if ticket_code is not None:
            ticket = check_ticket(provider.pk, ticket_code)
            return render(request, "till/till.html", {**_ticket_context(provider, ticket), **place})
        check = _check(code) if code.strip() else None
        if check is None:
            error = _("Scan de QR-code of typ het pasnummer.")
            return render(
                request, "till/till.html", {"provider": provider, "error": error, **place}
            )
    return render(request, "till/till.html", {**_screen_context(provider, check), **place})


def _location_id(request, provider) -> int | None:
    location = _current_location(request, provider, _locations(provider))
    return location.pk if location else None


def _typed_amount(request) -> int | None:
    if not request.POST.get("amount", "").strip():
        return None
    try:
        return parse_euro(request.POST["amount"], english=english_active())
    except ValueError:
        return -1  # the redemption refuses it with the till's wording


@login_required
@require_POST
def use_ticket(request):
    provider = till_provider_for(request.user)
    code = ticket_code_from(request.POST.get("ticket", "")) or ""
    try:
        result = redeem_ticket(
            code=code,
            provider_id=provider.pk,
            idempotency_key=request.POST.get("key", ""),
            amount_cents=_typed_amount(request),
            location_id=_location_id(request, provider),
            actor=request.user,
        )
    except ValidationError as exc:
        return _refused_page(request, provider, exc)
    return _redeemed_page(request, provider, result)


def _refused_page(request, provider, exc: ValidationError):
    context = {"provider": provider, "ok": False, "message": exc.messages[0]}
    return render(request, "till/result.html", context, status=409)


def _redeemed_page(request, provider, result):
    context = {
        "provider": provider,
        "ok": True,
        "redemption": result.redemption,
        "replayed": result.replayed,
    }
    return render(request, "till/result.html", context)


@login_required
@require_POST
def redeem(request):
    provider = till_provider_for(request.user)
    pass_id = pass_from_token(request.POST.get("token", ""))
    if pass_id is None:
        return render(
            request,
            "till/till.html",
            {
                "provider": provider,
                "error": _("Deze scan is te oud. Scan de pas opnieuw."),
            },
            status=400,
        )
    amount = _typed_amount(request)
    try:
        offer_id = int(request.POST.get("offer", ""))
    except ValueError:
        offer_id = 0
    try:
        result = redeem_offer(
            offer_id=offer_id,
            pass_id=pass_id,
            provider_id=provider.pk,
            location_id=_location_id(request, provider),
            amount_cents=amount,
            actor=request.user,
            idempotency_key=request.POST.get("key", ""),
        )
    except ValidationError as exc:
        return _refused_page(request, provider, exc)
    return _redeemed_page(request, provider, result)


@login_required
@require_POST
def pay(request):
    """Pay an amount with what the pass holds; the rest is paid outside the system."""
    provider = till_provider_for(request.user)
    pass_id = pass_from_token(request.POST.get("token", ""))
    if pass_id is None:
        error = _("Deze scan is te oud. Scan de pas opnieuw.")
        return render(request, "till/till.html", {"provider": provider, "error": error}, status=400)
    try:
        result = pay_at_till(
            provider=provider,
            pass_id=pass_id,
            amount_cents=_typed_amount(request),
            idempotency_key=request.POST.get("key", ""),
            actor=request.user,
        )
    except ValidationError as exc:
        return _refused_page(request, provider, exc)
    return render(request, "till/paid.html", {"provider": provider, "result": result})


@login_required
@require_POST
def refund(request, payment_id):
    provider = till_provider_for(request.user)
    try:
        refund_at_till(provider=provider, payment_id=payment_id, actor=request.user)
    except ValidationError as exc:
        return _refused_page(request, provider, exc)
    return render(request, "till/paid.html", {"provider": provider, "refunded": True})


@login_required
def devices(request):
    """The owner gives each till its own API token, and can take it back."""
    provider = owned_provider_for(request.user)
    new_token = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            device = TillDevice.objects.filter(provider=provider, pk=request.POST["revoke"]).first()
            if device is not None:
                revoke_device(device)
        else:
            name = request.POST.get("name", "").strip()
            if not name:
                return render(
                    request,
                    "till/devices.html",
                    {
                        "provider": provider,
                        "devices": provider.till_devices.all(),
                        "error": _("Geef het apparaat een naam, bijvoorbeeld 'kassa 1'."),
                    },
                    status=400,
                )
            _device, new_token = issue_device_token(
                provider=provider, name=name, actor=request.user
            )
    return render(
        request,
        "till/devices.html",
        {"provider": provider, "devices": provider.till_devices.all(), "new_token": new_token},
    )
