"""At a busy till: staff log in, type a pass number, redeem an offer; the resident sees it
in their own history. axe-core checks the till pages."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from zaansepas.till.tests.helpers import (
    make_household_passes,
    make_offer,
    make_provider,
    make_till_staff,
)

pytestmark = pytest.mark.django_db(transaction=True)


def log_in_as(page, user, live_server):
    """Skip the email round trip for the resident: a session made by Django's test client."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_staff_redeem_at_the_till_and_the_resident_sees_it(page, make_page, live_server):
    provider, _ = make_provider()
    make_till_staff(provider, "kassa@bakker.example", "een-lang-wachtwoord")
    make_offer(
        provider,
        title="Brood met korting",
        kind="procent",
        regular_price_cents=300,
        percent_off=25,
        per_pass_limit=1,
        per_pass_period="dag",
    )
    adult, _ = make_household_passes()

    page.goto("/inloggen/medewerkers/")
    main = page.locator("main")
    main.get_by_label("E-mailadres").fill("kassa@bakker.example")
    main.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    main.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Kassa", exact=True).click()
    assert_no_axe_violations(page)
    main.get_by_label("Scan de QR-code of typ het pasnummer").fill(adult.number)
    main.get_by_role("button", name="Controleer pas").click()
    expect(main.locator(".zp-till-result").get_by_role("status")).to_contain_text("Pas geldig")
    expect(main).to_contain_text("Klant betaalt € 2,25 (normaal € 3,00)")
    assert_no_axe_violations(page)
    screenshot(page, "till-01-checked")
    main.get_by_role("button", name="Verzilveren").click()
    expect(main.locator(".utrecht-alert--ok")).to_contain_text("Verzilverd: Brood met korting")
    assert_no_axe_violations(page)
    screenshot(page, "till-02-redeemed")

    resident = make_page()
    log_in_as(resident, adult.holder.user, live_server)
    resident.goto("/pas/")
    expect(resident.locator("#history")).to_contain_text("Brood met korting")
    assert_no_axe_violations(resident)
