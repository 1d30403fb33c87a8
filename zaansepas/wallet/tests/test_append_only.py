"""Posted transfers and entries cannot be changed or removed: not through the ORM, not with
raw SQL, on SQLite and on PostgreSQL (the database triggers refuse)."""

import pytest
from django.db import DatabaseError, connection, transaction

from zaansepas.till.tests.helpers import make_household_passes
from zaansepas.wallet.ledger import own_money_account, payment_clearing_account, post_transfer
from zaansepas.wallet.models import Entry, Transfer, TransferKind


@pytest.fixture
def posted(db):
    adult, _ = make_household_passes()
    return post_transfer(
        key="opwaarderen-1",
        kind=TransferKind.TOP_UP,
        legs=[(payment_clearing_account(), -1000), (own_money_account(adult), 1000)],
    ).transfer


def refused_by_the_database(action):
    with pytest.raises(DatabaseError) as exc, transaction.atomic():
        action()
    assert "alleen-toevoegen" in str(exc.value)


def test_orm_update_and_delete_of_entries_fail(posted):
    entry = posted.entries.first()
    entry.amount_cents = 5

    refused_by_the_database(entry.save)
    refused_by_the_database(lambda: Entry.objects.filter(pk=entry.pk).update(amount_cents=5))
    refused_by_the_database(lambda: Entry.objects.filter(pk=entry.pk).delete())
    assert sorted(Entry.objects.values_list("amount_cents", flat=True)) == [-1000, 1000]


def test_raw_sql_update_and_delete_of_entries_and_transfers_fail(posted):
    def raw(sql):
        return lambda: connection.cursor().execute(sql)

    refused_by_the_database(raw("UPDATE wallet_entry SET amount_cents = 1"))
    refused_by_the_database(raw("DELETE FROM wallet_entry"))
    refused_by_the_database(raw("UPDATE wallet_transfer SET memo = 'anders'"))
    refused_by_the_database(raw(f"DELETE FROM wallet_transfer WHERE id = {posted.pk}"))
    assert Entry.objects.count() == 2 and Transfer.objects.get().memo == ""


def test_the_admin_offers_no_way_to_add_change_or_delete_postings(posted, admin_client):
    for path in (
        f"/admin/wallet/transfer/{posted.pk}/change/",
        "/admin/wallet/entry/",
    ):
        page = admin_client.get(path)
        assert page.status_code in (200, 404)
        assert 'name="_save"' not in page.content.decode()
    assert admin_client.get("/admin/wallet/transfer/add/").status_code == 403
    response = admin_client.post(f"/admin/wallet/transfer/{posted.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403 and Transfer.objects.filter(pk=posted.pk).exists()
