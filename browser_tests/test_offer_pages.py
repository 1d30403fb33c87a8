"""A provider's owner logs in, enters an offer (first with a mistake), sees its price and
sends it to the pass office; the pass office approves it. axe-core checks every page at
360 px; ZP_SCREENSHOTS=1 saves them at 360 and 1280 px."""

import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.models import PolicyTheme
from zaansepas.offers.models import Location, Offer, Provider, ProviderMember

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "een-lang-wachtwoord"


def make_owner():
    provider = Provider.objects.create(
        name="Zwembad De Slag",
        kind="sport",
        kvk_number="12345678",
        iban="NL91ABNA0417164300",
        account_holder="Zwembad De Slag",
        street="Dolfijnstraat",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
        contact_name="Kees Jansen",
        contact_email="kees@zwembad.example",
        contact_phone="075 123 4567",
        status="goedgekeurd",
    )
    for name in ("Zwembad De Slag", "Buitenbad Westzijde"):
        Location.objects.create(
            provider=provider,
            name=name,
            street="Dolfijnstraat",
            house_number="1",
            postcode="1506 AB",
            town="Zaandam",
        )
    owner = User.objects.create_user("kees@zwembad.example", PASSWORD)
    grant_role(owner, Role.PROVIDER)
    ProviderMember.objects.create(provider=provider, user=owner, role="eigenaar")
    return owner


def log_in(page, email):
    page.goto("/inloggen/medewerkers/")
    main = page.locator("main")
    main.get_by_label("E-mailadres").fill(email)
    main.get_by_label("Wachtwoord").fill(PASSWORD)
    main.get_by_role("button", name="Inloggen").click()


def look(page, make_page, name, wide=True):
    """axe at 360 px; with ZP_SCREENSHOTS=1 also a screenshot at 360 and (for a page that
    can be opened again by its address: wide=True) at 1280 px."""
    assert_no_axe_violations(page)
    if screenshot(page, f"offers-{name}-360") and wide:
        wide = make_page(1280, 900)
        wide.context.add_cookies(page.context.cookies())
        wide.goto(page.url)
        screenshot(wide, f"offers-{name}-1280")


def test_an_owner_enters_an_offer_and_the_pass_office_approves_it(page, make_page):
    ensure_role_groups()
    for position, name in enumerate(["Sport en bewegen", "Cultuur", "Gezondheid"]):
        PolicyTheme.objects.create(code=f"t{position}", name=name, position=position)
    make_owner()
    officer = User.objects.create_user("officer@example.org", PASSWORD)
    grant_role(officer, Role.PASS_OFFICE)

    log_in(page, "kees@zwembad.example")
    page.get_by_role("link", name="Mijn aanbod").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn aanbod")
    look(page, make_page, "01-empty-list")

    main = page.locator("main")
    main.get_by_role("link", name="Nieuw aanbod").click()
    look(page, make_page, "02-new-form")
    main.get_by_label("Titel").fill("Zwemles")
    main.get_by_label("Beschrijving").fill("U krijgt korting op zwemles. Laat uw pas zien.")
    main.get_by_label("Percentage korting", exact=True).check()
    main.get_by_label("Normale prijs in euro").fill("12,50")
    main.get_by_label("Korting in procent").fill("120")  # a typo
    main.get_by_label("Kinderen van 4 tot en met 17 jaar").check()
    main.get_by_label("Sport en bewegen").check()
    main.get_by_label("Buitenbad Westzijde").check()
    main.get_by_label("Hoe vaak per pas?").fill("1")
    main.get_by_label("Periode voor het maximum per pas").select_option(label="per week")
    main.get_by_role("button", name="Opslaan als concept").click()
    expect(main.get_by_role("alert")).to_contain_text("Vul een percentage van 1 tot en met 100 in.")
    assert not Offer.objects.exists()
    look(page, make_page, "03-form-with-errors", wide=False)

    main.get_by_label("Korting in procent").fill("20")
    main.get_by_role("button", name="Opslaan als concept").click()
    expect(main.locator("#price")).to_have_text("U vraagt € 10,00 in plaats van € 12,50.")
    expect(main.locator("#status")).to_have_text("concept")
    look(page, make_page, "04-saved-draft")

    main.get_by_role("button", name="Naar de gemeente sturen").click()
    expect(main.locator("#status")).to_have_text("wacht op beoordeling")
    expect(main.get_by_role("button", name="Opslaan als concept")).to_have_count(0)
    offer = Offer.objects.get()
    assert (offer.status, offer.regular_price_cents, offer.percent_off) == ("ingediend", 1250, 20)
    assert offer.locations.get().name == "Buitenbad Westzijde"
    look(page, make_page, "05-submitted")

    main.get_by_role("link", name="Mijn aanbod").click()
    expect(main.locator("#offers")).to_contain_text("wacht op beoordeling")
    look(page, make_page, "06-list")

    staff = make_page()
    log_in(staff, "officer@example.org")
    staff.get_by_role("link", name="Aanbod beoordelen").click()
    expect(staff.locator("main")).to_contain_text("minder korting dan de norm")
    look(staff, make_page, "07-review-queue")
    staff.locator("main").get_by_role("link", name="Zwemles").click()
    look(staff, make_page, "08-review-detail")
    staff.get_by_role("button", name="Goedkeuren").click()
    expect(staff.get_by_role("alert")).to_contain_text("Geef een reden")
    look(staff, make_page, "09-review-needs-reason", wide=False)
    staff.get_by_label("Reden").fill("Zwemles is belangrijk voor kinderen.")
    staff.get_by_role("button", name="Goedkeuren").click()
    expect(staff.locator("#status")).to_have_text("goedgekeurd")
    look(staff, make_page, "10-approved")

    page.reload()
    expect(main).to_contain_text("goedgekeurd")
