import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_shows_its_dutch_heading(page):
    page.goto("/")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_be_visible()
    expect(heading).to_contain_text("Zaanse Pas")
    screenshot(page, "home-mobile")


def test_home_page_meets_wcag_21_aa(page, desktop_page):
    for p in (page, desktop_page):
        p.goto("/")
        assert_no_axe_violations(p)
    screenshot(desktop_page, "home-desktop")
