"""Two researchers changing the same themes at the same moment (PostgreSQL in `make test`):
every request either does its work or is refused with a Dutch message, never a crash, and
no answer is lost or coded twice."""

import pytest

from zaansepas.insights.answer_themes import (
    code_answer,
    find_and_store_themes,
    merge_answer_themes,
    rename_answer_theme,
)
from zaansepas.insights.models import AnswerCoding, AnswerTheme, ThemeSet
from zaansepas.insights.tests.answer_fixtures import QUESTION, members
from zaansepas.till.tests.helpers import in_parallel

pytestmark = pytest.mark.django_db(transaction=True)


def kinds(outcomes) -> list[str]:
    assert not [o for o in outcomes if o[0] == "error"], outcomes
    return sorted(kind for kind, _result in outcomes)


def test_two_opposite_merges_at_once_leave_one_theme_with_all_answers(theme_set):
    a, b = list(theme_set.themes.all())[:2]
    together = members(a) | members(b)
    codings = AnswerCoding.objects.count()
    outcomes = in_parallel([lambda: merge_answer_themes(a, b), lambda: merge_answer_themes(b, a)])
    assert kinds(outcomes) == ["ok", "refused"]
    (survivor,) = AnswerTheme.objects.filter(pk__in=[a.pk, b.pk])
    assert members(survivor) == together
    assert AnswerCoding.objects.count() == codings


def test_finding_themes_three_times_at_once_keeps_one_set(theme_set):
    survey = theme_set.survey
    outcomes = in_parallel([lambda: find_and_store_themes(survey, QUESTION, 4)] * 3)
    assert "ok" in kinds(outcomes)
    (kept,) = ThemeSet.objects.all()
    assert kept.themes.count() == 4
    assert AnswerCoding.objects.filter(theme_set=kept).count() == 161


def test_coding_into_a_theme_while_it_is_merged_away_loses_no_answer(theme_set):
    keep, other = list(theme_set.themes.all())[:2]
    answer = next(iter(members(keep)))
    outcomes = in_parallel(
        [lambda: merge_answer_themes(keep, other), lambda: code_answer(theme_set, answer, other)]
    )
    kinds(outcomes)
    coding = AnswerCoding.objects.get(response_id=answer)
    assert coding.theme_id == keep.pk  # merged after coding, or coding refused
    assert AnswerCoding.objects.count() == 161


def test_renaming_a_theme_while_it_is_merged_away_is_refused_or_lost_with_it(theme_set):
    keep, other = list(theme_set.themes.all())[:2]
    outcomes = in_parallel(
        [lambda: merge_answer_themes(keep, other), lambda: rename_answer_theme(other, "Nieuw")]
    )
    kinds(outcomes)
    assert not AnswerTheme.objects.filter(pk=other.pk).exists()
