"""Providers enter offers through a form and send them to the pass office, which approves
or rejects them. Only owners edit; nobody sees another provider's offers."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.models import PolicyTheme
from zaansepas.offers.models import Location, Offer, Provider, ProviderMember

TODAY = timezone.localdate()


@pytest.fixture
def roles(db):
    ensure_role_groups()


def make_provider(kvk="12345678", name="Zwembad De Slag"):
    provider = Provider.objects.create(
        name=name,
        kind="sport",
        kvk_number=kvk,
        iban="NL91ABNA0417164300",
        account_holder=name,
        street="Dolfijnstraat",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
        contact_name="Kees",
        contact_email=f"{kvk}@example.org",
        contact_phone="075 123 4567",
        status="goedgekeurd",
    )
    Location.objects.create(
        provider=provider,
        name="Zwembad",
        street="Dolfijnstraat",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
    )
    return provider


def make_member(provider, email, role="eigenaar"):
    user = User.objects.create_user(email)  # force_login: no slow password hash
    grant_role(user, Role.PROVIDER)
    ProviderMember.objects.create(provider=provider, user=user, role=role)
    return user


def make_officer():
    user = User.objects.create_user("officer@example.org")
    grant_role(user, Role.PASS_OFFICE)
    return user


@pytest.fixture
def provider(roles):
    return make_provider()


@pytest.fixture
def owner(provider):
    return make_member(provider, "eigenaar@zwembad.example")


def offer_data(**overrides):
    data = {
        "submission_key": str(uuid.uuid4()),
        "title": "Zwemles",
        "description": "U krijgt korting op zwemles. Laat uw pas zien bij de kassa.",
        "kind": "procent",
        "regular_price": "12,50",
        "percent_off": "20",
        "audience": ["for_everyone", "for_children"],
        "valid_from": TODAY.isoformat(),
        "valid_until": (TODAY + dt.timedelta(days=365)).isoformat(),
        "per_pass_limit": "1",
        "per_pass_period": "week",
        "per_household_period": "jaar",
        "action": "save",
    }
    data.update(overrides)
    return data


def new_offer(client, **overrides):
    return client.post(reverse("offers:offer_new"), offer_data(**overrides))


def html(response) -> str:
    """The page as text; amounts keep '€' and the number together with a no-break space."""
    return response.content.decode().replace("\N{NO-BREAK SPACE}", " ")


def offer_url(offer):
    return reverse("offers:provider_offer", args=[offer.pk])


def review_url(offer):
    return reverse("offers:offer_review_detail", args=[offer.pk])


def test_an_owner_creates_a_percent_offer_sees_its_price_and_the_pass_office_approves_it(
    provider, owner, client
):
    theme = PolicyTheme.objects.create(code="sport", name="Sport en bewegen")
    client.force_login(owner)
    listing = html(client.get(reverse("offers:provider_offers")))
    assert "Nieuw aanbod" in listing

    response = new_offer(
        client, themes=[theme.pk], locations=[provider.locations.get().pk], regular_price="12,50"
    )
    offer = Offer.objects.get()
    assert response["Location"] == offer_url(offer)
    assert (offer.provider, offer.status, offer.regular_price_cents, offer.percent_off) == (
        provider,
        "concept",
        1250,
        20,
    )
    assert (offer.per_pass_limit, offer.per_pass_period) == (1, "week")
    assert offer.for_children and offer.pass_price_cents is None
    assert list(offer.themes.all()) == [theme] and offer.locations.count() == 1
    page = html(client.get(offer_url(offer)))
    assert "U vraagt € 10,00 in plaats van € 12,50" in page
    assert "Naar de gemeente sturen" in page

    client.post(offer_url(offer), offer_data(action="submit"))
    offer.refresh_from_db()
    assert offer.status == "ingediend" and offer.below_norm  # 20% is under the 25% norm
    assert "wacht op beoordeling" in html(client.get(reverse("offers:provider_offers")))

    client.force_login(make_officer())
    queue = html(client.get(reverse("offers:offer_review_queue")))
    assert "Zwemles" in queue and "minder korting dan de norm" in queue
    detail = html(client.get(review_url(offer)))
    assert "€ 10,00 in plaats van € 12,50" in detail and "20%" in detail
    client.post(review_url(offer), {"action": "approve", "reason": "Zwemles is belangrijk."})
    offer.refresh_from_db()
    assert offer.status == "goedgekeurd" and offer.reviewed_by.email == "officer@example.org"


def test_an_offer_with_enough_discount_is_approved_without_a_reason(provider, owner, client):
    client.force_login(owner)
    new_offer(client, percent_off="40", action="submit")
    offer = Offer.objects.get()
    assert offer.status == "ingediend" and not offer.below_norm
    client.force_login(make_officer())
    assert "minder korting" not in html(client.get(reverse("offers:offer_review_queue")))
    client.post(review_url(offer), {"action": "approve", "reason": ""})
    offer.refresh_from_db()
    assert offer.status == "goedgekeurd"


def test_a_below_norm_offer_is_not_approved_without_a_reason(provider, owner, client):
    client.force_login(owner)
    new_offer(client, percent_off="10", action="submit")
    offer = Offer.objects.get()
    client.force_login(make_officer())
    response = client.post(review_url(offer), {"action": "approve", "reason": "  "})
    assert response.status_code == 200
    assert "Geef een reden als u het toch goedkeurt." in html(response)
    offer.refresh_from_db()
    assert offer.status == "ingediend" and offer.reviewed_by is None


def test_the_pass_office_rejects_with_a_reason_and_the_provider_sends_it_again(
    provider, owner, client
):
    client.force_login(owner)
    new_offer(client, action="submit")
    offer = Offer.objects.get()
    officer = make_officer()
    client.force_login(officer)
    no_reason = client.post(review_url(offer), {"action": "reject", "reason": ""})
    assert "Geef de reden" in html(no_reason)
    offer.refresh_from_db()
    assert offer.status == "ingediend"
    client.post(review_url(offer), {"action": "reject", "reason": "Te weinig korting."})

    client.force_login(owner)
    assert "Te weinig korting." in html(client.get(reverse("offers:provider_offers")))
    client.post(offer_url(offer), offer_data(percent_off="50", action="submit"))
    offer.refresh_from_db()
    assert (offer.status, offer.percent_off, offer.review_reason) == ("ingediend", 50, "")


def test_a_category_offer_says_what_it_gives(provider, owner, client):
    client.force_login(owner)
    new_offer(
        client,
        kind="categorie",
        regular_price="",
        category_label="fietsreparatie",
        discount_cap="10",
    )
    offer = Offer.objects.get()
    assert (offer.regular_price_cents, offer.discount_cap_cents) == (None, 1000)
    page = html(client.get(offer_url(offer)))
    assert "20% korting op fietsreparatie, maximaal € 10,00 korting" in page


def test_till_staff_cannot_make_or_edit_offers(provider, owner, client):
    client.force_login(owner)
    new_offer(client)
    offer = Offer.objects.get()
    client.force_login(make_member(provider, "kassa@zwembad.example", role="kassa"))

    listing = client.get(reverse("offers:provider_offers"))
    assert listing.status_code == 200 and "Zwemles" in html(listing)
    assert offer_url(offer) not in html(listing)
    assert "Nieuw aanbod" not in html(listing)
    assert client.get(offer_url(offer)).status_code == 404
    assert client.post(offer_url(offer), offer_data(title="Gratis zwemmen")).status_code == 404
    assert client.get(reverse("offers:offer_new")).status_code == 404
    assert new_offer(client, title="Nog een").status_code == 404
    offer.refresh_from_db()
    assert offer.title == "Zwemles" and Offer.objects.count() == 1


def test_another_providers_offer_is_not_found(provider, owner, client):
    client.force_login(owner)
    new_offer(client)
    offer = Offer.objects.get()
    stranger = make_member(make_provider("87654321", "Fietsmaker"), "baas@fiets.example")
    client.force_login(stranger)
    assert client.get(offer_url(offer)).status_code == 404
    assert client.post(offer_url(offer), offer_data(title="Van mij")).status_code == 404
    assert client.get(reverse("offers:provider_offer", args=[offer.pk + 100])).status_code == 404
    assert "Zwemles" not in html(client.get(reverse("offers:provider_offers")))
    offer.refresh_from_db()
    assert offer.title == "Zwemles"


def test_people_without_a_provider_get_not_found(roles, client):
    resident = User.objects.create_user("inwoner@example.org")
    grant_role(resident, Role.RESIDENT)
    client.force_login(resident)
    assert client.get(reverse("offers:provider_offers")).status_code == 404
    assert client.get(reverse("offers:offer_new")).status_code == 404


def test_only_the_pass_office_reviews_offers(provider, owner, client):
    client.force_login(owner)
    new_offer(client, action="submit")
    offer = Offer.objects.get()
    assert client.get(reverse("offers:offer_review_queue")).status_code == 403
    assert client.post(review_url(offer), {"action": "approve", "reason": "x"}).status_code == 403
    offer.refresh_from_db()
    assert offer.status == "ingediend"
    client.logout()
    assert client.get(reverse("offers:offer_review_queue")).status_code == 302


@pytest.mark.parametrize(
    "overrides,field_message",
    [
        ({"regular_price": "-5"}, "Een bedrag kan niet negatief zijn."),
        ({"regular_price": "twaalf"}, "Vul een bedrag in euro in, zoals 12,50."),
        ({"regular_price": "2000000"}, "Dit bedrag is te hoog."),
        ({"percent_off": "0"}, "Vul een percentage van 1 tot en met 100 in."),
        ({"percent_off": "120"}, "Vul een percentage van 1 tot en met 100 in."),
        (
            {"valid_until": (TODAY - dt.timedelta(days=1)).isoformat()},
            "De einddatum ligt voor de begindatum.",
        ),
        ({"percent_off": ""}, "Vul dit in. Het is nodig bij: percentage korting."),
        ({"kind": "bedrag"}, "Vul dit in. Het is nodig bij: korting in euro&#x27;s."),
        ({"kind": "plek"}, "Vul dit in. Het is nodig bij: plek of toegang"),
        (
            {"kind": "categorie", "category_label": "fietsen", "percent_off": ""},
            "Vul een korting in procent of in euro in.",
        ),
        # This one comes from pricing.check_offer_terms, the rule submit_offer uses too.
        (
            {"kind": "vaste_prijs", "pass_price": "12,50"},
            "De pasprijs moet lager zijn dan de normale prijs.",
        ),
        ({"title": ""}, "Vul een titel in."),
        ({"kind": ""}, "Kies wat voor aanbod het is."),
        ({"audience": []}, "Kies voor wie het aanbod is."),
        ({"per_pass_limit": "0"}, "Vul 1 of meer in."),
    ],
)
def test_bad_input_gives_a_dutch_message_and_saves_nothing(
    provider, owner, client, overrides, field_message
):
    client.force_login(owner)
    response = new_offer(client, **overrides)
    assert response.status_code == 200
    page = html(response)
    assert "Er ging iets mis" in page and field_message in page
    assert not Offer.objects.exists()


def test_bad_input_on_an_existing_offer_changes_nothing(provider, owner, client):
    client.force_login(owner)
    new_offer(client)
    offer = Offer.objects.get()
    response = client.post(offer_url(offer), offer_data(title="Nieuw", percent_off="120"))
    assert "Vul een percentage van 1 tot en met 100 in." in html(response)
    offer.refresh_from_db()
    assert (offer.title, offer.percent_off) == ("Zwemles", 20)


def test_a_double_posted_new_offer_form_makes_one_offer(provider, owner, client):
    client.force_login(owner)
    data = offer_data(action="submit")
    first = client.post(reverse("offers:offer_new"), data)
    second = client.post(reverse("offers:offer_new"), data)
    offer = Offer.objects.get()
    assert first["Location"] == second["Location"] == offer_url(offer)
    assert offer.status == "ingediend"
    other = new_offer(client)  # a fresh form is a new offer
    assert other.status_code == 302 and Offer.objects.count() == 2


def test_a_submitted_offer_cannot_be_edited(provider, owner, client):
    client.force_login(owner)
    new_offer(client, action="submit")
    offer = Offer.objects.get()
    page = html(client.get(offer_url(offer)))
    assert "U kunt het nu niet wijzigen" in page and "Opslaan als concept" not in page
    response = client.post(offer_url(offer), offer_data(title="Gratis zwemmen", percent_off="90"))
    assert response["Location"] == offer_url(offer)
    offer.refresh_from_db()
    assert (offer.title, offer.percent_off, offer.status) == ("Zwemles", 20, "ingediend")


def test_the_menu_leads_to_the_offer_pages(provider, owner, client):
    client.force_login(owner)
    assert reverse("offers:provider_offers") in html(client.get("/"))
    client.force_login(make_officer())
    assert reverse("offers:offer_review_queue") in html(client.get("/"))
