"""The daily job wipes participants' contact details after their date and their names a year
after the session, and deletes the consent (name and contact) of interviews that are done
and past their retention."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from zaansepas.research.actions import add_statement, draw_interview_sample, update_interview
from zaansepas.research.models import Participant
from zaansepas.research.retention import delete_expired_contact_details
from zaansepas.surveys.models import FollowUpConsent

from .fixtures import (
    add_respondent,
    make_participant,
    make_session,
    make_survey,
    make_themes,
    make_wijk,
)

pytestmark = pytest.mark.django_db


def test_participant_contact_details_go_after_their_retention_date_and_not_before():
    session = make_session(date=dt.date(2026, 10, 20))
    kept = make_participant(session, name="Henk", email="henk@example.org", contact_consent=True)
    make_participant(session, name="Zonder", organisation="Bibliotheek Zaanstad")
    assert kept.contact_retention_until == dt.date(2027, 10, 20)

    assert delete_expired_contact_details(dt.date(2027, 10, 20)).participants == 0
    kept.refresh_from_db()
    assert kept.email == "henk@example.org"

    assert delete_expired_contact_details(dt.date(2027, 10, 21)).participants == 1
    kept.refresh_from_db()
    assert (kept.email, kept.phone, kept.contact_deleted_on) == ("", "", dt.date(2027, 10, 21))
    assert kept.contact_consent  # the record of consent stays
    assert delete_expired_contact_details(dt.date(2027, 10, 22)).participants == 0
    assert Participant.objects.count() == 2


def test_an_interviews_consent_is_deleted_three_months_after_it_is_done():
    survey = make_survey()
    wijk = make_wijk()
    for _ in range(3):
        add_respondent(survey, wijk)
    held, refused, waiting = draw_interview_sample(survey, 3, seed=1).interviews
    update_interview(held, status="gehouden", held_on=dt.date(2026, 11, 2), interviewer="Sanne")
    update_interview(refused, status="geweigerd")
    update_interview(waiting, status="benaderd")
    assert held.contact_retention_until == dt.date(2027, 2, 2)

    assert delete_expired_contact_details(dt.date(2027, 2, 2)).consents == 0
    deleted = delete_expired_contact_details(dt.date(2027, 2, 3))
    assert deleted.consents == 1
    assert not FollowUpConsent.objects.filter(reference=held.reference).exists()
    held.refresh_from_db()
    assert held.contact_deleted_on == dt.date(2027, 2, 3)
    # Far in the future the refused one goes as well; the one still open never does.
    delete_expired_contact_details(dt.date(2030, 1, 1))
    assert set(FollowUpConsent.objects.values_list("reference", flat=True)) == {waiting.reference}


def test_the_command_runs_for_a_given_day_and_refuses_a_bad_one():
    session = make_session(date=dt.date(2026, 10, 20))
    make_participant(session, phone="06-12345678", contact_consent=True)
    out = io.StringIO()
    call_command("delete_expired_research_contacts", "--today", "2028-01-01", stdout=out)
    assert "Contactgegevens van 1 deelnemers gewist; namen van 1 deelnemers" in out.getvalue()
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("delete_expired_research_contacts", "--today", "morgen")


def test_a_participants_name_goes_a_year_after_the_session_and_their_statements_stay():
    session = make_session(date=dt.date(2026, 10, 20))
    henk = make_participant(session, name="Henk de Vries", organisation="Buurthuis De Kam")
    kept_longer = make_participant(
        session,
        name="Anna",
        email="anna@example.org",
        contact_consent=True,
        contact_retention_until=dt.date(2028, 6, 1),
    )
    said = add_statement(
        text="Zwemles is te duur",
        kind="behoefte",
        theme=session.theme,
        session=session,
        participant=henk,
        entered_by=None,
    )

    assert delete_expired_contact_details(dt.date(2027, 10, 20)).names == 0
    henk.refresh_from_db()
    assert henk.name == "Henk de Vries"

    assert delete_expired_contact_details(dt.date(2027, 10, 21)).names == 1
    henk.refresh_from_db()
    assert henk.name == f"Deelnemer {henk.pk} (naam gewist)"
    assert henk.name_deleted_on == dt.date(2027, 10, 21)
    assert (henk.kind, henk.organisation) == ("vrager", "Buurthuis De Kam")
    said.refresh_from_db()
    assert said.participant_id == henk.pk and said.text == "Zwemles is te duur"
    assert delete_expired_contact_details(dt.date(2027, 10, 22)).names == 0

    # Someone who agreed to be kept for longer keeps their name as long as their contact.
    kept_longer.refresh_from_db()
    assert kept_longer.name == "Anna"
    assert delete_expired_contact_details(dt.date(2028, 6, 2)).names == 1
    kept_longer.refresh_from_db()
    assert (kept_longer.name, kept_longer.email) == (
        f"Deelnemer {kept_longer.pk} (naam gewist)",
        "",
    )


def test_names_from_a_session_without_a_date_go_a_year_after_its_scan_year():
    session = make_session(theme=make_themes()[1], year=2026, date=None)
    someone = make_participant(session, name="Fatima")
    assert delete_expired_contact_details(dt.date(2027, 12, 31)).names == 0
    assert delete_expired_contact_details(dt.date(2028, 1, 1)).names == 1
    someone.refresh_from_db()
    assert someone.name.endswith("(naam gewist)")
