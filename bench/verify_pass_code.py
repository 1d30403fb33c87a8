"""How fast can a till check a pass? verify_pass_code against the raw limit: the same
indexed lookup by pass number as one SQL statement on the same database, same process.

    .venv/bin/python bench/verify_pass_code.py        (SQLite in a temp dir)
    DATABASE_URL=... .venv/bin/python bench/verify_pass_code.py

Bounded: at most ~5 s per measurement. Last line:
    verify_pass_code db=<vendor> passes=<n> checks_per_s=<x> raw_lookups_per_s=<y> ratio=<y/x>
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if not os.environ.get("DATABASE_URL"):
    os.environ["ZP_VAR_DIR"] = tempfile.mkdtemp(prefix="zp-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zaansepas.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

PASSES = 20_000
SECONDS = 5.0


def measure(fn, codes) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        for code in codes:
            fn(code)
        done += len(codes)
    return done / (time.perf_counter() - start)


def main():
    from zaansepas.lib.checkdigit import add_check_digit
    from zaansepas.passes.codes import make_qr_code
    from zaansepas.passes.models import Household, Pass, Person
    from zaansepas.passes.verification import verify_pass_code

    old = (
        setup_databases(verbosity=0, interactive=False) if os.environ.get("DATABASE_URL") else None
    )
    if old is None:
        call_command("migrate", verbosity=0)
    household = Household.objects.create(
        household_type="alleenstaand", street="x", house_number="1", postcode="1503 AB"
    )
    person = Person.objects.create(
        household=household, role="hoofd", first_name="B", last_name="B", birth_date="1980-01-01"
    )
    import datetime as dt

    today = dt.date.today()
    Pass.objects.bulk_create(
        [
            Pass(
                number=add_check_digit(str(100_000_000 + i)),
                holder=person,
                household=household,
                kind="volwassene",
                tier="standaard",
                valid_from=today,
                valid_until=today + dt.timedelta(days=300),
            )
            for i in range(PASSES)
        ],
        batch_size=2000,
    )
    sample = list(Pass.objects.order_by("?")[:500])
    codes = [make_qr_code(p) for p in sample]
    numbers = [p.number for p in sample]
    table = Pass._meta.db_table
    placeholder = "%s"

    def raw(number):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, status, valid_until, code_salt FROM {table} "  # noqa: S608
                f"WHERE number = {placeholder}",
                [number],
            )
            cursor.fetchone()

    assert all(verify_pass_code(c).valid for c in codes[:10])
    checks = measure(verify_pass_code, codes)
    lookups = measure(raw, numbers)
    if old is not None:
        teardown_databases(old, verbosity=0)
    print(
        f"verify_pass_code db={connection.vendor} passes={PASSES} checks_per_s={checks:.0f} "
        f"raw_lookups_per_s={lookups:.0f} ratio={lookups / checks:.2f}"
    )


if __name__ == "__main__":
    main()
