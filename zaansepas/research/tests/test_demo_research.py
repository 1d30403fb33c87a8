"""The demo research: six sessions (four held, with coded statements), and interviews
drawn from the demo survey's consents, a few of them held."""

import pytest

from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.research.demo_data import create_demo_research
from zaansepas.research.models import Interview, Session, SessionStatus, Statement
from zaansepas.surveys.demo_data import create_demo_survey
from zaansepas.surveys.models import FollowUpConsent

pytestmark = pytest.mark.django_db


def test_the_demo_has_six_sessions_coded_statements_and_held_interviews():
    load_zaanstad_reference_data()
    create_demo_survey(response_count=400)
    counts = create_demo_research()

    assert Session.objects.count() == 6
    assert Session.objects.values("theme").distinct().count() == 6
    held = Session.objects.filter(status=SessionStatus.HELD)
    assert held.count() == 4
    for session in held:
        assert 15 <= session.statements.count() <= 40
        assert session.participants.filter(attended=True).exists()
        assert set(session.statements.values_list("kind", flat=True)) == {
            "behoefte",
            "aanbodidee",
            "drempel",
            "citaat",
        }
    assert Statement.objects.filter(theme__isnull=True).exists()  # some still to code
    assert Statement.objects.filter(text__contains="schaamde zich").exists()
    assert Statement.objects.filter(text__contains="wasmachine").exists()
    assert Statement.objects.filter(text__contains="participatiekeuken").exists()

    consents = set(FollowUpConsent.objects.values_list("reference", flat=True))
    interviews = Interview.objects.all()
    assert 0 < interviews.count() <= 12
    assert set(interviews.values_list("reference", flat=True)) <= consents
    assert interviews.filter(status="gehouden").count() == 4
    assert Statement.objects.filter(interview__isnull=False).count() >= 8

    assert create_demo_research() == counts  # running it again adds nothing
