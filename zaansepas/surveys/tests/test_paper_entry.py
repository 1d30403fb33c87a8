"""Typing in paper questionnaires."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from zaansepas.accounts.models import Role
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.surveys.models import ChannelKind, Response

from .survey_fixtures import published_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(client):
    ensure_role_groups()
    user = get_user_model().objects.create_user("onderzoek@example.nl", "x")
    grant_role(user, Role.RESEARCHER)
    client.force_login(user)
    return published_survey()


def test_a_paper_form_with_skipped_questions_is_stored_once(client, survey):
    url = reverse("surveys:paper_entry", args=[survey.pk])
    data = {"form_key": "key-1", "q-kent_pas": "0", "q-cijfer": "7", "q-postcode": "1503"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double click
    response = Response.objects.get()
    assert response.channel.kind == ChannelKind.PAPER
    assert response.answers == {"kent_pas": "0", "cijfer": 7, "postcode": "1503"}
    assert response.district is not None


def test_a_wrong_answer_on_paper_is_shown_and_nothing_stored(client, survey):
    url = reverse("surveys:paper_entry", args=[survey.pk])
    response = client.post(url, {"form_key": "key-2", "q-cijfer": "12", "q-postcode": "9999"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "hoort niet bij Zaanstad" in page
    assert 'value="12"' not in page or "Kies een van de antwoorden" in page
    assert not Response.objects.exists()


def test_an_answer_to_a_question_hidden_by_another_answer_is_not_stored(client, survey):
    url = reverse("surveys:paper_entry", args=[survey.pk])
    client.post(url, {"form_key": "key-3", "q-kent_pas": "0", "q-gebruik": ["sport"]})
    assert "gebruik" not in Response.objects.get().answers
