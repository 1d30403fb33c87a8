"""Residents log in with a one-time link sent to their email address.

The token is random (256 bits) and only its SHA-256 is stored; a link works once, for
LOGIN_LINK_MAX_AGE_MINUTES. Asking for a link never reveals whether an address is known.
"""

import datetime as dt
import hashlib
import secrets
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .models import LoginLink, Role, User
from .roles import grant_role


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def safe_next(next_url: str | None) -> str:
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None):
        return next_url
    return ""


class MailNotSent(Exception):
    """The mail server could not be reached or refused the message."""


def ensure_resident_account(email: str) -> User:
    """The account for this address, made (as a resident) if there is none yet."""
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email)
        grant_role(user, Role.RESIDENT)
    return user


def send_login_link(email: str, next_url: str = "", language: str = "nl") -> str:
    """Create a resident account if needed and email a login link. Returns the link."""
    email = User.objects.normalize_email(email).lower()
    with transaction.atomic():
        user = User.objects.filter(email=email).first()
        if user is not None and _too_many_recent_links(user):
            # Quietly send nothing: someone is flooding this mailbox with our mail.
            return ""
        if user is None:
            user = ensure_resident_account(email)
        if user.language != language:
            # Remember the page's language: later emails (decisions) are written in it.
            user.language = language
            user.save(update_fields=["language"])
        token = secrets.token_urlsafe(32)
        LoginLink.objects.create(
            user=user,
            token_hash=_hash(token),
            next_url=safe_next(next_url),
            expires_at=timezone.now() + dt.timedelta(minutes=settings.LOGIN_LINK_MAX_AGE_MINUTES),
        )
        link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("accounts:login_link", args=[token])
        body = render_to_string(
            "accounts/email/login_link.txt",
            {"link": link, "minutes": settings.LOGIN_LINK_MAX_AGE_MINUTES},
        )
        # Inside the transaction: if the mail server refuses, no account or link is left.
        # Raises MailNotSent.
        try:
            send_mail(_("Uw inloglink voor de Zaanse Pas"), body, None, [email])
        except (smtplib.SMTPException, OSError) as exc:
            raise MailNotSent(email) from exc
    return link


MAX_LINKS_PER_HOUR = 5


def _too_many_recent_links(user) -> bool:
    since = timezone.now() - dt.timedelta(hours=1)
    return LoginLink.objects.filter(user=user, created_at__gte=since).count() >= MAX_LINKS_PER_HOUR


def use_login_link(token: str) -> LoginLink | None:
    """Mark a link used and return it, or None when it is unknown, used or expired."""
    with transaction.atomic():
        link = (
            LoginLink.objects.select_for_update()
            .select_related("user")
            .filter(token_hash=_hash(token))
            .first()
        )
        if link is None or link.used_at is not None or link.expires_at < timezone.now():
            return None
        if not link.user.is_active:
            return None
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
    return link
