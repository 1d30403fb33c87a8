"""The codes a pass shows: a QR that changes every step, and a static code on a printed card.

  digital QR:  ZPQ:<pass number>:<time step>:<mac>   mac over number, the pass's salt, step
  printed card: ZPK:<pass number>:<card version>:<mac>   mac over number and card version

Only upper-case letters, digits and ':' so the QR uses its compact alphanumeric mode.
"""

import re
import time

from django.conf import settings

from zaansepas.lib.signing import mac

QR_PREFIX = "ZPQ"
CARD_PREFIX = "ZPK"
MAC_LENGTH = 16  # 80 bits: guessing one is hopeless within a 30-second step
CODE_RE = re.compile(r"^(ZPQ|ZPK):(\d{10}):(\d{1,12}):([A-Z2-7]{16})$")


def current_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // settings.QR_STEP_SECONDS)


def qr_mac(number: str, salt: str, step: int) -> str:
    return mac(settings.PASS_CODE_SECRET, f"Q|{number}|{salt}|{step}", MAC_LENGTH)


def card_mac(number: str, version: int) -> str:
    return mac(settings.PASS_CODE_SECRET, f"K|{number}|{version}", MAC_LENGTH)


def make_qr_code(pass_card, step: int | None = None) -> str:
    step = current_step() if step is None else step
    signature = qr_mac(pass_card.number, pass_card.code_salt, step)
    return f"{QR_PREFIX}:{pass_card.number}:{step}:{signature}"


def make_card_code(pass_card) -> str:
    version = pass_card.card_version
    return f"{CARD_PREFIX}:{pass_card.number}:{version}:{card_mac(pass_card.number, version)}"


def parse_code(code: str):
    """Split a scanned code into (prefix, number, counter, mac), or None if it isn't ours."""
    match = CODE_RE.match(code)
    if not match:
        return None
    prefix, number, counter, code_mac = match.groups()
    return prefix, number, int(counter), code_mac
