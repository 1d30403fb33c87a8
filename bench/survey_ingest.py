"""Can the survey take a rush of respondents without losing an answer? 200 simulated
respondents fill in the demo needs scan over HTTP under gunicorn, all at the same time, on
SQLite and on PostgreSQL; then every receipt code they were shown is looked up in the
database. Against the raw limit of each database in the same run: the statements one
respondent sends, replayed without HTTP and Django (pgbench on PostgreSQL, a plain sqlite3
loop on SQLite).

    .venv/bin/python bench/survey_ingest.py              (SQLite in a temp dir and a
                                                          throwaway PostgreSQL)
    DATABASE_URL=... .venv/bin/python bench/survey_ingest.py   (PostgreSQL part on a test_
                                                          database on that server)
    .venv/bin/python bench/survey_ingest.py --show-sql   (also prints one respondent's SQL)
    .venv/bin/python bench/survey_ingest.py --with-pages (respondents also GET each page)

One respondent: GET the short link's landing page (CSRF cookie and token), POST "start"
(the language; sets the draft cookie, redirects to the first page), POST valid random
answers to each page it is sent to (required questions always answered, optional ones
mostly; "show if" evaluated as the app does), and after the last page GET the thanks page,
which shows the receipt code: 11 requests for the demo survey. A browser would also GET
every page; that rendering is left out by default (this measures taking answers in), and
--with-pages puts it in. A receipt shown is an acknowledged submission; `lost` counts
acknowledged receipts without a row in surveys_response at the end (a receipt shown twice
counts too). A 5xx, a connection error or any other unexpected answer is a failure,
counted apart (`failed`, with gunicorn's logged errors).

Each database runs in a process of its own (the settings read the database from the
environment, as in production); both migrate and seed at once, then load one after the
other. Per database: migrate a fresh database; seed the city reference data and the demo
needs scan (published) with one poster channel; run one respondent in-process to capture
its statements; start gunicorn; warm the workers up; one respondent alone (the time a
request takes without queueing); then 200 threads, each one respondent at a time with its
own connection and cookies, start new respondents for 10 s and then finish the one they
are on, so that no work is left half-done and acknowledged/s over the whole run is the
rate the server kept up (one still busy 60 s later is counted unfinished). The threads
do not pause between pages, so 200 of them keep the server saturated: latencies are
mostly queueing (p50/p99 are of the requests before the 10 s were over). Then the raw
limit: the captured statements, with a fresh draft token, response id and receipt code
each time, BEGIN/COMMIT as the app sends them: pgbench with 16 clients, or one sqlite3
connection with the app's PRAGMAs (SQLite has one writer at a time).

Bounded: 10 s of load plus the finishing (about 10-40 s, longer on a busy machine) and 6 s
of raw limit per database, after about 20 s of set-up: two to three minutes in all on two
cores. Exits 1 (after printing the figures) when any acknowledged submission is lost or any
request failed. Last line (p99 per request, of the PostgreSQL run; SQLite's is above it):
    survey_ingest sqlite_rps=<n> postgres_rps=<n> p99_ms=<n> lost=<n> failed=<n>
        sqlite_raw_tps=<n> pgbench_tps=<n>
(rps: acknowledged submissions per second; *_tps: respondents per second at the raw limit)
"""

# ruff: noqa: S608 -- the SQL built here is the raw-limit script's text, with our own constants

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

# What the HTTP benchmarks share: gunicorn, pgbench, percentiles (benchkit/; this
# directory is on sys.path: it holds the script).
from benchkit.figures import machine_load, percentile
from benchkit.pgbench import database_url_for, run_pgbench
from benchkit.respondent import (
    CODE,
    ClientBrowser,
    Failed,
    Form,
    HttpBrowser,
    Stopped,
    is_control,
    respond,
)
from benchkit.server import ROOT, WORKERS, environment, start_gunicorn

RESPONDENTS = 200
ALONE_SECONDS = 3.0  # one respondent alone first: the time a request takes without a queue
LOAD_SECONDS = 10.0
RAW_SECONDS = 6.0
DRAIN_LIMIT_SECONDS = 60.0  # after the load: time to finish the respondents under way
STAGGER_SECONDS = 2.0  # respondents start spread over this, not all on the same page


# --- seed data ------------------------------------------------------------------------------


def seed():
    """City reference data, the demo needs scan (published), one poster channel. Returns
    (survey, its postcodes)."""
    import datetime as dt

    from django.utils import timezone

    from zaansepas.city.demo_data import load_zaanstad_reference_data
    from zaansepas.city.models import PostcodeArea
    from zaansepas.surveys.demo_survey import needs_scan_spec
    from zaansepas.surveys.models import Channel, ChannelKind, SurveyStatus
    from zaansepas.surveys.spec import create_survey_from_spec

    load_zaanstad_reference_data()
    survey = create_survey_from_spec(needs_scan_spec())
    survey.status = SurveyStatus.PUBLISHED
    survey.published_at = timezone.now() - dt.timedelta(days=1)
    survey.save()
    Channel.objects.create(survey=survey, kind=ChannelKind.MEDIUM, name="Poster", code=CODE)
    return survey, sorted(PostcodeArea.objects.values_list("postcode4", flat=True))


# --- the simulated respondents --------------------------------------------------------------


def drive(port: int, form: Form, languages: list[str], count: int, seconds: float) -> dict:
    """`count` threads, one respondent each at a time, starting new respondents for
    `seconds`; then each finishes the one it is busy with, so that every submission made
    is also acknowledged (or failed) and no work is left half-done: acknowledged per
    second over the whole run is then the rate the server kept up. (One still busy
    DRAIN_LIMIT_SECONDS after the deadline stops and is counted unfinished.) Latencies
    are of the requests that ended before the deadline, with all respondents busy."""
    began = time.perf_counter()
    deadline = began + seconds
    cut_off = deadline + DRAIN_LIMIT_SECONDS
    weights = [4 if code == "nl" else 1 for code in languages]  # mostly Dutch
    results = [
        {"timings": [], "receipts": [], "errors": Counter(), "unfinished": 0} for _ in range(count)
    ]

    def run(index: int):
        rng = random.Random(index)
        time.sleep(index * min(STAGGER_SECONDS, seconds / 2) / count)
        browser = HttpBrowser(port, cut_off)
        mine = results[index]
        while time.perf_counter() < deadline:
            browser.cookies.clear()  # a new respondent, a new device
            try:
                mine["receipts"].append(
                    respond(browser, form, rng.choices(languages, weights)[0], rng)
                )
            except Failed as exc:
                mine["errors"][str(exc)] += 1
                browser.connection.close()
            except Stopped:
                mine["unfinished"] += 1
                break
        browser.connection.close()
        mine["timings"] = browser.timings

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.perf_counter() - began
    timings = [t for r in results for t in r["timings"]]
    return {
        "duration": duration,
        "latencies": sorted(seconds for end, seconds, _ in timings if end <= deadline),
        "by_step": _by_step(timings, deadline),
        "requests": len(timings),
        "receipts": [ref for r in results for ref in r["receipts"]],
        "errors": sum((r["errors"] for r in results), Counter()),
        "unfinished": sum(r["unfinished"] for r in results),
    }


def _by_step(timings, deadline: float) -> dict[str, float]:
    """The median of each kind of request, in ms (before the deadline)."""
    steps: dict[str, list[float]] = {}
    for end, seconds, step in timings:
        if end <= deadline:
            steps.setdefault(step, []).append(seconds)
    return {step: percentile(sorted(v), 0.5) * 1000 for step, v in steps.items()}


def wait_until_up(process, port: int, log_path: Path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped (exit {process.returncode}):\n{log_path.read_text()}")
        browser = HttpBrowser(port, cut_off=float("inf"))
        try:
            status, _, _ = browser.request("up", "GET", f"/v/{CODE}/")
        except Failed:
            status = 0
        browser.connection.close()
        if status == 200:
            return
        time.sleep(0.2)
    sys.exit(f"gunicorn did not answer within 60 s:\n{log_path.read_text()}")


def missing_receipts(references: list[str]) -> list[str]:
    """Acknowledged receipt codes without a response row."""
    from zaansepas.surveys.models import Response

    found: set[str] = set()
    for start in range(0, len(references), 500):
        chunk = references[start : start + 500]
        found |= set(
            Response.objects.filter(reference__in=chunk).values_list("reference", flat=True)
        )
    return [reference for reference in references if reference not in found]


# --- the raw limit: one respondent's statements without HTTP and Django ---------------------

TOKEN, DRAFT, RESPONSE_ID, REFERENCE = "@@token@@", "@@draft@@", "@@response@@", "@@reference@@"
DRAFT_INSERT = 'INSERT INTO "surveys_responsedraft"'


def replay_template(probe: ClientBrowser, reference: str) -> list[str]:
    """The probe respondent's statements as the database got them (with BEGIN/COMMIT of
    the submit), its own draft token, draft id, response id and reference turned into
    markers, so each replay writes a new draft and a new response."""
    from zaansepas.surveys.answering import hash_token
    from zaansepas.surveys.models import Response

    response_id = Response.objects.get(reference=reference).id
    template = []
    for _step, sql in probe.statements:
        sql = sql.replace(f"'{hash_token(probe.token)}'", TOKEN)
        sql = re.sub(r'("surveys_responsedraft"\."id" (?:= |IN \())\d+', rf"\g<1>{DRAFT}", sql)
        sql = re.sub(rf"'(?:{response_id.hex}|{response_id})'(?:::uuid)?", RESPONSE_ID, sql)
        template.append(sql.replace(f"'{reference}'", REFERENCE))
    inserts = [sql for sql in template if sql.startswith(DRAFT_INSERT)]
    marked = all(any(marker in sql for sql in template) for marker in (DRAFT, RESPONSE_ID))
    if len(inserts) != 1 or TOKEN not in inserts[0] or not marked:
        sys.exit("the probe's statements are not as expected: update replay_template()")
    return template


def pgbench_script(template: list[str]) -> str:
    """The template as a pgbench script: one pgbench transaction is one respondent."""
    used = re.compile(r":(client_id|n|draft_id|scale|random_seed|default_seed)\b")
    run = f"{random.randrange(16**4):04x}"  # so that a second run's keys do not collide
    lines = ["\\set n :n + 1"]
    for sql in template:
        if used.search(sql):
            sys.exit("a probe answer looks like a pgbench variable; change the probe's seed")
        sql = (
            sql.replace(TOKEN, f"('t{run}-' || :client_id || '-' || :n)")
            .replace(REFERENCE, f"('r{run}-' || :client_id || '-' || :n)")
            .replace(RESPONSE_ID, "gen_random_uuid()")
            .replace(DRAFT, ":draft_id")
        )
        lines.append(sql + (" \\gset draft_" if sql.startswith(DRAFT_INSERT) else ";"))
    return "\n".join(lines) + "\n"


def sqlite_raw(path: str, template: list[str], seconds: float) -> float:
    """The template replayed by one sqlite3 connection with the app's PRAGMAs (WAL,
    synchronous=FULL): SQLite has one writer at a time, so one loop is its raw limit.
    Returns respondents per second."""
    import uuid

    from django.conf import settings

    options = settings.DATABASES["default"]["OPTIONS"]
    db = sqlite3.connect(path, isolation_level=None, timeout=options.get("timeout", 5))
    for pragma in options.get("init_command", "").split(";"):
        if pragma.strip():
            db.execute(pragma)
    done, began = 0, time.perf_counter()
    while time.perf_counter() - began < seconds:
        done += 1
        draft = None
        for sql in template:
            sql = (
                sql.replace(TOKEN, f"'raw-t-{done}'")
                .replace(REFERENCE, f"'raw-{done}'")
                .replace(RESPONSE_ID, f"'{uuid.uuid4().hex}'")
                .replace(DRAFT, str(draft))
            )
            rows = db.execute(sql).fetchall()
            if sql.startswith(DRAFT_INSERT):
                draft = rows[0][0]
    elapsed = time.perf_counter() - began
    db.close()
    return done / elapsed


# --- one database ---------------------------------------------------------------------------


def run_part(out: Path, show_sql: bool) -> None:
    """Everything on the database the environment names; figures to stdout and `out`.
    Migrating and seeding run at once with the other database's; the load waits for the
    word "go" on stdin, so that the two loads never share the machine."""
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="zp-bench-survey-"))
    env = environment(str(workdir))
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    from zaansepas.surveys.definition import definition_for
    from zaansepas.surveys.models import Response

    # A test_ database beside the one given: a DATABASE_URL that points at real data is
    # never written to. (SQLite: a file in the temp dir.)
    old = setup_databases(verbosity=0, interactive=False)
    postgres = connection.vendor == "postgresql"
    label = "postgres" if postgres else "sqlite"
    process = None
    try:
        survey, postcodes = seed()
        form = Form(definition_for(survey), postcodes)
        probe = ClientBrowser()
        probe_reference = respond(probe, form, "nl", random.Random(3))
        template = replay_template(probe, probe_reference)
        name = connection.settings_dict["NAME"]
        version = (
            f"PostgreSQL {connection.pg_version // 10000}"
            if postgres
            else f"SQLite {sqlite3.sqlite_version}"
        )
        database = (
            {"DATABASE_URL": database_url_for(name)} if postgres else {"ZP_SQLITE_PATH": name}
        )
        connection.close()
        set_up = time.perf_counter() - began

        Path(f"{out}.ready").touch()
        if sys.stdin.readline().strip() != "go":
            sys.exit(f"{label}: stopped before the load")
        if show_sql:
            print(f"-- one respondent on {label}: {len(probe.statements)} statements")
            for step, sql in probe.statements:
                print(f"{step}: {sql}")
        loaded = time.perf_counter()
        log_path = workdir / "gunicorn.log"
        process, port = start_gunicorn({**env, **database}, log_path)
        wait_until_up(process, port, log_path)
        up = time.perf_counter()
        # A few respondents at once, so every worker has loaded all views, its database
        # connection and the survey's definition (a first request takes seconds); then
        # one respondent alone: the time a request takes when it does not queue.
        warm = drive(port, form, survey.languages, 2 * WORKERS, 0.5)
        warmed = time.perf_counter()
        alone = drive(port, form, survey.languages, 1, ALONE_SECONDS)
        cpu_before = (_cpu_seconds(process.pid), time.process_time())
        run = drive(port, form, survey.languages, RESPONDENTS, LOAD_SECONDS)
        gunicorn_cpu = _cpu_seconds(process.pid) - cpu_before[0]
        respondents_cpu = time.process_time() - cpu_before[1]
        process.terminate()
        process.wait(timeout=30)
        process = None
        server_errors = [
            line
            for line in log_path.read_text(errors="replace").splitlines()
            if re.search(r"ERROR|CRITICAL|Traceback|WORKER TIMEOUT|locked", line)
        ]
        acknowledged = [probe_reference, *warm["receipts"], *alone["receipts"], *run["receipts"]]
        lost = missing_receipts(acknowledged)
        rows = Response.objects.count()
        if postgres:
            raw, raw_summary = run_pgbench(
                database["DATABASE_URL"], pgbench_script(template), RAW_SECONDS, workdir
            )
            raw_label = f"pgbench, 16 clients, {RAW_SECONDS:.0f} s"
        else:
            raw, raw_summary = sqlite_raw(name, template, RAW_SECONDS), "one connection"
            raw_label = f"a sqlite3 loop, {RAW_SECONDS:.0f} s"
        raw_rows = Response.objects.count() - rows
    finally:
        if process is not None:
            process.kill()
            process.wait()
        connection.close()
        teardown_databases(old, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)

    errors = run["errors"] + warm["errors"] + alone["errors"]
    failed = sum(errors.values()) + len(server_errors)
    doubles = len(acknowledged) - len(set(acknowledged))
    rps = len(run["receipts"]) / run["duration"]
    p50, p99 = (percentile(run["latencies"], q) * 1000 for q in (0.5, 0.99))
    statements = sum(1 for sql in template if not is_control(sql))
    print(
        f"{label}: {version}; one respondent ({sum(probe.requests.values())} requests, "
        f"{probe.requests['answers']} pages) sends {statements} statements: "
        f"{probe.summary()} (+ BEGIN/COMMIT around the submit)"
    )
    print(
        f"{label}: one respondent alone: {len(alone['receipts'])} submissions in "
        f"{alone['duration']:.1f} s, p50 {percentile(alone['latencies'], 0.5) * 1000:.0f} ms "
        "per request"
    )
    print(
        f"{label}: {RESPONDENTS} respondents, starting new ones for {LOAD_SECONDS:.0f} s, "
        f"then finishing ({run['duration']:.1f} s in all), against gunicorn ({WORKERS} sync "
        f"workers): {len(run['receipts'])} submissions acknowledged, {rps:.1f}/s"
        + (f"; {run['unfinished']} unfinished at the cut-off" if run["unfinished"] else "")
    )
    print(
        f"{label}: {run['requests']} requests, {run['requests'] / run['duration']:.0f}/s; "
        f"with all {RESPONDENTS} busy p50 {p50:.0f} ms, p99 {p99:.0f} ms (the rest is "
        "queueing); medians: "
        + ", ".join(f"{step} {ms:.0f}" for step, ms in sorted(run["by_step"].items()))
    )
    print(
        f"{label}: CPU in that time: gunicorn {gunicorn_cpu:.0f} s, the simulated "
        f"respondents {respondents_cpu:.0f} s"
    )
    print(
        f"{label}: {len(acknowledged)} receipts shown (with the probe's and the warm-up's)"
        + (f", {doubles} of them twice" if doubles else "")
        + f"; {rows} responses in the database; lost {len(lost)}, failed {failed}"
    )
    if failed:
        kinds = Counter(_kind_of_failure(error) for error in errors.elements())
        print(f"{label}: failed: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    for error, n in errors.most_common(10):
        print(f"  FAILED {n}x {error}")
    for reference in lost[:10]:
        print(f"  LOST {reference}")
    for line in server_errors[:10]:
        print(f"  gunicorn: {line}")
    print(
        f"{label}: raw limit ({raw_label}, the same statements): {raw:.0f} respondents/s, "
        f"{raw_summary}, {raw_rows} responses written; ratio {rps / raw:.2f}"
    )
    print(
        f"{label}: {machine_load()}; set-up {set_up:.0f} s (beside the other database's), "
        f"gunicorn up {up - loaded:.0f} s, warm-up {warmed - up:.0f} s, the rest "
        f"{time.perf_counter() - warmed:.0f} s"
    )
    out.write_text(
        json.dumps(
            {"rps": rps, "p99_ms": p99, "lost": len(lost) + doubles, "failed": failed, "raw": raw}
        )
    )


def _kind_of_failure(error: str) -> str:
    """'answers 502' -> '5xx'; 'thanks 0 RemoteDisconnected' -> 'connection error'."""
    status = int(error.split()[1])
    if status == 0:
        return "connection errors"
    return "5xx" if status >= 500 else "other answers"


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children (gunicorn's master and workers), from /proc;
    0 where /proc cannot tell."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total = 0
        for each in [pid, *map(int, children)]:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, ValueError, IndexError):
        return 0.0
    return total / os.sysconf("SC_CLK_TCK")


# --- main -----------------------------------------------------------------------------------


def _start_part(out: Path, postgres: bool) -> subprocess.Popen:
    """This script's part for one database, in a fresh process: the settings read the
    database from the environment once, as in production."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    command = [sys.executable, __file__, "--part", str(out), *sys.argv[1:]]
    if postgres and os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    elif postgres:  # none given: a throwaway PostgreSQL
        bash = shutil.which("bash") or "/bin/bash"
        command = [bash, str(ROOT / "scripts" / "with-postgres.sh"), *command]
    return subprocess.Popen(command, env=env, stdin=subprocess.PIPE, text=True)  # noqa: S603


def _load(part: subprocess.Popen, out: Path) -> dict:
    """Wait until the part has set up, let it load, return its figures."""
    while not Path(f"{out}.ready").exists():
        if part.poll() is not None:
            sys.exit(f"{out.stem} part stopped during set-up (exit {part.returncode})")
        time.sleep(0.2)
    part.stdin.write("go\n")
    part.stdin.close()
    if part.wait() != 0 or not out.exists():
        sys.exit(f"{out.stem} part failed (exit {part.returncode})")
    return json.loads(out.read_text())


def main() -> int:
    if "--part" in sys.argv:
        run_part(Path(sys.argv[sys.argv.index("--part") + 1]), "--show-sql" in sys.argv)
        return 0
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="zp-bench-survey-") as results:
        outs = {name: Path(results) / f"{name}.json" for name in ("sqlite", "postgres")}
        parts = {name: _start_part(out, name == "postgres") for name, out in outs.items()}
        try:
            sqlite = _load(parts["sqlite"], outs["sqlite"])
            postgres = _load(parts["postgres"], outs["postgres"])
        finally:
            for part in parts.values():
                if part.poll() is None:
                    part.stdin.close()  # a part waiting for "go" stops and cleans up
                    part.wait()
    lost = sqlite["lost"] + postgres["lost"]
    failed = sqlite["failed"] + postgres["failed"]
    print(
        f"goal lost=0 and no failures: {'met' if not lost and not failed else 'NOT met'}; "
        f"the whole run took {time.perf_counter() - began:.0f} s"
    )
    print(
        f"survey_ingest sqlite_rps={sqlite['rps']:.1f} postgres_rps={postgres['rps']:.1f} "
        f"p99_ms={postgres['p99_ms']:.0f} lost={lost} failed={failed} "
        f"sqlite_raw_tps={sqlite['raw']:.0f} pgbench_tps={postgres['raw']:.0f}"
    )
    return 1 if lost or failed else 0


if __name__ == "__main__":
    sys.exit(main())
