"""HMAC helpers for codes that must be short enough for a QR and impossible to guess."""

import base64
import hashlib
import hmac


def mac(secret: str, message: str, length: int = 16) -> str:
    """A truncated HMAC-SHA256 as upper-case base32 without padding (QR alphanumeric mode)."""
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=")[:length]


def macs_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
