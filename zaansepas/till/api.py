"""The till API (OpenAPI 3 at /api/docs): verify a pass, list what it may use, redeem,
cancel, list redemptions. One bearer token per device. Every answer a till gets is built
from whitelisted fields only (see the schemas): never tier, income or budget."""

import datetime as dt
import json

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from ninja import Header, NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle
from pydantic import Field

from zaansepas.lib.checkdigit import format_pass_number

from .devices import device_for_token
from .models import Redemption
from .redemption import cancel_redemption, redeem_offer
from .screen import offers_for_pass, pass_from_token, pass_token
from .views import _check


class DeviceToken(HttpBearer):
    def authenticate(self, request, token):
        device = device_for_token(token)
        if device is not None:
            request.till_device = device
            return device.token_hash  # what the rate limit keys on
        return None


api = NinjaAPI(
    title="Zaanse Pas — kassa-API",
    version="1",
    description="Voor kassa's van aanbieders: pas controleren, aanbod tonen, verzilveren.",
    auth=DeviceToken(),
    throttle=[AuthRateThrottle(settings.TILL_API_RATE)],
    urls_namespace="api",
)


class Error(Schema):
    code: str
    message: str


# What any operation may answer besides its own results: a wrong token (401), input that
# does not fit the schema (422, with `errors` per field) and too many requests (429).
# Every operation lists these in its `response=`, so the OpenAPI schema documents them;
# test_api_schemathesis.py checks every answer against the schema. A body that is not
# JSON at all gets 400 (BODY_ERRORS).
ERRORS = {401: Error, 422: Error, 429: Error}
BODY_ERRORS = {400: Error, **ERRORS}
# Declared on the writing operations so the schema documents the header;
# idempotency_key_or_error reads it, so a missing key is a Dutch 400 and not a 422.
IDEMPOTENCY_KEY = Header(
    "",
    alias="Idempotency-Key",
    description="Verplicht, maximaal 80 tekens; hetzelfde verzoek met dezelfde sleutel "
    "geeft hetzelfde antwoord en verzilvert niet nog eens.",
)


class VerifyIn(Schema):
    code: str = Field(
        ...,
        min_length=1,
        max_length=200,
        description="De gescande QR-code of het getypte pasnummer",
    )


class TillOfferOut(Schema):
    offer_id: int
    title: str
    needs_amount: bool
    regular_cents: int | None
    pass_price_cents: int | None
    percent_off: int | None
    amount_off_cents: int | None
    cap_cents: int | None
    category: str
    left: int | None


class VerifyOut(Schema):
    valid: bool
    reason: str
    message: str
    pass_number: str | None
    pass_token: str | None
    offers: list[TillOfferOut]


class RedeemIn(Schema):
    pass_token: str = Field(..., min_length=1, max_length=300)
    offer_id: int = Field(..., ge=1, le=2**31 - 1)
    amount_cents: int | None = Field(None, ge=-(2**31), le=2**31 - 1)


class RedemptionOut(Schema):
    id: int
    offer_id: int
    offer_title: str
    amount_cents: int
    discount_cents: int
    pass_price_cents: int
    redeemed_at: dt.datetime
    cancelled: bool


def redemption_out(redemption: Redemption) -> dict:
    return {
        "id": redemption.pk,
        "offer_id": redemption.offer_id,
        "offer_title": redemption.offer.title,
        "amount_cents": redemption.amount_cents,
        "discount_cents": redemption.discount_cents,
        "pass_price_cents": redemption.pass_price_cents,
        "redeemed_at": redemption.redeemed_at,
        "cancelled": redemption.cancelled_at is not None,
    }


@api.exception_handler(NinjaValidationError)
def invalid_body(request, exc):
    return api.create_response(
        request,
        {
            "code": "invalid_body",
            "message": "De gegevens kloppen niet. Controleer de velden.",
            "errors": json.loads(json.dumps(exc.errors, default=str)),
        },
        status=422,
    )


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return api.create_response(
        request,
        {"code": "unauthorised", "message": "Onbekend of ingetrokken kassatoken."},
        status=401,
    )


HTTP_ERRORS = {
    400: {"code": "invalid_json", "message": "De gegevens zijn geen geldige JSON."},
    429: {
        "code": "too_many_requests",
        "message": "Te veel verzoeken van deze kassa. Wacht even en probeer het opnieuw.",
    },
}


@api.exception_handler(HttpError)
def http_error(request, exc):
    """The errors django-ninja raises itself: a body that is not JSON (400) and the rate
    limit (429; django-ninja adds Retry-After)."""
    body = HTTP_ERRORS.get(
        exc.status_code,
        {"code": "refused", "message": "Dit verzoek kan de kassa-API niet verwerken."},
    )
    return api.create_response(request, body, status=exc.status_code)


def refusal(exc: DjangoValidationError) -> Status:
    """A refused write as the API answers it: 422 for a key reused with another request
    (the client has a bug), 409 for the rules saying no (limit reached, pass blocked…)."""
    status = 422 if exc.code == "key_reused" else 409
    return Status(status, {"code": exc.code or "refused", "message": exc.messages[0]})


SCAN_EXPIRED = {"code": "scan_expired", "message": "Deze scan is te oud. Scan de pas opnieuw."}


def idempotency_key_or_error(request) -> tuple[str, Status | None]:
    """Every write from a till carries its own key, so a lost answer can be retried safely."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key or len(key) > 80:
        return key, Status(
            400,
            {
                "code": "idempotency_key_missing",
                "message": "Stuur een Idempotency-Key mee (maximaal 80 tekens).",
            },
        )
    return key, None


@api.post("/till/verify", response={200: VerifyOut, **BODY_ERRORS}, summary="Pas controleren")
def verify(request, body: VerifyIn):
    provider = request.till_device.provider
    check = _check(body.code)
    offers = offers_for_pass(provider, check.pass_id) if check.valid else []
    return {
        "valid": check.valid,
        "reason": str(check.reason),
        "message": check.message,
        "pass_number": format_pass_number(check.pass_number) if check.valid else None,
        "pass_token": pass_token(check.pass_id) if check.valid else None,
        "offers": [offer.__dict__ for offer in offers],
    }


@api.post(
    "/till/redemptions",
    response={201: RedemptionOut, 409: Error, **BODY_ERRORS},
    summary="Verzilveren (met Idempotency-Key)",
)
def redeem(request, body: RedeemIn, idempotency_key: str = IDEMPOTENCY_KEY):
    key, error = idempotency_key_or_error(request)
    if error is not None:
        return error
    pass_id = pass_from_token(body.pass_token)
    if pass_id is None:
        return Status(400, SCAN_EXPIRED)
    try:
        result = redeem_offer(
            offer_id=body.offer_id,
            pass_id=pass_id,
            provider_id=request.till_device.provider_id,
            location_id=None,
            amount_cents=body.amount_cents,
            idempotency_key=key,
        )
    except DjangoValidationError as exc:
        return refusal(exc)
    return Status(201, redemption_out(result.redemption))


@api.post(
    "/till/redemptions/{redemption_id}/cancel",
    response={200: RedemptionOut, 409: Error, **ERRORS},
    summary="Verzilvering terugdraaien",
)
def cancel(request, redemption_id: int):
    try:
        redemption = cancel_redemption(
            redemption_id=redemption_id, provider_id=request.till_device.provider_id
        )
    except DjangoValidationError as exc:
        return Status(409, {"code": exc.code or "refused", "message": exc.messages[0]})
    return Status(200, redemption_out(redemption))


@api.get(
    "/till/redemptions", response={200: list[RedemptionOut], **ERRORS}, summary="Verzilveringen"
)
def list_redemptions(request, day: dt.date | None = None):
    day = day or timezone.localdate()
    rows = (
        Redemption.objects.filter(provider_id=request.till_device.provider_id, service_date=day)
        .select_related("offer")
        .order_by("-redeemed_at")[:500]
    )
    return Status(200, [redemption_out(r) for r in rows])


# Registered last: the ticket endpoints reuse the schemas and helpers defined above.
from .ticket_api import router as ticket_router  # noqa: E402

api.add_router("/till/tickets", ticket_router)

from .payment_api import router as payment_router  # noqa: E402

api.add_router("/till/payments", payment_router)
