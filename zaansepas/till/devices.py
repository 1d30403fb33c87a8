"""Per-device tokens for the till API, issued by the provider's owner."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from .models import TillDevice

TOKEN_PREFIX = "zpt_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_device_token(*, provider, name: str, actor) -> tuple[TillDevice, str]:
    """Returns the device and its token. The token is shown once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        device = TillDevice.objects.create(
            provider=provider,
            name=name.strip()[:80] or "kassa",
            token_hash=hash_token(token),
            created_by=actor,
        )
    return device, token


def revoke_device(device: TillDevice) -> TillDevice:
    if device.revoked_at is None:
        device.revoked_at = timezone.now()
        device.save(update_fields=["revoked_at"])
    return device


def device_for_token(token: str) -> TillDevice | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    return (
        TillDevice.objects.select_related("provider")
        .filter(
            token_hash=hash_token(token), revoked_at__isnull=True, provider__status="goedgekeurd"
        )
        .order_by("pk")  # the hash is unique; no need to sort by provider name (a join)
        .first()
    )
