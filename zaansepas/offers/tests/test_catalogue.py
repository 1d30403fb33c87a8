"""The public catalogue: Dutch-stemmed search, filters, prices as prices, 'voor u'."""

import datetime as dt

import pytest
from django.urls import reverse

from zaansepas.city.models import PolicyTheme
from zaansepas.passes.tests.helpers import make_reference_data
from zaansepas.till.tests.helpers import make_household_passes, make_offer, make_provider


@pytest.fixture
def offers(db):
    provider, location = make_provider()
    sport = PolicyTheme.objects.create(code="sport", name="Sport en bewegen")
    krommenie = make_reference_data()  # a wijk with its postcode, norms and roles
    location.district = krommenie
    location.save()
    swim = make_offer(
        provider,
        title="Zwemles voor kinderen",
        kind="procent",
        regular_price_cents=1250,
        percent_off=20,
        for_children=True,
    )
    swim.themes.add(sport)
    swim.locations.add(location)
    make_offer(
        provider,
        title="Fietsreparatie",
        kind="categorie",
        regular_price_cents=None,
        percent_off=20,
        discount_cap_cents=1000,
        category_label="reparaties",
    )
    make_offer(
        provider,
        title="Gratis koffie",
        description="Bij de inloop",
        kind="gratis",
        regular_price_cents=250,
    )
    make_offer(provider, title="Oud aanbod", valid_until=dt.date(2020, 12, 31))
    make_offer(provider, title="Nog niet goedgekeurd", status="ingediend")
    return provider


def titles(client, **params):
    page = client.get(reverse("catalogue:list"), params).content.decode()
    return {
        t
        for t in (
            "Zwemles voor kinderen",
            "Fietsreparatie",
            "Gratis koffie",
            "Oud aanbod",
            "Nog niet goedgekeurd",
        )
        if t in page
    }


def test_only_live_approved_offers_are_listed(offers, client):
    assert titles(client) == {"Zwemles voor kinderen", "Fietsreparatie", "Gratis koffie"}


def test_search_uses_dutch_stems(offers, client):
    assert titles(client, q="zwemmen") == {"Zwemles voor kinderen"}
    assert titles(client, q="fietsen") == {"Fietsreparatie"}
    assert titles(client, q="kind zwem") == {"Zwemles voor kinderen"}
    assert titles(client, q="inloop") == {"Gratis koffie"}
    assert titles(client, q="tandarts") == set()


def test_filters_by_theme_wijk_target_and_price(offers, client):
    assert titles(client, theme="sport") == {"Zwemles voor kinderen"}
    assert titles(client, wijk="WK047901") >= {"Zwemles voor kinderen"}
    assert titles(client, target="kinderen") == {"Zwemles voor kinderen"}
    assert titles(client, price="gratis") == {"Gratis koffie"}
    assert "Gratis koffie" not in titles(client, price="korting")


def test_prices_are_shown_as_prices(offers, client):
    page = client.get(reverse("catalogue:list")).content.decode().replace("\u00a0", " ")
    assert "€ 10,00 in plaats van € 12,50" in page
    assert "20% korting op reparaties, maximaal € 10,00 korting" in page
    swim = offers.offers.get(title="Zwemles voor kinderen")
    detail = client.get(reverse("catalogue:detail", args=[swim.pk])).content.decode()
    detail = detail.replace("\u00a0", " ")
    assert "€ 10,00 in plaats van € 12,50" in detail and "Winkel" in detail


def test_an_offer_not_live_has_no_page(offers, client):
    old = offers.offers.get(title="Oud aanbod")
    assert client.get(reverse("catalogue:detail", args=[old.pk])).status_code == 404


def test_for_you_shows_offers_for_the_household_without_saying_why(offers, client):
    adult, kids = make_household_passes(
        children=[("Amira", dt.date.today().replace(year=dt.date.today().year - 9))]
    )
    minima = make_offer(offers, title="Sportpakket", for_everyone=False, for_low_income=True)
    client.force_login(adult.holder.user)
    page = client.get(reverse("catalogue:list")).content.decode()
    section = page.split('id="voor-u-kop"', 1)[1].split("</section>", 1)[0]
    assert minima.title in section and "Zwemles voor kinderen" in section
    assert "inkomen" not in section.lower()
    client.logout()
    assert 'id="voor-u-kop"' not in client.get(reverse("catalogue:list")).content.decode()
