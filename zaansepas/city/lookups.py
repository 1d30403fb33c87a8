"""Read-only lookups on the municipality's reference data, for other apps to call.

Nothing here writes. Errors carry a Dutch message that can be shown to a resident as is.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from stdnum.nl import postcode as stdnum_postcode

from .models import Area, HouseholdType, IncomeNorm, PolicyTheme, PostcodeArea, SchemePercentage

# Percentage of the norm that applies when the pass office has configured none.
DEFAULT_SCHEME_PERCENTAGE = 120

# Four digits not starting with 0, then optionally two letters. Spaces and a dash between
# the parts are tolerated (people type "1503-AB"), as is the "NL" prefix stdnum allows.
_POSTCODE_RE = re.compile(r"^(?P<digits>[1-9][0-9]{3})(?P<letters>[A-Z]{2})?$")
_BANNED_LETTERS = ("SA", "SD", "SS")  # never issued: too close to Nazi-era abbreviations


class InvalidPostcode(ValueError):
    """The text is not a Dutch postcode. str(error) is a Dutch message for the user."""

    def __init__(self, message: str | None = None):
        super().__init__(message or _("Vul een geldige postcode in, zoals 1503 AB."))


class NoNormFound(LookupError):
    """No income norm is configured for this household type on this date."""

    def __init__(self, household_type: str, on_date: dt.date):
        self.household_type = household_type
        self.on_date = on_date
        super().__init__(
            _("Er is geen bijstandsnorm voor %(type)s die geldt op %(day)s.")
            % {"type": _household_label(household_type), "day": on_date.isoformat()}
        )


def _household_label(household_type: str) -> str:
    try:
        return str(HouseholdType(household_type).label)
    except ValueError:
        return household_type


def normalise_postcode(postcode: str, *, require_letters: bool = False) -> str:
    """Return the postcode written the standard way: "1503 AB", or "1503" without letters.

    Accepts "1503 AB", "1503ab", "1503-AB", " 1503 ab ". Raises InvalidPostcode for anything
    else: wrong length, a leading 0, the letter pairs SA/SD/SS that are never issued, or (when
    require_letters is set, e.g. for a full address) a postcode without its two letters.
    """
    if not isinstance(postcode, str):
        raise InvalidPostcode()
    compact = stdnum_postcode.compact(re.sub(r"\s", "", postcode))  # also non-breaking spaces
    match = _POSTCODE_RE.match(compact)
    if not match:
        raise InvalidPostcode()
    digits, letters = match.group("digits"), match.group("letters")
    if letters is None:
        if require_letters:
            raise InvalidPostcode(
                _("Vul de hele postcode in, met de twee letters. Bijvoorbeeld 1503 AB.")
            )
        return digits
    if letters in _BANNED_LETTERS:
        raise InvalidPostcode()
    # stdnum is the reference; it must agree with what we accept.
    return stdnum_postcode.validate(digits + letters)


def district_for_postcode(postcode: str) -> Area | None:
    """The wijk a postcode lies in, or None when it is a valid postcode outside Zaanstad.

    Only the four digits count: each 4-digit postcode area is mapped to the wijk where most
    of its addresses are. Raises InvalidPostcode when the text is not a postcode at all.
    """
    digits = normalise_postcode(postcode)[:4]
    mapping = PostcodeArea.objects.select_related("district").filter(postcode4=digits).first()
    return mapping.district if mapping else None


def norm_on(household_type: str, on_date: dt.date) -> IncomeNorm:
    """The income norm for this household type that applies on on_date.

    That is the norm with the latest valid_from on or before on_date: a norm valid from
    1 January applies on 1 January and not on 31 December before. Raises NoNormFound.
    """
    norm = (
        IncomeNorm.objects.filter(household_type=household_type, valid_from__lte=on_date)
        .order_by("-valid_from")
        .first()
    )
    if norm is None:
        raise NoNormFound(household_type, on_date)
    return norm


def scheme_percentage_on(on_date: dt.date) -> int:
    """Income limit of the free pass as a percentage of the norm, on on_date (default 120)."""
    row = SchemePercentage.objects.filter(valid_from__lte=on_date).order_by("-valid_from").first()
    return row.percentage if row else DEFAULT_SCHEME_PERCENTAGE


def active_themes() -> QuerySet[PolicyTheme]:
    """The policy themes in use, in their configured order."""
    return PolicyTheme.objects.filter(is_active=True).order_by("position", "name")
