"""Charts as Vega-Lite specs, rendered to SVG on the server (vl-convert, no Node, no
browser JavaScript): the same picture in the page and in the PDF report. Every chart is
shown with a data table beside it, so the SVG is a picture with a name, not the only
source of the numbers.

Rendering runs Vega in an embedded V8: the first chart of a process takes about 2 s, later
ones tens of milliseconds; results are cached per spec."""

import json
import re
from functools import lru_cache

import vl_convert

# Data comes only from the spec: never fetch anything while rendering.
NO_NETWORK: list[str] = []
FONT = "DejaVu Sans, Arial, sans-serif"
COLOUR = "#00567a"
INTERVAL_COLOUR = "#1a1a1a"
BASE_CONFIG = {
    "font": FONT,
    "background": "white",
    "view": {"stroke": None},
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#1a1a1a"},
    "title": {"fontSize": 14, "anchor": "start", "color": "#1a1a1a"},
    "bar": {"color": COLOUR},
}


def render_svg(spec: dict, name: str) -> str:
    """The SVG of a Vega-Lite spec, named for screen readers (role img + aria-label)."""
    return _name_svg(_render(json.dumps(spec, sort_keys=True, ensure_ascii=False)), name)


@lru_cache(maxsize=256)
def _render(spec_json: str) -> str:
    return vl_convert.vegalite_to_svg(
        json.loads(spec_json),
        config=BASE_CONFIG,
        format_locale="nl-NL",
        allowed_base_urls=NO_NETWORK,
    )


def _name_svg(svg: str, name: str) -> str:
    escaped = (
        name.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )
    svg = re.sub(r'\s(role|aria-label|aria-roledescription)="[^"]*"', "", svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escaped}" ', 1)


def share_bars(rows: list[dict], value_title: str, height_per_row: int = 26) -> dict:
    """Horizontal bars of shares (0..1) with their 95% interval as a line. Each row:
    {"label": str, "share": float, "low": float | None, "high": float | None}. Rows whose
    share is hidden (disclosure control) are left out of the picture; the table says why."""
    values = [row for row in rows if row.get("share") is not None]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 300,
        "height": max(height_per_row * len(values), height_per_row),
        "data": {"values": values},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": None, "title": None},
        },
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "x": {
                        "field": "share",
                        "type": "quantitative",
                        "title": value_title,
                        "axis": {"format": ".0%"},
                        "scale": {"domain": [0, 1]},
                    }
                },
            },
            {
                # The 95% interval as a line over the bar, on the bars' own scale.
                "mark": {"type": "rule", "color": INTERVAL_COLOUR, "strokeWidth": 1.5},
                "encoding": {
                    "x": {"field": "low", "type": "quantitative"},
                    "x2": {"field": "high"},
                },
            },
        ],
    }
