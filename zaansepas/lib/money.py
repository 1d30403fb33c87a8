"""Money is integer euro cents everywhere; these turn it into Dutch text and back."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def format_euro(cents: int) -> str:
    """1234567 -> '€ 12.345,67' (Dutch notation)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(int(cents)), 100)
    grouped = f"{euros:,}".replace(",", ".")
    return f"{sign}€ {grouped},{rest:02d}"


def parse_euro(text: str) -> int:
    """Parse what a person types ('1.234,50', '1234.5', '€ 12') into cents. Raises ValueError."""
    cleaned = text.strip().replace("€", "").replace(" ", "")
    if not cleaned:
        raise ValueError("empty")
    if "," in cleaned:
        # Dutch: dots group thousands, the comma is the decimal mark.
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") == 1 and len(cleaned.split(".")[1]) == 3:
        # '1.234' is a thousand-grouped amount in Dutch, not 1.234 euro.
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not value.is_finite():
        raise ValueError("not a number")
    return int((value * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
