"""PDF documents: the decision letter and the printable pass card (WeasyPrint)."""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from zaansepas.lib.checkdigit import format_pass_number

from .codes import make_card_code
from .eligibility import explain_application
from .qr import qr_svg


def _pdf(template: str, context: dict) -> bytes:
    # Official letters are in Dutch whatever language the staff member's screen is in.
    with translation.override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def render_decision_letter(application) -> bytes:
    household = application.household
    return _pdf(
        "passes/pdf/decision_letter.html",
        {
            "application": application,
            "household": household,
            "applicant": application.applicant,
            "passes": list(application.passes.select_related("holder")),
            "today": timezone.localdate(),
            "reasoning_lines": explain_application(application),
        },
    )


def render_card(pass_card) -> bytes:
    return _pdf(
        "passes/pdf/card.html",
        {
            "pass": pass_card,
            "number": format_pass_number(pass_card.number),
            "qr": qr_svg(make_card_code(pass_card)),
        },
    )
