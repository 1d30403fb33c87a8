"""Geometry for the dashboard's small charts, drawn as inline SVG by the templates
(templates/includes/chart_columns.html and chart_bars.html). No JavaScript, no library.

Sizes are in SVG user units. The drawings are 320 units wide: about the width of a 360 px
phone's page, so 13-unit text reads as 13 px there; wider screens scale them up a little.
Every chart sits next to a table with the same numbers; the table is what a screen reader
uses, the SVG only has a short accessible name.
"""

from dataclasses import dataclass

WIDTH = 320
FONT_SIZE = 13
CHAR_WIDTH = 7.5  # rough width of one character at FONT_SIZE, to leave room for labels


def nice_top(peak: int) -> int:
    """The top of the value axis: the smallest of 1, 2, 4, 5 × 10^k that holds `peak`."""
    scale = 1
    while True:
        for step in (1, 2, 4, 5):
            if step * scale >= peak:
                return step * scale
        scale *= 10


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class AxisLabel:
    x: float
    text: str
    anchor: str  # SVG text-anchor: start, middle or end


@dataclass(frozen=True)
class ColumnChart:
    width: int
    height: int
    left: float
    right: float
    tick_x: float  # where the value labels end, left of the plot
    baseline: float
    label_y: float
    bars: list[Bar]
    ticks: list[Tick]
    labels: list[AxisLabel]
    font_size: int = FONT_SIZE


def column_chart(values: list[int], first_label: str, middle_label: str, last_label: str):
    """Vertical bars, one per value (per day), with the axis labelled at both ends and
    the middle, and gridlines at 0, half and the top."""
    height, top_gap, bottom_gap = 170, 10, 24
    top = nice_top(max(values, default=0))
    ticks = [0, top // 2, top] if top >= 2 and top % 2 == 0 else [0, top]
    left = 8 + CHAR_WIDTH * len(str(top))
    right = WIDTH - 8
    baseline = height - bottom_gap
    plot_height = baseline - top_gap
    slot = (right - left) / max(len(values), 1)
    bar_width = slot * (0.7 if len(values) <= 62 else 1.0)

    def y_of(value: int) -> float:
        return baseline - plot_height * value / top

    bars = [
        Bar(
            x=round(left + slot * n + (slot - bar_width) / 2, 2),
            y=round(y_of(value), 2),
            width=round(bar_width, 2),
            height=round(baseline - y_of(value), 2),
        )
        for n, value in enumerate(values)
        if value
    ]
    labels = [AxisLabel(left, first_label, "start"), AxisLabel(right, last_label, "end")]
    if len(values) >= 3:
        labels.insert(1, AxisLabel(round((left + right) / 2, 2), middle_label, "middle"))
    return ColumnChart(
        width=WIDTH,
        height=height,
        left=left,
        right=right,
        tick_x=left - 4,
        baseline=baseline,
        label_y=height - 6,
        bars=bars,
        ticks=[Tick(round(y_of(value), 2), str(value)) for value in ticks],
        labels=labels,
    )


@dataclass(frozen=True)
class BarRow:
    text: str
    text_y: float
    bar: Bar
    value: str
    value_x: float
    value_y: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    rows: list[BarRow]
    font_size: int = FONT_SIZE


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(items: list[tuple[str, int]]):
    """Horizontal bars: per item its name on a line, the bar below it with the value at
    its end. Long names are shortened; the table beside the chart has them in full."""
    row_height, bar_height, room_for_value = 42, 14, 8 + CHAR_WIDTH * 5
    top = max((value for _name, value in items), default=0) or 1
    longest = WIDTH - room_for_value
    rows = []
    for n, (name, value) in enumerate(items):
        y = n * row_height
        length = round(longest * value / top, 2)
        rows.append(
            BarRow(
                text=shorten(name, int(WIDTH / CHAR_WIDTH) - 1),
                text_y=y + FONT_SIZE + 2,
                bar=Bar(x=0, y=y + FONT_SIZE + 8, width=length, height=bar_height),
                value=str(value),
                value_x=length + 6,
                value_y=y + FONT_SIZE + 8 + bar_height - 2,
            )
        )
    return BarChart(width=WIDTH, height=max(len(items), 1) * row_height, rows=rows)
