"""Residents reserve from an offer's page, see their tickets, cancel. Bad input gets a
Dutch reason and books nothing; nobody sees someone else's ticket."""

import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse

from zaansepas.offers.models import OfferKind, Reservation, ReservationStatus
from zaansepas.passes.models import Tier
from zaansepas.till.tests.helpers import make_household_passes, make_offer, make_provider


@pytest.fixture
def kitchen(db):
    provider, _ = make_provider()
    return make_offer(
        provider,
        title="Aanschuiven bij de buurtkeuken",
        kind=OfferKind.PLACE,
        capacity_per_date=1,
        regular_price_cents=None,
    )


def booking_form(page):
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)
    number = re.search(r'name="pas"[^>]* value="(\d+)"', page).group(1)
    day = re.search(r'<option value="(\d{4}-\d\d-\d\d)"', page).group(1)
    return {"key": key, "pas": number, "datum": day}


def test_anonymous_visitors_are_asked_to_log_in(client, kitchen):
    page = client.get(reverse("catalogue:detail", args=[kitchen.pk])).content.decode()
    assert "Inloggen om te reserveren" in page
    assert client.post(reverse("catalogue:reserve", args=[kitchen.pk])).status_code == 302
    assert not Reservation.objects.exists()


def test_a_resident_books_a_place_gets_a_ticket_and_cancels_it(client, kitchen):
    adult, _ = make_household_passes()
    client.force_login(adult.holder.user)
    page = client.get(reverse("catalogue:detail", args=[kitchen.pk])).content.decode()
    assert "nog 1 plek" in page
    form = booking_form(page)
    response = client.post(reverse("catalogue:reserve", args=[kitchen.pk]), form)
    ticket = Reservation.objects.get()
    assert response.url == reverse("catalogue:ticket", args=[ticket.code])
    # The same form sent again (a double click) is still one ticket.
    client.post(reverse("catalogue:reserve", args=[kitchen.pk]), form)
    assert Reservation.objects.count() == 1
    shown = client.get(response.url).content.decode()
    assert "<svg" in shown and f"{ticket.code[:5]}-{ticket.code[5:]}" in shown
    listed = client.get(reverse("catalogue:tickets")).content.decode()
    assert "Aanschuiven bij de buurtkeuken" in listed.split('id="upcoming"')[1]
    # The day is now full for everyone else.
    other, _ = make_household_passes()
    client.force_login(other.holder.user)
    full = client.get(reverse("catalogue:detail", args=[kitchen.pk])).content.decode()
    assert "vol</option>" in full
    client.force_login(adult.holder.user)
    client.post(reverse("catalogue:cancel_ticket", args=[ticket.code]))
    ticket.refresh_from_db()
    assert ticket.status == ReservationStatus.CANCELLED


@pytest.mark.parametrize(
    "change, message",
    [
        ({"pas": "0000000000"}, "Kies voor welke pas."),
        ({"datum": "morgen"}, "Kies een dag."),
        ({"key": "x"}, "Er ging iets mis"),
        ({"datum": "2001-01-01"}, "Deze datum is al voorbij."),
    ],
)
def test_bad_booking_input_says_why_and_books_nothing(client, kitchen, change, message):
    adult, _ = make_household_passes()
    client.force_login(adult.holder.user)
    page = client.get(reverse("catalogue:detail", args=[kitchen.pk])).content.decode()
    response = client.post(
        reverse("catalogue:reserve", args=[kitchen.pk]), {**booking_form(page), **change}
    )
    assert response.status_code in (400, 409)
    assert message in response.content.decode()
    assert not Reservation.objects.exists()


def test_someone_elses_pass_and_ticket_stay_out_of_reach(client, kitchen):
    adult, _ = make_household_passes()
    stranger, _ = make_household_passes()
    client.force_login(adult.holder.user)
    page = client.get(reverse("catalogue:detail", args=[kitchen.pk])).content.decode()
    form = {**booking_form(page), "pas": stranger.number}
    assert client.post(reverse("catalogue:reserve", args=[kitchen.pk]), form).status_code == 400
    client.force_login(stranger.holder.user)
    page = client.get(reverse("catalogue:detail", args=[kitchen.pk])).content.decode()
    client.post(reverse("catalogue:reserve", args=[kitchen.pk]), booking_form(page))
    theirs = Reservation.objects.get()
    client.force_login(adult.holder.user)
    assert client.get(reverse("catalogue:ticket", args=[theirs.code])).status_code == 404
    cancel = client.post(reverse("catalogue:cancel_ticket", args=[theirs.code]))
    assert cancel.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ReservationStatus.RESERVED


def test_ticket_only_offers_offer_only_the_passes_they_fit(client, db):
    provider, _ = make_provider()
    minima = make_offer(provider, title="Voetbalkaart", for_everyone=False, for_low_income=True)
    adult, _ = make_household_passes()
    client.force_login(adult.holder.user)
    page = client.get(reverse("catalogue:detail", args=[minima.pk])).content.decode()
    assert "Laat uw Zaanse Pas zien aan de kassa" not in page
    form = booking_form(page)
    client.post(reverse("catalogue:reserve", args=[minima.pk]), form)
    ticket = Reservation.objects.get()
    shown = client.get(reverse("catalogue:ticket", args=[ticket.code])).content.decode()
    main = shown.split("<main", 1)[1]
    assert "inkomen" not in main.lower() and "minima" not in main.lower()
    # A paying holder is not offered a pass to book it with, and can't force it.
    paying, _ = make_household_passes()
    paying.tier = Tier.STANDARD
    paying.save()
    client.force_login(paying.holder.user)
    page = client.get(reverse("catalogue:detail", args=[minima.pk])).content.decode()
    assert "Met uw pas kunt u dit aanbod niet reserveren." in page
    forced = {
        "pas": paying.number,
        "datum": dt.date.today().isoformat(),
        "key": str(uuid.uuid4()),
    }
    response = client.post(reverse("catalogue:reserve", args=[minima.pk]), forced)
    assert response.status_code == 409 and Reservation.objects.count() == 1
