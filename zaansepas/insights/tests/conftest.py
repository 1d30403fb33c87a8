"""Fixtures: the demo needs scan with its 2,000 responses, seen by a logged-in researcher
(the analysis pages and their files); and for the stored open-answer themes, a published
needs scan whose open question has 160 answers with planted themes, plus blanks, a skip
and a stopword answer, and its themes, found with a fixed number so the tests are quick."""

import pytest
from django.contrib.auth import get_user_model

from zaansepas.accounts.models import Role
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.insights.answer_themes import find_and_store_themes
from zaansepas.insights.tests.answer_fixtures import QUESTION, add_answers
from zaansepas.insights.tests.test_open_answers import planted_answers
from zaansepas.surveys.builder import publish_survey
from zaansepas.surveys.demo_data import create_demo_survey
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.spec import create_survey_from_spec


@pytest.fixture
def demo_scan(client):
    """The demo needs scan (2,000 responses); `client` is logged in as a researcher."""
    ensure_role_groups()
    user = get_user_model().objects.create_user("onderzoek@example.nl", "x")
    grant_role(user, Role.RESEARCHER)
    client.force_login(user)
    load_zaanstad_reference_data()
    return create_demo_survey()["survey"]


@pytest.fixture(scope="module")
def planted():
    return planted_answers(160, seed=3, noise=0.05)


@pytest.fixture
def open_survey(planted):
    survey = publish_survey(create_survey_from_spec(needs_scan_spec()))
    texts, _labels = planted
    responses = add_answers(survey, [*texts, "", "   ", None, "weet ik niet"])
    survey.planted = {r.pk: label for r, label in zip(responses, _labels, strict=False)}
    return survey


@pytest.fixture
def theme_set(open_survey):
    return find_and_store_themes(open_survey, QUESTION, themes=6)
