"""Camera scanning at the till. Chromium's fake camera films a file we write: a real QR code
of a test pass (or a QR that is not ours). Staff press "Scan met camera" and see what they
would see after typing the number. Without camera support the form stays as it was.

The fake camera: --use-fake-device-for-media-stream gives a camera, --use-fake-ui-for-
media-stream says yes to the permission prompt, and --use-file-for-fake-video-capture plays
a .y4m file (a text header, then raw YUV 4:2:0 frames) on a loop. The file is per test, so
each camera test launches its own Chromium from the session's Playwright.
"""

from pathlib import Path

import pytest
import segno
from django.test import Client
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from browser_tests.conftest import CHROMIUM, CHROMIUM_ARGS, MOBILE
from zaansepas.lib.checkdigit import format_pass_number
from zaansepas.passes.codes import make_qr_code
from zaansepas.till.tests.helpers import (
    make_household_passes,
    make_offer,
    make_provider,
    make_till_staff,
)

pytestmark = pytest.mark.django_db(transaction=True)

WASM_PATH = "/static/vendor/zxing-wasm/zxing_reader.wasm"
SCAN_TIMEOUT_MS = 30_000  # loading and compiling the .wasm on a busy 2-core machine


def write_y4m(path: Path, code: str | None, width: int = 640, height: int = 480) -> Path:
    """A still camera picture as a .y4m video: a QR of `code` (or nothing) on light grey."""
    light, dark = 200, 30  # luma: a grey counter top and a not-quite-black print
    luma = bytearray([light]) * (width * height)
    if code is not None:
        qr = segno.make(code, error="m", micro=False)
        rows = list(qr.matrix_iter(scale=1, border=4))  # white quiet zone included
        scale = (height * 3 // 4) // len(rows)
        top = (height - len(rows) * scale) // 2
        left = (width - len(rows) * scale) // 2
        for y, row in enumerate(rows):
            line = bytearray()
            for is_dark in row:
                line += bytes([dark if is_dark else 255]) * scale
            for dy in range(scale):
                start = (top + y * scale + dy) * width + left
                luma[start : start + len(line)] = line
    chroma = bytes([128]) * ((width // 2) * (height // 2))  # no colour
    frame = b"FRAME\n" + bytes(luma) + chroma + chroma
    header = f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode()
    path.write_bytes(header + frame * 2)
    return path


@pytest.fixture
def till_staff(db):
    provider, _ = make_provider()
    staff = make_till_staff(provider)
    make_offer(
        provider,
        title="Brood met korting",
        kind="procent",
        regular_price_cents=300,
        percent_off=25,
        per_pass_limit=2,
        per_pass_period="dag",
    )
    return staff


def log_in(page, user, live_server):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture
def camera_page(browser, live_server, tmp_path):
    """camera_page(code) -> a 360 px page in a Chromium whose camera films a QR of `code`.
    Every request that would leave the site fails the test (the .wasm must be ours), and so
    does any JavaScript error on the page."""
    launched = []
    off_site = []
    js_errors = []

    def open_page(code: str | None):
        video = write_y4m(tmp_path / "camera.y4m", code)
        camera_browser = browser.browser_type.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                *CHROMIUM_ARGS,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={video}",
            ],
        )
        launched.append(camera_browser)
        context = camera_browser.new_context(
            viewport=MOBILE,
            base_url=live_server.url,
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            bypass_csp=True,
            permissions=["camera"],
        )
        context.set_default_timeout(10_000)

        def only_our_site(route):
            if route.request.url.startswith(live_server.url):
                route.continue_()
            else:
                off_site.append(route.request.url)
                route.abort()

        context.route("**/*", only_our_site)
        page = context.new_page()
        page.on("pageerror", lambda error: js_errors.append(str(error)))
        return page

    yield open_page
    for camera_browser in launched:
        camera_browser.close()
    assert off_site == [], f"requests left the site: {off_site}"
    assert js_errors == [], f"JavaScript errors: {js_errors}"


def result_text(page) -> str:
    return page.locator(".zp-till-result").inner_text()


def test_the_camera_reads_a_pass_qr_and_the_till_shows_what_typing_shows(
    camera_page, till_staff, live_server
):
    adult, _ = make_household_passes()
    page = camera_page(make_qr_code(adult))
    log_in(page, till_staff, live_server)
    page.goto("/kassa/")
    main = page.locator("main")

    wasm = []
    page.on("response", lambda r: wasm.append(r) if r.url.endswith(".wasm") else None)
    with page.expect_request(
        lambda r: r.method == "POST" and r.url.endswith("/kassa/"), timeout=SCAN_TIMEOUT_MS
    ) as sent:
        main.get_by_role("button", name="Scan met camera").click()
    assert "code=ZPQ%3A" + adult.number in sent.value.post_data
    expect(main.locator(".zp-till-result").get_by_role("status")).to_contain_text("Pas geldig")
    expect(main).to_contain_text("pas " + format_pass_number(adult.number))
    expect(main).to_contain_text("Klant betaalt € 2,25 (normaal € 3,00)")
    assert [r.url for r in wasm] == [live_server.url + WASM_PATH]  # ours, fetched once
    assert wasm[0].status == 200
    screenshot(page, "till-camera-02-scanned")
    scanned = result_text(page)

    main.get_by_label("Scan de QR-code of typ het pasnummer").fill(adult.number)
    main.get_by_role("button", name="Controleer pas").click()
    expect(main.locator(".zp-till-result").get_by_role("status")).to_contain_text("Pas geldig")
    assert result_text(page) == scanned


def test_with_the_camera_open_a_foreign_qr_is_named_and_stop_turns_the_camera_off(
    camera_page, till_staff, live_server
):
    page = camera_page("https://example.org/menu")
    log_in(page, till_staff, live_server)
    page.goto("/kassa/")
    main = page.locator("main")

    main.get_by_role("button", name="Scan met camera").click()
    stop = main.get_by_role("button", name="Stop camera")
    expect(stop).to_be_visible()
    expect(stop).to_be_focused()
    status = page.locator("[data-camera-status]")
    expect(status).to_have_text("Deze QR-code is niet van de Zaanse Pas.", timeout=SCAN_TIMEOUT_MS)
    track_state = page.evaluate(
        """() => {
            window.cameraStream = document.querySelector('#zp-camera video').srcObject;
            return window.cameraStream.getVideoTracks()[0].readyState;
        }"""
    )
    assert track_state == "live"
    assert page.url.endswith("/kassa/")  # nothing was sent
    assert_no_axe_violations(page)
    screenshot(page, "till-camera-01-open")

    stop.click()
    expect(status).to_have_text("Camera gestopt.")
    expect(stop).to_be_hidden()
    expect(main.get_by_role("button", name="Scan met camera")).to_be_focused()
    assert page.evaluate(
        "() => window.cameraStream.getTracks().every(track => track.readyState === 'ended')"
    )
    assert_no_axe_violations(page)


def test_a_refused_camera_says_to_type_the_number(make_page, till_staff, live_server):
    page = make_page()
    page.add_init_script(
        """navigator.mediaDevices.getUserMedia = () =>
            Promise.reject(new DOMException('refused', 'NotAllowedError'));"""
    )
    log_in(page, till_staff, live_server)
    page.goto("/kassa/")
    main = page.locator("main")
    main.get_by_role("button", name="Scan met camera").click()
    expect(main.get_by_role("status")).to_have_text(
        "Geen toegang tot de camera. Typ het pasnummer."
    )
    expect(main.get_by_label("Scan de QR-code of typ het pasnummer")).to_be_focused()
    expect(main.get_by_role("button", name="Scan met camera")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, "till-camera-03-refused")


@pytest.mark.parametrize("without", ["javascript", "camera"])
def test_without_camera_support_the_page_is_the_manual_form(
    make_page, till_staff, live_server, without
):
    if without == "javascript":
        page = make_page(java_script_enabled=False)
    else:
        page = make_page()
        page.add_init_script("Object.defineProperty(navigator, 'mediaDevices', {value: undefined})")
    adult, _ = make_household_passes()
    log_in(page, till_staff, live_server)
    page.goto("/kassa/")
    main = page.locator("main")
    expect(main.get_by_role("button", name="Scan met camera")).to_have_count(0)
    expect(main.get_by_role("button", name="Stop camera")).to_have_count(0)
    assert main.locator(".zp-camera").inner_text().strip() == ""
    if without == "camera":  # axe itself needs JavaScript
        assert_no_axe_violations(page)

    main.get_by_label("Scan de QR-code of typ het pasnummer").fill(adult.number)
    main.get_by_role("button", name="Controleer pas").click()
    expect(main.locator(".zp-till-result")).to_contain_text("Pas geldig")
    expect(main).to_contain_text("Brood met korting")
