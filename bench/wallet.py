"""How many payments per second can the tills take with the pass? The till payment API
(POST /api/till/payments) over HTTP under gunicorn, against the raw limit: pgbench running
the same SQL on the same PostgreSQL, in the same run.

    .venv/bin/python bench/wallet.py              (starts a throwaway PostgreSQL itself)
    DATABASE_URL=... .venv/bin/python bench/wallet.py   (uses a test_ database on that server)
    .venv/bin/python bench/wallet.py --show-sql   (also prints the SQL of one payment)

What it does: migrates a fresh database; seeds what bench/till.py seeds (one provider, a
few thousand active passes, one device per till), then a wallet for every pass: own money
on each, and a budget that may pay this provider on the first half of the passes (by id).
Starts gunicorn; then 16 simulated tills each take the next pass and pay a random amount
(€ 1 to € 15) with a fresh Idempotency-Key. The pass token a till gets from verifying a pass
is made here with the same secret (verifying is bench/till.py's subject). One payment is
one request. Then pgbench runs the statements one payment sends (budget or own money, as
the pass has), with the app's transaction boundaries (the payment's transaction, and the
four look-ups around it on their own), as one pgbench transaction, 16 clients on the same
database. At the end the ledger is checked (every balance the sum of its entries):
pgbench's writes must keep it too.

Bounded: 2 s warm-up, 4 s with one till alone, 20 s with all tills, 15 s of pgbench;
about a minute and a quarter in all (more on a busy machine).
Exits 1 (after printing the figures) when any payment failed. Last line:
    wallet rps=<payments/s> p99_ms=<ms> pgbench_tps=<tps> ratio=<rps/pgbench_tps>
"""

# ruff: noqa: S608 -- the SQL built here is the pgbench script's text, with our own constants

import itertools
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

# What the HTTP benchmarks share (benchkit/), and bench/till.py's seed data and till
# connection. (This directory is on sys.path: it holds the script.)
from benchkit.figures import machine_load, percentile
from benchkit.pgbench import TRANSACTION_CONTROL, database_url_for, run_pgbench
from benchkit.server import ROOT, WORKERS, environment, rerun_under_postgres, start_gunicorn
from benchkit.till_seed import TILLS, seed
from till import Till, wait_until_up

WARMUP_SECONDS = 2.0
ALONE_SECONDS = 4.0
LOAD_SECONDS = 20.0
PGBENCH_SECONDS = 15.0
OWN_MONEY_CENTS = 50_000
BUDGET_CENTS = 50_000  # neither runs dry in a run: every payment is paid in full
AMOUNTS = (100, 1500)
GOAL_RATIO = 0.2


# --- seed data ------------------------------------------------------------------------------


def seed_wallets(provider, passes) -> tuple[int, int]:
    """Own money on every pass, a budget on the first half (by id). Written in bulk as the
    transfers top_up and grant_budget would post (one keyed transfer each, two entries), so
    the ledger holds from the start. Returns (last pass id with a budget, scheme id)."""
    from django.db.models import F
    from django.utils import timezone

    from zaansepas.wallet.budgets import grant_expiry
    from zaansepas.wallet.ledger import (
        payment_clearing_account,
        provider_payable_account,
        scheme_funding_account,
    )
    from zaansepas.wallet.models import Account, AccountKind, Entry, Scheme, Transfer, TransferKind

    today = timezone.localdate()
    scheme = Scheme.objects.create(
        code="sporttegoed",
        name="Sporttegoed",
        amount_cents=BUDGET_CENTS,
        valid_from=today.replace(month=1, day=1),
        valid_until=today.replace(month=12, day=31),
    )
    expires = grant_expiry(scheme, today)
    ids = sorted(p.pk for p in passes)
    with_budget = ids[: len(ids) // 2]
    funding, clearing = scheme_funding_account(scheme), payment_clearing_account()
    provider_payable_account(provider)  # exists before the first payment, as in use
    accounts = Account.objects.bulk_create(
        [
            Account(
                kind=AccountKind.OWN_MONEY,
                key=f"eigen_geld:pas:{pk}",
                pass_card_id=pk,
                balance_cents=OWN_MONEY_CENTS,
            )
            for pk in ids
        ]
        + [
            Account(
                kind=AccountKind.BUDGET,
                key=f"tegoed:pas:{pk}:regeling:{scheme.pk}:{expires.isoformat()}",
                pass_card_id=pk,
                scheme=scheme,
                expires_on=expires,
                balance_cents=BUDGET_CENTS,
            )
            for pk in with_budget
        ],
        batch_size=2000,
    )
    transfers = Transfer.objects.bulk_create(
        [
            Transfer(
                key=f"bench-{account.key}",
                kind=TransferKind.TOP_UP
                if account.kind == AccountKind.OWN_MONEY
                else TransferKind.GRANT,
                fingerprint="0" * 64,
                memo="bench",
            )
            for account in accounts
        ],
        batch_size=2000,
    )
    entries = []
    for account, transfer in zip(accounts, transfers, strict=True):
        source = clearing if account.kind == AccountKind.OWN_MONEY else funding
        entries += [
            Entry(transfer=transfer, account=source, amount_cents=-account.balance_cents),
            Entry(transfer=transfer, account=account, amount_cents=account.balance_cents),
        ]
    Entry.objects.bulk_create(entries, batch_size=4000)
    Account.objects.filter(pk=clearing.pk).update(
        balance_cents=F("balance_cents") - OWN_MONEY_CENTS * len(ids)
    )
    Account.objects.filter(pk=funding.pk).update(
        balance_cents=F("balance_cents") - BUDGET_CENTS * len(with_budget)
    )
    return with_budget[-1], scheme.pk


# --- one payment in-process: how many queries ----------------------------------------------


def count_queries(pass_id: int, token: str, show_sql: bool, label: str) -> int:
    """One payment through Django's test client, counting SQL statements (without
    BEGIN/COMMIT). Also a check that the API answers as the load loop expects."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from zaansepas.till.screen import pass_token

    client = Client(SERVER_NAME="127.0.0.1")
    with CaptureQueriesContext(connection) as captured:
        answer = client.post(
            "/api/till/payments",
            {"pass_token": pass_token(pass_id), "amount_cents": 500},
            content_type="application/json",
            headers={"authorization": f"Bearer {token}", "idempotency-key": uuid.uuid4().hex},
        )
    assert answer.status_code == 201, answer.content
    assert answer.json()["remainder_cents"] == 0, answer.json()
    if show_sql:
        print(f"-- one payment, {label}: {len(captured)} statements")
        for query in captured.captured_queries:
            print(query["sql"])
    return sum(1 for q in captured.captured_queries if q["sql"] not in TRANSACTION_CONTROL)


# --- the simulated tills --------------------------------------------------------------------


def drive(port: int, tokens: list[str], pass_tokens: list[str], order, seconds: float):
    """One thread per device token, each paying until the deadline. Every payment takes the
    next pass of a shuffled list (order counts on across calls), so no two tills serve the
    same pass at once. Returns (sorted latencies, errors, duration, cents paid)."""
    stop = time.perf_counter() + seconds
    results = [([], Counter(), [0]) for _ in tokens]

    def run(index: int):
        till, rng = Till(port, tokens[index]), random.Random(index)
        latencies, errors, paid = results[index]
        while time.perf_counter() < stop:
            body = {
                "pass_token": pass_tokens[next(order) % len(pass_tokens)],
                "amount_cents": rng.randint(*AMOUNTS),
            }
            start = time.perf_counter()
            status, answer = till.post("/api/till/payments", body, key=uuid.uuid4().hex)
            elapsed = time.perf_counter() - start
            if status != 201:
                errors[f"pay {status} {answer.get('code', '')}".strip()] += 1
            elif answer["remainder_cents"] != 0:
                errors["pay 201 with a remainder (a source ran dry)"] += 1
            else:
                latencies.append(elapsed)
                paid[0] += answer["paid_cents"]
        till.connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(tokens))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.perf_counter() - started
    latencies = sorted(x for lat, _, _ in results for x in lat)
    errors = sum((err for _, err, _ in results), Counter())
    return latencies, errors, duration, sum(p[0] for _, _, p in results)


# --- pgbench: the same SQL ------------------------------------------------------------------


def pgbench_script(provider, token: str, first: int, last: int, last_budget: int, scheme_id):
    """The statements one payment sends (see --show-sql), in the same order and inside the
    same transaction boundaries: the device and pass look-ups before the transaction, the
    ledger posting in its savepoint. A random pass; a
    pass up to `last_budget` pays from its budget, the rest from own money. Returns (script,
    statements per payment with a budget, without)."""
    from django.utils import timezone

    from zaansepas.city.models import PolicyTheme
    from zaansepas.offers.models import Provider
    from zaansepas.passes.models import Pass
    from zaansepas.till.devices import hash_token
    from zaansepas.till.models import TillDevice
    from zaansepas.wallet.ledger import provider_payable_account
    from zaansepas.wallet.models import Account, Entry, Scheme, Transfer

    t = {  # table names
        model.__name__: model._meta.db_table
        for model in (Account, Entry, Scheme, Transfer, Pass, PolicyTheme, Provider, TillDevice)
    }
    providers_table = Scheme.providers.through._meta.db_table
    themes_table = Scheme.themes.through._meta.db_table
    today = f"'{timezone.localdate().isoformat()}'::date"
    shop = provider_payable_account(provider).pk
    key = f"'kassa:{provider.pk}:pgb-' || :client_id || '-' || :n"
    transfer_by_key = f"SELECT * FROM {t['Transfer']} WHERE key = {key} ORDER BY id LIMIT 1"
    memo = provider.name[:200].replace("'", "''")

    before = [
        f"SELECT d.*, p.* FROM {t['TillDevice']} d JOIN {t['Provider']} p "
        f"ON d.provider_id = p.id WHERE p.status = 'goedgekeurd' AND d.revoked_at IS NULL "
        f"AND d.token_hash = '{hash_token(token)}' ORDER BY d.id LIMIT 1",
        f"SELECT * FROM {t['Pass']} WHERE id = :pid ORDER BY created_at DESC LIMIT 1",
    ]

    def payment(budget: bool) -> list[str]:
        source = ":b_id" if budget else ":o_id"
        sql = [
            "BEGIN",
            f"SELECT * FROM {t['Pass']} WHERE id = :pid LIMIT 21 FOR UPDATE",
            transfer_by_key,
            # spending_order: all of the pass's accounts with their schemes, in one query
            # (one row here, so pgbench can keep the ids; the app reads the rows).
            f"SELECT max(a.id) FILTER (WHERE a.kind = 'tegoed' AND a.balance_cents > 0 "
            f"AND a.expires_on >= {today} AND s.valid_from <= {today} "
            f"AND s.valid_until >= {today}) AS b_id, "
            f"max(a.id) FILTER (WHERE a.kind = 'eigen_geld') AS o_id "
            f"FROM {t['Account']} a LEFT OUTER JOIN {t['Scheme']} s ON a.scheme_id = s.id "
            "WHERE a.pass_card_id = :pid \\gset",
        ]
        if budget:  # the prefetched restrictions of the budget's scheme (may_pay)
            sql += [
                f"SELECT p.*, x.scheme_id FROM {t['Provider']} p JOIN {providers_table} x "
                f"ON p.id = x.provider_id WHERE x.scheme_id IN ({scheme_id})",
                f"SELECT th.*, x.scheme_id FROM {t['PolicyTheme']} th JOIN {themes_table} x "
                f"ON th.id = x.policytheme_id WHERE x.scheme_id IN ({scheme_id})",
            ]
        sql += [
            f"SELECT * FROM {t['Account']} WHERE id IN "
            f"({':b_id, :o_id' if budget else ':o_id'}) ORDER BY id FOR UPDATE",
            f"SELECT * FROM {t['Account']} WHERE key = 'aanbieder:{provider.pk}' "
            "ORDER BY id LIMIT 1",
            # post_transfer, in its savepoint (the key was looked up above)
            "SAVEPOINT s1",
            f"SELECT * FROM {t['Account']} WHERE id IN ({source}, {shop}) ORDER BY id FOR UPDATE",
            f"INSERT INTO {t['Transfer']} (key, kind, fingerprint, memo, reverses_id, "
            f"created_by_id, created_at) VALUES ({key}, 'betaling', '{'0' * 64}', '{memo}', "
            "NULL, NULL, now()) RETURNING id \\gset tr_",
            f"INSERT INTO {t['Entry']} (transfer_id, account_id, amount_cents) SELECT * FROM "
            f"UNNEST(ARRAY[:tr_id, :tr_id]::bigint[], ARRAY[{source}, {shop}]::bigint[], "
            "ARRAY[0 - :amount, :amount]::bigint[]) RETURNING id",
            f"UPDATE {t['Account']} SET balance_cents = balance_cents + (0 - :amount) "
            f"WHERE id = {source}",
            f"UPDATE {t['Account']} SET balance_cents = balance_cents + :amount WHERE id = {shop}",
            "RELEASE SAVEPOINT s1",
            "COMMIT",
        ]
        return sql

    with_budget, own_only = payment(budget=True), payment(budget=False)
    lines = [
        f"\\set pid random({first}, {last})",
        f"\\set amount random({AMOUNTS[0]}, {AMOUNTS[1]})",
        "\\set n :n + 1",
        *(sql + ";" for sql in before),
        f"\\if :pid <= {last_budget}",
        *(sql if "\\gset" in sql else sql + ";" for sql in with_budget),
        "\\else",
        *(sql if "\\gset" in sql else sql + ";" for sql in own_only),
        "\\endif",
    ]

    def statements(sql: list[str]) -> int:
        return len(before) + sum(1 for s in sql if s not in TRANSACTION_CONTROL)

    return "\n".join(lines) + "\n", statements(with_budget), statements(own_only)


# --- main -----------------------------------------------------------------------------------


def main() -> int:
    if not os.environ.get("DATABASE_URL"):
        return rerun_under_postgres(__file__)
    show_sql = "--show-sql" in sys.argv
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="zp-bench-wallet-"))
    env = environment(str(workdir))
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    from zaansepas.till.screen import pass_token
    from zaansepas.wallet.audit import ledger_problems
    from zaansepas.wallet.models import Transfer, TransferKind

    # A test_ database beside the one given: a DATABASE_URL that points at real data is
    # never written to.
    old = setup_databases(verbosity=0, interactive=False)
    process = None
    try:
        provider, _offers, passes, tokens = seed()
        last_budget, scheme_id = seed_wallets(provider, passes)
        ids = sorted(p.pk for p in passes)
        budget_n = count_queries(ids[0], tokens[0], show_sql, "from a budget")
        own_n = count_queries(ids[-1], tokens[0], show_sql, "from own money")
        script, script_budget_n, script_own_n = pgbench_script(
            provider, tokens[0], ids[0], ids[-1], last_budget, scheme_id
        )
        if show_sql:
            print("-- pgbench script\n" + script)
        rng = random.Random(1)
        rng.shuffle(passes)
        pass_tokens = [pass_token(p.pk) for p in passes]
        bench_url = database_url_for(connection.settings_dict["NAME"])
        connection.close()

        log_path = workdir / "gunicorn.log"
        process, port = start_gunicorn({**env, "DATABASE_URL": bench_url}, log_path)
        wait_until_up(process, port, tokens[0], passes[0], log_path)
        order = itertools.count()
        drive(port, tokens, pass_tokens, order, WARMUP_SECONDS)
        # One till alone: the time a payment takes without waiting for the other tills.
        alone, alone_errors, _, _ = drive(port, tokens[:1], pass_tokens, order, ALONE_SECONDS)
        latencies, errors, duration, paid = drive(port, tokens, pass_tokens, order, LOAD_SECONDS)
        errors += alone_errors
        process.terminate()
        process.wait(timeout=30)
        process = None
        server_errors = [
            line
            for line in log_path.read_text(errors="replace").splitlines()
            if re.search(r"ERROR|CRITICAL|Traceback|WORKER TIMEOUT", line)
        ]
        payments = Transfer.objects.filter(kind=TransferKind.PAYMENT)
        before = payments.count()
        tps, pgbench_summary = run_pgbench(
            bench_url, script, PGBENCH_SECONDS, workdir, clients=TILLS
        )
        pgbench_rows = payments.count() - before
        problems = ledger_problems()
    finally:
        if process is not None:
            process.kill()
            process.wait()
        connection.close()
        teardown_databases(old, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)

    count = len(latencies)
    rps = count / duration
    p50, p99 = percentile(latencies, 0.50) * 1000, percentile(latencies, 0.99) * 1000
    failed = sum(errors.values())
    mirrored = (script_budget_n, script_own_n) == (budget_n, own_n)
    print(
        f"data: 1 provider, {len(passes)} passes with own money, {ids.index(last_budget) + 1} "
        f"of them with a budget; PostgreSQL {connection.pg_version // 10000}"
    )
    print(
        f"queries: one payment = {budget_n} from a budget, {own_n} from own money "
        f"(+ BEGIN/COMMIT); pgbench script: {script_budget_n}, {script_own_n}"
        + ("" if mirrored else "  MISMATCH: update pgbench_script() to the app's queries")
    )
    print(
        f"http: {TILLS} tills for {duration:.1f} s against gunicorn ({WORKERS} sync workers): "
        f"{count} payments (€ {paid / 100:,.2f}), {failed} failed; p50 {p50:.1f} ms"
    )
    print(
        f"one till alone: {len(alone)} payments in {ALONE_SECONDS:.0f} s, "
        f"p50 {percentile(alone, 0.5) * 1000:.1f} ms (with {TILLS} tills the rest is queueing)"
    )
    for error, n in errors.most_common():
        print(f"  FAILED {n}x {error}")
    for line in server_errors[:10]:
        print(f"  gunicorn: {line}")
    print(
        f"pgbench: {TILLS} clients for {PGBENCH_SECONDS:.0f} s, same SQL per payment: "
        f"{tps:.0f} tps, {pgbench_summary}, {pgbench_rows} payments written"
    )
    print(
        "ledger after both: "
        + ("holds (every balance is the sum of its entries)" if not problems else "BROKEN")
    )
    for problem in problems[:10]:
        print(f"  {problem}")
    print(machine_load())
    ratio = rps / tps
    print(
        f"goal ratio >= {GOAL_RATIO}: {'met' if ratio >= GOAL_RATIO else 'NOT met'}; "
        f"the whole run took {time.perf_counter() - began:.0f} s"
    )
    print(f"wallet rps={rps:.0f} p99_ms={p99:.1f} pgbench_tps={tps:.0f} ratio={ratio:.2f}")
    return 1 if failed or server_errors or problems or not mirrored else 0


if __name__ == "__main__":
    sys.exit(main())
