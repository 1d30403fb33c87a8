"""The public catalogue in a real browser at 360 px: search, filter, open an offer; axe-core
reports no WCAG 2.1 A/AA violations on the list and the detail page."""

import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from zaansepas.till.tests.helpers import make_offer, make_provider

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_resident_finds_an_offer_and_opens_it(page):
    provider, _ = make_provider()
    make_offer(
        provider,
        title="Zwemles voor kinderen",
        kind="procent",
        regular_price_cents=1250,
        percent_off=20,
    )
    make_offer(provider, title="Gratis koffie", regular_price_cents=250)
    page.goto("/aanbod/")
    assert_no_axe_violations(page)
    main = page.locator("main")
    main.get_by_label("Zoek", exact=True).fill("zwemmen")
    main.get_by_role("button", name="Zoeken").click()
    expect(main).to_contain_text("1 aanbieding")
    assert_no_axe_violations(page)
    main.get_by_role("link", name="Zwemles voor kinderen").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("Zwemles voor kinderen")
    expect(main).to_contain_text("€ 10,00 in plaats van € 12,50")
    assert_no_axe_violations(page)
    screenshot(page, "catalogue-detail")
