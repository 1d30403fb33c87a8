"""The public index of results reports (/resultaten/): how a resident, or someone at the
results event, finds the reports without being sent a link."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from zaansepas.insights.report import render_report_html
from zaansepas.surveys.builder import close_survey, publish_survey
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.spec import create_survey_from_spec

pytestmark = pytest.mark.django_db


def make_survey(version: int, title: str):
    spec = needs_scan_spec()
    spec["title"] = {"nl": title, "en": f"{title} (English)"}
    return create_survey_from_spec(spec, version=version)


def cards(html: str) -> list[str]:
    """The text of each report card, in page order."""
    return [part.split("</li>")[0] for part in html.split('<li class="zp-card">')[1:]]


def test_the_index_lists_published_and_closed_surveys_by_scan_year_and_hides_drafts():
    make_survey(1, "Concept dat niemand mag zien")
    earlier = publish_survey(make_survey(2, "Scan van vorig jaar"))
    earlier.published_at = timezone.now() - dt.timedelta(days=365)
    earlier.save(update_fields=["published_at"])
    close_survey(earlier)
    current = publish_survey(make_survey(3, "Scan van dit jaar"))

    html = Client().get(reverse("insights:public_reports")).content.decode()

    assert "Concept dat niemand mag zien" not in html
    this_year, last_year = current.published_at.year, earlier.published_at.year
    assert html.index(f"Behoeftescan {this_year}") < html.index(f"Behoeftescan {last_year}")
    newest, oldest = cards(html)
    assert "Scan van dit jaar" in newest and "Voorlopig" in newest
    assert reverse("insights:public_report", args=[current.pk]) in newest
    assert reverse("insights:public_report_pdf", args=[current.pk]) in newest
    assert "Scan van vorig jaar" in oldest and "Definitief" in oldest
    assert reverse("insights:public_report", args=[earlier.pk]) in oldest
    # Every link on a card opens without logging in.
    for pk in (current.pk, earlier.pk):
        assert Client().get(reverse("insights:public_report", args=[pk])).status_code == 200


def test_the_index_says_so_when_there_are_no_results_yet():
    make_survey(1, "Nog een concept")
    html = Client().get(reverse("insights:public_reports")).content.decode()
    assert "Er zijn nog geen uitkomsten" in html
    assert "Nog een concept" not in html


def test_every_page_links_to_the_index_and_english_visitors_get_english_titles():
    publish_survey(make_survey(1, "Behoeftescan"))
    home = Client().get(reverse("pages:home")).content.decode()
    assert f'href="{reverse("insights:public_reports")}"' in home
    english = Client(headers={"accept-language": "en"})
    html = english.get(reverse("insights:public_reports")).content.decode()
    assert "Behoeftescan (English)" in html


def test_the_report_page_declares_the_language_it_is_written_in():
    survey = publish_survey(make_survey(1, "Behoeftescan"))
    with translation.override("nl"):
        assert '<html lang="nl">' in render_report_html(survey, public=True)
    with translation.override("en"):
        html = render_report_html(survey, public=True)
    assert '<html lang="en">' in html and "Behoeftescan (English)" in html
