"""Helpers for the survey browser tests: the demo needs scan with a public link, and a
respondent who uses only the keyboard (Tab, Shift+Tab, Space, Enter, arrows, typing).

The keyboard helpers never click or fill: they move the focus the way a person does and
check where it landed, so a control that cannot be reached by Tab fails the test."""

from playwright.sync_api import Page

from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.surveys.demo_data import create_demo_survey
from zaansepas.surveys.models import ChannelKind

# More Tab presses than any survey page needs (header, skip link, questions, buttons).
MAX_TABS = 150

# Which way to press Tab to reach the first element matching `sel`: 0 (already there),
# 1 (forward), -1 (backward, Shift+Tab) or null (no such element on the page).
_DIRECTION_JS = """(sel) => {
    const active = document.activeElement;
    if (active && active !== document.body && active.matches(sel)) return 0;
    const target = document.querySelector(sel);
    if (!target) return null;
    if (!active || active === document.body) return 1;
    return active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1;
}"""

# A rough accessible name of the focused element: enough to tell buttons and links apart.
_FOCUSED_NAME_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "";
    const label = el.getAttribute("aria-label");
    if (label) return label.trim();
    const ids = el.getAttribute("aria-labelledby");
    if (ids) return ids.split(/\\s+/).map(id => document.getElementById(id)?.innerText || "")
        .join(" ").trim();
    if (el.labels && el.labels.length) return el.labels[0].innerText.trim();
    return (el.innerText || el.value || "").replace(/\\s+/g, " ").trim();
}"""

_FOCUS_RING_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {tag: "body", visible: false};
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    return {tag: el.tagName + "#" + el.id, visible: outline || shadow,
            outline: style.outlineStyle + " " + style.outlineWidth, shadow: style.boxShadow};
}"""


def demo_survey(responses: int = 0):
    """The demo needs scan (published, with its channels) on the city's reference data.
    Returns (survey, code of its public poster channel). Responses are left out unless
    asked for: the answering tests only need the questions."""
    load_zaanstad_reference_data()
    survey = create_demo_survey(response_count=responses)["survey"]
    channel = survey.channels.filter(kind=ChannelKind.MEDIUM, is_active=True).first()
    return survey, channel.code


def focused_name(page: Page) -> str:
    return page.evaluate(_FOCUSED_NAME_JS)


def tab_to(page: Page, selector: str = "", *, name: str = "", limit: int = MAX_TABS) -> None:
    """Press Tab (or Shift+Tab when the target is above the focus) until the focused
    element matches `selector`, or has accessible name `name`; fail after `limit` presses."""
    if name:
        for _press in range(limit):
            if focused_name(page) == name:
                return
            page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {name!r} on {page.url}")
    for _press in range(limit):
        direction = page.evaluate(_DIRECTION_JS, selector)
        if direction is None:
            raise AssertionError(f"No {selector} on {page.url}")
        if direction == 0:
            return
        page.keyboard.press("Tab" if direction > 0 else "Shift+Tab")
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def assert_focus_visible(page: Page) -> None:
    """The focused element shows a focus ring (an outline or a box shadow), WCAG 2.4.7."""
    ring = page.evaluate(_FOCUS_RING_JS)
    assert ring["visible"], f"No visible focus on {ring} at {page.url}"


def choose(page: Page, field: str, value: str) -> None:
    """Pick a radio button: Tab into its group, Space selects the focused one, arrows move
    the choice along the group (each arrow press selects)."""
    tab_to(page, f'input[type="radio"][name="{field}"]')
    page.keyboard.press("Space")
    for _press in range(20):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.checked"), f"{field}={value} not chosen"
    assert page.evaluate("() => document.activeElement.value") == value, f"{field}={value}"


def tick(page: Page, field: str, value: str) -> None:
    """Tick a check box with Space."""
    tab_to(page, f'input[type="checkbox"][name="{field}"][value="{value}"]')
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked"), f"{field}={value} not ticked"


def type_text(page: Page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def rank(page: Page, field: str, number: int) -> None:
    """Set a ranking select by typing its number (the select's type-ahead)."""
    tab_to(page, f'select[name="{field}"]')
    page.keyboard.type(str(number))
    assert page.evaluate("() => document.activeElement.value") == str(number), field


def press_button(page: Page, name: str) -> None:
    """Tab to the button or link called `name` and press Enter; wait for the next page."""
    tab_to(page, name=name)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def assert_no_sideways_scroll(page: Page) -> None:
    """The page fits the screen's width (WCAG 1.4.10 reflow): nothing to scroll sideways."""
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} is {widths[0]} px wide on a {widths[1]} px screen"
