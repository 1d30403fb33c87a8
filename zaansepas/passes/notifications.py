"""Emails to residents about their application. Sent after the transaction commits."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def _resident_email(application) -> str | None:
    user = application.applicant.user
    return user.email if user and user.email else None


def _send(application, subject, template: str) -> None:
    to = _resident_email(application)
    if not to:
        return  # paper applicants without email get the printed letter by post
    # In the resident's language, not the language of the staff member who decided.
    with translation.override(application.applicant.user.language or "nl"):
        _send_in_active_language(application, str(subject), template, to)


def _send_in_active_language(application, subject: str, template: str, to: str) -> None:
    link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse(
        "passes:application_detail", args=[application.reference]
    )
    body = render_to_string(template, {"application": application, "link": link})
    try:
        send_mail(subject, body, None, [to])
    except (smtplib.SMTPException, OSError):
        # Runs after the decision is committed: the decision stands and the letter can be
        # read online; the pass office sees this in the log and can inform the resident.
        logger.exception("Mail about application %s not sent", application.reference)


def send_decision(application) -> None:
    _send(
        application, _("Besluit over uw aanvraag voor de Zaanse Pas"), "passes/email/decision.txt"
    )


def send_information_request(application) -> None:
    _send(
        application,
        _("We hebben meer informatie nodig voor uw Zaanse Pas"),
        "passes/email/information_request.txt",
    )
