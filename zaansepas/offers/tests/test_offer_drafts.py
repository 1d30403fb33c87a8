"""actions.create_offer / save_offer_draft: one offer per form even when the form is sent
several times at once; an offer sent in again queues behind those already waiting."""

import threading
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from zaansepas.offers import actions
from zaansepas.offers.models import Offer

from .test_offer_pages import TODAY, make_officer, make_provider, roles  # noqa: F401


def values(title="Zwemles"):
    return {
        "title": title,
        "description": "U krijgt korting op zwemles. Laat uw pas zien bij de kassa.",
        "kind": "procent",
        "regular_price_cents": 1250,
        "percent_off": 30,
        "valid_from": TODAY,
        "valid_until": TODAY.replace(year=TODAY.year + 1),
    }


def create(provider, key, title="Zwemles", submit=False):
    return actions.create_offer(
        provider,
        submission_key=key,
        values=values(title),
        themes=[],
        locations=[],
        submit=submit,
    )


@pytest.mark.django_db(transaction=True)
def test_one_form_sent_five_times_at_once_makes_one_offer(roles):  # noqa: F811
    provider = make_provider()
    key = uuid.uuid4()
    barrier = threading.Barrier(5)
    outcomes = []

    def send():
        try:
            barrier.wait()
            offer, created = create(provider, key)
            outcomes.append((offer.pk, created))
        except Exception as exc:
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len({o[0] for o in outcomes}) == 1, outcomes
    assert sorted(created for _pk, created in outcomes) == [False] * 4 + [True]
    assert Offer.objects.count() == 1


def test_an_offer_sent_again_after_a_rejection_queues_behind_the_others(client, roles):  # noqa: F811
    provider = make_provider()
    officer = make_officer()
    first, _ = create(provider, uuid.uuid4(), "Eerste aanbod", submit=True)
    actions.reject_offer(first, actor=officer, reason="De korting is niet duidelijk.")
    second, _ = create(provider, uuid.uuid4(), "Tweede aanbod", submit=True)
    first.refresh_from_db()
    actions.save_offer_draft(
        first, values=values("Eerste aanbod"), themes=[], locations=[], submit=True
    )
    client.force_login(officer)
    page = client.get(reverse("offers:offer_review_queue")).content.decode()
    assert page.index("Tweede aanbod") < page.index("Eerste aanbod")


def test_a_sent_offer_cannot_be_changed_as_a_draft(roles):  # noqa: F811
    provider = make_provider()
    offer, _ = create(provider, uuid.uuid4(), submit=True)
    with pytest.raises(actions.ProviderError):
        actions.save_offer_draft(
            offer, values=values("Anders"), themes=[], locations=[], submit=False
        )
    offer.refresh_from_db()
    assert offer.title == "Zwemles"
