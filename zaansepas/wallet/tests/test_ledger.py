"""post_transfer: balanced, idempotent, never overdrawn; a refusal writes nothing."""

import pytest
from django.core.exceptions import ValidationError

from zaansepas.till.tests.helpers import make_household_passes, make_provider
from zaansepas.wallet.audit import ledger_problems
from zaansepas.wallet.ledger import (
    own_money_account,
    payment_clearing_account,
    post_transfer,
    provider_payable_account,
    reverse_transfer,
)
from zaansepas.wallet.models import Account, Entry, Transfer, TransferKind


@pytest.fixture
def accounts(db):
    adult, _ = make_household_passes()
    provider, _ = make_provider()
    return {
        "own": own_money_account(adult),
        "clearing": payment_clearing_account(),
        "shop": provider_payable_account(provider),
    }


def top_up(accounts, cents, key="opwaarderen-1"):
    return post_transfer(
        key=key,
        kind=TransferKind.TOP_UP,
        legs=[(accounts["clearing"], -cents), (accounts["own"], cents)],
    )


def pay(accounts, cents, key="betalen-1"):
    return post_transfer(
        key=key,
        kind=TransferKind.PAYMENT,
        legs=[(accounts["own"], -cents), (accounts["shop"], cents)],
    )


def balances(accounts):
    return {name: Account.objects.get(pk=a.pk).balance_cents for name, a in accounts.items()}


def refused(code, fn, *args, **kwargs):
    with pytest.raises(ValidationError) as exc:
        fn(*args, **kwargs)
    assert exc.value.code == code, exc.value.messages
    return exc.value.messages[0]


def test_a_top_up_and_a_payment_move_cents_and_balance(accounts):
    top_up(accounts, 2500)
    pay(accounts, 1000)
    assert balances(accounts) == {"own": 1500, "clearing": -2500, "shop": 1000}
    assert ledger_problems() == []


def test_the_same_key_is_the_same_transfer_and_another_request_is_refused(accounts):
    first = top_up(accounts, 2500)
    again = top_up(accounts, 2500)
    assert again.replayed and again.transfer.pk == first.transfer.pk
    refused("key_reused", top_up, accounts, 999)
    assert Transfer.objects.count() == 1 and balances(accounts)["own"] == 2500


def test_an_overdraft_is_refused_and_writes_nothing(accounts):
    top_up(accounts, 500)
    message = refused("insufficient", pay, accounts, 501)
    assert message == "Er staat niet genoeg op de pas."
    assert Transfer.objects.count() == 1 and Entry.objects.count() == 2
    assert balances(accounts)["own"] == 500


@pytest.mark.parametrize(
    "legs, code",
    [
        ([("own", 100)], "legs"),
        ([("own", 100), ("clearing", -99)], "unbalanced"),
        ([("own", 0), ("clearing", 0)], "amount"),
        ([("own", 1.5), ("clearing", -1.5)], "amount"),
        ([("own", 10**9), ("clearing", -(10**9))], "amount"),
    ],
)
def test_malformed_transfers_are_refused(accounts, legs, code):
    refused(
        code,
        post_transfer,
        key="x",
        kind=TransferKind.CORRECTION,
        legs=[(accounts[name], cents) for name, cents in legs],
    )
    assert not Transfer.objects.exists()


def test_a_reversal_mirrors_the_original_which_stays(accounts):
    top_up(accounts, 2000)
    payment = pay(accounts, 700).transfer
    reverse_transfer(payment, key="terug-1")
    assert balances(accounts) == {"own": 2000, "clearing": -2000, "shop": 0}
    assert list(payment.entries.values_list("amount_cents", flat=True)) == [-700, 700]
    assert Transfer.objects.get(key="terug-1").reverses == payment
    assert ledger_problems() == []
