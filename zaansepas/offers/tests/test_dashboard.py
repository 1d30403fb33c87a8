"""The provider's overview: redemptions per day, offer and location, and the discount given,
for a period the owner picks. Only the owner sees it; wrong dates get a Dutch message."""

import csv
import datetime as dt
import io
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from zaansepas.accounts.context import menu_for
from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.lib.spreadsheet import safe_cell
from zaansepas.offers import dashboard
from zaansepas.offers.dashboard import Period, figures_for, preset_period
from zaansepas.offers.dashboard_charts import bar_chart, column_chart, nice_top
from zaansepas.offers.models import Location, OfferKind, ProviderMember
from zaansepas.till.redemption import cancel_redemption, redeem_offer
from zaansepas.till.tests.helpers import key, make_household_passes, make_offer, make_provider

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(year, month, day, hour=12, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def redeem(offer, pass_card, when, location=None):
    return redeem_offer(
        offer_id=offer.pk,
        pass_id=pass_card.pk,
        provider_id=offer.provider_id,
        location_id=location.pk if location else None,
        idempotency_key=key(),
        now=when,
    ).redemption


def add_location(provider, name, **fields):
    address = {"street": "Westzijde", "house_number": "1", "postcode": "1506 AB", "town": "Zaandam"}
    return Location.objects.create(provider=provider, name=name, **address, **fields)


@pytest.fixture
def shop(db):
    """A provider with two locations, a 25 %-off offer (€ 10,00 → € 2,50 discount) and a
    free offer (€ 3,00 → € 3,00 discount), and a pass to use them with."""
    provider, shop_location = make_provider()
    market = add_location(provider, "Marktkraam")
    cake = make_offer(
        provider,
        title="Taart",
        kind=OfferKind.PERCENT_OFF,
        regular_price_cents=1000,
        percent_off=25,
    )
    bun = make_offer(provider, title="Krentenbol")
    adult, _ = make_household_passes()
    return {
        "provider": provider,
        "shop": shop_location,
        "market": market,
        "cake": cake,
        "bun": bun,
        "pass": adult,
    }


# --- aggregation ---------------------------------------------------------------------------


def test_half_past_eleven_at_night_on_the_last_day_of_a_month_counts_for_that_day(shop):
    # 23:30 on 31 January in Amsterdam is 22:30 UTC; 00:30 on 1 February is 23:30 UTC on
    # 31 January. Each counts for its Amsterdam day.
    redeem(shop["cake"], shop["pass"], at(2025, 1, 31, 23, 30))
    redeem(shop["cake"], shop["pass"], at(2025, 2, 1, 0, 30))

    january = figures_for(shop["provider"], Period(dt.date(2025, 1, 25), dt.date(2025, 1, 31)))
    assert [(row.day.day, row.count) for row in january.per_day][-2:] == [(30, 0), (31, 1)]
    assert january.count == 1

    both = figures_for(shop["provider"], Period(dt.date(2025, 1, 31), dt.date(2025, 2, 1)))
    assert [(row.day, row.count) for row in both.per_day] == [
        (dt.date(2025, 1, 31), 1),
        (dt.date(2025, 2, 1), 1),
    ]


def test_every_day_of_the_period_is_there_also_without_redemptions(shop):
    redeem(shop["bun"], shop["pass"], at(2025, 3, 3))
    figures = figures_for(shop["provider"], Period(dt.date(2025, 3, 1), dt.date(2025, 3, 7)))
    assert [row.day for row in figures.per_day] == [dt.date(2025, 3, d) for d in range(1, 8)]
    assert [row.count for row in figures.per_day] == [0, 0, 1, 0, 0, 0, 0]
    assert [row.discount_cents for row in figures.per_day] == [0, 0, 300, 0, 0, 0, 0]


def test_cancelled_redemptions_do_not_count(shop):
    kept = redeem(shop["cake"], shop["pass"], at(2025, 3, 3, 10))
    undone = redeem(shop["cake"], shop["pass"], at(2025, 3, 3, 11))
    cancel_redemption(
        redemption_id=undone.pk, provider_id=shop["provider"].pk, now=at(2025, 3, 3, 11, 5)
    )
    figures = figures_for(shop["provider"], Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
    assert (figures.count, figures.discount_cents, figures.paid_cents) == (1, 250, 750)
    assert kept.discount_cents == 250
    assert [(row.label, row.count) for row in figures.per_offer if row.label == "Taart"] == [
        ("Taart", 1)
    ]


def test_totals_per_offer_and_per_location_with_a_bucket_for_no_location(shop):
    cake, bun, card = shop["cake"], shop["bun"], shop["pass"]
    redeem(cake, card, at(2025, 3, 3), shop["shop"])
    redeem(cake, card, at(2025, 3, 4), shop["market"])
    redeem(bun, card, at(2025, 3, 4), shop["market"])
    redeem(bun, card, at(2025, 3, 5), None)
    redeem(bun, card, at(2025, 3, 6), None)
    redeem(bun, card, at(2025, 2, 28), shop["shop"])  # before the period
    make_offer(shop["provider"], title="Nooit gebruikt")  # approved: shown with 0
    make_offer(shop["provider"], title="Concept", status="concept")  # not shown
    add_location(shop["provider"], "Oude winkel", is_active=False)

    figures = figures_for(shop["provider"], Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31)))

    assert (figures.count, figures.discount_cents, figures.paid_cents) == (5, 1400, 1500)
    assert [(r.label, r.count, r.discount_cents) for r in figures.per_offer] == [
        ("Krentenbol", 3, 900),
        ("Taart", 2, 500),
        ("Nooit gebruikt", 0, 0),
    ]
    assert [(r.label, r.count, r.discount_cents) for r in figures.per_location] == [
        ("Marktkraam", 2, 550),
        ("Winkel", 1, 250),
        ("zonder locatie", 2, 600),
    ]


def test_another_providers_redemptions_stay_out(shop):
    other, _ = make_provider(kvk="87654321")
    theirs = make_offer(other, title="Hun aanbod")
    redeem(theirs, shop["pass"], at(2025, 3, 3))
    figures = figures_for(shop["provider"], Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
    assert figures.count == 0
    assert "Hun aanbod" not in [row.label for row in figures.per_offer]


def test_a_handful_of_queries_whatever_the_number_of_days_offers_and_locations(
    shop, django_assert_max_num_queries
):
    for day in range(1, 20):
        redeem(shop["bun"], shop["pass"], at(2025, 3, day), shop["shop"])
        redeem(shop["cake"], shop["pass"], at(2025, 3, day), shop["market"])
    with django_assert_max_num_queries(4):
        figures = figures_for(shop["provider"], Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    assert len(figures.per_day) == 365 and figures.count == 38


def test_a_long_period_adds_the_days_up_per_month(shop):
    redeem(shop["cake"], shop["pass"], at(2025, 1, 31, 23, 30))
    redeem(shop["cake"], shop["pass"], at(2025, 2, 1, 0, 30))
    redeem(shop["bun"], shop["pass"], at(2025, 3, 15))
    period = Period(dt.date(2025, 1, 15), dt.date(2025, 3, 20))
    assert period.monthly and not Period(dt.date(2025, 1, 1), dt.date(2025, 3, 3)).monthly
    months = figures_for(shop["provider"], period).per_month
    assert [(row.day, row.count, row.discount_cents) for row in months] == [
        (dt.date(2025, 1, 1), 1, 250),
        (dt.date(2025, 2, 1), 1, 250),
        (dt.date(2025, 3, 1), 1, 300),
    ]


def test_the_one_tap_periods_end_today():
    today = dt.date(2024, 3, 1)
    assert preset_period("7", today) == Period(dt.date(2024, 2, 24), today, "7")
    assert preset_period("30", today) == Period(dt.date(2024, 2, 1), today, "30")  # a leap year
    assert preset_period("jaar", today) == Period(dt.date(2024, 1, 1), today, "jaar")
    assert len(preset_period("30", today).days) == 30
    assert preset_period("onzin", today).preset == dashboard.DEFAULT_PRESET


# --- charts --------------------------------------------------------------------------------


def test_the_value_axis_ends_on_a_round_number():
    peaks = (0, 1, 2, 3, 7, 9, 13, 45, 150)
    assert [nice_top(n) for n in peaks] == [1, 1, 2, 4, 10, 10, 20, 50, 200]


def test_column_heights_follow_the_values():
    chart = column_chart([0, 2, 4], "1 maart", "2 maart", "3 maart")
    assert len(chart.bars) == 2  # no bar for a zero
    assert chart.bars[1].height == pytest.approx(2 * chart.bars[0].height, abs=0.05)
    assert [tick.text for tick in chart.ticks] == ["0", "2", "4"]
    assert [label.text for label in chart.labels] == ["1 maart", "2 maart", "3 maart"]


def test_bar_lengths_follow_the_values_and_long_names_are_shortened():
    chart = bar_chart([("Een heel lange naam van een aanbod dat niet past", 4), ("Kort", 1)])
    assert chart.rows[0].bar.width == pytest.approx(4 * chart.rows[1].bar.width, abs=0.05)
    assert chart.rows[0].text.endswith("…") and len(chart.rows[0].text) < 46
    assert chart.rows[1].text == "Kort"


# --- the page ------------------------------------------------------------------------------


def member(provider, email, role="eigenaar"):
    user = User.objects.create_user(email)
    grant_role(user, Role.PROVIDER)
    ProviderMember.objects.create(provider=provider, user=user, role=role)
    return user


@pytest.fixture
def owner_client(shop, client):
    ensure_role_groups()
    client.force_login(member(shop["provider"], "eigenaar@bakker.example"))
    return client


URL = "/aanbieder/overzicht/"


def test_the_owner_sees_totals_charts_and_tables(shop, owner_client):
    now = timezone.now()
    redeem(shop["cake"], shop["pass"], now, shop["shop"])
    redeem(shop["bun"], shop["pass"], now, None)
    response = owner_client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("offers:provider_dashboard") == URL
    assert re.search(r'id="total-count">2<', page)
    assert re.search(r'id="total-discount">€ 5,50<', page)
    assert page.count('role="img"') == 3  # per day, per offer, per location
    assert 'aria-labelledby="grafiek-tijd-naam"' in page and 'id="grafiek-tijd-naam"' in page
    assert "zonder locatie" in page and "Krentenbol" in page
    # SVG numbers are never written with a decimal comma on a Dutch page.
    for attribute in re.findall(r' (?:x|y|width|height)="([^"]*)"', page):
        assert "," not in attribute


def test_a_long_period_is_shown_per_month(shop, owner_client):
    redeem(shop["cake"], shop["pass"], at(2025, 2, 1, 0, 30))
    page = owner_client.get(URL, {"van": "2025-01-01", "tot": "2025-04-30"}).content.decode()
    assert "Per maand" in page and "Per dag" not in page
    assert re.search(r'scope="row">februari 2025</th>\s*<td[^>]*>1<', page)
    # 4 months, 2 offers, 3 locations: 2 active ones without redemptions and the bucket.
    assert page.count('scope="row">') == 4 + 2 + 3


def test_a_period_without_redemptions_says_so(shop, owner_client):
    page = owner_client.get(URL, {"periode": "7"}).content.decode()
    assert "In deze periode is uw aanbod niet gebruikt." in page
    assert 'role="img"' not in page


def test_a_chosen_from_to_is_shown(shop, owner_client):
    redeem(shop["cake"], shop["pass"], at(2025, 1, 31, 23, 30))
    response = owner_client.get(URL, {"van": "25-01-2025", "tot": "2025-01-31"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "25 januari 2025 tot en met 31 januari 2025" in page
    assert re.search(r'id="total-count">1<', page)


@pytest.mark.parametrize(
    "query, message",
    [
        ({"van": "2025-02-30", "tot": "2025-03-05"}, "Dit is geen bestaande datum."),
        ({"van": "99999-01-01", "tot": "2025-03-05"}, "Dit is geen bestaande datum."),
        ({"van": "<script>", "tot": ""}, "Dit is geen bestaande datum."),
        ({"van": "2025-03-05", "tot": "2025-03-01"}, "De eerste dag moet vóór de laatste dag"),
        ({"van": "2025-03-05"}, "Vul de laatste dag in."),
        ({"tot": "2025-03-05"}, "Vul de eerste dag in."),
        ({"van": "2000-01-01", "tot": "2025-03-05"}, "Kies een periode van hoogstens 366 dagen."),
        ({"van": "2025-01-01", "tot": "2999-01-01"}, "Kies een dag tot en met vandaag."),
        ({"periode": "altijd"}, "Kies een periode uit de lijst."),
    ],
)
def test_wrong_period_input_gets_a_dutch_message_and_no_figures(shop, owner_client, query, message):
    response = owner_client.get(URL, query)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and "Er ging iets mis" in page
    assert 'id="total-count"' not in page


def test_the_download_has_a_line_per_day_offer_and_location_and_no_formulas(shop, owner_client):
    shop["bun"].title = '=HYPERLINK("http://x")'
    shop["bun"].save()
    redeem(shop["cake"], shop["pass"], at(2025, 3, 3, 9), shop["shop"])
    redeem(shop["cake"], shop["pass"], at(2025, 3, 3, 10), shop["shop"])
    redeem(shop["bun"], shop["pass"], at(2025, 3, 4), None)
    response = owner_client.get(
        reverse("offers:dashboard_csv"), {"van": "2025-03-01", "tot": "2025-03-31"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Datum"
    assert rows[1:] == [
        ["2025-03-03", "Taart", "Winkel", "2", "5,00", "15,00"],
        ["2025-03-04", '\'=HYPERLINK("http://x")', "zonder locatie", "1", "3,00", "0,00"],
    ]


def test_spreadsheet_cells_never_start_with_a_formula_sign():
    assert [safe_cell(t) for t in ("=1+1", "+31", "-2", "@SUM(A1)", "Taart", "")] == [
        "'=1+1",
        "'+31",
        "'-2",
        "'@SUM(A1)",
        "Taart",
        "",
    ]


def test_till_staff_and_other_users_get_not_found(shop, client):
    ensure_role_groups()
    other, _ = make_provider(kvk="87654321")
    outsider = member(other, "eigenaar@ander.example")
    staff = member(shop["provider"], "kassa@bakker.example", role="kassa")
    resident = User.objects.create_user("inwoner@example.org")
    grant_role(resident, Role.RESIDENT)
    redeem(shop["cake"], shop["pass"], timezone.now())

    for user in (staff, resident):
        client.force_login(user)
        assert client.get(URL).status_code == 404
        assert client.get(reverse("offers:dashboard_csv")).status_code == 404

    client.force_login(outsider)  # owner of another provider: sees only their own
    page = client.get(URL).content.decode()
    assert "Taart" not in page and other.name in page

    client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "/inloggen" in response["Location"]


def test_the_owner_of_a_provider_not_yet_approved_gets_not_found(shop, owner_client):
    shop["provider"].status = "aangemeld"
    shop["provider"].save()
    assert owner_client.get(URL).status_code == 404


def test_only_owners_get_the_menu_entry(shop):
    ensure_role_groups()
    owner = member(shop["provider"], "eigenaar@bakker.example")
    staff = member(shop["provider"], "kassa@bakker.example", role="kassa")
    assert "offers:provider_dashboard" in {item["name"] for item in menu_for(owner)}
    staff_menu = {item["name"] for item in menu_for(staff)}
    assert "offers:provider_dashboard" not in staff_menu and "till:till" in staff_menu
    assert "till:devices" not in staff_menu


def test_the_english_download_uses_commas_and_decimal_points(shop, owner_client):
    redeem(shop["cake"], shop["pass"], at(2025, 3, 3, 9), shop["shop"])
    owner_client.cookies["django_language"] = "en"
    response = owner_client.get(
        reverse("offers:dashboard_csv"), {"van": "2025-03-01", "tot": "2025-03-31"}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1] == ["2025-03-03", "Taart", "Winkel", "1", "2.50", "7.50"]
