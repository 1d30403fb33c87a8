"""`manage.py export_all <dir>`: every file described in manifest.json, and the ledger in
the files is enough to rebuild every balance elsewhere."""

import csv
import json
from collections import defaultdict

import pytest
from django.core.management import CommandError, call_command

from zaansepas.till.tests.helpers import make_household_passes, make_provider
from zaansepas.wallet.models import Account
from zaansepas.wallet.payments import pay, top_up


def read(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def ledger(db):
    adult, _ = make_household_passes()
    shop, _ = make_provider()
    top_up(pass_card=adult, amount_cents=2500, key="op")
    pay(pass_card=adult, provider=shop, amount_cents=999, key="k")


def test_the_export_rebuilds_every_balance_and_describes_every_column(ledger, tmp_path):
    call_command("export_all", str(tmp_path / "uit"))
    out = tmp_path / "uit"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for described in manifest["files"]:
        with (out / described["file"]).open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == [c["name"] for c in described["columns"]], described["file"]
    rebuilt = defaultdict(int)
    for entry in read(out / "entries.csv"):
        rebuilt[entry["account_id"]] += int(entry["amount_cents"])
    exported = {row["id"]: int(row["balance_cents"]) for row in read(out / "accounts.csv")}
    assert exported == dict(rebuilt)
    assert exported == {str(a.pk): a.balance_cents for a in Account.objects.all()}
    passes = read(out / "passes.csv")
    assert passes and "code_salt" not in passes[0]  # secrets stay behind


def test_a_folder_with_files_in_it_is_refused(ledger, tmp_path):
    (tmp_path / "iets.txt").write_text("x")
    with pytest.raises(CommandError):
        call_command("export_all", str(tmp_path))


def test_every_model_with_pass_offer_till_or_wallet_data_is_exported():
    from django.apps import apps

    from zaansepas.wallet.export import EXPORTS

    exported = {label for _file, label in EXPORTS}
    for app in ("passes", "offers", "till", "wallet"):
        for model in apps.get_app_config(app).get_models():
            assert model._meta.label in exported, model._meta.label
