"""The demo providers, offers and redemption history: realistic, valid and loaded once."""

import io

import pytest
from django.core.management import call_command
from stdnum import iban

from zaansepas.offers.models import (
    Location,
    MemberRole,
    Offer,
    OfferKind,
    OfferStatus,
    Provider,
    ProviderMember,
    ProviderStatus,
)
from zaansepas.offers.opening import is_open
from zaansepas.offers.pricing import below_discount_norm, check_offer_terms
from zaansepas.till.models import Redemption


def counts():
    return (
        Provider.objects.count(),
        Location.objects.count(),
        Offer.objects.count(),
        Redemption.objects.count(),
        ProviderMember.objects.count(),
    )


@pytest.mark.django_db
def test_the_demo_offers_are_valid_and_load_once(client):
    out = io.StringIO()
    call_command("demo", stdout=out)
    first = counts()
    call_command("demo", stdout=io.StringIO())
    assert counts() == first

    assert Provider.objects.filter(status=ProviderStatus.APPROVED).count() >= 50
    assert Offer.objects.count() >= 200
    assert Redemption.objects.count() >= 100
    assert set(Offer.objects.values_list("kind", flat=True)) == set(OfferKind.values)
    assert Offer.objects.filter(status=OfferStatus.SUBMITTED).exists()

    for offer in Offer.objects.all():
        check_offer_terms(offer)  # raises when the terms are incomplete
        assert offer.below_norm == below_discount_norm(offer)
        if offer.below_norm and offer.status == OfferStatus.APPROVED:
            assert offer.review_reason
    providers = list(Provider.objects.all())
    assert all(iban.is_valid(p.iban) for p in providers)
    assert len({p.kvk_number for p in providers}) == len(providers)
    assert all(len(p.kvk_number) == 8 and p.kvk_number.isdigit() for p in providers)
    assert not Location.objects.filter(district__isnull=True).exists()
    assert not Offer.objects.filter(search_text__in=["", " "]).exists()
    assert client.get("/aanbod/", {"q": "zwemmen"}).content.decode().count("wemles") >= 1

    # History went through the engine, within opening hours, never today.
    sample = Redemption.objects.select_related("location")[:40]
    assert all(is_open(r.location, r.redeemed_at) for r in sample)
    assert len(set(Redemption.objects.values_list("idempotency_key", flat=True))) == (
        Redemption.objects.count()
    )

    baker = ProviderMember.objects.get(user__email="bakker@zaansepas.demo")
    assert baker.role == MemberRole.OWNER
    assert baker.provider.status == ProviderStatus.APPROVED
    assert baker.provider.offers.filter(status=OfferStatus.APPROVED).count() == 4
    printed = out.getvalue()
    assert "kassa@zaansepas.demo" in printed and "/kassa/" in printed

    assert client.login(username="kassa@zaansepas.demo", password="zaanse-pas-demo")
    page = client.get("/kassa/")
    assert page.status_code == 200
    assert "Bakkerij De Zaan" in page.content.decode()
