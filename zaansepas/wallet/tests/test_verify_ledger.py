"""`manage.py verify_ledger`: exit 0 when the ledger holds; exit 1 with the mismatches."""

import pytest
from django.core.management import call_command

from zaansepas.till.tests.helpers import make_household_passes
from zaansepas.wallet.ledger import own_money_account, payment_clearing_account, post_transfer
from zaansepas.wallet.models import Account, Entry, TransferKind


@pytest.fixture
def ledger(db):
    adult, _ = make_household_passes()
    own, clearing = own_money_account(adult), payment_clearing_account()
    transfer = post_transfer(
        key="opwaarderen-1", kind=TransferKind.TOP_UP, legs=[(clearing, -1000), (own, 1000)]
    ).transfer
    return own, clearing, transfer


def run(capsys):
    try:
        call_command("verify_ledger")
    except SystemExit as exc:
        return exc.code, capsys.readouterr()
    return 0, capsys.readouterr()


def test_a_sound_ledger_exits_0(ledger, capsys):
    code, out = run(capsys)
    assert code == 0 and "grootboek klopt" in out.out


def test_a_cached_balance_that_differs_from_its_entries_exits_1(ledger, capsys):
    own, _clearing, _transfer = ledger
    Account.objects.filter(pk=own.pk).update(balance_cents=1200)
    code, out = run(capsys)
    assert code == 1
    assert f"rekening {own.key}: saldo 1200, som van de boekingsregels 1000" in out.err


def test_a_transfer_that_does_not_sum_to_zero_exits_1(ledger, capsys):
    own, _clearing, transfer = ledger
    # Entries can still be added (append-only), so a broken writer could unbalance one.
    Entry.objects.create(transfer=transfer, account=own, amount_cents=5)
    code, out = run(capsys)
    assert code == 1
    assert f"boeking {transfer.pk}: regels tellen op tot 5, niet 0" in out.err
