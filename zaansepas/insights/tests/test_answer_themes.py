"""Stored themes of open answers: found themes are kept per response, the researchers'
renames, merges, splits and hand coding are stored, bad input changes nothing, and deleting
a response removes its answer from every theme."""

from __future__ import annotations

from collections import Counter

import pytest

from zaansepas.insights import answer_themes
from zaansepas.insights.answer_themes import (
    code_answer,
    coded_answers,
    find_and_store_themes,
    merge_answer_themes,
    overview,
    rename_answer_theme,
    split_answer_theme,
)
from zaansepas.insights.longlists import create_item, create_item_from_answer_theme, merge_items
from zaansepas.insights.models import AnswerCoding, AnswerTheme, ThemeSet
from zaansepas.insights.open_answers import BY_HAND, EMPTY, OpenAnswersError
from zaansepas.insights.tests.answer_fixtures import QUESTION, add_answers, members
from zaansepas.insights.tests.test_open_answers import planted_answers
from zaansepas.surveys.builder import publish_survey
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.models import Response
from zaansepas.surveys.spec import create_survey_from_spec

pytestmark = pytest.mark.django_db


def purity(open_survey, theme_set) -> float:
    """Share of themed answers whose planted theme is their theme's most common one."""
    right = total = 0
    for theme in theme_set.themes.all():
        labels = Counter(open_survey.planted[r] for r in members(theme) if r in open_survey.planted)
        right += labels.most_common(1)[0][1] if labels else 0
        total += sum(labels.values())
    return right / total


# --- finding and storing ----------------------------------------------------------------


def test_found_themes_are_stored_with_one_coding_per_answered_response(open_survey, theme_set):
    answered = Response.objects.filter(survey=open_survey).count() - 1  # one skipped the question
    assert AnswerCoding.objects.filter(theme_set=theme_set).count() == answered - 2
    assert theme_set.themes.count() == 6
    # The codings point at the right responses: the planted themes come back.
    assert purity(open_survey, theme_set) >= 0.8
    empty = AnswerCoding.objects.get(theme_set=theme_set, response__reference="r00163")
    assert (empty.theme, empty.no_theme_reason) == (None, EMPTY)


def test_the_overview_counts_every_answer_once_and_gives_three_quotes(open_survey, theme_set):
    view = overview(theme_set)
    assert view.answers == 161  # 160 planted, one stopword answer; blanks are no answer
    assert view.in_themes + view.without == view.answers
    assert sum(t.size for t in view.themes) == view.in_themes
    assert [t.size for t in view.themes] == sorted((t.size for t in view.themes), reverse=True)
    for theme in view.themes:
        assert len(theme.quotes) == 3
        texts = {r.answers[QUESTION] for r in Response.objects.filter(pk__in=members(theme.theme))}
        assert set(theme.quotes) <= texts


def test_finding_again_keeps_the_work_on_themes_that_come_back(open_survey, theme_set):
    a, b = list(theme_set.themes.all())[:2]
    rename_answer_theme(a, "Mijn naam")
    item = create_item(year=2026, kind="behoefte", title="Item", answer_themes=[a])
    moved, taken_out = sorted(members(b))[:2]
    code_answer(theme_set, moved, a)
    code_answer(theme_set, taken_out, None)

    again = find_and_store_themes(open_survey, QUESTION, themes=6)
    assert not ThemeSet.objects.filter(pk=theme_set.pk).exists()
    kept = again.themes.get(name="Mijn naam")
    assert kept.named_by_hand and list(item.answer_themes.all()) == [kept]
    by_hand = {c.response_id: c for c in AnswerCoding.objects.filter(by_hand=True)}
    assert set(by_hand) == {moved, taken_out}
    assert by_hand[moved].theme == kept
    assert (by_hand[taken_out].theme, by_hand[taken_out].no_theme_reason) == (None, BY_HAND)


def test_finding_again_with_other_themes_drops_what_has_no_match(open_survey, theme_set):
    a = theme_set.themes.first()
    rename_answer_theme(a, "Mijn naam")
    # All answers in one theme: no new theme shares half of its answers with it.
    AnswerCoding.objects.filter(theme_set=theme_set, theme__isnull=False).update(theme=a)
    again = find_and_store_themes(open_survey, QUESTION, themes=6)
    assert not again.themes.filter(name="Mijn naam").exists()


def test_themes_are_matched_on_half_their_answers_each_used_once():
    from zaansepas.insights.theme_carry_over import match_themes

    old = {1: {1, 2, 3, 4}, 2: {5, 6, 7, 8}, 3: {9, 10}}
    new = {10: {1, 2, 3}, 11: {1, 2, 3, 4, 5}, 12: {5, 6, 7, 8, 9, 10}, 13: {11, 12}}
    # 11 fits old 1 best (0.8) and takes it; 10 (0.75 with old 1) is left without.
    # 12 shares 4/6 with old 2 and 2/6 with old 3: only old 2 passes the half.
    assert match_themes(old, new) == {11: 1, 12: 2}


@pytest.mark.parametrize(
    ("code", "themes", "stopwords", "message"),
    [
        ("heeft_pas", None, "", "geen open vraag"),
        ("bestaat_niet", None, "", "geen open vraag"),
        (QUESTION, 1, "", "tussen 2 en 12"),
        (QUESTION, 40, "", "tussen 2 en 12"),
        (QUESTION, None, ",".join(f"w{i}" for i in range(31)), "hoogstens 30"),
        (QUESTION, None, "twee woorden", "losse woorden"),
    ],
)
def test_bad_requests_to_find_themes_are_explained_and_keep_the_old_themes(
    open_survey, theme_set, code, themes, stopwords, message
):
    with pytest.raises(OpenAnswersError) as error:
        find_and_store_themes(open_survey, code, themes, stopwords)
    assert message in " ".join(error.value.messages)
    assert ThemeSet.objects.get().pk == theme_set.pk
    assert theme_set.themes.count() == 6


def test_too_few_answers_are_explained_and_store_nothing():
    open_survey = publish_survey(create_survey_from_spec(needs_scan_spec()))
    with pytest.raises(OpenAnswersError, match="deze vraag nog beantwoord"):
        find_and_store_themes(open_survey, QUESTION)
    add_answers(open_survey, ["fiets", "Zwemles", "", "weet niet"])
    with pytest.raises(OpenAnswersError, match="te weinig antwoorden"):
        find_and_store_themes(open_survey, QUESTION)
    assert not ThemeSet.objects.exists()


def test_own_stopwords_are_kept_for_splitting(open_survey):
    theme_set = find_and_store_themes(open_survey, QUESTION, 5, "Zwemles, bus")
    theme_set.refresh_from_db()
    assert theme_set.settings["extra_stopwords"] == ["zwemles", "bus"]
    split_answer_theme(max(theme_set.themes.all(), key=lambda t: t.codings.count()), 2)
    terms = {t.lower() for theme in theme_set.themes.all() for t in theme.terms}
    assert terms and not {"zwemles", "bus"} & terms


# --- the researchers' edits --------------------------------------------------------------


def test_renaming_stores_the_name_and_bad_names_change_nothing(theme_set):
    theme = theme_set.themes.first()
    rename_answer_theme(theme, "  Sporten   voor kinderen ")
    theme.refresh_from_db()
    assert (theme.name, theme.named_by_hand) == ("Sporten voor kinderen", True)
    for bad in ("", "   ", "x" * 101):
        with pytest.raises(OpenAnswersError):
            rename_answer_theme(AnswerTheme.objects.get(pk=theme.pk), bad)
    theme.refresh_from_db()
    assert theme.name == "Sporten voor kinderen"


def test_merging_moves_the_answers_and_longlist_links_and_deletes_the_other(theme_set):
    keep, other = list(theme_set.themes.all())[:2]
    together = members(keep) | members(other)
    item = create_item(year=2026, kind="behoefte", title="Vervoer", answer_themes=[other])
    merge_answer_themes(keep, other)
    assert not AnswerTheme.objects.filter(pk=other.pk).exists()
    assert members(keep) == together
    assert list(item.answer_themes.all()) == [keep]
    keep.refresh_from_db()
    assert keep.name == ", ".join(keep.terms[:3])  # not renamed: named from the merged terms


def test_a_theme_renamed_by_hand_keeps_its_name_when_merged(theme_set):
    keep, other = list(theme_set.themes.all())[:2]
    rename_answer_theme(keep, "Zelf gekozen")
    merge_answer_themes(keep, other)
    keep.refresh_from_db()
    assert keep.name == "Zelf gekozen"


def test_bad_merges_are_refused_and_change_nothing(open_survey, theme_set):
    first = theme_set.themes.first()
    with pytest.raises(OpenAnswersError, match="twee verschillende"):
        merge_answer_themes(first, first)
    other_survey = publish_survey(create_survey_from_spec({**needs_scan_spec(), "series": "b"}))
    add_answers(other_survey, planted_answers(60, seed=9)[0], start=1000)
    foreign = find_and_store_themes(other_survey, QUESTION, themes=3).themes.first()
    with pytest.raises(OpenAnswersError, match="dezelfde vraag"):
        merge_answer_themes(first, foreign)
    assert theme_set.themes.count() == 6


def test_splitting_a_merged_theme_finds_the_two_parts_back(open_survey, theme_set):
    a, b = list(theme_set.themes.all())[:2]
    before = (members(a), members(b))
    item = create_item(year=2026, kind="behoefte", title="Beide", answer_themes=[a])
    merged = merge_answer_themes(a, b)
    parts = split_answer_theme(merged, 2)
    assert len(parts) == 2 and parts[0].pk == merged.pk
    found = [members(p) for p in parts]
    # Each original theme lands (almost) whole in one part.
    for original in before:
        best = max(len(original & part) for part in found)
        assert best / len(original) >= 0.8
    assert set(item.answer_themes.all()) == set(parts)


def test_a_small_theme_cannot_be_split_and_stays_as_it_was(theme_set):
    smallest = min(theme_set.themes.all(), key=lambda t: t.codings.count())
    with pytest.raises(OpenAnswersError, match="te weinig"):
        split_answer_theme(smallest, 6)
    assert theme_set.themes.count() == 6


def test_coding_an_answer_by_hand_moves_it_and_marks_it(open_survey, theme_set):
    first, second = list(theme_set.themes.all())[:2]
    response_id = next(iter(members(first)))
    code_answer(theme_set, str(response_id), second)
    coding = AnswerCoding.objects.get(theme_set=theme_set, response_id=response_id)
    assert (coding.theme, coding.by_hand, coding.strength) == (second, True, 0.0)
    code_answer(theme_set, response_id, None)
    coding.refresh_from_db()
    assert (coding.theme, coding.no_theme_reason) == (None, BY_HAND)
    assert overview(theme_set).by_hand == 1


@pytest.mark.parametrize("bad", ["", "nonsense", "00000000-0000-0000-0000-000000000000"])
def test_coding_an_unknown_answer_is_refused(theme_set, bad):
    before = list(AnswerCoding.objects.values_list("response_id", "theme_id", "by_hand"))
    with pytest.raises(OpenAnswersError, match="bestaat niet"):
        code_answer(theme_set, bad, theme_set.themes.first())
    assert list(AnswerCoding.objects.values_list("response_id", "theme_id", "by_hand")) == before


def test_answers_that_come_in_later_are_new_and_can_be_coded(open_survey, theme_set):
    (late,) = add_answers(open_survey, ["Goedkoper zwemles voor de kinderen"], start=5000)
    view = overview(theme_set)
    assert view.new == 1
    without = coded_answers(theme_set, None)
    assert late.pk in {a.response_id for a in without}
    theme = theme_set.themes.first()
    code_answer(theme_set, late.pk, theme)
    assert overview(theme_set).new == 0
    assert late.pk in {a.response_id for a in coded_answers(theme_set, theme)}


def test_a_deleted_response_leaves_every_theme_and_quote(open_survey, theme_set):
    theme = overview(theme_set).themes[0]
    quoted = Response.objects.get(survey=open_survey, answers__meest_helpen=theme.quotes[0])
    quoted.delete()
    after = next(t for t in overview(theme_set).themes if t.theme.pk == theme.theme.pk)
    assert theme.quotes[0] not in after.quotes
    assert after.size == theme.size - 1
    assert not AnswerCoding.objects.filter(response_id=quoted.pk).exists()


# --- the longlist --------------------------------------------------------------------------


def test_a_theme_becomes_a_longlist_item_with_its_answers_as_evidence(open_survey, theme_set):
    from zaansepas.insights.longlists import evidence_for

    view = overview(theme_set).themes[0]
    item = create_item_from_answer_theme(view.theme, "behoefte")
    assert (item.title, item.kind, item.year) == (view.theme.name, "behoefte", 2026)
    evidence = evidence_for(item).answer_themes
    assert [(e.theme, e.answers) for e in evidence] == [(view.theme, view.size)]
    assert evidence[0].quotes == view.quotes
    assert evidence[0].question_text == "Wat zou u het meest helpen?"


def test_merging_longlist_items_keeps_their_answer_themes(theme_set):
    a, b = list(theme_set.themes.all())[:2]
    first = create_item(year=2026, kind="behoefte", title="A", answer_themes=[a])
    second = create_item(year=2026, kind="behoefte", title="B", answer_themes=[b])
    merge_items(first, [second])
    assert set(first.answer_themes.all()) == {a, b}


def test_open_questions_lists_text_questions_and_other_texts(open_survey, theme_set):
    found = {q.code: (q.answers, q.themes) for q in answer_themes.open_questions(open_survey)}
    assert found["waarom_niet"] == (0, 0) and found["opmerking"] == (0, 0)
    assert found[QUESTION] == (161, 6)
    # The "anders, namelijk" text of a choice question is an open answer too.
    assert found["barriere.other"] == (0, 0)
    assert "heeft_pas.other" not in found  # no "anders" option there


def test_other_texts_get_themes_like_any_open_answer(open_survey):
    texts, _labels = planted_answers(80, seed=5)
    for response, text in zip(add_answers(open_survey, texts, start=2000), texts, strict=True):
        response.answers["barriere.other"] = text
        response.save()
    question = answer_themes.open_question(open_survey, "barriere.other")
    assert question.answers == 80 and question.text.endswith("— anders, namelijk")
    theme_set = find_and_store_themes(open_survey, "barriere.other", themes=3)
    assert AnswerCoding.objects.filter(theme_set=theme_set).count() == 80
    assert all(len(view.quotes) == 3 for view in overview(theme_set).themes)


def test_the_answers_of_a_theme_come_strongest_first(theme_set):
    theme = theme_set.themes.first()
    strengths = [a.strength for a in coded_answers(theme_set, theme)]
    assert len(strengths) == theme.codings.count()
    assert strengths == sorted(strengths, reverse=True) and strengths[0] > strengths[-1]
