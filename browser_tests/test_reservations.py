"""A resident books a ticket for an offer only for low incomes, shows it, and the till uses
it without learning anything about the holder. axe-core checks every page on the way."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from browser_tests.test_till import log_in_as
from zaansepas.offers.models import OfferKind
from zaansepas.till.tests.helpers import (
    make_household_passes,
    make_offer,
    make_provider,
    make_till_staff,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_book_a_ticket_show_it_and_the_till_uses_it(page, desktop_page, live_server):
    provider, _ = make_provider()
    make_till_staff(provider, "kassa@keuken.example", "een-lang-wachtwoord")
    offer = make_offer(
        provider,
        title="Gratis maaltijd",
        description="Een warme maaltijd aan de lange tafel.",
        kind=OfferKind.PLACE,
        regular_price_cents=1000,
        capacity_per_date=10,
        for_everyone=False,
        for_low_income=True,
    )
    nine = dt.date.today().replace(year=dt.date.today().year - 9)
    adult, kids = make_household_passes(children=[("Amira", nine)])

    log_in_as(page, adult.holder.user, live_server)
    page.goto(f"/aanbod/{offer.pk}/")
    main = page.locator("main")
    expect(main.get_by_role("heading", name="Reserveren")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, "reservation-01-offer")
    main.get_by_label("Amira").check()
    main.get_by_label("Welke dag?").select_option(dt.date.today().isoformat())
    main.get_by_role("button", name="Reserveren").click()
    expect(main.get_by_role("heading", name="Ticket", exact=True)).to_be_visible()
    expect(main.get_by_role("img", name="QR-code van dit ticket")).to_be_visible()
    code = main.locator(".zp-pass__number").inner_text()
    assert_no_axe_violations(page)
    screenshot(page, "reservation-02-ticket")
    page.get_by_role("link", name="Mijn tickets").first.click()
    expect(page.locator("#upcoming")).to_contain_text("Gratis maaltijd")
    assert_no_axe_violations(page)

    till = desktop_page
    till.goto("/inloggen/medewerkers/")
    till_main = till.locator("main")
    till_main.get_by_label("E-mailadres").fill("kassa@keuken.example")
    till_main.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    till_main.get_by_role("button", name="Inloggen").click()
    till.goto("/kassa/")
    till_main.get_by_label("Scan de QR-code of typ het pasnummer of de ticketcode").fill(code)
    till_main.get_by_role("button", name="Controleer pas").click()
    expect(till_main.locator("#ticket-result").get_by_role("status")).to_contain_text(
        "Ticket geldig"
    )
    expect(till_main).to_contain_text("Gratis maaltijd")
    expect(till_main).not_to_contain_text("Amira")
    assert_no_axe_violations(till)
    screenshot(till, "reservation-03-till")
    till_main.get_by_role("button", name="Ticket gebruiken").click()
    expect(till_main.locator(".utrecht-alert--ok")).to_contain_text("Verzilverd: Gratis maaltijd")

    page.goto(f"/pas/?pas={kids[0].number}")
    expect(page.locator("#history")).to_contain_text("Gratis maaltijd")
    page.goto("/tickets/")
    expect(page.locator("#earlier")).to_contain_text("gebruikt")
