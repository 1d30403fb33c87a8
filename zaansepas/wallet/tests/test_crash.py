"""Crash: a real gunicorn on the test database takes till payments over HTTP and is killed
with SIGKILL (master and workers, the whole process group) 20 times under that load.
Afterwards the ledger holds (`verify_ledger` exits 0), every payment the server answered
201 is in the ledger with the amounts it answered, nothing is in the ledger that the tills
were not told about, no balance is negative, and a key retried after the crashes gets the
same answer. Runs on SQLite (gunicorn opens the same test file) and on PostgreSQL.

Starting gunicorn means importing the whole site (about 3 s here, mostly WeasyPrint), which
20 times over would not fit in a test. So one helper process imports the site once and
then, per round, forks a fresh gunicorn (master + 2 sync workers, in a new process group,
like `gunicorn --preload`). The test kills that group with SIGKILL; the helper is the
group's subreaper and reaps every process of it, so the test knows none survived. The tills
connect to one listening socket that outlives the servers: a request sent while no server
runs waits in the queue for the next one, and a till that gets no answer (the worker died
under it) sends the same request with the same Idempotency-Key again, as a real till does.
"""

import contextlib
import http.client
import io
import json
import os
import random
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from zaansepas.till.screen import pass_token
from zaansepas.till.tests.helpers import make_device, make_household_passes, make_provider
from zaansepas.wallet.budgets import grant_budget
from zaansepas.wallet.ledger import provider_payable_account
from zaansepas.wallet.models import Account, AccountKind, Scheme, Transfer, TransferKind
from zaansepas.wallet.payments import top_up

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, setsid, prctl"),
]

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = 20
TILLS = 3
WORKERS = 2
FULL_CENTS = 5_000_000  # €50,000 a pass: some 12,000 payments of €12.50 on average
MAX_KILL_DELAY = 0.25  # seconds of load after the server's first answer, at random
ANSWER_TIMEOUT = 20.0
TEST_DEADLINE = 150.0  # the tills give up after this; the test then fails, it does not hang
PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER = 1, 36


# --- the helper process: imports the site once, forks a gunicorn per round ------------------


def serve_forks(listen_fd: int, log_path: str) -> None:
    """Runs in the helper process (see the module docstring), after `import zaansepas.wsgi`.
    Reads commands on stdin: `start` forks a gunicorn and answers its pid; `reap` waits
    until every process of the killed server is gone and answers `reaped <n>`."""
    import ctypes

    from django.db import connections
    from django.urls import resolve
    from gunicorn.app.base import BaseApplication

    from zaansepas.wsgi import application

    resolve("/api/till/payments")  # import every view now, once, before forking
    assert all(c.connection is None for c in connections.all()), "no connection may be shared"
    libc = ctypes.CDLL(None, use_errno=True)
    # Orphaned workers come to us, so we can reap (and count) them.
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    options = {
        "bind": f"fd://{listen_fd}",
        "workers": WORKERS,
        "worker_class": "sync",
        "errorlog": log_path,
        "loglevel": "warning",
        "timeout": 30,
        "graceful_timeout": 2,
    }

    class Server(BaseApplication):
        def load_config(self):
            for name, value in options.items():
                self.cfg.set(name, value)

        def load(self):
            return application

    def say(text):
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    server = None
    say("ready")
    for line in iter(sys.stdin.readline, ""):
        command = line.strip()
        if command == "start":
            pid = os.fork()
            if pid == 0:  # the server: its own process group, dies with us
                try:
                    os.setsid()
                    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
                    devnull = os.open(os.devnull, os.O_RDWR)
                    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                    os.dup2(devnull, 0)
                    os.dup2(devnull, 1)
                    os.dup2(log, 2)  # Django's own log lines go with gunicorn's
                    Server().run()
                finally:
                    os._exit(1)
            server = pid
            say(str(pid))
        elif command == "reap":
            reaped = 0
            while True:
                try:
                    os.waitpid(-1, 0)
                except ChildProcessError:
                    break
                reaped += 1
            server = None
            say(f"reaped {reaped}")
    if server is not None:  # the test went away: take the server with us
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server, signal.SIGKILL)


class ForkServer:
    """The test's handle on the helper process."""

    def __init__(self, env: dict, log_path: Path):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(512)
        self.port = self.listener.getsockname()[1]
        fd = self.listener.fileno()
        code = (
            "import sys, zaansepas.wsgi\n"
            "from zaansepas.wallet.tests.test_crash import serve_forks\n"
            f"serve_forks({fd}, sys.argv[1])\n"
        )
        self.log_path = log_path
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, str(log_path)],
            env=env,
            cwd=ROOT,
            pass_fds=[fd],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.listener.close()  # the helper and its servers hold the socket from here on
        self.server = None
        assert self._read(60) == "ready", self.log()

    def _read(self, timeout: float) -> str:
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            raise AssertionError(f"the helper did not answer in {timeout:.0f} s\n{self.log()}")
        return self.process.stdout.readline().strip()

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def start(self) -> int:
        self.process.stdin.write("start\n")
        self.server = int(self._read(30))
        return self.server

    def kill(self) -> int:
        """SIGKILL to the whole group (master and workers); returns how many processes
        the helper reaped."""
        os.killpg(self.server, signal.SIGKILL)
        self.process.stdin.write("reap\n")
        answer = self._read(30)
        assert answer.startswith("reaped "), answer
        with pytest.raises(ProcessLookupError):  # nobody left in the group
            os.killpg(self.server, 0)
        self.server = None
        return int(answer.split()[1])

    def close(self):
        if self.server is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.server, signal.SIGKILL)
        try:
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


def server_environment(log_dir: Path) -> dict:
    """The test's own settings, pointed at the test database, production-like."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "zaansepas.settings",
        "PYTHONPATH": str(ROOT),
        "ZP_DEBUG": "0",
        "ZP_SECRET_KEY": settings.SECRET_KEY,  # the pass tokens made here must verify there
        "ZP_ALLOWED_HOSTS": "127.0.0.1",
        "ZP_TILL_API_RATE": "1000000/s",
        "ZP_LOG_LEVEL": "WARNING",
        "ZP_VAR_DIR": str(log_dir),
    }
    name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = urlunsplit(
            urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}")
        )
    else:
        env.pop("DATABASE_URL", None)
        env["ZP_SQLITE_PATH"] = str(name)
    return env


# --- the tills ---------------------------------------------------------------------------


def post_payment(port: int, device_token: str, key: str, body: dict):
    """One request on a fresh connection; (None, None) when no answer came back."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=ANSWER_TIMEOUT)
    headers = {
        "Authorization": f"Bearer {device_token}",
        "Content-Type": "application/json",
        "Idempotency-Key": key,
    }
    try:
        conn.request("POST", "/api/till/payments", json.dumps(body), headers)
        response = conn.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException):
        return None, None
    finally:
        conn.close()
    try:
        return response.status, json.loads(data)
    except ValueError:
        return response.status, {"not_json": data[:300].decode(errors="replace")}


class Tills:
    """TILLS threads paying all the time, each payment with its own key, retried with the
    same key until an answer comes. Records every answer."""

    def __init__(self, port: int, device_tokens: list[str], passes: dict[int, str]):
        self.port, self.device_tokens, self.passes = port, device_tokens, passes
        self.lock = threading.Lock()
        self.acked = {}  # key -> (pass id, amount, answer) for every 201
        self.refused = {}  # key -> (status, answer) for every other answer
        self.unanswered = Counter()  # tries that got no answer (the server died under them)
        self.stop, self.abandon = threading.Event(), threading.Event()
        self.threads = [
            threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(TILLS)
        ]

    def start(self):
        for thread in self.threads:
            thread.start()

    def acked_count(self) -> int:
        with self.lock:
            return len(self.acked)

    def _run(self, index: int):
        rng = random.Random(index)
        token = self.device_tokens[index]
        while not self.stop.is_set():
            pass_id = rng.choice(list(self.passes))
            amount = rng.randint(1, 2500)
            key = f"crash-{index}-{uuid.uuid4().hex}"
            body = {"pass_token": self.passes[pass_id], "amount_cents": amount}
            status, answer = post_payment(self.port, token, key, body)
            while status is None and not self.abandon.is_set():
                with self.lock:
                    self.unanswered[key] += 1
                time.sleep(0.01)
                status, answer = post_payment(self.port, token, key, body)
            with self.lock:
                if status == 201:
                    self.acked[key] = (pass_id, amount, answer)
                else:
                    self.refused[key] = (status, answer or {})

    def join(self, timeout: float):
        self.stop.set()
        end = time.monotonic() + timeout
        for thread in self.threads:
            thread.join(max(0.0, end - time.monotonic()))
        self.abandon.set()
        for thread in self.threads:
            thread.join(5)


# --- the test ------------------------------------------------------------------------------


@pytest.fixture
def shop_and_passes():
    """A provider with a device per till; four passes with own money, one with a budget
    too, one with little money (it runs dry: partial payments, then refusals). The three
    others hold enough for thousands of payments: if they ran dry too, a fast server would
    answer only refusals and a round would wait in vain for a payment."""
    provider, _ = make_provider()
    devices = [make_device(provider, name=f"kassa {i + 1}")[1] for i in range(TILLS)]
    passes = [make_household_passes()[0] for _ in range(4)]
    funded = {}
    for pass_card, cents in zip(passes, (FULL_CENTS, FULL_CENTS, FULL_CENTS, 3_000), strict=True):
        top_up(pass_card=pass_card, amount_cents=cents, key=f"op-{pass_card.pk}")
        funded[pass_card.pk] = cents
    today = timezone.localdate()
    scheme = Scheme.objects.create(
        code="crashtegoed",
        name="Tegoed",
        amount_cents=5_000,
        valid_from=today.replace(month=1, day=1),
        valid_until=today.replace(month=12, day=31),
    )
    assert grant_budget(scheme, passes[0]) is not None
    funded[passes[0].pk] += 5_000
    return provider, devices, funded


def test_killing_the_server_under_payment_load_loses_and_doubles_nothing(shop_and_passes, tmp_path):
    provider, devices, funded = shop_and_passes
    began = time.monotonic()
    tokens = {pass_id: pass_token(pass_id) for pass_id in funded}
    connection.close()  # the servers write now; the test only reads again at the end
    rng = random.Random(2024)
    server = ForkServer(server_environment(tmp_path), tmp_path / "gunicorn.log")
    tills = Tills(server.port, devices, tokens)
    reaped, acked_per_round = [], []
    try:
        tills.start()
        for _round in range(ROUNDS):
            before = tills.acked_count()
            server.start()
            deadline = time.monotonic() + 30
            while tills.acked_count() == before:
                assert time.monotonic() < deadline, (
                    f"no payment answered 201 in round {_round} ({len(tills.refused)} refused "
                    f"so far)\n{server.log()}"
                )
                time.sleep(0.005)
            time.sleep(rng.uniform(0, MAX_KILL_DELAY))
            reaped.append(server.kill())
            acked_per_round.append(tills.acked_count() - before)
        # One last server that is left alone: every till gets its answer.
        server.start()
        tills.join(timeout=max(1.0, TEST_DEADLINE - (time.monotonic() - began)))
        assert not any(t.is_alive() for t in tills.threads), "a till never got an answer"
        # The same request with the same key after all the crashes: the same answer (some
        # of them requests that were cut off the first time); another amount: refused.
        cut_off = sorted(key for key in tills.unanswered if key in tills.acked)[:3]
        others = sorted(set(tills.acked) - set(cut_off))
        for key in cut_off + random.Random(1).sample(others, 5 - len(cut_off)):
            pass_id, amount, answer = tills.acked[key]
            body = {"pass_token": tokens[pass_id], "amount_cents": amount}
            till = int(key.split("-")[1])  # the till that sent it sends it again
            assert post_payment(server.port, devices[till], key, body) == (201, answer), key
        status, answer = post_payment(server.port, devices[till], key, {**body, "amount_cents": 1})
        assert (status, answer["code"]) == (422, "key_reused")
        reaped.append(server.kill())
        log = server.log()
    finally:
        tills.abandon.set()
        tills.stop.set()
        server.close()

    assert all(n >= 2 for n in reaped), reaped  # the master and its worker(s), every time
    assert all(acked_per_round), acked_per_round  # every kill came under load
    assert sum(tills.unanswered.values()) > 0, "no request was cut off: the kills came too late"
    assert "Traceback" not in log, log

    # The tills heard 201 or a refusal for every request; the refusals are the rules'.
    refusals = Counter((status, answer.get("code")) for status, answer in tills.refused.values())
    assert set(refusals) <= {(409, "nothing")}, refusals

    # verify_ledger: every balance is the sum of its entries, every transfer sums to zero.
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_ledger", stdout=out, stderr=err)
    except SystemExit as exc:
        pytest.fail(f"verify_ledger exited {exc.code}:\n{err.getvalue()}")

    # Every acknowledged payment is in the ledger, as answered; nothing else is.
    payments = {
        t.key: t
        for t in Transfer.objects.filter(kind=TransferKind.PAYMENT).prefetch_related(
            "entries__account"
        )
    }
    prefix = f"kassa:{provider.pk}:"
    assert set(payments) == {prefix + key for key in tills.acked}
    shop = provider_payable_account(provider)
    for key, (pass_id, amount, answer) in tills.acked.items():
        transfer = payments[prefix + key]
        entries = list(transfer.entries.all())
        credits = [e for e in entries if e.amount_cents > 0]
        debits = [e for e in entries if e.amount_cents < 0]
        assert answer["id"] == transfer.pk
        assert answer["amount_cents"] == amount
        assert answer["paid_cents"] + answer["remainder_cents"] == amount
        assert [(e.account_id, e.amount_cents) for e in credits] == [
            (shop.pk, answer["paid_cents"])
        ]
        assert {e.account.pass_card_id for e in debits} == {pass_id}
        assert not answer["refunded"]

    # The money adds up: what the shop has is what the tills were told was paid, and each
    # pass holds what it was given less what it paid.
    paid = sum(answer["paid_cents"] for _p, _a, answer in tills.acked.values())
    assert Account.objects.get(pk=shop.pk).balance_cents == paid
    for pass_id, cents in funded.items():
        spent = sum(a["paid_cents"] for p, _a, a in tills.acked.values() if p == pass_id)
        held = Account.objects.filter(pass_card_id=pass_id).aggregate(s=Sum("balance_cents"))
        assert held["s"] == cents - spent, pass_id
    assert not Account.objects.filter(allow_negative=False, balance_cents__lt=0).exists()
    assert not Account.objects.filter(
        kind__in=[AccountKind.OWN_MONEY, AccountKind.BUDGET], balance_cents__lt=0
    ).exists()
    print(
        f"\n{ROUNDS + 1} kills, {len(tills.acked)} payments answered 201 "
        f"({sum(acked_per_round)} between kills), {refusals[(409, 'nothing')]} refused "
        f"(pass empty), {sum(tills.unanswered.values())} tries got no answer "
        f"({len(tills.unanswered)} keys retried), {time.monotonic() - began:.1f} s"
    )
