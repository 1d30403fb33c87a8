"""Pass numbers carry a Verhoeff check digit.

Verhoeff catches every single-digit typo and every swap of two adjacent digits, the two
mistakes people make when they type a number from a card at a till.
"""

from stdnum import verhoeff
from stdnum.exceptions import ValidationError


def add_check_digit(body: str) -> str:
    if not body.isdigit():
        raise ValueError("body must be digits")
    return body + verhoeff.calc_check_digit(body)


def has_valid_check_digit(number: str) -> bool:
    if not number.isdigit() or len(number) < 2:
        return False
    try:
        verhoeff.validate(number)
    except ValidationError:
        return False
    return True


def format_pass_number(number: str) -> str:
    """Groups of four, as printed on the card: 1234 5678 90."""
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


def clean_pass_number(typed: str) -> str:
    """Drop the spaces and dashes people type; keep everything else so a typo stays a typo."""
    return "".join(ch for ch in typed.strip() if ch not in " -.")
