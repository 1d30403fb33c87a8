"""Participants' contact details are kept only with consent, and with a date to go."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from zaansepas.research.actions import add_participant, update_participant
from zaansepas.research.models import Participant

from .fixtures import make_participant, make_session

pytestmark = pytest.mark.django_db


def test_it_refuses_contact_details_without_consent_and_saves_nothing():
    session = make_session()
    with pytest.raises(ValidationError) as error:
        make_participant(session, email="moeder@example.org")
    assert "Zonder toestemming bewaren we geen contactgegevens" in error.value.messages[0]
    with pytest.raises(ValidationError):
        make_participant(session, phone="06-12345678")
    assert not Participant.objects.exists()


def test_it_keeps_contact_details_with_consent_until_twelve_months_after_the_session():
    session = make_session(date=dt.date(2026, 10, 20))
    participant = make_participant(
        session, email=" Moeder@Example.org ", phone="06-12345678", contact_consent=True
    )
    participant.refresh_from_db()
    assert participant.email == "moeder@example.org"
    assert participant.consent_on is not None
    assert participant.contact_retention_until == dt.date(2027, 10, 20)


def test_a_participant_without_contact_details_needs_no_consent():
    participant = make_participant(make_session(), organisation="Voedselbank Zaanstreek")
    assert participant.contact_consent is False
    assert participant.contact_retention_until is None


def test_the_database_refuses_contact_details_without_consent():
    session = make_session()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(
            session=session, kind="vrager", name="Henk", email="henk@example.org"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(
            session=session,
            kind="vrager",
            name="Henk",
            phone="0612345678",
            contact_consent=True,
            consent_on=dt.date(2026, 10, 1),
            contact_retention_until=None,
        )


def test_withdrawing_consent_while_details_remain_is_refused_and_emptying_them_works():
    session = make_session()
    participant = make_participant(session, email="henk@example.org", contact_consent=True)
    with pytest.raises(ValidationError):
        update_participant(
            participant, kind="vrager", name="Henk", email="henk@example.org", contact_consent=False
        )
    participant.refresh_from_db()
    assert participant.contact_consent is True
    update_participant(participant, kind="vrager", name="Henk", contact_consent=False)
    participant.refresh_from_db()
    assert (participant.email, participant.phone, participant.contact_consent) == ("", "", False)
    assert participant.contact_retention_until is None


@pytest.mark.parametrize(
    "values, message",
    [
        ({"email": "geen-adres", "contact_consent": True}, "Dit e-mailadres klopt niet"),
        ({"phone": "bel me", "contact_consent": True}, "cijfers"),
        ({"name": "  "}, "Vul een naam in"),
        ({"kind": "klant"}, "soort deelnemer"),
        (
            {
                "email": "a@example.org",
                "contact_consent": True,
                "contact_retention_until": dt.date(2020, 1, 1),
            },
            "bewaartermijn is al voorbij",
        ),
    ],
)
def test_bad_participant_input_is_refused_in_dutch(values, message):
    session = make_session()
    with pytest.raises(ValidationError) as error:
        add_participant(session, **{"kind": "vrager", "name": "Henk", **values})
    assert message in error.value.messages[0]
    assert not Participant.objects.exists()
