"""An email four weeks before a budget expires, when € 10 or more is still on it, so the
money gets used. To the household's main holder (who manages the children's passes), in
their language, once per budget."""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zaansepas.passes.models import MemberRole

from .models import Account, AccountKind, ExpiryNotice

NOTICE_DAYS = 28
NOTICE_MIN_CENTS = 1000

logger = logging.getLogger(__name__)


def _recipient(pass_card):
    main = pass_card.household.members.filter(role=MemberRole.MAIN).select_related("user").first()
    user = main.user if main else None
    return user if user and user.email else None


def notify_expiring_budgets(day: dt.date | None = None) -> int:
    """Send the emails due today (budgets expiring within four weeks); returns how many."""
    day = day or timezone.localdate()
    due = Account.objects.filter(
        kind=AccountKind.BUDGET,
        expires_on__gte=day,
        expires_on__lte=day + dt.timedelta(days=NOTICE_DAYS),
        balance_cents__gte=NOTICE_MIN_CENTS,
        expiry_notice__isnull=True,
    ).select_related("scheme", "pass_card__holder", "pass_card__household")
    sent = 0
    for account in due:
        user = _recipient(account.pass_card)
        if user is None:
            continue  # no email address: the wallet page still shows the date
        try:
            with transaction.atomic():
                ExpiryNotice.objects.create(
                    account=account, sent_to=user.email, balance_cents=account.balance_cents
                )
        except IntegrityError:
            continue  # another run sent it just now
        with translation.override(user.language or "nl"):
            subject = _("Uw tegoed op de Zaanse Pas vervalt binnenkort")
            link = settings.PUBLIC_BASE_URL.rstrip("/") + reverse("wallet:wallet")
            body = render_to_string(
                "wallet/email/expiring.txt",
                {"account": account, "holder": account.pass_card.holder, "link": link},
            )
        try:
            send_mail(subject, body, None, [user.email])
            sent += 1
        except (smtplib.SMTPException, OSError):
            logger.exception("Mail about expiring budget %s not sent", account.pk)
    return sent
