"""A baker opens the overview of how often the shop's offers were used, on a phone and on a
desktop; picks a wrong period, reads the message, fixes it. axe-core checks every state;
ZP_SCREENSHOTS=1 saves them at 360 and 1280 px."""

import datetime as dt
import random

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from browser_tests.test_till import log_in_as
from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.offers.models import OfferKind, ProviderMember
from zaansepas.offers.tests.test_dashboard import add_location
from zaansepas.till.redemption import redeem_offer
from zaansepas.till.tests.helpers import key, make_household_passes, make_offer, make_provider

pytestmark = pytest.mark.django_db(transaction=True)


def make_bakery():
    """A bakery with two locations and four offers, used on most of the last 30 days."""
    ensure_role_groups()
    provider, shop = make_provider()
    provider.name = "Bakkerij De Zaan"
    provider.save()
    market = add_location(provider, "Kraam op de Zaanse markt")
    offers = [
        make_offer(provider, title="Gratis krentenbol voor kinderen"),
        make_offer(
            provider,
            title="25% korting op een heel brood",
            kind=OfferKind.PERCENT_OFF,
            regular_price_cents=360,
            percent_off=25,
        ),
        make_offer(
            provider,
            title="Verjaardagstaart voor de halve prijs, bestel een week van tevoren",
            kind=OfferKind.PERCENT_OFF,
            regular_price_cents=2400,
            percent_off=50,
        ),
        make_offer(provider, title="Koffie met een koek"),
    ]
    adult, _ = make_household_passes()
    rng = random.Random(4)
    now = timezone.now()
    for days_ago in range(30):
        for _ in range(rng.choice([0, 1, 2, 3, 5])):
            offer = rng.choice(offers[:3])
            redeem_offer(
                offer_id=offer.pk,
                pass_id=adult.pk,
                provider_id=provider.pk,
                location_id=rng.choice([shop.pk, market.pk, None]),
                idempotency_key=key(),
                now=now - dt.timedelta(days=days_ago, minutes=rng.randint(0, 300)),
            )
    owner = User.objects.create_user("bakker@bakker.example")
    grant_role(owner, Role.PROVIDER)
    ProviderMember.objects.create(provider=provider, user=owner, role="eigenaar")
    return owner


def no_sideways_scroll(page):
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width} px wide"


def test_the_owner_reads_the_overview_on_a_phone_and_a_desktop(page, desktop_page, live_server):
    owner = make_bakery()
    log_in_as(page, owner, live_server)
    log_in_as(desktop_page, owner, live_server)

    page.goto("/aanbieder/")
    page.locator("main").get_by_role("link", name="Hoe vaak is mijn aanbod gebruikt?").click()
    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overzicht")
    expect(page.get_by_role("link", name="Overzicht", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(main.get_by_role("link", name="Laatste 30 dagen")).to_have_attribute(
        "aria-current", "true"
    )
    expect(
        main.get_by_role("img", name="Staafgrafiek: aantal keer gebruikt per dag")
    ).to_be_visible()
    expect(main.get_by_role("table", name="Keer gebruikt en korting per aanbod")).to_contain_text(
        "Verjaardagstaart voor de halve prijs"
    )
    expect(main.get_by_role("table", name="Keer gebruikt en korting per locatie")).to_contain_text(
        "zonder locatie"
    )
    assert main.locator("#tabel-tijd tbody tr").count() == 30
    no_sideways_scroll(page)
    assert_no_axe_violations(page)
    screenshot(page, "dashboard-01-30-days-360")

    desktop_page.goto("/aanbieder/overzicht/")
    no_sideways_scroll(desktop_page)
    assert_no_axe_violations(desktop_page)
    screenshot(desktop_page, "dashboard-01-30-days-1280")

    # A from–to the wrong way round: a message in Dutch, no figures.
    main.get_by_text("Zelf een periode kiezen").click()
    today = timezone.localdate()
    main.get_by_label("Van", exact=True).fill(today.isoformat())
    main.get_by_label("Tot en met", exact=True).fill((today - dt.timedelta(days=3)).isoformat())
    main.get_by_role("button", name="Toon").click()
    expect(main.get_by_role("alert")).to_contain_text(
        "De eerste dag moet vóór de laatste dag liggen."
    )
    expect(main.locator("#total-count")).to_have_count(0)
    no_sideways_scroll(page)
    assert_no_axe_violations(page)
    screenshot(page, "dashboard-02-wrong-dates-360")

    main.get_by_label("Van", exact=True).fill((today - dt.timedelta(days=3)).isoformat())
    main.get_by_label("Tot en met", exact=True).fill(today.isoformat())
    main.get_by_role("button", name="Toon").click()
    expect(main.locator("#total-count")).to_be_visible()
    assert main.locator("#tabel-tijd tbody tr").count() == 4
    assert_no_axe_violations(page)
    screenshot(page, "dashboard-03-four-days-360")

    desktop_page.get_by_role("link", name="Dit jaar").click()
    expect(desktop_page.get_by_role("link", name="Dit jaar")).to_have_attribute(
        "aria-current", "true"
    )
    days = today.timetuple().tm_yday
    # More than 62 days: per month.
    assert desktop_page.locator("#tabel-tijd tbody tr").count() == (
        today.month if days > 62 else days
    )
    assert_no_axe_violations(desktop_page)
    screenshot(desktop_page, "dashboard-04-this-year-1280")
