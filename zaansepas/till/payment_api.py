"""Till API for paying with the pass: pay an amount, refund it within the window. Mounted
on the till API (api.py) under /till/payments. The answer says how much the pass paid and
what is left to pay — never which source paid or what is left on the pass."""

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import Router, Schema, Status
from pydantic import Field

from .api import (
    BODY_ERRORS,
    ERRORS,
    IDEMPOTENCY_KEY,
    SCAN_EXPIRED,
    Error,
    idempotency_key_or_error,
    refusal,
)
from .payments import paid_cents, pay_at_till, refund_at_till
from .screen import pass_from_token

router = Router(tags=["betalen"])


class PaymentIn(Schema):
    pass_token: str = Field(..., min_length=1, max_length=300)
    amount_cents: int = Field(..., ge=-(2**31), le=2**31 - 1, description="Het hele bedrag")


class PaymentOut(Schema):
    id: int
    amount_cents: int
    paid_cents: int
    remainder_cents: int
    refunded: bool
    created_at: dt.datetime


@router.post(
    "",
    response={201: PaymentOut, 409: Error, **BODY_ERRORS},
    summary="Betalen met de pas (met Idempotency-Key)",
)
def pay(request, body: PaymentIn, idempotency_key: str = IDEMPOTENCY_KEY):
    key, error = idempotency_key_or_error(request)
    if error is not None:
        return error
    pass_id = pass_from_token(body.pass_token)
    if pass_id is None:
        return Status(400, SCAN_EXPIRED)
    try:
        result = pay_at_till(
            provider=request.till_device.provider,
            pass_id=pass_id,
            amount_cents=body.amount_cents,
            idempotency_key=key,
        )
    except DjangoValidationError as exc:
        return refusal(exc)
    return Status(
        201,
        {
            "id": result.transfer.pk,
            "amount_cents": body.amount_cents,
            "paid_cents": result.paid_cents,
            "remainder_cents": result.remainder_cents,
            "refunded": result.replayed and result.transfer.reversals.exists(),
            "created_at": result.transfer.created_at,
        },
    )


class RefundOut(Schema):
    id: int
    refunded_cents: int


@router.post(
    "/{payment_id}/refund",
    response={200: RefundOut, 409: Error, **ERRORS},
    summary="Betaling terugdraaien",
)
def refund(request, payment_id: int):
    try:
        posted = refund_at_till(provider=request.till_device.provider, payment_id=payment_id)
    except DjangoValidationError as exc:
        return Status(409, {"code": exc.code or "refused", "message": exc.messages[0]})
    return Status(200, {"id": payment_id, "refunded_cents": paid_cents(posted.transfer.reverses)})
