"""Till API for reservation tickets: check a scanned ticket, use it. Mounted on the till
API (api.py) under /till/tickets; same device tokens, rate limit and idempotency rules.
A ticket answer names the offer and the day, never the holder."""

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Router, Schema, Status
from pydantic import Field

from zaansepas.offers.models import OfferKind
from zaansepas.offers.pricing import price_for
from zaansepas.offers.reservations import format_ticket_code, ticket_code_from

from .api import (
    BODY_ERRORS,
    IDEMPOTENCY_KEY,
    Error,
    RedemptionOut,
    idempotency_key_or_error,
    redemption_out,
    refusal,
)
from .tickets import check_ticket, redeem_ticket

router = Router(tags=["tickets"])


class TicketIn(Schema):
    code: str = Field(
        ..., min_length=1, max_length=200, description="De gescande QR-code of getypte ticketcode"
    )


class TicketUseIn(TicketIn):
    amount_cents: int | None = Field(None, ge=-(2**31), le=2**31 - 1)


class TicketOut(Schema):
    valid: bool
    reason: str
    message: str
    ticket_code: str | None
    offer_id: int | None
    offer_title: str | None
    service_date: dt.date | None
    needs_amount: bool | None
    regular_cents: int | None
    pass_price_cents: int | None


NOT_A_TICKET = {"code": "not_a_ticket", "message": "Dit is geen ticketcode. Controleer de code."}


@router.post("/check", response={200: TicketOut, **BODY_ERRORS}, summary="Ticket controleren")
def check(request, body: TicketIn):
    code = ticket_code_from(body.code)
    if code is None:
        return Status(400, NOT_A_TICKET)
    result = check_ticket(request.till_device.provider_id, code)
    answer = {
        "valid": result.valid,
        "reason": result.reason,
        "message": result.message,
        "ticket_code": None,
        "offer_id": None,
        "offer_title": None,
        "service_date": None,
        "needs_amount": None,
        "regular_cents": None,
        "pass_price_cents": None,
    }
    if result.valid:
        offer = result.reservation.offer
        category = offer.kind == OfferKind.CATEGORY
        price = None if category else price_for(offer)
        answer.update(
            ticket_code=format_ticket_code(code),
            offer_id=offer.pk,
            offer_title=offer.title,
            service_date=result.reservation.service_date,
            needs_amount=category,
            regular_cents=None if category else price.regular_cents,
            pass_price_cents=None if category else price.pass_price_cents,
        )
    return Status(200, answer)


@router.post(
    "/use",
    response={201: RedemptionOut, 409: Error, **BODY_ERRORS},
    summary="Ticket gebruiken (met Idempotency-Key)",
)
def use(request, body: TicketUseIn, idempotency_key: str = IDEMPOTENCY_KEY):
    key, error = idempotency_key_or_error(request)
    if error is not None:
        return error
    code = ticket_code_from(body.code)
    if code is None:
        return Status(400, NOT_A_TICKET)
    try:
        result = redeem_ticket(
            code=code,
            provider_id=request.till_device.provider_id,
            idempotency_key=key,
            amount_cents=body.amount_cents,
        )
    except DjangoValidationError as exc:
        return refusal(exc)
    return Status(201, redemption_out(result.redemption))
