"""The wallet in a real browser: the holder's page, paying at the till and topping up
through the demo payment page; axe-core checks each page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from browser_tests.test_till import log_in_as
from zaansepas.till.tests.helpers import make_household_passes, make_provider, make_till_staff
from zaansepas.wallet.budgets import grant_budget
from zaansepas.wallet.models import Scheme

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_till_payment_shows_on_the_holders_wallet_page(page, desktop_page, live_server, settings):
    settings.DEMO_MODE = True
    today = dt.date.today()
    adult, _ = make_household_passes()
    scheme = Scheme.objects.create(
        code="mantelzorgtegoed",
        name="Mantelzorgtegoed",
        description="Te besteden bij Zaanse bedrijven.",
        amount_cents=14000,
        valid_from=today.replace(month=1, day=1),
        valid_until=today.replace(month=12, day=31),
    )
    grant_budget(scheme, adult)
    shop, _ = make_provider()
    make_till_staff(shop, "kassa@bakker.example", "een-lang-wachtwoord")

    till = desktop_page
    till.goto("/inloggen/medewerkers/")
    main = till.locator("main")
    main.get_by_label("E-mailadres").fill("kassa@bakker.example")
    main.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    main.get_by_role("button", name="Inloggen").click()
    till.goto("/kassa/")
    main.get_by_label("Scan de QR-code of typ het pasnummer").fill(adult.number)
    main.get_by_role("button", name="Controleer pas").click()
    main.get_by_label("Bedrag", exact=True).fill("150,00")
    main.get_by_role("button", name="Betalen", exact=True).click()
    expect(main.locator("#paid")).to_contain_text("Betaald met Zaanse Pas: € 140,00")
    expect(main.locator("#paid")).to_contain_text("Nog te betalen: € 10,00")
    expect(main).not_to_contain_text("Mantelzorg")
    assert_no_axe_violations(till)
    screenshot(till, "wallet-01-till-paid")

    log_in_as(page, adult.holder.user, live_server)
    page.goto("/pas/tegoed/")
    expect(page.locator("#total")).to_contain_text("€ 0,00")
    expect(page.locator("#history")).to_contain_text("Betaald bij")
    assert_no_axe_violations(page)
    page.locator("#top-up summary").click()
    page.get_by_label("€ 20,00").check()
    page.get_by_role("button", name="Naar betalen").click()
    expect(page.get_by_role("heading", name="Betalen (demo)")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Betalen", exact=True).click()
    expect(page.locator("#total")).to_contain_text("€ 20,00")
    expect(page.locator("#sources")).to_contain_text("Eigen geld")
    assert_no_axe_violations(page)
    screenshot(page, "wallet-02-topped-up")
