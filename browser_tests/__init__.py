"""Browser tests: real Chromium (Debian's) driven by Playwright, against pytest-django's
live_server. Helpers for tests live here; the fixtures are in conftest.py.

    from browser_tests import assert_no_axe_violations, screenshot
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SCREENSHOT_DIR = ROOT / "screenshots"
# WCAG 2.1 level A and AA: what the municipality must meet.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; return its list of violations (empty is good)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        if not AXE_JS.exists():
            raise AssertionError(f"{AXE_JS} is missing: vendor axe-core's axe.min.js there")
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations;
        }""",
        WCAG_TAGS,
    )


def format_axe_violations(violations: list[dict], max_nodes: int = 5) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact') or 'no impact'}): {v['help']}")
        lines.append(f"  {v['helpUrl']}")
        for node in v["nodes"][:max_nodes]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
        if len(v["nodes"]) > max_nodes:
            lines.append(f"    ... and {len(v['nodes']) - max_nodes} more")
    return "\n".join(lines)


def assert_no_axe_violations(page) -> None:
    """Fail with a readable list (rule, impact, where, help) if axe finds WCAG 2.1 AA problems."""
    violations = axe_violations(page)
    if violations:
        raise AssertionError(
            f"{len(violations)} accessibility violation(s) on {page.url}:\n"
            + format_axe_violations(violations)
        )


def screenshot(page, name: str, full_page: bool = True) -> Path | None:
    """Save screenshots/<name>.png, only when ZP_SCREENSHOTS=1 (for looking at pages by eye)."""
    if os.environ.get("ZP_SCREENSHOTS") != "1":
        return None
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
