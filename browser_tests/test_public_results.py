"""A resident finds the results of the needs scan from any page, without a login and
without being sent a link: footer → the index of reports → the public report. axe-core
finds no WCAG 2.1 AA problems on the index or the public report at 360 and 1280 px."""

import pytest
from playwright.sync_api import expect

from browser_tests.survey_helpers import demo_survey
from browser_tests.test_survey_staff_pages import axe_at_both_widths

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_resident_finds_the_public_results_from_the_footer(page, live_server):
    survey, _code = demo_survey(responses=200)
    page.goto("/")
    page.get_by_role("link", name="Uitkomsten behoeftescan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitkomsten van de behoeftescan")
    problems = axe_at_both_widths(page, "public-results")

    card = page.locator(".zp-card").filter(has_text="Voorlopig")
    expect(card).to_have_count(1)
    card.get_by_role("link", name="Lees de uitkomsten").click()
    expect(page).to_have_url(f"{live_server.url}/resultaten/{survey.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Resultaten")
    expect(page.get_by_text("openbare versie").first).to_be_visible()
    problems += axe_at_both_widths(page, "public-report")
    page.get_by_role("link", name="Uitkomsten van alle behoeftescans").click()
    expect(page).to_have_url(f"{live_server.url}/resultaten/")
    assert not problems, "\n\n".join(problems)
