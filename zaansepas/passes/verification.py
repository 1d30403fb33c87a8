"""What a till may learn about a scanned pass: valid or not, and why. Nothing else.

`PassCheck` deliberately has no tier, price or income field (DESIGN.md §3.1): whatever
the till shows is the same for every holder. A test inspects its fields.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.db import connections, router
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaansepas.lib.checkdigit import clean_pass_number, has_valid_check_digit
from zaansepas.lib.signing import macs_equal

from .codes import CARD_PREFIX, card_mac, current_step, parse_code, qr_mac
from .models import Pass, PassStatus


class CheckReason(StrEnum):
    VALID = "valid"
    UNKNOWN = "unknown"  # not one of our codes, or no such pass
    TYPO = "typo"  # a typed pass number whose check digit does not match
    FORGED = "forged"  # looks like ours but the signature is wrong
    STALE = "stale"  # a digital QR from more than one step ago (e.g. a screenshot)
    BLOCKED = "blocked"
    REPLACED = "replaced"  # an old printed card after the card was replaced
    EXPIRED = "expired"


MESSAGES = {
    CheckReason.VALID: _("Pas geldig"),
    CheckReason.UNKNOWN: _("Onbekende code — dit is geen Zaanse Pas"),
    CheckReason.TYPO: _("Pasnummer klopt niet — controleer de cijfers"),
    CheckReason.FORGED: _("Code ongeldig — deze pas is niet echt"),
    CheckReason.STALE: _("QR verlopen — vraag de klant de app te verversen"),
    CheckReason.BLOCKED: _("Pas geblokkeerd"),
    CheckReason.REPLACED: _("Oude pas — deze kaart is vervangen door een nieuwe"),
    CheckReason.EXPIRED: _("Pas verlopen"),
}


@dataclass(frozen=True)
class PassCheck:
    valid: bool
    reason: CheckReason
    message: str
    pass_id: int | None = None
    pass_number: str | None = None
    valid_until: dt.date | None = None


def _result(reason: CheckReason, pass_card: Pass | None = None) -> PassCheck:
    return PassCheck(
        valid=reason == CheckReason.VALID,
        reason=reason,
        message=str(MESSAGES[reason]),
        pass_id=pass_card.pk if pass_card else None,
        pass_number=pass_card.number if pass_card else None,
        valid_until=pass_card.valid_until if pass_card else None,
    )


# Only what verification needs. This runs on every scan at every till, so it is one
# hand-written indexed SELECT: building the ORM query cost 6x the lookup itself
# (bench/verify_pass_code.py).
CHECK_FIELDS = ("id", "number", "status", "valid_from", "valid_until", "card_version", "code_salt")
_CHECK_SQL = "SELECT {cols} FROM {table} WHERE number = %s".format(  # noqa: S608 (constants)
    cols=", ".join(Pass._meta.get_field(f).column for f in CHECK_FIELDS),
    table=Pass._meta.db_table,
)


def _find_pass(number: str) -> Pass | None:
    connection = connections[router.db_for_read(Pass)]
    with connection.cursor() as cursor:
        cursor.execute(_CHECK_SQL, [number])
        row = cursor.fetchone()
    if row is None:
        return None
    values = dict(zip(CHECK_FIELDS, row, strict=True))
    for name in ("valid_from", "valid_until"):
        # SQLite hands dates back as text; PostgreSQL as date objects.
        if isinstance(values[name], str):
            values[name] = dt.date.fromisoformat(values[name])
    return Pass(**values)


def _status_check(pass_card: Pass, today: dt.date) -> PassCheck:
    if pass_card.status == PassStatus.BLOCKED:
        return _result(CheckReason.BLOCKED, pass_card)
    if pass_card.status == PassStatus.EXPIRED or pass_card.valid_until < today:
        return _result(CheckReason.EXPIRED, pass_card)
    if pass_card.valid_from > today:
        # Not yet started counts as not valid; the till needs no finer word for it.
        return _result(CheckReason.EXPIRED, pass_card)
    return _result(CheckReason.VALID, pass_card)


def verify_pass_code(code: str, now: dt.datetime | None = None) -> PassCheck:
    """Check a scanned QR or card code. The one entry point the till uses for scans."""
    now = now or timezone.now()
    parsed = parse_code(code.strip()) if isinstance(code, str) else None
    if parsed is None:
        return _result(CheckReason.UNKNOWN)
    prefix, number, counter, code_mac = parsed
    if not has_valid_check_digit(number):
        return _result(CheckReason.UNKNOWN)
    pass_card = _find_pass(number)
    if pass_card is None:
        return _result(CheckReason.UNKNOWN)
    if prefix == CARD_PREFIX:
        if not macs_equal(code_mac, card_mac(number, counter)) or counter > pass_card.card_version:
            return _result(CheckReason.FORGED)
        if counter < pass_card.card_version:
            return _result(CheckReason.REPLACED, pass_card)
        return _status_check(pass_card, timezone.localdate(now))
    if not macs_equal(code_mac, qr_mac(number, pass_card.code_salt, counter)):
        return _result(CheckReason.FORGED)
    status = _status_check(pass_card, timezone.localdate(now))
    if not status.valid:
        return status
    # The current step and the one before and after: a code shown just before the step
    # turned, or a till clock slightly ahead, still works.
    if abs(current_step(now.timestamp()) - counter) > 1:
        return _result(CheckReason.STALE, pass_card)
    return status


def verify_pass_number(typed: str, now: dt.datetime | None = None) -> PassCheck:
    """Check a pass number typed in by till staff (when the camera can't read the code)."""
    now = now or timezone.now()
    number = clean_pass_number(typed or "")
    if not number.isdigit() or len(number) != 10:
        return _result(CheckReason.TYPO if number.isdigit() else CheckReason.UNKNOWN)
    if not has_valid_check_digit(number):
        return _result(CheckReason.TYPO)
    pass_card = _find_pass(number)
    if pass_card is None:
        return _result(CheckReason.UNKNOWN)
    return _status_check(pass_card, timezone.localdate(now))
