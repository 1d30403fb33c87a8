"""Tickets at the till page, and what the till HTML may contain at all: only whitelisted
form fields, and nothing about the holder (name, birth date, address, tier, budget)."""

import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse

from zaansepas.offers.models import OfferKind, ReservationStatus
from zaansepas.offers.reservations import reserve_offer
from zaansepas.passes.models import Pass, Tier
from zaansepas.till.models import Redemption

from .helpers import make_household_passes, make_offer, make_provider, make_till_staff

# Every form field a till page may send or show. Anything else fails the test.
TILL_FORM_FIELDS = {
    "csrfmiddlewaretoken",
    "code",
    "location",
    "token",
    "offer",
    "key",
    "amount",
    "ticket",
}


@pytest.fixture
def till(db, client):
    provider, _ = make_provider()
    staff = make_till_staff(provider, "kassa@buurtkeuken.example")
    client.force_login(staff)
    return provider, client


def book(offer, pass_card, day=None):
    return reserve_offer(
        offer_id=offer.pk,
        pass_id=pass_card.pk,
        service_date=day or dt.date.today(),
        request_key=uuid.uuid4(),
    )


def scan(client, code):
    return client.post(reverse("till:till"), {"code": code}).content.decode()


def ticket_form(page):
    return dict(re.findall(r'name="(ticket|key)" value="([^"]+)"', page))


def test_staff_scan_a_ticket_and_use_it_once(till):
    provider, client = till
    adult, _ = make_household_passes()
    kitchen = make_offer(
        provider,
        title="Aanschuiven bij de buurtkeuken",
        kind=OfferKind.PLACE,
        capacity_per_date=12,
        for_everyone=False,
        for_low_income=True,
        regular_price_cents=None,
    )
    ticket = book(kitchen, adult)
    page = scan(client, f"ZPT:{ticket.code}")
    assert "Ticket geldig" in page and "Aanschuiven bij de buurtkeuken" in page
    fields = ticket_form(page)
    done = client.post(reverse("till:use_ticket"), fields).content.decode()
    assert "Verzilverd" in done
    again = client.post(reverse("till:use_ticket"), fields).content.decode()  # double tap
    assert "was al verzilverd" in again
    assert Redemption.objects.filter(reservation=ticket).count() == 1
    ticket.refresh_from_db()
    assert ticket.status == ReservationStatus.USED
    # Typed by hand, with the dash, the next time: refused with the reason.
    typed = f"{ticket.code[:5]}-{ticket.code[5:]}".lower()
    assert "Dit ticket is al gebruikt." in scan(client, typed)


def test_a_ticket_for_another_day_or_an_unknown_code_says_why(till):
    provider, client = till
    adult, _ = make_household_passes()
    offer = make_offer(provider, kind=OfferKind.PLACE, capacity_per_date=5)
    ticket = book(offer, adult, dt.date.today() + dt.timedelta(days=2))
    assert "niet voor vandaag" in scan(client, f"ZPT:{ticket.code}")
    assert "Onbekend ticket" in scan(client, "ZPT:ABCDE23456")
    response = client.post(reverse("till:use_ticket"), {"ticket": ticket.code, "key": "k"})
    assert response.status_code == 409 and not Redemption.objects.exists()


def _holder_facts(pass_card: Pass) -> list[str]:
    holder, household = pass_card.holder, pass_card.household
    return [
        holder.first_name,
        holder.last_name,
        holder.birth_date.strftime("%d-%m-%Y"),
        holder.birth_date.isoformat(),
        household.street,
        household.postcode,
    ]


def _tier_words() -> list[str]:
    words = ["minima", "bijstand", "mantelzorg", "inkomen", "tegoed", "budget"]
    return words + [str(label) for label in Tier.labels]


def _check_till_html(page: str, pass_card: Pass) -> None:
    # The page frame (language switch, menu) is the same for every page; the till's own
    # content is <main>.
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    names = set(re.findall(r'name="([^"]+)"', main))
    assert names <= TILL_FORM_FIELDS, names - TILL_FORM_FIELDS
    for fact in _holder_facts(pass_card):
        assert fact not in main, fact
    for word in _tier_words():
        assert word.lower() not in main.lower(), word


def test_till_html_holds_only_whitelisted_fields_and_nothing_about_the_holder(till):
    provider, client = till
    adult, _ = make_household_passes()
    Pass.objects.filter(pk=adult.pk).update(tier=Tier.LOW_INCOME)
    make_offer(provider, title="Krentenbol", per_pass_limit=1, per_pass_period="dag")
    make_offer(
        provider,
        title="Fietsreparatie",
        kind="categorie",
        regular_price_cents=None,
        percent_off=20,
        category_label="reparaties",
    )
    ticket_only = make_offer(
        provider, title="Voetbalkaart", for_everyone=False, for_low_income=True
    )
    adult.refresh_from_db()
    pass_page = scan(client, adult.number)
    assert "Krentenbol" in pass_page and "Fietsreparatie" in pass_page
    _check_till_html(pass_page, adult)
    ticket_page = scan(client, book(ticket_only, adult).code)
    assert "Voetbalkaart" in ticket_page
    _check_till_html(ticket_page, adult)
    done = client.post(reverse("till:use_ticket"), ticket_form(ticket_page)).content.decode()
    assert "Verzilverd" in done
    _check_till_html(done, adult)


def test_a_till_at_one_of_several_locations_records_where_it_redeemed(till):
    from zaansepas.offers.models import Location

    provider, client = till
    second = Location.objects.create(
        provider=provider,
        name="Filiaal Kogerveld",
        street="x",
        house_number="2",
        postcode="1511 AB",
        town="Zaandijk",
    )
    adult, _ = make_household_passes()
    make_offer(provider, title="Krentenbol")
    page = client.post(reverse("till:till"), {"code": adult.number, "location": second.pk})
    fields = dict(re.findall(r'name="(token|offer|key)" value="([^"]+)"', page.content.decode()))
    client.post(reverse("till:redeem"), fields)
    assert Redemption.objects.get().location == second
    # The choice stays for the next customer.
    again = scan(client, adult.number)
    assert re.search(rf'<option value="{second.pk}" selected>', again)
    # Another provider's location is ignored, not recorded.
    other = make_provider(kvk="87654321")[1]
    page = client.post(reverse("till:till"), {"code": adult.number, "location": other.pk})
    assert re.search(rf'<option value="{second.pk}" selected>', page.content.decode())
