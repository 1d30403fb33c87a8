"""The till API: bearer tokens per device, idempotent redemption, Dutch errors, and only
whitelisted fields in every answer."""

import pytest

from zaansepas.accounts.models import User
from zaansepas.passes.models import Pass, Tier
from zaansepas.till.devices import issue_device_token, revoke_device
from zaansepas.till.models import Redemption

from .helpers import make_household_passes, make_offer, make_provider

VERIFY_FIELDS = {"valid", "reason", "message", "pass_number", "pass_token", "offers"}
OFFER_FIELDS = {
    "offer_id",
    "title",
    "needs_amount",
    "regular_cents",
    "pass_price_cents",
    "percent_off",
    "amount_off_cents",
    "cap_cents",
    "category",
    "left",
}
REDEMPTION_FIELDS = {
    "id",
    "offer_id",
    "offer_title",
    "amount_cents",
    "discount_cents",
    "pass_price_cents",
    "redeemed_at",
    "cancelled",
}


@pytest.fixture
def device(db):
    provider, _ = make_provider()
    owner = User.objects.create_user("eigenaar@bakker.example")
    device, token = issue_device_token(provider=provider, name="kassa 1", actor=owner)
    return provider, device, {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def verify(client, headers, code):
    return client.post(
        "/api/till/verify", {"code": code}, content_type="application/json", **headers
    )


def redeem(client, headers, body, key="till1-0001"):
    extra = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return client.post(
        "/api/till/redemptions", body, content_type="application/json", **headers, **extra
    )


def test_verify_then_redeem_with_only_whitelisted_fields(client, device):
    provider, _, headers = device
    adult, _ = make_household_passes()
    make_offer(provider, title="Krentenbol", per_pass_limit=1, per_pass_period="dag")
    answer = verify(client, headers, adult.number).json()
    assert set(answer) == VERIFY_FIELDS and answer["valid"]
    assert [set(o) for o in answer["offers"]] == [OFFER_FIELDS]
    body = {"pass_token": answer["pass_token"], "offer_id": answer["offers"][0]["offer_id"]}
    first = redeem(client, headers, body)
    assert first.status_code == 201 and set(first.json()) == REDEMPTION_FIELDS
    listed = client.get("/api/till/redemptions", **headers).json()
    assert [set(r) for r in listed] == [REDEMPTION_FIELDS]


def test_idempotency_same_key_same_answer_other_body_422_missing_400(client, device):
    provider, _, headers = device
    adult, _ = make_household_passes()
    offer = make_offer(
        provider,
        kind="categorie",
        regular_price_cents=None,
        percent_off=20,
        category_label="reparaties",
    )
    token = verify(client, headers, adult.number).json()["pass_token"]
    body = {"pass_token": token, "offer_id": offer.pk, "amount_cents": 4550}
    first = redeem(client, headers, body, key="k-1")
    replays = [redeem(client, headers, body, key="k-1") for _ in range(10)]
    assert {r.status_code for r in replays} == {201}
    assert all(r.json() == first.json() for r in replays)
    assert Redemption.objects.count() == 1
    other = redeem(client, headers, {**body, "amount_cents": 999}, key="k-1")
    assert other.status_code == 422 and other.json()["code"] == "key_reused"
    missing = redeem(client, headers, body, key=None)
    assert missing.status_code == 400 and "Idempotency-Key" in missing.json()["message"]
    assert Redemption.objects.count() == 1


def test_refusals_are_409_with_a_dutch_reason_and_nothing_recorded(client, device):
    provider, _, headers = device
    adult, _ = make_household_passes()
    offer = make_offer(provider, global_quota=0)
    token = verify(client, headers, adult.number).json()["pass_token"]
    refused = redeem(client, headers, {"pass_token": token, "offer_id": offer.pk})
    assert refused.status_code == 409 and refused.json() == {
        "code": "quota",
        "message": "Dit aanbod is op.",
    }
    assert not Redemption.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"pass_token": "x"},
        {"pass_token": "x", "offer_id": "een"},
        {"pass_token": "", "offer_id": 1},
        {"pass_token": "x", "offer_id": 0},
    ],
)
def test_a_malformed_body_gets_422_in_dutch(client, device, body):
    _, _, headers = device
    response = redeem(client, headers, body)
    assert response.status_code == 422 and response.json()["code"] == "invalid_body"
    assert "kloppen niet" in response.json()["message"]


def test_a_wrong_or_revoked_token_is_401(client, device):
    _, till_device, headers = device
    assert verify(client, {"HTTP_AUTHORIZATION": "Bearer zpt_nope"}, "x").status_code == 401
    revoke_device(till_device)
    response = verify(client, headers, "x")
    assert response.status_code == 401 and response.json()["code"] == "unauthorised"


def test_cancel_within_the_window_frees_the_limit(client, device):
    provider, _, headers = device
    adult, _ = make_household_passes()
    offer = make_offer(provider, per_pass_limit=1, per_pass_period="altijd", global_quota=1)
    token = verify(client, headers, adult.number).json()["pass_token"]
    done = redeem(client, headers, {"pass_token": token, "offer_id": offer.pk}).json()
    cancelled = client.post(f"/api/till/redemptions/{done['id']}/cancel", **headers)
    assert cancelled.status_code == 200 and cancelled.json()["cancelled"]
    again = redeem(client, headers, {"pass_token": token, "offer_id": offer.pk}, key="k-2")
    assert again.status_code == 201


def test_the_api_answers_the_same_for_a_free_and_a_paying_holder(client, device):
    provider, _, headers = device
    free, _ = make_household_passes()
    paying, _ = make_household_passes()
    Pass.objects.filter(pk=paying.pk).update(tier=Tier.STANDARD, price_paid_cents=2500)
    make_offer(provider, title="Brood")
    a, b = (
        verify(client, headers, free.number).json(),
        verify(client, headers, paying.number).json(),
    )
    for answer in (a, b):
        answer.pop("pass_number"), answer.pop("pass_token")
    assert a == b


def test_the_openapi_schema_is_served(client, db):
    schema = client.get("/api/openapi.json").json()
    assert "/api/till/redemptions" in schema["paths"]
    assert client.get("/api/docs").status_code == 200


def test_an_owner_issues_and_revokes_a_device_token_on_the_page(client, db):
    import re

    from zaansepas.offers.models import ProviderMember

    provider, _ = make_provider("11223344")
    owner = User.objects.create_user("owner@example.org")
    ProviderMember.objects.create(provider=provider, user=owner, role="eigenaar")
    client.force_login(owner)
    page = client.post("/kassa/apparaten/", {"name": "kassa 2"}).content.decode()
    token = re.search(r'id="new-token">([^<]+)<', page).group(1)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert verify(client, headers, "123").status_code == 200
    device = provider.till_devices.get()
    client.post("/kassa/apparaten/", {"revoke": device.pk})
    assert verify(client, headers, "123").status_code == 401
    till_staff = User.objects.create_user("kassa@example.org")
    ProviderMember.objects.create(provider=provider, user=till_staff, role="kassa")
    client.force_login(till_staff)
    assert client.get("/kassa/apparaten/").status_code == 404  # owners only
