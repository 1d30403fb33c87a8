"""Parallel payments against one balance (PostgreSQL in `make test`): exactly ⌊B/a⌋
succeed, the balance never goes below zero, one key replayed is one transfer."""

import pytest

from zaansepas.till.tests.helpers import in_parallel, make_household_passes, make_provider
from zaansepas.wallet.audit import ledger_problems
from zaansepas.wallet.ledger import (
    own_money_account,
    payment_clearing_account,
    post_transfer,
    provider_payable_account,
)
from zaansepas.wallet.models import Account, Transfer, TransferKind

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def funded():
    adult, _ = make_household_passes()
    provider, _ = make_provider()
    own, shop = own_money_account(adult), provider_payable_account(provider)
    post_transfer(
        key="opwaarderen",
        kind=TransferKind.TOP_UP,
        legs=[(payment_clearing_account(), -1000), (own, 1000)],
    )
    return own, shop


def payment(own, shop, cents, key):
    return lambda: post_transfer(
        key=key, kind=TransferKind.PAYMENT, legs=[(own, -cents), (shop, cents)]
    )


def test_50_parallel_payments_of_70_against_1000_give_exactly_14(funded):
    own, shop = funded
    outcomes = in_parallel([payment(own, shop, 70, f"betaal-{i}") for i in range(50)])
    assert [o for o in outcomes if o[0] == "error"] == []
    assert sum(o[0] == "ok" for o in outcomes) == 1000 // 70
    assert {o[1] for o in outcomes if o[0] == "refused"} == {"insufficient"}
    assert Account.objects.get(pk=own.pk).balance_cents == 1000 - 14 * 70
    assert ledger_problems() == []


def test_one_payment_replayed_10_times_at_once_is_one_transfer(funded):
    own, shop = funded
    outcomes = in_parallel([payment(own, shop, 300, "kassa-3-0007") for _ in range(10)])
    assert [o for o in outcomes if o[0] != "ok"] == []
    assert len({o[1].transfer.pk for o in outcomes}) == 1
    assert sum(not o[1].replayed for o in outcomes) == 1
    assert Transfer.objects.filter(kind=TransferKind.PAYMENT).count() == 1
    assert Account.objects.get(pk=own.pk).balance_cents == 700


def test_50_parallel_till_payments_cover_exactly_the_balance(funded):
    from zaansepas.wallet.payments import pay

    own, shop = funded
    provider = shop.provider
    pass_card = own.pass_card
    outcomes = in_parallel(
        [
            lambda i=i: pay(pass_card=pass_card, provider=provider, amount_cents=70, key=f"p{i}")
            for i in range(50)
        ]
    )
    assert [o for o in outcomes if o[0] == "error"] == []
    paid = [o[1].paid_cents for o in outcomes if o[0] == "ok"]
    # 14 payments covered in full, one partly (the last 20 cents, the rest paid outside),
    # every other one refused: nothing left on the pass.
    assert sorted(paid) == [20] + [70] * 14
    assert {o[1] for o in outcomes if o[0] == "refused"} == {"nothing"}
    assert Account.objects.get(pk=own.pk).balance_cents == 0
    assert ledger_problems() == []
