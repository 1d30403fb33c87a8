"""An organisation signs up in a real browser and the pass office approves it; axe-core
checks the sign-up form (empty and with errors), the queue and the review page."""

import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations
from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.offers.models import Provider

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_organisation_signs_up_and_is_approved(page, make_page):
    ensure_role_groups()
    officer = User.objects.create_user("officer@example.org", "een-lang-wachtwoord")
    grant_role(officer, Role.PASS_OFFICE)

    page.goto("/aanbieders/aanmelden/")
    main = page.locator("main")
    assert_no_axe_violations(page)
    main.get_by_label("Naam van uw organisatie").fill("Fietsmaker Krommenie")
    main.get_by_label("bedrijf of winkel").check()
    main.get_by_label("KvK-nummer").fill("1234567")  # one digit short
    main.get_by_label("IBAN (rekeningnummer)").fill("NL91 ABNA 0417 1643 00")
    main.get_by_label("Op naam van").fill("Fietsmaker Krommenie")
    main.get_by_label("Straat").fill("Zuiderhoofdstraat")
    main.get_by_label("Huisnummer").fill("3")
    main.get_by_label("Postcode").fill("1561 AA")
    main.get_by_label("Plaats").fill("Krommenie")
    main.get_by_label("Naam contactpersoon").fill("Piet de Boer")
    main.get_by_label("E-mailadres contactpersoon").fill("piet@fietsmaker.example")
    main.get_by_label("Telefoonnummer").fill("075 6543210")
    main.get_by_label("Kies een wachtwoord").fill("Fietsen-repareren-26")
    main.get_by_label("Ik mag namens deze organisatie").check()
    main.get_by_role("button", name="Aanmelding versturen").click()
    expect(main.get_by_role("alert")).to_contain_text("8 cijfers")
    assert_no_axe_violations(page)
    assert not Provider.objects.exists()

    main.get_by_label("KvK-nummer").fill("12345678")
    main.get_by_label("Kies een wachtwoord").fill("Fietsen-repareren-26")
    main.get_by_role("button", name="Aanmelding versturen").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw aanmelding")
    assert_no_axe_violations(page)

    staff = make_page(1280, 900)
    staff.goto("/inloggen/medewerkers/")
    staff.locator("main").get_by_label("E-mailadres").fill("officer@example.org")
    staff.locator("main").get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    staff.locator("main").get_by_role("button", name="Inloggen").click()
    staff.get_by_role("link", name="Aanbieders beoordelen").click()
    assert_no_axe_violations(staff)
    staff.get_by_role("link", name="Fietsmaker Krommenie").click()
    assert_no_axe_violations(staff)
    staff.get_by_role("button", name="Goedkeuren").click()
    expect(staff.locator("#status")).to_have_text("goedgekeurd")
    assert_no_axe_violations(staff)
    assert "aanbieder" in User.objects.get(email="piet@fietsmaker.example").roles
