"""Emails to a provider's contact person about its sign-up (in Dutch: a business letter)."""

import logging
import smtplib

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def _send(provider, subject, template: str) -> None:
    with translation.override("nl"):
        body = render_to_string(template, {"provider": provider})
        try:
            send_mail(str(subject), body, None, [provider.contact_email])
        except (smtplib.SMTPException, OSError):
            # The sign-up or decision is recorded; the pass office sees the failure in the log.
            logger.exception("Mail to provider %s not sent", provider.pk)


def send_signup_received(provider) -> None:
    _send(
        provider,
        _("Uw aanmelding bij de Zaanse Pas is ontvangen"),
        "offers/email/signup_received.txt",
    )


def send_decision(provider) -> None:
    _send(provider, _("Besluit over uw aanmelding bij de Zaanse Pas"), "offers/email/decision.txt")
