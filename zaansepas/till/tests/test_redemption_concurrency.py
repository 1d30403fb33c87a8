"""Parallel tills against the real database (PostgreSQL in `make test`): limits hold."""

import pytest

from zaansepas.till.models import Redemption
from zaansepas.till.redemption import redeem_offer

from .helpers import in_parallel, key, make_household_passes, make_offer, make_provider

pytestmark = pytest.mark.django_db(transaction=True)


def call(offer, pass_card, idem=None):
    return lambda: redeem_offer(
        offer_id=offer.pk,
        pass_id=pass_card.pk,
        provider_id=offer.provider_id,
        location_id=None,
        idempotency_key=idem or key(),
    )


def test_20_parallel_redemptions_of_a_once_per_pass_offer_give_exactly_one():
    provider, _ = make_provider()
    adult, _ = make_household_passes()
    offer = make_offer(provider, per_pass_limit=1, per_pass_period="altijd")
    outcomes = in_parallel([call(offer, adult) for _ in range(20)])
    assert [o for o in outcomes if o[0] == "error"] == []
    assert sum(o[0] == "ok" for o in outcomes) == 1
    assert Redemption.objects.count() == 1


def test_50_parallel_against_a_quota_of_10_give_exactly_10():
    provider, _ = make_provider()
    passes = []
    for _ in range(10):
        adult, kids = make_household_passes(children=[])
        passes.append(adult)
    offer = make_offer(provider, global_quota=10)
    outcomes = in_parallel([call(offer, passes[i % 10]) for i in range(50)])
    assert [o for o in outcomes if o[0] == "error"] == []
    assert sum(o[0] == "ok" for o in outcomes) == 10
    assert Redemption.objects.count() == 10 and offer.counter.used == 10


def test_one_key_replayed_10_times_at_once_is_one_redemption():
    provider, _ = make_provider()
    adult, _ = make_household_passes()
    offer = make_offer(provider)
    outcomes = in_parallel([call(offer, adult, idem="till-7-42") for _ in range(10)])
    assert [o for o in outcomes if o[0] != "ok"] == []
    assert len({o[1].redemption.pk for o in outcomes}) == 1
    assert sum(not o[1].replayed for o in outcomes) == 1
    assert Redemption.objects.count() == 1
