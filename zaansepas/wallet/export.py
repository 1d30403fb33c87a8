"""Everything the municipality needs to leave: all pass, offer, till, wallet and ledger data
as CSV, with a JSON description of every file and column. Enough to rebuild every balance
elsewhere: accounts.csv holds the cached balances, entries.csv every posting.

Values are written exactly as stored (no spreadsheet quoting), because these files are for
loading into another system; the manifest says so. Credentials (password and token hashes)
and uploaded evidence files are not exported.
"""

import csv
import json
from pathlib import Path

from django.apps import apps
from django.db import models
from django.utils import timezone

# (file name, app_label.Model) in an order that respects foreign keys.
EXPORTS = [
    ("pass_prices.csv", "passes.PassPrice"),
    ("households.csv", "passes.Household"),
    ("persons.csv", "passes.Person"),
    ("applications.csv", "passes.Application"),
    ("passes.csv", "passes.Pass"),
    ("pass_events.csv", "passes.PassEvent"),
    ("pass_payments.csv", "passes.Payment"),
    ("providers.csv", "offers.Provider"),
    ("provider_members.csv", "offers.ProviderMember"),
    ("locations.csv", "offers.Location"),
    ("opening_hours.csv", "offers.OpeningHours"),
    ("offer_groups.csv", "offers.OfferGroup"),
    ("offers.csv", "offers.Offer"),
    ("reservations.csv", "offers.Reservation"),
    ("offer_counters.csv", "till.OfferCounter"),
    ("redemptions.csv", "till.Redemption"),
    ("till_devices.csv", "till.TillDevice"),
    ("schemes.csv", "wallet.Scheme"),
    ("scheme_list_entries.csv", "wallet.SchemeListEntry"),
    ("accounts.csv", "wallet.Account"),
    ("transfers.csv", "wallet.Transfer"),
    ("entries.csv", "wallet.Entry"),
    ("payout_runs.csv", "wallet.PayoutRun"),
    ("payout_lines.csv", "wallet.PayoutLine"),
    ("top_ups.csv", "wallet.TopUp"),
    ("expiry_notices.csv", "wallet.ExpiryNotice"),
]
# Secrets and files that never leave: a new system issues its own.
LEFT_OUT = {"token_hash", "code_salt", "evidence", "letter", "request_fingerprint"}


def _columns(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in LEFT_OUT]


def _describe(field: models.Field) -> dict:
    description = {
        "name": field.attname,
        "type": field.get_internal_type(),
        "description": str(field.verbose_name),
        "nullable": field.null,
    }
    if field.is_relation:
        description["references"] = field.related_model._meta.label
    if field.choices:
        description["choices"] = {str(value): str(label) for value, label in field.choices}
    if field.name.endswith("_cents"):
        description["unit"] = "eurocent"
    return description


def _value(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def export_all(directory: Path) -> dict:
    directory.mkdir(parents=True, exist_ok=True)
    manifest = {
        "exported_at": timezone.now().isoformat(),
        "format": "CSV, UTF-8, comma-separated, header row; empty cell = no value; "
        "values exactly as stored (not quoted for spreadsheets)",
        "money": "integer euro cents; ledger amounts are signed: positive raises a balance",
        "rebuild_balances": "account balance = sum of entries.amount_cents per account_id; "
        "every transfer's entries sum to 0",
        "files": [],
    }
    counts = {}
    for filename, label in EXPORTS:
        model = apps.get_model(label)
        columns = _columns(model)
        rows = 0
        with (directory / filename).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([f.attname for f in columns])
            for obj in model.objects.order_by("pk").iterator(chunk_size=2000):
                writer.writerow([_value(getattr(obj, f.attname)) for f in columns])
                rows += 1
        for m2m in model._meta.many_to_many:
            join = f"{Path(filename).stem}_{m2m.name}.csv"
            through = getattr(model, m2m.name).through
            source, target = m2m.m2m_column_name(), m2m.m2m_reverse_name()
            with (directory / join).open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow([source, target])
                for pair in through.objects.order_by("pk").values_list(source, target):
                    writer.writerow(pair)
            manifest["files"].append(
                {
                    "file": join,
                    "table": f"{label}.{m2m.name}",
                    "columns": [
                        {"name": source, "references": label},
                        {"name": target, "references": m2m.related_model._meta.label},
                    ],
                }
            )
        counts[filename] = rows
        manifest["files"].append(
            {
                "file": filename,
                "table": label,
                "description": str(model._meta.verbose_name_plural),
                "rows": rows,
                "columns": [_describe(f) for f in columns],
            }
        )
    (directory / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return counts
