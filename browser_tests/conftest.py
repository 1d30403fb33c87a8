"""Fixtures for the browser tests.

How a browser test works:

- pytest-django's ``live_server`` runs the Django app in a thread of this same process, on
  the test database (SQLite only; `make test` runs ``pytest browser_tests`` separately from
  the unit tests).
- The server thread must see the data a test creates, so a browser test needs a
  *transactional* test database (real commits, tables flushed after each test) instead of
  the usual rollback-at-the-end one. Mark every browser test module with

      pytestmark = pytest.mark.django_db(transaction=True)

  (pytest-django already makes tests that use ``live_server`` transactional; the mark says
  so out loud and keeps it so if fixtures change.)
- ``page`` is a fresh browser context + page per test, 360x800 (a cheap phone: mobile
  first), Dutch locale, with ``base_url`` set to the live server, so ``page.goto("/")``
  works. ``desktop_page`` is the same at 1280x800; ``make_page(width, height)`` makes others.
- Chromium is Debian's (/usr/bin/chromium, or $ZP_CHROMIUM); Playwright never downloads a
  browser. ``scripts/ensure-chromium.sh`` installs it if missing.
- Helpers: ``from browser_tests import assert_no_axe_violations, axe_violations, screenshot``.
"""

import os

import pytest

# Playwright's sync API runs an asyncio loop in this thread; Django's async-safety check would
# then refuse ORM calls from test code. The tests are synchronous, so this is safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("ZP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--lang=nl-NL",  # Chromium's own controls (date fields, file picker) in Dutch
]
MOBILE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium.sh")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def make_page(browser, live_server):
    """make_page(width=360, height=800, **context_options) -> a new page in its own context."""
    contexts = []

    def make(width=MOBILE["width"], height=MOBILE["height"], **options):
        options = {
            "viewport": {"width": width, "height": height},
            "base_url": live_server.url,
            "locale": "nl-NL",
            "timezone_id": "Europe/Amsterdam",
            # axe is injected as an inline script; a strict CSP must not block it.
            "bypass_csp": True,
            **options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(make_page):
    return make_page(**MOBILE)


@pytest.fixture
def desktop_page(make_page):
    return make_page(**DESKTOP)
