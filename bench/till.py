"""How many customers per second can the tills serve? The till API (verify + redeem) over
HTTP under gunicorn, against the raw limit: pgbench running the same SQL as one transaction
on the same PostgreSQL, in the same run.

    .venv/bin/python bench/till.py              (starts a throwaway PostgreSQL itself)
    DATABASE_URL=... .venv/bin/python bench/till.py   (uses a test_ database on that server)
    .venv/bin/python bench/till.py --show-sql   (also prints the SQL of one verify and redeem)

What it does: migrates a fresh database; seeds one provider with 10 live offers (per-pass
and per-household limits, a pick-one group, a global quota that does not run out, a
category offer where the till types the amount) and a few thousand active passes; starts
gunicorn; then 16 simulated tills each scan a different pass every time (a fresh QR code),
verify it, and redeem one of the offers the till is shown, with a fresh Idempotency-Key.
One verify + redeem pair is one till transaction. Then pgbench runs the equivalent SQL
(the statements one verify and one redeem send, as one transaction, random pass) with 16
clients on the same database.

Bounded: 3 s warm-up, 5 s with one till alone, 25 s with all tills, 20 s of pgbench;
about a minute and a half in all (more on a busy machine).
Exits 1 (after printing the figures) when any request failed. Last line:
    till rps=<pairs/s> p50_ms=<ms> p99_ms=<ms> pgbench_tps=<tps> ratio=<rps/pgbench_tps>
"""

# ruff: noqa: S608 -- the SQL built here is the pgbench script's text, with our own constants

import http.client
import itertools
import json
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

from benchkit.figures import machine_load, percentile
from benchkit.pgbench import TRANSACTION_CONTROL, database_url_for, run_pgbench
from benchkit.server import ROOT, WORKERS, environment, rerun_under_postgres, start_gunicorn
from benchkit.till_seed import HOUSEHOLDS, PASSES, TILLS, seed

WARMUP_SECONDS = 3.0
ALONE_SECONDS = 5.0
LOAD_SECONDS = 25.0
PGBENCH_SECONDS = 20.0
GOAL_RATIO, GOAL_P99_MS = 0.2, 100.0


# --- the till, in-process: how many queries ------------------------------------------------


def count_queries(pass_card, token, show_sql: bool):
    """One verify and one redeem through Django's test client, counting SQL statements.
    Also a check that the API answers as the load loop expects."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from zaansepas.passes.codes import make_qr_code

    client = Client(SERVER_NAME="127.0.0.1")
    auth = {"authorization": f"Bearer {token}"}
    with CaptureQueriesContext(connection) as verify_q:
        answer = client.post(
            "/api/till/verify",
            {"code": make_qr_code(pass_card)},
            content_type="application/json",
            headers=auth,
        )
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["valid"] and body["offers"], body
    offer = next(o for o in body["offers"] if not o["needs_amount"])
    with CaptureQueriesContext(connection) as redeem_q:
        answer = client.post(
            "/api/till/redemptions",
            {"pass_token": body["pass_token"], "offer_id": offer["offer_id"]},
            content_type="application/json",
            headers={**auth, "idempotency-key": uuid.uuid4().hex},
        )
    assert answer.status_code == 201, answer.content
    if show_sql:
        for name, captured in (("verify", verify_q), ("redeem", redeem_q)):
            print(f"-- {name}: {len(captured)} statements")
            for query in captured.captured_queries:
                print(query["sql"])

    def statements(captured):  # what the database is asked, without BEGIN/COMMIT
        return sum(1 for q in captured.captured_queries if q["sql"] not in TRANSACTION_CONTROL)

    return statements(verify_q), statements(redeem_q), offer["offer_id"], len(body["offers"])


# --- gunicorn and the simulated tills -------------------------------------------------------


class Till:
    """One simulated till: its own device token and one keep-alive HTTP connection."""

    def __init__(self, port: int, token: str):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.auth = f"Bearer {token}"

    def post(self, path: str, body: dict, key: str | None = None):
        headers = {"Authorization": self.auth, "Content-Type": "application/json"}
        if key:
            headers["Idempotency-Key"] = key
        try:
            self.connection.request("POST", path, json.dumps(body), headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.connection.close()  # the next request opens a new connection
            return 0, {"code": type(exc).__name__}
        try:
            return response.status, json.loads(data)
        except ValueError:
            return response.status, {"code": "not_json"}


def serve_customer(till: Till, pass_card, rng: random.Random):
    """Scan, verify, redeem one listed offer. Returns (seconds, error or None)."""
    from zaansepas.passes.codes import make_qr_code

    code = make_qr_code(pass_card)  # what the customer's phone shows now
    start = time.perf_counter()
    status, body = till.post("/api/till/verify", {"code": code})
    if status != 200:
        return None, f"verify {status} {body.get('code', '')}".strip()
    if not body.get("valid"):
        return None, f"verify 200 {body.get('reason')}"
    if not body["offers"]:
        return None, "verify 200 no offers left"
    offer = rng.choice(body["offers"])
    request = {"pass_token": body["pass_token"], "offer_id": offer["offer_id"]}
    if offer["needs_amount"]:
        request["amount_cents"] = rng.randint(200, 6000)
    status, answer = till.post("/api/till/redemptions", request, key=uuid.uuid4().hex)
    elapsed = time.perf_counter() - start
    if status != 201:
        return None, f"redeem {status} {answer.get('code', '')}".strip()
    return elapsed, None


def drive(port: int, tokens: list[str], passes: list, order, seconds: float):
    """One thread per token, each serving customers until the deadline. Every scan takes
    the next pass of a shuffled list (order counts on across calls), so no two tills scan
    the same pass at once."""
    stop = time.perf_counter() + seconds
    results = [([], Counter()) for _ in tokens]

    def run(index: int):
        till, rng = Till(port, tokens[index]), random.Random(index)
        latencies, errors = results[index]
        while time.perf_counter() < stop:
            elapsed, error = serve_customer(till, passes[next(order) % len(passes)], rng)
            if error:
                errors[error] += 1
            else:
                latencies.append(elapsed)
        till.connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(tokens))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.perf_counter() - started
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum((err for _, err in results), Counter())
    return latencies, errors, duration


def wait_until_up(process, port: int, token: str, pass_card, log_path: Path):
    from zaansepas.passes.codes import make_qr_code

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped (exit {process.returncode}):\n{log_path.read_text()}")
        till = Till(port, token)
        status, _ = till.post("/api/till/verify", {"code": make_qr_code(pass_card)})
        till.connection.close()
        if status == 200:
            return
        time.sleep(0.2)
    sys.exit(f"gunicorn did not answer within 60 s:\n{log_path.read_text()}")


# --- pgbench: the same SQL as one transaction ---------------------------------------------


def pgbench_script(provider, offers, token: str) -> tuple[str, int, dict]:
    """The statements one verify and one redeem send (see --show-sql), in the same order,
    as one transaction for a random pass and a random offer. The app finds the pass by its
    number; here by its id (an equal unique-index lookup: pgbench cannot make check digits).
    Returns (script, statements in the listing, statements per redeem by offer id)."""
    from django.db.models import Max, Min
    from django.utils import timezone

    from zaansepas.offers.models import Offer, OfferGroup, Provider, Reservation
    from zaansepas.offers.targeting import takes_reservation
    from zaansepas.passes.models import Household, Pass, Person
    from zaansepas.till.devices import hash_token
    from zaansepas.till.models import OfferCounter, Redemption, TillDevice

    t = {  # table names
        model.__name__: model._meta.db_table
        for model in (Offer, OfferGroup, Provider, Reservation, Household, Pass, Person)
        + (OfferCounter, Redemption, TillDevice)
    }
    now = timezone.now()
    today = f"'{timezone.localdate(now).isoformat()}'::date"

    tickets = f"FROM {t['Reservation']} t WHERE t.status = 'gereserveerd'"
    tickets += f" AND t.service_date >= {today}"
    redeemed = f"FROM {t['Redemption']} r WHERE r.cancelled_at IS NULL"

    def ids(chosen) -> str:
        return ", ".join(str(o.pk) for o in chosen)

    def limit_statements(chosen) -> list[str]:
        """What till/limits.py limit_usage_for asks the database for these offers."""
        sql = []
        personal = [
            o for o in chosen if o.per_pass_limit is not None or o.per_household_limit is not None
        ]
        bookable = [o for o in personal if takes_reservation(o)]
        if personal:
            sql.append(
                f"SELECT r.offer_id, r.pass_card_id, r.redeemed_at {redeemed} "
                f"AND r.household_id = :hid AND r.offer_id IN ({ids(personal)})"
            )
        if bookable:
            sql.append(
                f"SELECT t.offer_id, t.pass_card_id {tickets} AND t.household_id = :hid "
                f"AND t.offer_id IN ({ids(bookable)})"
            )
        groups = sorted({o.group_id for o in chosen if o.group_id is not None})
        if groups:
            in_groups = ", ".join(str(g) for g in groups)
            sql += [
                f"SELECT o.group_id, r.offer_id, r.redeemed_at FROM {t['Redemption']} r "
                f"JOIN {t['Offer']} o ON r.offer_id = o.id WHERE r.cancelled_at IS NULL "
                f"AND r.pass_card_id = :pid AND o.group_id IN ({in_groups})",
                f"SELECT o.group_id, t.offer_id FROM {t['Reservation']} t JOIN {t['Offer']} o "
                f"ON t.offer_id = o.id WHERE t.status = 'gereserveerd' "
                f"AND t.service_date >= {today} AND t.pass_card_id = :pid "
                f"AND o.group_id IN ({in_groups})",
            ]
        quota = [o for o in chosen if o.global_quota is not None and takes_reservation(o)]
        if quota:
            sql.append(
                f"SELECT t.offer_id, COUNT(t.id) {tickets} AND t.offer_id IN ({ids(quota)}) "
                "GROUP BY t.offer_id"
            )
        capacity = [o for o in chosen if o.capacity_per_date is not None]
        if capacity:
            sql += [
                f"SELECT r.offer_id, COUNT(r.id) {redeemed} AND r.offer_id IN ({ids(capacity)}) "
                f"AND r.service_date = {today} GROUP BY r.offer_id",
                f"SELECT t.offer_id, COUNT(t.id) FROM {t['Reservation']} t "
                f"WHERE t.offer_id IN ({ids(capacity)}) AND t.service_date = {today} "
                "AND t.status = 'gereserveerd' GROUP BY t.offer_id",
            ]
        return sql

    device = (
        f"SELECT d.*, p.* FROM {t['TillDevice']} d JOIN {t['Provider']} p "
        f"ON d.provider_id = p.id WHERE p.status = 'goedgekeurd' AND d.revoked_at IS NULL "
        f"AND d.token_hash = '{hash_token(token)}' ORDER BY d.id LIMIT 1"
    )
    pass_and_holder = (
        f"SELECT ps.household_id AS hid, ps.*, h.* FROM {t['Pass']} ps "
        f"JOIN {t['Person']} h ON ps.holder_id = h.id WHERE ps.id = :pid"
    )
    verify = [
        device,
        "SELECT id, number, status, valid_from, valid_until, card_version, code_salt "
        f"FROM {t['Pass']} WHERE id = :pid",
        pass_and_holder + " LIMIT 21",  # ends in \\gset below: sets :hid
        f"SELECT c.offer_id, c.used FROM {t['OfferCounter']} c JOIN {t['Offer']} o "
        f"ON c.offer_id = o.id WHERE o.provider_id = {provider.pk}",
        f"SELECT o.*, g.* FROM {t['Offer']} o LEFT JOIN {t['OfferGroup']} g "
        f"ON o.group_id = g.id WHERE o.provider_id = {provider.pk} "
        f"AND o.status = 'goedgekeurd' AND o.valid_from <= {today} "
        f"AND o.valid_until >= {today} ORDER BY o.title",
    ]
    verify += limit_statements(sorted(offers, key=lambda o: o.title))
    first, last = Pass.objects.aggregate(first=Min("pk"), last=Max("pk")).values()
    lines = [
        f"\\set pid random({first}, {last})",
        f"\\set oi random(0, {len(offers) - 1})",
        "\\set n :n + 1",
        "BEGIN;",
        *(sql + (" \\gset" if sql.startswith(pass_and_holder) else ";") for sql in verify),
    ]
    per_redeem = {}
    for index, offer in enumerate(offers):
        price = offer_price(offer)
        redeem = [
            device,
            f"{pass_and_holder} ORDER BY ps.created_at DESC LIMIT 1 FOR UPDATE",
            f"SELECT * FROM {t['Redemption']} WHERE idempotency_key = "
            f"'pgb-' || :client_id || '-' || :n AND provider_id = {provider.pk} "
            "ORDER BY redeemed_at DESC LIMIT 1",
            f"SELECT * FROM {t['Household']} WHERE id = :hid ORDER BY id LIMIT 1 FOR UPDATE",
            f"SELECT * FROM {t['OfferCounter']} WHERE offer_id = {offer.pk} "
            "ORDER BY id LIMIT 1 FOR UPDATE",
            f"SELECT o.*, p.*, g.* FROM {t['Offer']} o JOIN {t['Provider']} p "
            f"ON o.provider_id = p.id LEFT JOIN {t['OfferGroup']} g ON o.group_id = g.id "
            f"WHERE o.id = {offer.pk} AND o.provider_id = {provider.pk} "
            "ORDER BY o.title LIMIT 1",
            *limit_statements([offer]),
            f"INSERT INTO {t['Redemption']} (offer_id, pass_card_id, household_id, provider_id, "
            "location_id, amount_cents, discount_cents, pass_price_cents, service_date, "
            "redeemed_at, redeemed_by_id, idempotency_key, request_fingerprint, cancelled_at, "
            f"reservation_id) VALUES ({offer.pk}, :pid, :hid, {provider.pk}, NULL, "
            f"{price.regular_cents}, {price.discount_cents}, {price.pass_price_cents}, {today}, "
            "now(), NULL, 'pgb-' || :client_id || '-' || :n, "
            f"'{'0' * 64}', NULL, NULL) RETURNING id",
            f"UPDATE {t['OfferCounter']} SET used = used + 1 WHERE offer_id = {offer.pk}",
        ]
        per_redeem[offer.pk] = len(redeem)
        lines.append(f"\\{'if' if index == 0 else 'elif'} :oi = {index}")
        lines += [sql + ";" for sql in redeem]
    lines += ["\\endif", "COMMIT;"]
    return "\n".join(lines) + "\n", len(verify), per_redeem


def offer_price(offer):
    from zaansepas.offers.models import OfferKind
    from zaansepas.offers.pricing import price_for

    return price_for(offer, 2000 if offer.kind == OfferKind.CATEGORY else None)


# --- main -----------------------------------------------------------------------------------


def main() -> int:
    if not os.environ.get("DATABASE_URL"):
        return rerun_under_postgres(__file__)
    show_sql = "--show-sql" in sys.argv
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="zp-bench-till-"))
    env = environment(str(workdir))
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    # A test_ database beside the one given: a DATABASE_URL that points at real data is
    # never written to.
    old = setup_databases(verbosity=0, interactive=False)
    process = None
    try:
        provider, offers, passes, tokens = seed()
        rng = random.Random(1)
        rng.shuffle(passes)
        verify_n, redeem_n, redeemed_offer, listed = count_queries(
            passes.pop(), tokens[0], show_sql
        )
        script, script_verify_n, script_redeem_n = pgbench_script(provider, offers, tokens[0])
        if show_sql:
            print("-- pgbench script\n" + script)
        bench_url = database_url_for(connection.settings_dict["NAME"])
        connection.close()

        log_path = workdir / "gunicorn.log"
        process, port = start_gunicorn({**env, "DATABASE_URL": bench_url}, log_path)
        wait_until_up(process, port, tokens[0], passes[0], log_path)
        order = itertools.count()
        drive(port, tokens, passes, order, WARMUP_SECONDS)
        # One till alone: the time a pair takes without waiting for the other tills.
        alone, alone_errors, _ = drive(port, tokens[:1], passes, order, ALONE_SECONDS)
        latencies, errors, duration = drive(port, tokens, passes, order, LOAD_SECONDS)
        errors += alone_errors
        process.terminate()
        process.wait(timeout=30)
        process = None
        server_errors = [
            line
            for line in log_path.read_text(errors="replace").splitlines()
            if re.search(r"ERROR|CRITICAL|Traceback|WORKER TIMEOUT", line)
        ]
        redemptions_before = redemption_count()
        tps, pgbench_summary = run_pgbench(
            bench_url, script, PGBENCH_SECONDS, workdir, clients=TILLS
        )
        pgbench_rows = redemption_count() - redemptions_before
    finally:
        if process is not None:
            process.kill()
            process.wait()
        connection.close()
        teardown_databases(old, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)

    pairs = len(latencies)
    rps = pairs / duration
    p50, p99 = percentile(latencies, 0.50) * 1000, percentile(latencies, 0.99) * 1000
    failed = sum(errors.values())
    mirrored = (script_verify_n, script_redeem_n[redeemed_offer]) == (verify_n, redeem_n)
    print(
        f"data: 1 provider, {len(offers)} live offers, {PASSES} passes in {HOUSEHOLDS} "
        f"households; PostgreSQL {connection.pg_version // 10000}"
    )
    print(
        f"queries: one verify (listing {listed} offers) = {verify_n}, one redeem = {redeem_n} "
        f"(+ BEGIN/COMMIT); pgbench script: {script_verify_n} + "
        f"{min(script_redeem_n.values())}..{max(script_redeem_n.values())}"
        + ("" if mirrored else "  MISMATCH: update pgbench_script() to the app's queries")
    )
    print(
        f"http: {TILLS} tills for {duration:.1f} s against gunicorn ({WORKERS} sync workers): "
        f"{pairs} verify+redeem pairs, {failed} failed"
    )
    print(
        f"one till alone: {len(alone)} pairs in {ALONE_SECONDS:.0f} s, "
        f"p50 {percentile(alone, 0.5) * 1000:.1f} ms (with {TILLS} tills the rest is queueing)"
    )
    for error, count in errors.most_common():
        print(f"  FAILED {count}x {error}")
    for line in server_errors[:10]:
        print(f"  gunicorn: {line}")
    print(
        f"pgbench: {TILLS} clients for {PGBENCH_SECONDS:.0f} s, same SQL as one transaction: "
        f"{tps:.0f} tps, {pgbench_summary}, {pgbench_rows} redemptions written"
    )
    print(machine_load())
    ratio = rps / tps
    met = ratio >= GOAL_RATIO and p99 < GOAL_P99_MS
    print(
        f"goal ratio >= {GOAL_RATIO} with p99 < {GOAL_P99_MS:.0f} ms: "
        f"{'met' if met else 'NOT met'}; the whole run took {time.perf_counter() - began:.0f} s"
    )
    print(
        f"till rps={rps:.0f} p50_ms={p50:.1f} p99_ms={p99:.1f} pgbench_tps={tps:.0f} "
        f"ratio={ratio:.2f}"
    )
    return 1 if failed or server_errors or not mirrored else 0


def redemption_count() -> int:
    from zaansepas.till.models import Redemption

    return Redemption.objects.count()


if __name__ == "__main__":
    sys.exit(main())
