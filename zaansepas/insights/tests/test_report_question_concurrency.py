"""Two researchers saving the report's questions at the same moment (PostgreSQL in `make
test`): both saves succeed one after the other, and the report keeps one whole choice,
never a mix of both and never a crash on the one-row-per-question constraint."""

import pytest

from zaansepas.insights.report_questions import Pick, choose_report_questions, report_picks
from zaansepas.surveys.tests.survey_fixtures import published_survey
from zaansepas.till.tests.helpers import in_parallel

pytestmark = pytest.mark.django_db(transaction=True)

FIRST = [Pick("kent_pas"), Pick("gebruik"), Pick("tevreden")]
SECOND = [Pick("tevreden"), Pick("thema", "3")]


def test_two_saves_at_once_leave_one_whole_choice():
    survey = published_survey()
    choose_report_questions(survey, [Pick("geslacht")])
    for _round in range(5):
        outcomes = in_parallel(
            [
                lambda: choose_report_questions(survey, FIRST),
                lambda: choose_report_questions(survey, SECOND),
            ]
        )
        assert sorted(kind for kind, _result in outcomes) == ["ok", "ok"], outcomes
        picks, source = report_picks(survey)
        assert source == "chosen" and picks in (FIRST, SECOND)
