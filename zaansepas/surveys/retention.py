"""How long answers are kept, and the daily job that enforces it.

Two steps, both run by `manage.py delete_expired_responses`:
1. When a survey has closed, the contact details of its invitations (email address, mail
   merge fields, the panel's link to a pass) are wiped and unfinished drafts deleted: they
   were only needed to reach people while the survey was open. Drafts past their own
   expiry (30 days) are deleted as well.
2. `retention_months` after the close, the responses, the follow-up consents and any
   drafts left are deleted, and the survey records when.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import FollowUpConsent, Invitation, Response, ResponseDraft, Survey, SurveyStatus


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def closed_on(survey: Survey, today: dt.date | None = None) -> dt.date | None:
    """The day the survey closed: closed_at, else closes_at once that day has passed."""
    today = today or timezone.localdate()
    if survey.closed_at:
        return timezone.localdate(survey.closed_at)
    if survey.closes_at and timezone.localdate(survey.closes_at) < today:
        return timezone.localdate(survey.closes_at)
    return None


def is_closed(survey: Survey, today: dt.date | None = None) -> bool:
    return survey.status == SurveyStatus.CLOSED or closed_on(survey, today) is not None


def retention_ends_on(survey: Survey, today: dt.date | None = None) -> dt.date | None:
    """The day the responses are deleted; None while the survey has not closed."""
    closed = closed_on(survey, today)
    if closed is None:
        return None
    return add_months(closed, survey.retention_months)


def _candidates():
    return Survey.objects.filter(
        Q(status=SurveyStatus.CLOSED) | Q(closed_at__isnull=False) | Q(closes_at__isnull=False)
    )


@dataclass
class Wiped:
    invitations: int = 0
    drafts: int = 0


def wipe_closed_survey_contacts(today: dt.date | None = None) -> Wiped:
    """Step 1: contact details of invitations and drafts of every closed survey."""
    today = today or timezone.localdate()
    closed = [survey.pk for survey in _candidates() if is_closed(survey, today)]
    with transaction.atomic():
        invitations = (
            Invitation.objects.filter(channel__survey__in=closed)
            .filter(~Q(email="") | ~Q(merge_fields={}) | Q(panel_pass__isnull=False))
            .update(email="", merge_fields={}, panel_pass=None)
        )
        # Drafts nobody came back to within their time go too, open survey or not.
        drafts, _ = ResponseDraft.objects.filter(
            Q(survey__in=closed) | Q(expires_at__lt=timezone.now())
        ).delete()
    return Wiped(invitations, drafts)


@dataclass
class Deleted:
    surveys: int = 0
    responses: int = 0
    consents: int = 0
    drafts: int = 0


def delete_expired_responses(today: dt.date | None = None) -> Deleted:
    """Step 2: everything respondents left behind, for surveys past their retention."""
    today = today or timezone.localdate()
    result = Deleted()
    for survey in _candidates():
        ends = retention_ends_on(survey, today)
        if ends is None or ends > today:
            continue
        with transaction.atomic():
            responses, _ = Response.objects.filter(survey=survey).delete()
            consents, _ = FollowUpConsent.objects.filter(survey=survey).delete()
            drafts, _ = ResponseDraft.objects.filter(survey=survey).delete()
            if survey.responses_deleted_at is None:
                survey.responses_deleted_at = timezone.now()
                survey.save(update_fields=["responses_deleted_at", "updated_at"])
                result.surveys += 1
        result.responses += responses
        result.consents += consents
        result.drafts += drafts
    return result
