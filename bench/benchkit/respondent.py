"""One simulated respondent of bench/survey_ingest.py: valid random answers to each page
(`Form`), the walk through the survey (`respond`), and two ways to send it: over HTTP to
gunicorn (`HttpBrowser`) or through Django's test client, in-process, to capture the SQL
(`ClientBrowser`)."""

import http.client
import random
import re
import sys
import time
from collections import Counter

from benchkit.pgbench import TRANSACTION_CONTROL

# bench/survey_ingest.py --with-pages: also GET each page, as a browser does.
WITH_PAGES = "--with-pages" in sys.argv

CODE = "bench1"  # the channel's short link: /v/bench1/
SKIP_OPTIONAL = 0.15  # share of optional questions a respondent leaves empty
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RECEIPT = re.compile(r'role="status">[^<]*?\b([0-9a-f]{16})\b')
PAGE_PATH = re.compile(rf"^/v/{CODE}/p/(\d+)/$")


def is_control(sql: str) -> bool:
    """BEGIN (SQLite: BEGIN IMMEDIATE), COMMIT, ROLLBACK."""
    return sql.split(" ", 1)[0] in TRANSACTION_CONTROL


class Failed(Exception):
    """A request of a respondent got an answer a browser would not expect."""

    def __init__(self, step: str, status: int, detail: str = ""):
        super().__init__(f"{step} {status} {detail}".strip())
        self.status = status


class Stopped(Exception):
    """The run is over for a respondent still busy long after it ended."""


class Form:
    """Valid random answers to the pages of one survey, as the page form posts them
    (field names: answers.py). Keeps the stored values too, so that "show if" is
    evaluated on the same values the app evaluates it on."""

    def __init__(self, definition, postcodes: list[str]):
        self.definition = definition
        self.postcodes = postcodes

    def fill(self, page: int, answers: dict, rng: random.Random) -> list[tuple[str, str]]:
        from zaansepas.surveys.definition import is_shown

        fields = []
        for question in self.definition.pages[page].questions:
            answers.pop(question.code, None)
            if not question.is_question or not is_shown(question, answers):
                continue
            if not question.required and rng.random() < SKIP_OPTIONAL:
                continue
            posted, stored = self.answer(question, rng)
            fields += posted
            answers[question.code] = stored
        return fields

    def answer(self, question, rng: random.Random) -> tuple[list[tuple[str, str]], object]:
        """(fields posted, value stored) for one question."""
        from zaansepas.surveys.answers import LONG_TEXT_MAX, SHORT_TEXT_MAX
        from zaansepas.surveys.demo_data import help_answer
        from zaansepas.surveys.models import QuestionKind as Kind

        name = f"q-{question.code}"
        kind, settings, options = question.kind, question.settings, question.options

        def other_text(chosen) -> list[tuple[str, str]]:
            if any(option.is_other for option in chosen):
                return [(f"{name}-other", help_answer(rng)[:SHORT_TEXT_MAX])]
            return []

        if kind in (Kind.SINGLE, Kind.LIKERT, Kind.YES_NO, Kind.AGE_BAND):
            option = rng.choice(options)
            return [(name, option.code), *other_text([option])], option.code
        if kind == Kind.MULTIPLE:
            exclusive = [option for option in options if option.is_exclusive]
            if exclusive and rng.random() < 0.1:
                chosen = [rng.choice(exclusive)]
            else:
                plain = [option for option in options if not option.is_exclusive]
                most = min(len(plain), int(settings.get("max_choices") or 3))
                chosen = rng.sample(plain, rng.randint(1, most))
            chosen.sort(key=options.index)
            posted = [(name, option.code) for option in chosen] + other_text(chosen)
            return posted, [option.code for option in chosen]
        if kind == Kind.RATING:
            value = rng.randint(0, 10)
            return [(name, str(value))], value
        if kind == Kind.NUMBER:
            value = rng.randint(int(settings.get("min", 0)), int(settings.get("max", 99)))
            return [(name, str(value))], value
        if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT):
            limit = SHORT_TEXT_MAX if kind == Kind.SHORT_TEXT else LONG_TEXT_MAX
            text = help_answer(rng)[: int(settings.get("max_length") or limit)]
            return [(name, text)], text
        if kind == Kind.RANKING:
            order = rng.sample(options, len(options))
            if not question.required:
                order = order[: rng.randint(1, len(order))]
            posted = [(f"{name}-{option.code}", str(n + 1)) for n, option in enumerate(order)]
            return posted, [option.code for option in order]
        if kind == Kind.MATRIX:
            chosen = {row.code: rng.choice(options).code for row in question.rows}
            return [(f"{name}-{row}", code) for row, code in chosen.items()], chosen
        if kind == Kind.POSTCODE:
            postcode = rng.choice(self.postcodes)
            return [(name, f"{postcode} {rng.choice(['AB', 'KL', 'XZ'])}")], postcode
        raise ValueError(f"no random answer for question kind {kind}")


def respond(browser, form: Form, language: str, rng: random.Random) -> str:
    """One respondent, start to receipt; returns the receipt code shown."""
    status, _, page = browser.request("landing", "GET", f"/v/{CODE}/")
    token = CSRF_FIELD.search(page)
    if status != 200 or token is None:
        raise Failed("landing", status, "" if token else "no CSRF token")
    csrf = [("csrfmiddlewaretoken", token.group(1))]
    status, location, _ = browser.request(
        "start", "POST", f"/v/{CODE}/start/", [("taal", language), *csrf]
    )
    if status != 302:
        raise Failed("start", status)
    answers: dict = {}
    for _ in range(len(form.definition.pages)):
        on_page = PAGE_PATH.match(location) if status == 302 else None
        if on_page is None:
            break
        path = location
        if WITH_PAGES:  # what a browser does; off by default: this measures the writes
            status, _, _ = browser.request("page", "GET", path)
            if status != 200:
                raise Failed("page", status)
        fields = form.fill(int(on_page.group(1)), answers, rng)
        status, location, page = browser.request(
            "answers", "POST", path, [*fields, ("action", "next"), *csrf]
        )
        if status != 302:
            raise Failed("answers", status, _first_error(page))
    if status != 302 or location != f"/v/{CODE}/bedankt/":
        raise Failed("submit", status, location)
    status, _, page = browser.request("thanks", "GET", location)
    receipt = RECEIPT.search(page)
    if status != 200 or receipt is None:
        raise Failed("thanks", status, "" if receipt else "no receipt code shown")
    return receipt.group(1)


def _first_error(page: str) -> str:
    found = re.search(r'utrecht-form-field-error-message"[^>]*>([^<]+)', page)
    return found.group(1).strip() if found else ""


def _location(value: str) -> str:
    """The path of a redirect (Django sends paths; a full URL would also do)."""
    return re.sub(r"^https?://[^/]+", "", value or "")


class HttpBrowser:
    """A browser, as far as the survey needs one: one keep-alive connection (gunicorn's
    sync workers close it after each answer; http.client then opens a new one) and its
    cookies. Records (end time, seconds, step) of every request; sends nothing after
    `cut_off`."""

    def __init__(self, port: int, cut_off: float):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.timings: list[tuple[float, float, str]] = []
        self.cut_off = cut_off

    def request(self, step: str, method: str, path: str, fields=None) -> tuple[int, str, str]:
        from urllib.parse import urlencode

        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        if start > self.cut_off:
            raise Stopped
        try:
            self.connection.request(method, path, body, headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.connection.close()  # the next request opens a new connection
            raise Failed(step, 0, type(exc).__name__) from exc
        end = time.perf_counter()
        self.timings.append((end, end - start, step))
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in header.lower():
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        if response.status >= 500:
            raise Failed(step, response.status)
        return response.status, _location(response.getheader("Location")), data.decode()


class ClientBrowser:
    """The same respondent through Django's test client, in this process: counts the SQL
    statements of each step (without BEGIN/COMMIT) and keeps them for --show-sql."""

    def __init__(self):
        from django.test import Client

        self.client = Client(SERVER_NAME="127.0.0.1")
        self.statements: list[tuple[str, str]] = []
        self.token = ""  # the draft's token, from the cookie "start" sets
        self.requests: Counter = Counter()

    def request(self, step: str, method: str, path: str, fields=None) -> tuple[int, str, str]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.requests[step] += 1
        with CaptureQueriesContext(connection) as captured:
            if method == "GET":
                response = self.client.get(path)
            else:
                data: dict[str, list[str]] = {}
                for name, value in fields:
                    data.setdefault(name, []).append(value)
                response = self.client.post(path, data)
        self.statements += [(step, q["sql"]) for q in captured.captured_queries]
        if step == "start" and f"zp_v_{CODE}" in response.cookies:
            self.token = response.cookies[f"zp_v_{CODE}"].value
        if response.status_code >= 500:
            raise Failed(step, response.status_code)
        return response.status_code, _location(response.get("Location")), response.text

    def summary(self) -> str:
        """'landing 1, start 2, ...': statements per kind of request, without BEGIN/COMMIT."""
        counts = Counter(step for step, sql in self.statements if not is_control(sql))
        return ", ".join(f"{step} {n}" for step, n in counts.items())
