"""Researchers choose the questions of the results report. A survey of the team's own making
(not the demo needs scan) gets every closed and number question by default; a choice is
kept per version and carried to the next version; bad input changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from zaansepas.insights.models import ReportQuestion
from zaansepas.insights.report import render_report_html
from zaansepas.insights.report_questions import (
    Pick,
    choose_report_questions,
    report_picks,
    reportable_questions,
)
from zaansepas.research.tests.fixtures import make_researcher, make_user
from zaansepas.surveys.builder import create_new_version
from zaansepas.surveys.models import Response
from zaansepas.surveys.tests.survey_fixtures import published_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    """The every-kind test survey (no demo codes) with 40 respondents."""
    survey = published_survey()
    for i in range(40):
        Response.objects.create(
            survey=survey,
            submitted_on="2026-10-01",
            reference=f"r{i:04d}",
            answers={
                "kent_pas": "1" if i % 4 else "0",
                "gebruik": ["sport"] if i % 2 else ["cultuur", "eten"],
                "tevreden": str(1 + i % 5),
                "thema": {"sport": "3" if i % 3 else "1", "cultuur": "2"},
                "geslacht": "v" if i % 2 else "m",
                "cijfer": 6 + i % 3,  # mean 7 (6, 7, 8 in turn; 40 answers)
                **({"kinderen": 2} if i < 5 else {}),  # only 5 answers: no mean
            },
        )
    return survey


@pytest.fixture
def researcher():
    client = Client()
    client.force_login(make_researcher())
    return client


def headings(html: str) -> list[str]:
    """The figure headings of the report's survey section, in order."""
    section = html.split('id="vragenlijst"')[1].split("</section>")[0]
    return [part.split("</h3>")[0] for part in section.split("<h3>")[1:]]


def page_url(survey) -> str:
    return reverse("insights:report_questions", args=[survey.pk])


def test_a_survey_without_the_demo_codes_reports_every_question_it_can_by_default(survey):
    picks, source = report_picks(survey)
    assert source == "default"
    codes = [question.code for question in reportable_questions(survey)]
    assert [chosen.code for chosen in picks] == codes
    assert {"kent_pas", "gebruik", "tevreden", "thema", "geslacht"} <= set(codes)
    assert {"cijfer", "kinderen"} <= set(codes)  # a rating and a number: their mean
    assert not {"wens", "postcode", "volgorde"} & set(codes)  # open, postcode, ranking
    html = render_report_html(survey, public=False)
    assert headings(html)[:5] == [
        "Kent u de Zaanse Pas?",
        "Waarvoor gebruikt u de pas?",
        "De pas helpt mij.",
        "Welk cijfer geeft u de pas?",
        "Hoe belangrijk is dit voor u?",
    ]
    assert "Deze vragenlijst heeft geen van de vragen" not in html


def test_a_researcher_chooses_questions_their_order_and_a_matrix_chart(survey, researcher):
    response = researcher.post(
        page_url(survey),
        {
            "vraag": ["kent_pas", "thema", "tevreden"],
            "positie-thema": "1",
            "positie-kent_pas": "2",
            "grafiek-thema": "3",
        },
    )
    assert response.status_code == 302
    assert report_picks(survey) == (
        [Pick("thema", "3"), Pick("kent_pas"), Pick("tevreden")],
        "chosen",
    )
    html = render_report_html(survey, public=False)
    assert headings(html) == [
        "Hoe belangrijk is dit voor u?",
        "Kent u de Zaanse Pas?",
        "De pas helpt mij.",
    ]
    assert "aandeel ‘Heel’ (gewogen)" in html
    # The page shows the choice as saved.
    page = researcher.get(page_url(survey)).content.decode()
    assert 'value="thema" id="vraag-thema" checked' in page
    assert 'value="gebruik" id="vraag-gebruik">' in page
    assert '<option value="3" selected>' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"vraag": ["bestaat_niet"]}, "Vraag ‘bestaat_niet’ kan niet in het rapport."),
        ({"vraag": ["wens"]}, "Vraag ‘wens’ kan niet in het rapport."),  # an open question
        ({"vraag": ["kent_pas"], "positie-kent_pas": "0"}, "heel getal van 1 tot 999"),
        ({"vraag": ["kent_pas"], "positie-kent_pas": "twee"}, "heel getal van 1 tot 999"),
        ({"vraag": ["thema"], "grafiek-thema": "9"}, "welk antwoord de grafiek toont"),
        ({"vraag": ["thema"]}, "welk antwoord de grafiek toont"),
        ({}, "Kies minstens één vraag voor het rapport."),
    ],
)
def test_bad_input_says_what_is_wrong_and_changes_nothing(survey, researcher, data, message):
    choose_report_questions(survey, [Pick("gebruik")])
    response = researcher.post(page_url(survey), {"positie-gebruik": "7", **data})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "Er is niets opgeslagen" in html
    assert 'name="positie-gebruik" value="7"' in html  # what was typed is still there
    assert report_picks(survey) == ([Pick("gebruik")], "chosen")


def test_a_reader_without_the_research_permission_sees_the_choice_but_cannot_change_it(survey):
    choose_report_questions(survey, [Pick("gebruik")])
    reader = Client()
    reader.force_login(make_user("lezer@example.org", None, "surveys.view_results"))
    page = reader.get(page_url(survey))
    assert page.status_code == 200
    assert "disabled" in page.content.decode() and "Opslaan" not in page.content.decode()
    assert reader.post(page_url(survey), {"vraag": ["kent_pas"]}).status_code == 404
    assert report_picks(survey) == ([Pick("gebruik")], "chosen")
    assert Client().get(page_url(survey)).status_code == 302  # to the login page


def test_a_new_version_takes_the_choice_of_the_version_before_until_it_has_its_own(survey):
    choose_report_questions(survey, [Pick("tevreden"), Pick("thema", "2")])
    second = create_new_version(survey)
    assert report_picks(second) == ([Pick("tevreden"), Pick("thema", "2")], "earlier_version")
    choose_report_questions(second, [Pick("kent_pas")])
    assert report_picks(second) == ([Pick("kent_pas")], "chosen")
    assert report_picks(survey)[0] == [Pick("tevreden"), Pick("thema", "2")]


def test_the_write_function_refuses_what_does_not_fit_the_survey(survey):
    choose_report_questions(survey, [Pick("kent_pas")])
    for picks in (
        [],
        [Pick("kent_pas"), Pick("kent_pas")],
        [Pick("thema")],  # a matrix needs its chart answer
        [Pick("wens")],  # an open question
    ):
        with pytest.raises(Exception, match="Kies minstens|past niet"):
            choose_report_questions(survey, picks)
    assert list(ReportQuestion.objects.values_list("question_code", flat=True)) == ["kent_pas"]


def test_a_rating_is_reported_as_its_mean_and_a_number_with_few_answers_is_withheld(survey):
    choose_report_questions(survey, [Pick("cijfer"), Pick("kinderen")])
    html = render_report_html(survey, public=True)
    assert headings(html) == ["Welk cijfer geeft u de pas?", "Hoeveel kinderen wonen bij u?"]
    mark = html.split('id="tabel-cijfer"')[1].split("</table>")[0]
    assert '<td class="num report__mean">7,0</td>' in mark
    assert ">40</td>" in mark
    children = html.split('id="tabel-kinderen"')[1].split("</table>")[0]
    assert "minder dan 30 antwoorden" in children and "2,0" not in children
