"""Retention: contact details go when a survey closes, answers when its term is over."""

import datetime as dt
import secrets

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from zaansepas.surveys.models import (
    ChannelKind,
    FollowUpConsent,
    Invitation,
    Response,
    ResponseDraft,
    SurveyStatus,
)
from zaansepas.surveys.retention import (
    add_months,
    delete_expired_responses,
    retention_ends_on,
    wipe_closed_survey_contacts,
)

from .factories import make_channel, make_open_survey


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def add_answers(survey, n=2):
    channel = make_channel(survey)
    for _ in range(n):
        reference = secrets.token_hex(8)
        Response.objects.create(
            survey=survey, channel=channel, submitted_on=dt.date(2024, 5, 1), reference=reference
        )
        FollowUpConsent.objects.create(
            survey=survey,
            reference=reference,
            name="Fatima",
            phone="0612345678",
            withdraw_token_hash=secrets.token_hex(32),
            given_on=dt.date(2024, 5, 1),
        )
    ResponseDraft.objects.create(
        survey=survey,
        channel=channel,
        token_hash=secrets.token_hex(32),
        answers={"q_idee": "half"},
        expires_at=timezone.now() + dt.timedelta(days=3),
    )
    return channel


@pytest.fixture
def closed_survey(db):
    survey = make_open_survey(
        status=SurveyStatus.CLOSED, closed_at=at(dt.date(2024, 11, 29)), retention_months=24
    )
    add_answers(survey)
    return survey


def test_add_months_keeps_the_day_or_takes_the_last_day_of_the_month():
    assert add_months(dt.date(2024, 11, 29), 24) == dt.date(2026, 11, 29)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2023, 12, 31), 2) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2026, 11, 15), 14) == dt.date(2028, 1, 15)


def test_answers_are_kept_until_the_day_the_term_ends(closed_survey):
    result = delete_expired_responses(dt.date(2026, 11, 28))
    assert result.responses == 0
    assert Response.objects.filter(survey=closed_survey).count() == 2
    assert FollowUpConsent.objects.filter(survey=closed_survey).count() == 2
    closed_survey.refresh_from_db()
    assert closed_survey.responses_deleted_at is None


def test_on_the_last_day_answers_consents_and_drafts_are_deleted(closed_survey):
    other = make_open_survey()
    add_answers(other)
    result = delete_expired_responses(dt.date(2026, 11, 29))
    assert (result.surveys, result.responses, result.consents, result.drafts) == (1, 2, 2, 1)
    assert not Response.objects.filter(survey=closed_survey).exists()
    assert not FollowUpConsent.objects.filter(survey=closed_survey).exists()
    assert not ResponseDraft.objects.filter(survey=closed_survey).exists()
    closed_survey.refresh_from_db()
    assert closed_survey.responses_deleted_at is not None
    # The open survey keeps everything.
    assert Response.objects.filter(survey=other).count() == 2
    assert FollowUpConsent.objects.filter(survey=other).count() == 2


def test_running_again_deletes_nothing_more_and_keeps_the_first_date(closed_survey):
    delete_expired_responses(dt.date(2026, 11, 29))
    closed_survey.refresh_from_db()
    first = closed_survey.responses_deleted_at
    again = delete_expired_responses(dt.date(2026, 12, 1))
    assert (again.surveys, again.responses) == (0, 0)
    closed_survey.refresh_from_db()
    assert closed_survey.responses_deleted_at == first


def test_the_term_counts_from_closes_at_once_that_day_has_passed(db):
    survey = make_open_survey(closes_at=at(dt.date(2026, 1, 31), 17), retention_months=1)
    add_answers(survey)
    assert retention_ends_on(survey, dt.date(2026, 1, 31)) is None  # still closing today
    assert retention_ends_on(survey, dt.date(2026, 2, 1)) == dt.date(2026, 2, 28)
    assert delete_expired_responses(dt.date(2026, 2, 27)).responses == 0
    assert delete_expired_responses(dt.date(2026, 2, 28)).responses == 2


def test_a_survey_that_has_not_closed_keeps_its_answers(db):
    survey = make_open_survey(closes_at=at(dt.date(2027, 6, 1)), retention_months=0)
    add_answers(survey)
    assert delete_expired_responses(dt.date(2026, 11, 29)).responses == 0
    assert Response.objects.filter(survey=survey).count() == 2


def make_invitation(channel, n):
    return Invitation.objects.create(
        channel=channel,
        public_id=f"inv{n}",
        email=f"bewoner{n}@example.org",
        merge_fields={"naam": f"Bewoner {n}"},
        attributes={"wijk": "WK047901"},
    )


def test_contact_details_are_wiped_the_day_after_the_survey_closed(db):
    closing = make_open_survey(closes_at=at(dt.date(2026, 11, 29), 17))
    channel = make_channel(closing, ChannelKind.INVITATION, "Brief")
    invitation = make_invitation(channel, 1)
    staying = make_open_survey(closes_at=at(dt.date(2027, 1, 1)))
    kept = make_invitation(make_channel(staying, ChannelKind.INVITATION, "Brief"), 2)

    assert wipe_closed_survey_contacts(dt.date(2026, 11, 29)).invitations == 0
    invitation.refresh_from_db()
    assert invitation.email == "bewoner1@example.org"

    wiped = wipe_closed_survey_contacts(dt.date(2026, 11, 30))
    assert wiped.invitations == 1
    invitation.refresh_from_db()
    assert (invitation.email, invitation.merge_fields) == ("", {})
    assert invitation.attributes == {"wijk": "WK047901"}  # not a contact detail
    kept.refresh_from_db()
    assert kept.email == "bewoner2@example.org" and kept.merge_fields


def test_closing_deletes_unfinished_drafts_but_keeps_answers(db):
    survey = make_open_survey(status=SurveyStatus.CLOSED, closed_at=timezone.now())
    add_answers(survey)
    wiped = wipe_closed_survey_contacts(timezone.localdate())
    assert wiped.drafts == 1
    assert not ResponseDraft.objects.filter(survey=survey).exists()
    assert Response.objects.filter(survey=survey).count() == 2


def test_daily_command_wipes_and_deletes_and_says_how_much(closed_survey):
    channel = make_channel(closed_survey, ChannelKind.INVITATION, "Brief")
    make_invitation(channel, 1)
    from io import StringIO

    out = StringIO()
    call_command("delete_expired_responses", "--today", "2026-11-29", stdout=out)
    assert "1 uitnodigingen gewist" in out.getvalue()
    assert "2 antwoorden, 2 toestemmingen" in out.getvalue()
    assert not Response.objects.filter(survey=closed_survey).exists()
    assert Invitation.objects.get(channel=channel).email == ""


def test_daily_command_refuses_a_malformed_date(closed_survey):
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("delete_expired_responses", "--today", "29-11-2026")
    assert Response.objects.filter(survey=closed_survey).count() == 2


def test_a_draft_past_its_expiry_is_deleted_while_the_survey_is_still_open(db):
    survey = make_open_survey(closes_at=at(dt.date(2027, 6, 1)))
    channel = add_answers(survey)
    stale = ResponseDraft.objects.create(
        survey=survey,
        channel=channel,
        token_hash=secrets.token_hex(32),
        answers={"q_idee": "oud"},
        expires_at=timezone.now() - dt.timedelta(minutes=1),
    )
    assert wipe_closed_survey_contacts(timezone.localdate()).drafts == 1
    assert not ResponseDraft.objects.filter(pk=stale.pk).exists()
    assert ResponseDraft.objects.filter(survey=survey).count() == 1  # the live one stays
