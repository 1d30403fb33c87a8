"""Take screenshots of the main pages of a running demo (make run), desktop and 360 px wide.

    .venv/bin/python scripts/screenshots.py [base_url] [out_dir]

Logs in as the demo resident (via the demo login link) and the demo pass office.
For looking at what we build; not a test.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def shoot(page, name):
    for label, width in (("desktop", 1280), ("mobile", 360)):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=OUT / f"{name}-{label}.png", full_page=True)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(locale="nl-NL")
        for name, path in [
            ("home", "/"),
            ("login", "/inloggen/"),
            ("privacy", "/privacy/"),
            ("toegankelijkheid", "/toegankelijkheid/"),
        ]:
            page.goto(BASE + path)
            shoot(page, name)
        page.goto(BASE + "/inloggen/")
        page.fill("input[name=email]", "inwoner@zaansepas.demo")
        page.click("main button[type=submit]")
        page.click("#demo-login-link")
        page.click("main button[type=submit]")
        page.goto(BASE + "/pas/")
        shoot(page, "mijn-pas")
        page.goto(BASE + "/pas/aanvragen/")
        shoot(page, "aanvragen")
        page.goto(BASE + "/aanbod/?q=maaltijd+krap")
        page.click("main .zp-offer-card a >> nth=0")
        shoot(page, "aanbod-reserveren")
        page.goto(BASE + "/pas/tegoed/")
        shoot(page, "tegoed")
        page.goto(BASE + "/tickets/")
        shoot(page, "tickets")
        page.click("#upcoming a >> nth=0")
        shoot(page, "ticket")
        ticket_code = page.inner_text(".zp-pass__number")
        ctx = browser.new_context(locale="nl-NL")
        staff = ctx.new_page()
        staff.goto(BASE + "/inloggen/medewerkers/")
        staff.fill("input[name=username]", "pasbeheer@zaansepas.demo")
        staff.fill("input[name=password]", "zaanse-pas-demo")
        staff.click("main button[type=submit]")
        staff.goto(BASE + "/beheer/aanvragen/")
        shoot(staff, "beoordelen")
        staff.click("table a >> nth=0")
        shoot(staff, "aanvraag")
        staff.goto(BASE + "/beheer/passen/?q=Benali")
        shoot(staff, "passen-zoeken")
        staff.goto(BASE + "/beheer/regelingen/meedoen-kindtegoed/")
        shoot(staff, "regeling")
        staff.goto(BASE + "/beheer/uitbetalingen/")
        staff.click("table a >> nth=0")
        shoot(staff, "uitbetaling")
        till = browser.new_context(locale="nl-NL").new_page()
        till.goto(BASE + "/inloggen/medewerkers/")
        # The bakery's till: the family's ticket is for another provider, so this shows
        # how the till says so.
        till.fill("input[name=username]", "kassa@zaansepas.demo")
        till.fill("input[name=password]", "zaanse-pas-demo")
        till.click("main button[type=submit]")
        till.goto(BASE + "/kassa/")
        till.fill("#code", ticket_code)
        till.click("main form button[type=submit] >> nth=0")
        shoot(till, "kassa-ticket")
        browser.close()


if __name__ == "__main__":
    main()
