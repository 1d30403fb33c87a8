"""The automatic eligibility proposal. It proposes; a staff member decides.

Free pass for minima: household net income per month ≤ percentage × the bijstandsnorm of
the household type, both as valid on the application date. No asset test.
Residents on bijstand or in Meedoen, and mantelzorgers with mantelzorgwaardering, qualify
on a fact the pass office checks in its own records, so their proposal is "confirm".
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from zaansepas.city.lookups import NoNormFound, norm_on, scheme_percentage_on
from zaansepas.city.models import HouseholdType
from zaansepas.lib.money import format_euro_here

from .models import Proposal, Route, Tier

# AOW age in 2025-2027. The pension-age norms apply when the main holder has reached it.
PENSION_AGE = 67
CHILD_PASS_MIN_AGE = 4
CHILD_PASS_MAX_AGE = 17


@dataclass(frozen=True)
class EligibilityProposal:
    proposal: str  # a Proposal value
    tier: str  # a Tier value
    reasoning: list[str] = field(default_factory=list)
    norm_cents: int | None = None
    percentage: int | None = None

    @property
    def reasoning_text(self) -> str:
        return "\n".join(self.reasoning)


def derive_household_type(*, main_age: int, has_partner: bool, has_children: bool) -> str:
    """The norm category of a household, from who lives in it."""
    pension = main_age >= PENSION_AGE
    if has_partner:
        return HouseholdType.COUPLE_PENSION if pension else HouseholdType.COUPLE
    if pension:
        return HouseholdType.SINGLE_PENSION
    return HouseholdType.SINGLE_PARENT if has_children else HouseholdType.SINGLE


def income_within_limit(income_cents: int, norm_cents: int, percentage: int) -> bool:
    # Compare in whole hundredths of cents so 120% of an odd norm is never rounded the
    # resident's way or the other.
    return income_cents * 100 <= norm_cents * percentage


def limit_cents(norm_cents: int, percentage: int) -> int:
    """The limit for display, rounded down to the cent (the comparison itself is exact)."""
    return norm_cents * percentage // 100


def propose(
    *, route: str, household_type: str, monthly_income_cents: int | None, on_date: date
) -> EligibilityProposal:
    """Decide the proposal; the explanation comes from `explain`, on the same facts."""
    norm_cents = percentage = None
    if route == Route.PAID:
        proposal, tier = Proposal.PAID, Tier.STANDARD
    elif route == Route.ASSISTANCE:
        proposal, tier = Proposal.CONFIRM, Tier.SOCIAL_ASSISTANCE
    elif route == Route.CAREGIVER:
        proposal, tier = Proposal.CONFIRM, Tier.CAREGIVER
    else:
        if monthly_income_cents is None:
            raise ValueError("income route needs an income")
        try:
            norm_cents = norm_on(household_type, on_date).monthly_norm_cents
        except NoNormFound:
            # Without a norm nobody can compute a limit: let a person look at it.
            proposal, tier = Proposal.CONFIRM, Tier.LOW_INCOME
        else:
            percentage = scheme_percentage_on(on_date)
            if income_within_limit(monthly_income_cents, norm_cents, percentage):
                proposal, tier = Proposal.FREE, Tier.LOW_INCOME
            else:
                proposal, tier = Proposal.PAID, Tier.STANDARD
    lines = explain(
        route=route,
        household_type=household_type,
        proposal=proposal,
        monthly_income_cents=monthly_income_cents,
        norm_cents=norm_cents,
        percentage=percentage,
        on_date=on_date,
    )
    return EligibilityProposal(proposal, tier, lines, norm_cents, percentage)


def explain(
    *, route, household_type, proposal, monthly_income_cents, norm_cents, percentage, on_date
) -> list[str]:
    """The reasoning in plain words, in the active language.

    Built from the facts kept on the application (not from today's norms), so a resident
    reading in English and a reviewer reading in Dutch see the same reasoning.
    """
    if route == Route.PAID:
        return [_("U koopt de pas. Er is geen inkomenstoets nodig.")]
    if route == Route.ASSISTANCE:
        return [
            _("U zegt dat u bijstand krijgt of meedoet aan Meedoen. Dan is de pas gratis."),
            _("Een medewerker controleert dit in de gegevens van de gemeente."),
        ]
    if route == Route.CAREGIVER:
        return [
            _(
                "U zegt dat u mantelzorgwaardering krijgt. Dan is de pas gratis, "
                "ook als u buiten Zaanstad woont."
            ),
            _("Een medewerker controleert dit."),
        ]
    day = date_format(on_date, "j F Y")
    type_label = HouseholdType(household_type).label
    if norm_cents is None:
        return [
            _(
                "Er is geen bijstandsnorm bekend voor %(type)s op %(day)s. "
                "Een medewerker beoordeelt uw aanvraag."
            )
            % {"type": type_label, "day": day}
        ]
    lines = [
        _("Uw huishouden: %(type)s.") % {"type": type_label},
        _("De bijstandsnorm voor uw huishouden op %(day)s is %(norm)s per maand.")
        % {"day": day, "norm": format_euro_here(norm_cents)},
        _("De grens voor een gratis pas is %(pct)s%% daarvan: %(limit)s per maand.")
        % {"pct": percentage, "limit": format_euro_here(limit_cents(norm_cents, percentage))},
        _("Uw netto inkomen per maand: %(income)s.")
        % {"income": format_euro_here(monthly_income_cents)},
    ]
    if proposal == Proposal.FREE:
        lines.append(_("Uw inkomen is niet hoger dan de grens. Voorstel: gratis pas."))
    else:
        lines.append(_("Uw inkomen is hoger dan de grens. Voorstel: u kunt de pas kopen."))
    return lines


def explain_application(application) -> list[str]:
    return explain(
        route=application.route,
        household_type=application.household_type,
        proposal=application.proposal,
        monthly_income_cents=application.monthly_income_cents,
        norm_cents=application.norm_cents,
        percentage=application.norm_percentage,
        on_date=timezone.localdate(application.submitted_at),
    )
