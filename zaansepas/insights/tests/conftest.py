"""Fixtures for the stored open-answer themes: a published needs scan whose open question
has 160 answers with planted themes, plus blanks, a skip and a stopword answer; and its
themes, found with a fixed number so the tests are quick."""

import pytest

from zaansepas.insights.answer_themes import find_and_store_themes
from zaansepas.insights.tests.answer_fixtures import QUESTION, add_answers
from zaansepas.insights.tests.test_open_answers import planted_answers
from zaansepas.surveys.builder import publish_survey
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.spec import create_survey_from_spec


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
