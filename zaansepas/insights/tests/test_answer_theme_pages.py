"""The open-answer theme pages: a researcher finds themes, renames, merges and splits them,
codes an answer by hand and puts a theme on the longlist; bad input is explained in Dutch
and changes nothing; only researchers may change themes; the public report shows a theme
only with at least 10 answers."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from zaansepas.insights.longlists import create_item
from zaansepas.insights.models import AnswerCoding, AnswerTheme, LonglistItem, ThemeSet
from zaansepas.insights.report import render_report_html
from zaansepas.insights.tests.answer_fixtures import QUESTION, members
from zaansepas.research.tests.fixtures import make_researcher, make_user
from zaansepas.surveys.models import Response

pytestmark = pytest.mark.django_db


def url(name, survey, *args):
    return reverse(f"insights:{name}", args=[survey.pk, QUESTION, *args])


@pytest.fixture
def researcher(client):
    client.force_login(make_researcher())
    return client


def page_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_a_researcher_finds_themes_and_sees_them_with_quotes(researcher, open_survey):
    listing = page_of(researcher.get(reverse("insights:answer_questions", args=[open_survey.pk])))
    assert "meest_helpen" in listing and "nog niet gezocht" in listing
    before = page_of(researcher.get(url("answer_themes", open_survey)))
    assert "161 antwoorden op deze vraag" in before

    response = researcher.post(url("answer_themes_find", open_survey), {"aantal": "5"}, follow=True)
    page = page_of(response)
    assert "De thema&#x27;s zijn gevonden." in page
    theme_set = ThemeSet.objects.get()
    assert theme_set.themes.count() == 5
    for theme in theme_set.themes.all():
        assert theme.name in page
    assert page.count("<blockquote") == 15  # three quotes per theme
    # Every quote is an answer given to this question, as the resident typed it.
    quotes = re.findall(r'<blockquote[^>]*><p class="utrecht-paragraph">(.*?)</p>', page)
    answers = {
        escape(r.answers[QUESTION])
        for r in Response.objects.filter(survey=open_survey)
        if r.answers.get(QUESTION)
    }
    assert len(quotes) == 15 and set(quotes) <= answers


def test_finding_again_needs_a_tick_and_bad_numbers_are_explained(researcher, theme_set):
    open_survey = theme_set.survey
    for posted, message in [
        ({"aantal": "4"}, "Vink aan dat u ze wilt vervangen"),
        ({"aantal": "vier", "vervangen": "ja"}, "als getal"),
        ({"aantal": "30", "vervangen": "ja"}, "tussen 2 en 12"),
        ({"stopwoorden": "een zin met spaties", "vervangen": "ja"}, "losse woorden"),
    ]:
        page = page_of(researcher.post(url("answer_themes_find", open_survey), posted, follow=True))
        assert message in page
        assert ThemeSet.objects.get().pk == theme_set.pk
    researcher.post(url("answer_themes_find", open_survey), {"aantal": "4", "vervangen": "ja"})
    assert ThemeSet.objects.get().themes.count() == 4


def test_rename_merge_and_split_on_the_page(researcher, theme_set):
    open_survey = theme_set.survey
    a, b = list(theme_set.themes.all())[:2]
    page = page_of(
        researcher.post(
            url("answer_theme_rename", open_survey, a.pk), {"naam": "Sport"}, follow=True
        )
    )
    assert "De naam is opgeslagen." in page and "Sport" in page
    page = page_of(
        researcher.post(url("answer_theme_rename", open_survey, a.pk), {"naam": " "}, follow=True)
    )
    assert "Geef het thema een naam" in page
    assert AnswerTheme.objects.get(pk=a.pk).name == "Sport"

    together = members(a) | members(b)
    researcher.post(url("answer_theme_merge", open_survey, a.pk), {"met": str(b.pk)})
    assert members(a) == together and not AnswerTheme.objects.filter(pk=b.pk).exists()
    for bad in ["", "abc", str(a.pk), "999999"]:
        page = page_of(
            researcher.post(url("answer_theme_merge", open_survey, a.pk), {"met": bad}, follow=True)
        )
        assert "Kies het thema" in page or "twee verschillende" in page
    assert members(a) == together

    for bad in ["1", "9", "twee"]:
        page = page_of(
            researcher.post(
                url("answer_theme_split", open_survey, a.pk), {"delen": bad}, follow=True
            )
        )
        assert "Splits in 2 tot 6 delen" in page
    assert theme_set.themes.count() == 5
    page = page_of(
        researcher.post(url("answer_theme_split", open_survey, a.pk), {"delen": "2"}, follow=True)
    )
    assert "Het thema is gesplitst." in page
    assert theme_set.themes.count() == 6


def test_coding_an_answer_on_the_answers_page(researcher, theme_set):
    open_survey = theme_set.survey
    first, second = list(theme_set.themes.all())[:2]
    listing = page_of(
        researcher.get(url("answer_theme_answers", open_survey) + f"?thema={first.pk}")
    )
    answer = next(iter(members(first)))
    assert str(answer) in listing
    response = researcher.post(
        url("answer_code", open_survey),
        {"antwoord": str(answer), "thema": str(second.pk), "terug": f"?thema={first.pk}&pagina=1"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?thema={first.pk}&pagina=1")
    coding = AnswerCoding.objects.get(response_id=answer)
    assert (coding.theme_id, coding.by_hand) == (second.pk, True)

    without = page_of(researcher.get(url("answer_theme_answers", open_survey) + "?thema=geen"))
    assert "leeg of alleen stopwoorden" in without  # the "weet ik niet" answer and why

    for posted in [
        {"antwoord": "nonsense", "thema": str(first.pk)},
        {"antwoord": str(answer), "thema": "999999"},
        {"antwoord": str(answer), "thema": ""},
    ]:
        page = page_of(researcher.post(url("answer_code", open_survey), posted, follow=True))
        assert "bestaat niet" in page or "Kies een thema" in page
    coding.refresh_from_db()
    assert coding.theme_id == second.pk


def test_the_back_link_after_coding_cannot_leave_the_page(researcher, theme_set):
    answer = next(iter(members(theme_set.themes.first())))
    response = researcher.post(
        url("answer_code", theme_set.survey),
        {"antwoord": str(answer), "thema": "geen", "terug": "//evil.example/"},
    )
    assert response["Location"] == url("answer_theme_answers", theme_set.survey)


def test_a_theme_goes_on_the_longlist_and_shows_as_evidence(researcher, theme_set):
    theme = theme_set.themes.first()
    response = researcher.post(
        url("answer_theme_to_longlist", theme_set.survey, theme.pk), {"lijst": "behoefte"}
    )
    item = LonglistItem.objects.get()
    assert response["Location"] == reverse("insights:longlist_item", args=[item.pk])
    page = page_of(researcher.get(response["Location"]))
    size = len(members(theme))
    assert f"{size} antwoorden in het thema" in page and "Wat inwoners schreven" in page

    page = page_of(
        researcher.post(
            url("answer_theme_to_longlist", theme_set.survey, theme.pk), {"lijst": "x"}, follow=True
        )
    )
    assert "Kies de lijst" in page
    assert LonglistItem.objects.count() == 1


def test_linking_and_unlinking_a_theme_on_the_item_page(researcher, theme_set):
    item = create_item(year=2026, kind="behoefte", title="Zwemles")
    theme = theme_set.themes.first()
    page = page_of(researcher.get(reverse("insights:longlist_item", args=[item.pk])))
    assert theme.name in page  # offered to link
    link = reverse("insights:longlist_item_answer_theme", args=[item.pk])
    for bad in ["", "abc", "999999"]:
        assert "Kies een thema uit de lijst" in page_of(
            researcher.post(link, {"thema": bad}, follow=True)
        )
    researcher.post(link, {"thema": str(theme.pk)})
    assert list(item.answer_themes.all()) == [theme]
    researcher.post(reverse("insights:longlist_item_unlink_answer_theme", args=[item.pk, theme.pk]))
    assert not item.answer_themes.exists()


def test_reading_needs_results_access_and_changing_needs_a_researcher(client, theme_set):
    open_survey = theme_set.survey
    theme = theme_set.themes.first()
    client.force_login(make_user("inwoner@example.org", "inwoner"))
    assert client.get(url("answer_themes", open_survey)).status_code == 404
    assert client.get(url("answer_theme_answers", open_survey)).status_code == 404

    client.force_login(make_user("lezer@example.org", None, "surveys.view_results"))
    page = page_of(client.get(url("answer_themes", open_survey)))
    assert theme.name in page and "Thema bewerken" not in page
    response = client.post(url("answer_theme_rename", open_survey, theme.pk), {"naam": "Weg"})
    assert response.status_code == 404
    assert AnswerTheme.objects.get(pk=theme.pk).name == theme.name


def test_unknown_questions_and_themes_are_not_found(researcher, theme_set):
    open_survey = theme_set.survey
    assert (
        researcher.get(
            reverse("insights:answer_themes", args=[open_survey.pk, "heeft_pas"])
        ).status_code
        == 404
    )
    other = AnswerTheme.objects.create(
        theme_set=ThemeSet.objects.create(survey=open_survey, question_code="opmerking"),
        name="Elders",
    )
    response = researcher.post(url("answer_theme_rename", open_survey, other.pk), {"naam": "x"})
    assert response.status_code == 404


def test_the_public_report_shows_only_themes_of_at_least_ten_answers(theme_set):
    big, small = list(theme_set.themes.all())[:2]
    keep = list(small.codings.values_list("pk", flat=True))[:4]
    # Make `small` hold 4 answers: the rest move to `big`.
    small.codings.exclude(pk__in=keep).update(theme=big)
    create_item(year=2026, kind="behoefte", title="Groot", answer_themes=[big])
    create_item(year=2026, kind="behoefte", title="Klein", answer_themes=[small])
    public = render_report_html(theme_set.survey, public=True)
    researchers = render_report_html(theme_set.survey, public=False)
    assert f"‘{big.name}’" in public and f"‘{small.name}’" not in public
    assert f"4 in het thema ‘{small.name}’" in researchers


def test_the_report_lists_the_themes_of_ten_or_more_answers(theme_set):
    big, small = list(theme_set.themes.all())[:2]
    keep = list(small.codings.values_list("pk", flat=True))[:4]
    small.codings.exclude(pk__in=keep).update(theme=big)
    for public in (True, False):
        html = render_report_html(theme_set.survey, public=public)
        section = html.split('id="open-antwoorden"')[1].split("</section>")[0]
        assert "161 antwoorden op ‘Wat zou u het meest helpen?’" in section
        assert f">{big.name}</th>" in section and small.name not in section
        size = big.codings.count()
        assert f'<td class="num">{size}</td>' in section
        assert f'<td class="num">{round(100 * size / 161)}%</td>' in section


def test_the_other_text_of_a_choice_question_has_its_own_themes_page(researcher, open_survey):
    listing = page_of(researcher.get(reverse("insights:answer_questions", args=[open_survey.pk])))
    assert "barriere.other" in listing and "anders, namelijk" in listing
    page = page_of(
        researcher.get(reverse("insights:answer_themes", args=[open_survey.pk, "barriere.other"]))
    )
    assert "0 antwoorden op deze vraag" in page
    response = researcher.post(
        reverse("insights:answer_themes_find", args=[open_survey.pk, "barriere.other"]), follow=True
    )
    assert "Niemand heeft deze vraag nog beantwoord." in page_of(response)
