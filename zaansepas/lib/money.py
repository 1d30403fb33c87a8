"""Money is integer euro cents everywhere; these turn it into text and back.

Dutch notation by default (€ 1.234,50); English notation (€1,234.50) for English pages, so
a reader never takes a thousands dot for a decimal point.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def format_euro(cents: int, *, english: bool = False) -> str:
    """1234567 -> '€ 12.345,67' (Dutch) or '€12,345.67' (english=True)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(int(cents)), 100)
    if english:
        return f"{sign}€{euros:,}.{rest:02d}"
    grouped = f"{euros:,}".replace(",", ".")
    return f"{sign}€ {grouped},{rest:02d}"


def parse_euro(text: str, *, english: bool = False) -> int:
    """Parse what a person types into cents. Raises ValueError.

    Dutch: '1.234,50', '1234,5', '1.234' (thousands). English: '1,234.50', '1,234'.
    With both marks present the last one is the decimal mark, whatever the language.
    A lone '1234.5' is read as a decimal point in both.
    """
    cleaned = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise ValueError("empty")
    decimal_mark, group_mark = (".", ",") if english else (",", ".")
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
    elif cleaned.count(group_mark) == 1 and len(cleaned.split(group_mark)[1]) == 3:
        pass  # '1.234' (nl) or '1,234' (en): a thousands group
    elif group_mark == "." and "." in cleaned:
        decimal_mark, group_mark = ".", ","  # Dutch page, '1234.5': people mean a point
    whole = cleaned.split(decimal_mark)[0]
    if group_mark in whole:
        groups = whole.lstrip("-").split(group_mark)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise ValueError("thousands marks in the wrong places")
    cleaned = cleaned.replace(group_mark, "").replace(decimal_mark, ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not value.is_finite():
        raise ValueError("not a number")
    return int((value * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def english_active() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "nl").startswith("en")


def format_euro_here(cents: int) -> str:
    """format_euro in the notation of the page's active language."""
    return format_euro(cents, english=english_active())


def format_euro_nowrap(cents: int) -> str:
    """format_euro_here with a no-break space, so '€' never ends a line on a narrow phone."""
    return format_euro_here(cents).replace(" ", "\N{NO-BREAK SPACE}")
