"""The key journey, end to end in a real browser: a resident applies for a free pass, the pass
office approves it, the resident opens "Mijn pas" and sees a QR that verifies at the till.
axe-core checks every page on the way for WCAG 2.1 A/AA."""

import datetime as dt
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from zaansepas.accounts.models import Role
from zaansepas.passes.codes import make_qr_code
from zaansepas.passes.models import Application, Pass, PassKind
from zaansepas.passes.qr import qr_svg
from zaansepas.passes.tests.helpers import make_reference_data, make_user
from zaansepas.passes.verification import verify_pass_code

pytestmark = pytest.mark.django_db(transaction=True)

RESIDENT = "amina@example.org"
OFFICER = "officer@example.org"
OFFICER_PASSWORD = "een-lang-wachtwoord"
EVIDENCE = {
    "name": "loonstrook.pdf",
    "mimeType": "application/pdf",
    "buffer": b"%PDF-1.4\n% loonstrook\n%%EOF\n",
}


def resident_logs_in(page):
    """Login by e-mail link, through the real pages; the demo mode shows the link on screen."""
    page.goto("/pas/aanvragen/")
    # Not logged in: the form sends the resident to the login page and back afterwards.
    expect(page).to_have_url(re.compile(r"/inloggen/\?next="))
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_no_axe_violations(page)
    screenshot(page, "journey-01-login")

    main.get_by_label("Uw e-mailadres").fill(RESIDENT)
    main.get_by_role("button", name="Stuur mij een link").click()
    expect(main.get_by_role("heading", level=1)).to_have_text("Kijk in uw e-mail")
    expect(main).to_contain_text(RESIDENT)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [RESIDENT]
    assert_no_axe_violations(page)
    screenshot(page, "journey-02-link-sent")

    page.locator("#demo-login-link").click()
    # A GET only shows a button (mail scanners open links); the POST logs in.
    main.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/pas/aanvragen/$"))
    expect(page.locator("header")).to_contain_text(f"Ingelogd als {RESIDENT}")


def fill_application(page, child_birth_date):
    form = page.locator("main form").filter(has=page.get_by_label("Voornaam", exact=True))
    form.get_by_label("Voornaam", exact=True).fill("Amina")
    form.get_by_label("Achternaam", exact=True).fill("El Idrissi")
    form.get_by_label("Geboortedatum", exact=True).fill("1988-03-14")
    form.get_by_label("Straat").fill("Peperstraat")
    form.get_by_label("Huisnummer").fill("12")
    kind = form.get_by_role("group", name="Kind 1")
    kind.get_by_label("Voornaam kind").fill("Noor")
    kind.get_by_label("Geboortedatum kind").fill(child_birth_date.isoformat())
    kind.get_by_label("Kinderpas aanvragen").check()
    form.get_by_label("Gratis pas: ik heb een laag inkomen").check()
    form.get_by_label("Netto inkomen van uw huishouden per maand").fill("1450,00")
    form.get_by_label("Bewijs van uw inkomen").set_input_files(EVIDENCE)
    form.get_by_label("Ik heb alles naar waarheid ingevuld").check()
    return form


def resident_applies(page):
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Zaanse Pas aanvragen")
    assert_no_axe_violations(page)
    screenshot(page, "journey-03-apply-form")

    today = dt.date.today()
    child_birth_date = dt.date(today.year - 9, 1, 1)  # 9 years old all year
    form = fill_application(page, child_birth_date)

    # First without a postcode: the error summary says what is wrong and links to the field.
    form.get_by_role("button", name="Aanvraag versturen").click()
    summary = main.get_by_role("alert")
    expect(summary).to_contain_text("Er ging iets mis")
    link = summary.get_by_role("link", name=re.compile("Postcode"))
    expect(link).to_have_attribute("href", "#id_postcode")
    expect(form.get_by_label("Postcode")).to_have_attribute("aria-invalid", "true")
    # What the resident typed is still there.
    expect(form.get_by_label("Voornaam", exact=True)).to_have_value("Amina")
    expect(form.get_by_label("Netto inkomen van uw huishouden per maand")).to_have_value("1450,00")
    assert Application.objects.count() == 0
    assert_no_axe_violations(page)
    screenshot(page, "journey-04-apply-errors")

    link.click()
    expect(form.get_by_label("Postcode")).to_be_focused()
    form.get_by_label("Postcode").fill("1503 AB")
    # A browser never keeps a chosen file over a page load: choose it again.
    form.get_by_label("Bewijs van uw inkomen").set_input_files(EVIDENCE)
    expect(form.get_by_label("Ik heb alles naar waarheid ingevuld")).to_be_checked()
    form.get_by_role("button", name="Aanvraag versturen").click()

    expect(page).to_have_url(re.compile(r"/aanvraag/[^/]+/(#.*)?$"))
    expect(main.get_by_role("heading", level=1)).to_have_text("Uw aanvraag")
    expect(page.locator("#voorstel")).to_contain_text("gratis pas", ignore_case=True)
    reasoning = main.get_by_role("region", name="Wat wij hebben berekend")
    expect(reasoning.get_by_role("listitem").first).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, "journey-05-application")

    application = Application.objects.get()
    assert application.household.postcode.replace(" ", "") == "1503AB"
    assert application.monthly_income_cents == 145000
    assert application.children.count() == 1
    return application


def office_approves(make_page, application):
    page = make_page()  # its own browser context: its own cookies
    page.goto("/inloggen/medewerkers/")
    main = page.locator("main")
    main.get_by_label("E-mailadres").fill(OFFICER)
    main.get_by_label("Wachtwoord").fill(OFFICER_PASSWORD)
    main.get_by_role("button", name="Inloggen").click()
    expect(page.locator("header")).to_contain_text(f"Ingelogd als {OFFICER}")

    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Aanvragen beoordelen"
    ).click()
    expect(main.get_by_role("heading", level=1)).to_have_text("Aanvragen beoordelen")
    assert_no_axe_violations(page)
    screenshot(page, "journey-06-queue")

    main.get_by_role("link", name=application.reference).click()
    expect(main.get_by_role("heading", level=1)).to_contain_text(application.reference)
    expect(page.locator("#status")).to_contain_text("ingediend")
    expect(main).to_contain_text("kinderpas gevraagd")
    assert_no_axe_violations(page)
    screenshot(page, "journey-07-review")

    main.get_by_role("button", name="Gratis pas toekennen").click()
    expect(main.get_by_role("status").first).to_contain_text("Toegekend")
    expect(page.locator("#status")).to_have_text("toegekend")
    assert_no_axe_violations(page)
    screenshot(page, "journey-08-review-decided")


def resident_sees_pass(page):
    page.goto("/pas/")
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text("Mijn pas")
    qr = page.locator("#pass-qr")
    expect(qr).to_have_attribute("role", "img")
    expect(qr.locator("svg")).to_be_visible()
    box = qr.locator("svg").bounding_box()
    assert box["width"] >= 150, f"the QR is only {box['width']} px wide on a phone"
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, "the QR does not fit the screen"
    assert_no_axe_violations(page)
    screenshot(page, "journey-09-pass-mobile")

    pass_card = Pass.objects.filter(kind=PassKind.ADULT).get()
    expect(main).to_contain_text(pass_card.holder.first_name)

    # The page's refresh endpoint hands out a fresh QR whose code the till accepts.
    response = page.request.get(f"/pas/{pass_card.number}/qr/")
    assert response.ok
    assert "no-store" in response.headers.get("cache-control", "")
    data = response.json()
    assert data["svg"].lstrip().startswith("<svg")
    code = make_qr_code(pass_card, step=data["step"])
    assert data["svg"] == qr_svg(code)  # the SVG encodes exactly this code
    check = verify_pass_code(code)
    assert check.valid, check.message
    assert check.pass_number == pass_card.number

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(qr.locator("svg")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, "journey-10-pass-desktop")


def test_resident_applies_staff_approve_resident_shows_qr(page, make_page, settings, live_server):
    settings.DEMO_MODE = True
    # Links in e-mail (and the demo link) are absolute, to the public site: here, the live server.
    settings.PUBLIC_BASE_URL = live_server.url
    make_reference_data()
    make_user(OFFICER, Role.PASS_OFFICE, password=OFFICER_PASSWORD)

    resident_logs_in(page)
    application = resident_applies(page)
    office_approves(make_page, application)
    resident_sees_pass(page)

    assert Pass.objects.filter(kind=PassKind.CHILD, holder__first_name="Noor").exists()


def test_language_switch_shows_the_site_in_english(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.locator("header").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/$"))
    assert_no_axe_violations(page)
    screenshot(page, "home-english")
