"""The results report: the researchers' page and PDF, the public version (no login, only for
a published or closed survey, quotes without contact details) and disclosure control in both."""

import pytest
from django.test import Client
from django.urls import reverse

from zaansepas.insights.longlists import create_item
from zaansepas.insights.report import render_report_html, report_document, report_year, safe_quote
from zaansepas.research.actions import add_statement
from zaansepas.research.tests.fixtures import make_researcher, make_session, make_themes, make_user
from zaansepas.surveys.builder import close_survey, publish_survey
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.models import Response
from zaansepas.surveys.spec import create_survey_from_spec
from zaansepas.surveys.tests.test_posters import layout_text

pytestmark = pytest.mark.django_db

SAFE_QUOTE = "Ik schaam me om bij de kassa te zeggen dat ik weinig geld heb"
CONTACT_QUOTE = "Bel mij maar op 06-12345678 of mail jan@example.org"


def add_responses(survey):
    """60 respondents: 3 name shame as a barrier (a cell under 10, to be hidden)."""
    barriers = ["kosten"] * 40 + ["afstand"] * 17 + ["schaamte"] * 3
    for i, barrier in enumerate(barriers):
        Response.objects.create(
            survey=survey,
            submitted_on="2026-10-01",
            reference=f"r{i:04d}",
            answers={
                "barriere": [barrier],
                "behoefte_thema": {"sport-bewegen": "veel" if i % 2 else "beetje"},
                "heeft_pas": "0",
                "kopen_pas": "ja" if i % 3 else "nee",
            },
        )


@pytest.fixture
def survey():
    survey = publish_survey(create_survey_from_spec(needs_scan_spec()))
    add_responses(survey)
    sport = make_themes()[0]
    session = make_session(sport, year=report_year(survey))

    def say(text, kind):
        return add_statement(text=text, kind=kind, theme=sport, session=session, entered_by=None)

    create_item(
        year=report_year(survey),
        kind="behoefte",
        title="Zwemles voor kinderen is te duur",
        themes=[sport],
        target_groups=["kinderen_jongeren"],
        statements=[
            say(SAFE_QUOTE, "citaat"),
            say(CONTACT_QUOTE, "citaat"),
            say("Zwemles is te duur", "behoefte"),
        ],
    )
    create_item(
        year=report_year(survey), kind="aanbodidee", title="Gratis proefles judo", themes=[sport]
    )
    return survey


@pytest.fixture
def researcher_client(client):
    client.force_login(make_researcher())
    return client


def test_the_researchers_page_has_the_figures_the_lists_and_the_gaps(researcher_client, survey):
    response = researcher_client.get(reverse("insights:report", args=[survey.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wat houdt u tegen om mee te doen?" in page
    assert 'id="tabel-barriere"' in page and 'id="tabel-behoefte_thema"' in page
    assert "<svg" in page and 'role="img"' in page
    assert "Zwemles voor kinderen is te duur" in page
    assert "Gratis proefles judo" in page
    assert "Behoeften zonder aanbod" in page
    assert "60</strong> inwoners vulden de vragenlijst in" in page
    assert "Voorlopige resultaten" in page  # published, not yet closed
    assert reverse("insights:public_report", args=[survey.pk]) in page


def test_a_cell_under_ten_is_hidden_in_both_versions(researcher_client, survey):
    for url in (
        reverse("insights:report", args=[survey.pk]),
        reverse("insights:public_report", args=[survey.pk]),
    ):
        page = researcher_client.get(url).content.decode()
        # The barrier table's row for shame (3 respondents) has no number, only the reason.
        table = page.split('id="tabel-barriere"')[1].split("</table>")[0]
        shame_row = next(r for r in table.split("<tr>") if "schaam" in r.lower())
        assert "verborgen: minder dan 10 inwoners" in shame_row
        assert ">3<" not in shame_row


def test_the_pdf_is_a_real_pdf_with_the_report_in_it(researcher_client, survey):
    response = researcher_client.get(reverse("insights:report_pdf", args=[survey.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = layout_text(report_document(render_report_html(survey, False, for_print=True)))
    assert "Zwemles voor kinderen is te duur" in text
    assert "Wat houdt u tegen om mee te doen?" in text
    assert "Gratis proefles judo" in text


def test_the_public_version_opens_without_login_and_quotes_no_contact_details(client, survey):
    page = client.get(reverse("insights:public_report", args=[survey.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "openbare versie" in html
    assert SAFE_QUOTE in html
    assert "06-12345678" not in html and "jan@example.org" not in html
    pdf = client.get(reverse("insights:public_report_pdf", args=[survey.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_the_researchers_version_keeps_every_quote(researcher_client, survey):
    html = researcher_client.get(reverse("insights:report", args=[survey.pk])).content.decode()
    assert "06-12345678" in html


def test_a_draft_survey_has_no_public_report_but_researchers_see_it(researcher_client):
    draft = create_survey_from_spec(needs_scan_spec())
    anonymous = Client()
    assert anonymous.get(reverse("insights:public_report", args=[draft.pk])).status_code == 404
    assert anonymous.get(reverse("insights:public_report_pdf", args=[draft.pk])).status_code == 404
    assert anonymous.get(reverse("insights:public_report", args=[999999])).status_code == 404
    page = researcher_client.get(reverse("insights:report", args=[draft.pk]))
    assert "Resultaten: Behoeftescan Zaanse Pas 2026" in page.content.decode()


def test_a_closed_survey_is_no_longer_provisional(client, survey):
    close_survey(survey)
    html = client.get(reverse("insights:public_report", args=[survey.pk])).content.decode()
    assert "Voorlopige resultaten" not in html


def test_the_researchers_report_needs_the_results_permission(client, survey):
    url = reverse("insights:report", args=[survey.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("pasbeheer@example.org"))
    assert client.get(url).status_code == 404
    assert client.get(reverse("insights:report_pdf", args=[survey.pk])).status_code == 404


def test_quotes_with_contact_details_or_too_long_are_not_public():
    assert safe_quote(SAFE_QUOTE)
    assert not safe_quote(CONTACT_QUOTE)
    assert not safe_quote("Kijk op www.voorbeeld.nl")
    assert not safe_quote("bel +31 6 1234 5678")
    assert not safe_quote("woord " * 60)


def test_the_public_version_is_kept_for_minutes_per_language_and_made_anew_on_closing(
    client, researcher_client, survey
):
    """Anyone may open the public report, so it is not made again on every request: a new
    longlist item shows in the researchers' version at once, in the public one only after
    the cache time or when the survey changes (closing it)."""
    url = reverse("insights:public_report", args=[survey.pk])
    pdf_url = reverse("insights:public_report_pdf", args=[survey.pk])
    page, pdf = client.get(url).content, client.get(pdf_url).content
    create_item(
        year=report_year(survey), kind="behoefte", title="Fietsles voor volwassenen", themes=[]
    )
    assert client.get(url).content == page and client.get(pdf_url).content == pdf
    english = Client(headers={"accept-language": "en"}).get(url).content.decode()
    assert "public version" in english and "Fietsles voor volwassenen" in english
    researchers = researcher_client.get(reverse("insights:report", args=[survey.pk]))
    assert "Fietsles voor volwassenen" in researchers.content.decode()
    close_survey(survey)
    assert "Fietsles voor volwassenen" in client.get(url).content.decode()
    assert client.get(pdf_url).content != pdf
