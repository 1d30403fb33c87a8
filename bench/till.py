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

import datetime as dt
import http.client
import itertools
import json
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

TILLS = 16  # concurrent simulated tills, and pgbench clients
PASSES = 4_000
HOUSEHOLDS = 2_500  # so some passes share a household (and its lock and limits)
WARMUP_SECONDS = 3.0
ALONE_SECONDS = 5.0
LOAD_SECONDS = 25.0
PGBENCH_SECONDS = 20.0
# Two cores: pre-fork workers that each hold one request and one database connection; a
# few more than cores, so one worker's wait on PostgreSQL does not leave a core idle.
WORKERS = 2 * (os.cpu_count() or 1) + 1
GOAL_RATIO, GOAL_P99_MS = 0.2, 100.0
TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK"}


def _rerun_under_postgres() -> int:
    """No database given: run this script again inside a throwaway PostgreSQL."""
    wrapper = ROOT / "scripts" / "with-postgres.sh"
    bash = shutil.which("bash") or "/bin/bash"
    return subprocess.call([bash, str(wrapper), sys.executable, __file__, *sys.argv[1:]])  # noqa: S603


def _environment(var_dir: str) -> dict:
    """Settings shared by this process and gunicorn: production-like (DEBUG off), and the
    per-device rate limit out of the way (a simulated till asks far more than 600/min)."""
    return {
        "DJANGO_SETTINGS_MODULE": "zaansepas.settings",
        "ZP_DEBUG": "0",
        "ZP_SECRET_KEY": os.environ.get("ZP_SECRET_KEY") or secrets.token_urlsafe(40),
        "ZP_TILL_API_RATE": "1000000/s",
        "ZP_VAR_DIR": var_dir,
        "ZP_ALLOWED_HOSTS": "127.0.0.1",
        "ZP_LOG_LEVEL": "WARNING",
    }


# --- seed data ------------------------------------------------------------------------------


def seed():
    """One provider, its offers and counters, passes in households, one device per till.
    Returns (provider, offers, passes, tokens)."""
    from zaansepas.accounts.models import User
    from zaansepas.lib.checkdigit import add_check_digit
    from zaansepas.offers.models import (
        Location,
        Offer,
        OfferGroup,
        OfferKind,
        Period,
        Provider,
    )
    from zaansepas.passes.models import Household, MemberRole, Pass, PassKind, Person, Tier
    from zaansepas.till.devices import issue_device_token
    from zaansepas.till.models import OfferCounter

    rng = random.Random(7)
    today = dt.date.today()
    owner = User.objects.create_user("eigenaar@bakkerij.bench")
    provider = Provider.objects.create(
        name="Bakkerij en Buurthuis De Zaan",
        kind="bedrijf",
        kvk_number="87654321",
        iban="NL91ABNA0417164300",
        account_holder="De Zaan",
        street="Westzijde",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
        contact_name="Kees",
        contact_email="kees@bakkerij.bench",
        contact_phone="0751234567",
        status="goedgekeurd",
    )
    Location.objects.create(
        provider=provider,
        name="Winkel",
        street="Westzijde",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
    )
    culture = OfferGroup.objects.create(name="Eén cultuuruitje", picks=1, period=Period.YEAR)
    common = {
        "provider": provider,
        "description": "Benchmarkaanbod",
        "valid_from": today - dt.timedelta(days=30),
        "valid_until": today + dt.timedelta(days=335),
        "status": "goedgekeurd",
    }
    specs = [
        {
            "title": "Krentenbol",
            "kind": OfferKind.FREE,
            "regular_price_cents": 150,
            "per_pass_limit": 1,
            "per_pass_period": Period.DAY,
        },
        {
            "title": "Koffie",
            "kind": OfferKind.FIXED_PRICE,
            "regular_price_cents": 350,
            "pass_price_cents": 100,
            "per_pass_limit": 2,
            "per_pass_period": Period.WEEK,
        },
        {
            "title": "Taart",
            "kind": OfferKind.AMOUNT_OFF,
            "regular_price_cents": 1500,
            "amount_off_cents": 500,
            "per_household_limit": 3,
            "per_household_period": Period.MONTH,
        },
        {
            "title": "Boodschappen",
            "kind": OfferKind.CATEGORY,
            "percent_off": 10,
            "discount_cap_cents": 1000,
            "category_label": "boodschappen",
        },
        {
            "title": "Bioscoop",
            "kind": OfferKind.FIXED_PRICE,
            "regular_price_cents": 1200,
            "pass_price_cents": 500,
            "global_quota": 10_000_000,
        },
        {
            "title": "Zwemmen",
            "kind": OfferKind.PERCENT_OFF,
            "regular_price_cents": 600,
            "percent_off": 50,
        },
        {
            "title": "Fietsreparatie",
            "kind": OfferKind.AMOUNT_OFF,
            "regular_price_cents": 2500,
            "amount_off_cents": 1000,
            "per_pass_limit": 4,
            "per_pass_period": Period.MONTH,
            "per_household_limit": 8,
            "per_household_period": Period.MONTH,
        },
        {"title": "Museum", "kind": OfferKind.FREE, "regular_price_cents": 1250, "group": culture},
        {
            "title": "Theater",
            "kind": OfferKind.PERCENT_OFF,
            "regular_price_cents": 2000,
            "percent_off": 50,
            "group": culture,
        },
        {
            "title": "Brood",
            "kind": OfferKind.PERCENT_OFF,
            "regular_price_cents": 300,
            "percent_off": 30,
            "per_pass_limit": 3,
            "per_pass_period": Period.WEEK,
        },
    ]
    offers = [Offer.objects.create(**common, **spec) for spec in specs]
    OfferCounter.objects.bulk_create([OfferCounter(offer=o) for o in offers])

    types = ["alleenstaand", "alleenstaande_ouder", "samenwonend", "alleenstaand_aow"]
    households = Household.objects.bulk_create(
        [
            Household(
                household_type=rng.choice(types),
                street="Bench",
                house_number=str(i + 1),
                postcode="1503 AB",
                town="Zaandam",
            )
            for i in range(HOUSEHOLDS)
        ],
        batch_size=2000,
    )
    # Every household has a main holder; some a partner too; the rest of the passes are
    # children's, in random households.
    partners = rng.sample(households, (PASSES - HOUSEHOLDS) * 2 // 3)
    children = [rng.choice(households) for _ in range(PASSES - HOUSEHOLDS - len(partners))]
    members = (
        [(h, MemberRole.MAIN, rng.randint(18, 80)) for h in households]
        + [(h, MemberRole.PARTNER, rng.randint(18, 80)) for h in partners]
        + [(h, MemberRole.CHILD, rng.randint(4, 17)) for h in children]
    )
    people = Person.objects.bulk_create(
        [
            Person(
                household=household,
                role=role,
                first_name="Bench",
                last_name=str(i),
                birth_date=today - dt.timedelta(days=age * 365 + rng.randint(30, 330)),
            )
            for i, (household, role, age) in enumerate(members)
        ],
        batch_size=2000,
    )
    tiers = [Tier.STANDARD, Tier.STANDARD, Tier.LOW_INCOME, Tier.SOCIAL_ASSISTANCE]
    Pass.objects.bulk_create(
        [
            Pass(
                number=add_check_digit(str(200_000_000 + i)),
                holder=person,
                household=person.household,
                kind=PassKind.CHILD if person.role == MemberRole.CHILD else PassKind.ADULT,
                tier=rng.choice(tiers),
                valid_from=today - dt.timedelta(days=100),
                valid_until=today + dt.timedelta(days=265),
            )
            for i, person in enumerate(people)
        ],
        batch_size=2000,
    )
    passes = list(Pass.objects.order_by("pk").only("pk", "number", "code_salt", "household"))
    tokens = [
        issue_device_token(provider=provider, name=f"kassa {n + 1}", actor=owner)[1]
        for n in range(TILLS)
    ]
    return provider, offers, passes, tokens


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


def start_gunicorn(env: dict, log_path: Path):
    """gunicorn on a socket bound here (a free 127.0.0.1 port, no race for it)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(2048)
    port = listener.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "zaansepas.wsgi:application",
        "--bind",
        f"fd://{listener.fileno()}",
        "--workers",
        str(WORKERS),
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
        "--error-logfile",
        str(log_path),
        "--graceful-timeout",
        "5",
    ]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command,
            env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            pass_fds=[listener.fileno()],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    listener.close()  # gunicorn holds its own copy
    return process, port


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


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


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


def run_pgbench(url: str, script: str, seconds: float, workdir: Path) -> tuple[float, str]:
    """pgbench with TILLS clients on the database at url; returns (tps, its summary)."""
    path = workdir / "till.sql"
    path.write_text(script)
    parts = urlsplit(url)
    command = [
        str(PG_BIN / "pgbench"),
        "--no-vacuum",
        f"--client={TILLS}",
        f"--jobs={min(TILLS, os.cpu_count() or 1)}",
        f"--time={seconds:.0f}",
        "--define=n=0",
        f"--file={path}",
        f"--host={parts.hostname}",
        f"--port={parts.port or 5432}",
        f"--username={parts.username}",
        parts.path.lstrip("/"),
    ]
    env = {**os.environ, "PGPASSWORD": parts.password or ""}
    done = subprocess.run(command, capture_output=True, text=True, env=env)  # noqa: S603
    tps = re.search(r"^tps = ([0-9.]+)", done.stdout, re.MULTILINE)
    failed = re.search(r"^number of failed transactions: (\d+)", done.stdout, re.MULTILINE)
    if done.returncode != 0 or tps is None or (failed and failed.group(1) != "0"):
        sys.exit(f"pgbench failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    latency = re.search(r"^latency average = ([0-9.]+) ms", done.stdout, re.MULTILINE)
    summary = f"latency average {latency.group(1) if latency else '?'} ms"
    return float(tps.group(1)), summary


# --- main -----------------------------------------------------------------------------------


def database_url_for(name: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + name))


def main() -> int:
    if not os.environ.get("DATABASE_URL"):
        return _rerun_under_postgres()
    show_sql = "--show-sql" in sys.argv
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="zp-bench-till-"))
    env = _environment(str(workdir))
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
        tps, pgbench_summary = run_pgbench(bench_url, script, PGBENCH_SECONDS, workdir)
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


def machine_load() -> str:
    """Figures from a shared machine mean little without how busy it was."""
    load = "load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    try:
        pressure = Path("/proc/pressure/cpu").read_text().split("\n", 1)[0]
    except OSError:
        return f"machine: {os.cpu_count()} cores, {load}"
    avg60 = re.search(r"avg60=([0-9.]+)", pressure)
    waiting = f", tasks waited for a CPU {avg60.group(1)}% of the last minute" if avg60 else ""
    return f"machine: {os.cpu_count()} cores, {load}{waiting}"


def redemption_count() -> int:
    from zaansepas.till.models import Redemption

    return Redemption.objects.count()


if __name__ == "__main__":
    sys.exit(main())
