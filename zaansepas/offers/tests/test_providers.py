"""Organisations sign up; the pass office approves or rejects with a reason."""

import datetime as dt
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.offers.models import Location, OpeningHours, Provider, ProviderMember
from zaansepas.offers.opening import is_open


@pytest.fixture
def roles(db):
    ensure_role_groups()


def signup_data(**overrides):
    data = {
        "submission_key": str(uuid.uuid4()),
        "name": "Bakkerij De Zaan",
        "kind": "bedrijf",
        "kvk_number": "1234 5678",
        "iban": "nl91 abna 0417 1643 00",
        "account_holder": "Bakkerij De Zaan B.V.",
        "street": "Westzijde",
        "house_number": "12",
        "postcode": "1506ab",
        "town": "Zaandam",
        "contact_name": "Kees Jansen",
        "contact_email": "Kees@BakkerijDeZaan.nl",
        "contact_phone": "075 123 4567",
        "website": "bakkerijdezaan.nl",
        "password": "Zaans-brood-2026",
        "agree": "on",
    }
    data.update(overrides)
    return data


def officer():
    user = User.objects.create_user("officer@example.org", "een-lang-wachtwoord")
    grant_role(user, Role.PASS_OFFICE)
    return user


def test_an_organisation_signs_up_and_the_pass_office_approves_it(roles, client):
    response = client.post(reverse("offers:signup"), signup_data())
    assert response["Location"] == reverse("offers:signup_received")
    provider = Provider.objects.get()
    assert (provider.kvk_number, provider.iban, provider.postcode) == (
        "12345678",
        "NL91ABNA0417164300",
        "1506 AB",
    )
    assert provider.status == "aangemeld"
    owner = User.objects.get(email="kees@bakkerijdezaan.nl")
    assert owner.check_password("Zaans-brood-2026")
    assert "aanbieder" not in owner.roles  # nothing before approval
    assert ProviderMember.objects.get().role == "eigenaar"
    assert "ontvangen" in mail.outbox[-1].subject

    client.force_login(officer())
    assert provider.name in client.get(reverse("offers:review_queue")).content.decode()
    client.post(reverse("offers:review_detail", args=[provider.pk]), {"action": "approve"})
    provider.refresh_from_db()
    assert provider.status == "goedgekeurd" and provider.decided_by.email == "officer@example.org"
    assert "aanbieder" in User.objects.get(pk=owner.pk).roles
    assert "Besluit" in mail.outbox[-1].subject


def test_rejecting_needs_a_reason_that_the_provider_gets(roles, client):
    client.post(reverse("offers:signup"), signup_data())
    provider = Provider.objects.get()
    client.force_login(officer())
    url = reverse("offers:review_detail", args=[provider.pk])
    assert "Geef de reden" in client.post(url, {"action": "reject", "reason": ""}).content.decode()
    provider.refresh_from_db()
    assert provider.status == "aangemeld"
    client.post(url, {"action": "reject", "reason": "Geen vestiging in Zaanstad."})
    provider.refresh_from_db()
    assert provider.status == "afgewezen"
    assert "Geen vestiging in Zaanstad." in mail.outbox[-1].body
    assert "aanbieder" not in User.objects.get(email="kees@bakkerijdezaan.nl").roles


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"kvk_number": "1234567"}, "8 cijfers"),
        ({"kvk_number": "abcdefgh"}, "8 cijfers"),
        ({"iban": "NL91 ABNA 0417 1643 01"}, "IBAN klopt niet"),
        ({"postcode": "0123"}, "postcode"),
        ({"contact_email": "geen-email"}, "geldig e-mailadres"),
        ({"password": "kort"}, "te kort"),
        ({"kind": "bank"}, "Selecteer een geldige keuze"),
        ({"agree": ""}, "namens de organisatie"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(roles, client, overrides, message):
    response = client.post(reverse("offers:signup"), signup_data(**overrides))
    assert response.status_code == 200 and message in response.content.decode()
    assert not Provider.objects.exists() and not User.objects.exists()


def test_the_same_kvk_number_cannot_sign_up_twice(roles, client):
    client.post(reverse("offers:signup"), signup_data())
    response = client.post(reverse("offers:signup"), signup_data(contact_email="ander@example.org"))
    assert "al een organisatie aangemeld" in response.content.decode()
    assert (
        Provider.objects.count() == 1
        and not User.objects.filter(email="ander@example.org").exists()
    )


def test_sending_the_sign_up_twice_makes_one_provider(roles, client):
    data = signup_data()
    client.post(reverse("offers:signup"), data)
    second = client.post(reverse("offers:signup"), data)
    assert second["Location"] == reverse("offers:signup_received")
    assert Provider.objects.count() == 1


def test_an_existing_account_must_log_in_first(roles, client):
    User.objects.create_user("kees@bakkerijdezaan.nl", "iets-anders-123")
    response = client.post(reverse("offers:signup"), signup_data())
    assert "Log eerst in" in response.content.decode()
    assert not Provider.objects.exists()
    client.login(username="kees@bakkerijdezaan.nl", password="iets-anders-123")
    data = signup_data()
    data.pop("password")
    assert client.post(reverse("offers:signup"), data).status_code == 302
    assert ProviderMember.objects.get().user.email == "kees@bakkerijdezaan.nl"


def test_residents_and_providers_cannot_review_sign_ups(roles, client):
    resident = User.objects.create_user("r@example.org")
    grant_role(resident, Role.RESIDENT)
    client.force_login(resident)
    assert client.get(reverse("offers:review_queue")).status_code == 403


def test_opening_hours_are_local_time(db):
    client_provider = Provider.objects.create(
        name="Zwembad",
        kind="sport",
        kvk_number="87654321",
        iban="NL91ABNA0417164300",
        account_holder="x",
        street="x",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
        contact_name="x",
        contact_email="x@example.org",
        contact_phone="1",
    )
    pool = Location.objects.create(
        provider=client_provider,
        name="De Slag",
        street="x",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
    )
    OpeningHours.objects.create(
        location=pool, weekday=5, opens=dt.time(0, 0), closes=dt.time(1, 0)
    )  # Saturday 00:00–01:00
    # Friday 22:30 UTC in summer is Saturday 00:30 in Zaandam.
    assert is_open(pool, dt.datetime(2026, 7, 3, 22, 30, tzinfo=dt.UTC))
    assert not is_open(pool, dt.datetime(2026, 7, 3, 21, 30, tzinfo=dt.UTC))
