"""Disclosure control for every aggregate that is shown or exported.

Unweighted respondent counts decide. A cell with 1 to min_cell − 1 respondents is hidden
(primary suppression, reason "klein"). Because row and column totals are shown, more cells are
hidden (secondary suppression, reason "aanvullend") until no hidden cell can be worked out from
the totals and the shown cells. Percentages need a base of at least min_base respondents
(reason "basis te klein"). Empty cells (0) are shown: they are no respondent's answer.

Why the secondary suppression works: a 2-D table with its totals is, in linear-algebra terms,
a network. Write the table with its totals as an extra row and column (the totals negated):
then every row and every column sums to zero. A hidden cell can be changed by +t and its
neighbours on a closed path of hidden cells (alternating rows and columns) by −t, +t, …
without changing any shown figure, so it cannot be worked out exactly; a hidden cell on no
such closed path (a "bridge" of the graph of hidden cells) can. So: keep adding the smallest
cell that closes a path until every hidden cell lies on one. Non-empty complements are
preferred, so every hidden value can move at least one unit up and down. tests/
test_disclosure.py checks it with linear programming on random tables.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

MIN_CELL = 10
MIN_BASE = 30
PRIMARY, SECONDARY, SMALL_BASE = "klein", "aanvullend", "basis te klein"


def reason_text(reason: str) -> str:
    """Why a figure is hidden, in words for the reader (pages, exports)."""
    texts = {
        PRIMARY: _("verborgen: minder dan 10 inwoners"),
        SECONDARY: _("verborgen, zodat een kleine cel niet terug te rekenen is"),
        SMALL_BASE: _("geen percentage: minder dan 30 inwoners in de basis"),
    }
    return texts.get(reason, _("verborgen"))


@dataclass(frozen=True)
class Suppression:
    """What to hide in a 2-D table with its totals (True = hide)."""

    cells: np.ndarray  # r × c
    row_totals: np.ndarray  # r
    column_totals: np.ndarray  # c
    grand_total: bool
    primary: np.ndarray  # r × c: hidden because small (the rest of `cells` is secondary)

    def reason(self, i: int, j: int) -> str | None:
        if not self.cells[i, j]:
            return None
        return PRIMARY if self.primary[i, j] else SECONDARY


@dataclass(frozen=True)
class Shown:
    """A figure as it may be shown: the value, or None with the reason it is hidden."""

    value: float | None
    reason: str | None = None


def suppress(counts: np.ndarray, min_cell: int = MIN_CELL, totals_shown: bool = True) -> np.ndarray:
    """Which cells of a 2-D table of respondent counts to hide (True = hide)."""
    return suppress_table(counts, min_cell, totals_shown).cells


def suppress_table(
    counts: np.ndarray, min_cell: int = MIN_CELL, totals_shown: bool = True
) -> Suppression:
    """Primary and secondary suppression of a 2-D table and its row, column and grand totals.
    Totals with fewer than min_cell respondents are hidden (and protected) like cells."""
    counts = np.asarray(counts, dtype=np.int64)
    if counts.ndim != 2:
        raise ValueError("counts must be 2-D")
    r, c = counts.shape
    augmented = np.zeros((r + 1, c + 1), dtype=np.int64)
    augmented[:r, :c] = counts
    augmented[:r, c] = counts.sum(axis=1)
    augmented[r, :c] = counts.sum(axis=0)
    augmented[r, c] = counts.sum()
    primary = (augmented > 0) & (augmented < min_cell)
    hidden = primary.copy()
    if not totals_shown:
        hidden[r, :] = hidden[:, c] = True
    if r == 1 or c == 1:
        # One row (or column): its other totals equal its cells, so it is a 1-D table.
        cells = suppress_1d(counts.ravel(), min_cell, totals_shown).reshape(counts.shape)
        hidden[:r, :c] |= cells
        if r == 1:
            hidden[r, :c] |= cells[0]
        if c == 1:
            hidden[:r, c] |= cells[:, 0]
    elif hidden.any():
        _protect(augmented, hidden)
    return Suppression(
        cells=hidden[:r, :c],
        row_totals=hidden[:r, c],
        column_totals=hidden[r, :c],
        grand_total=bool(hidden[r, c]),
        primary=primary[:r, :c],
    )


def suppress_1d(
    counts: np.ndarray, min_cell: int = MIN_CELL, total_shown: bool = True
) -> np.ndarray:
    """Which categories of a 1-D frequency table to hide. With the total shown, one hidden
    category would follow from it, so a second one (the smallest non-empty) is hidden too."""
    counts = np.asarray(counts, dtype=np.int64)
    hidden = (counts > 0) & (counts < min_cell)
    total = int(counts.sum())
    if total_shown and total >= min_cell and hidden.sum() == 1:
        candidates = np.flatnonzero(~hidden)
        if candidates.size:
            cost = [(counts[i] == 0, counts[i]) for i in candidates]
            hidden[candidates[min(range(len(cost)), key=cost.__getitem__)]] = True
    if total < min_cell:
        hidden[counts > 0] = True  # the total itself is hidden then: see shown_frequencies
    return hidden


# --- displayable tables -----------------------------------------------------------------


def shown_frequencies(frequencies, min_cell: int = MIN_CELL, min_base: int = MIN_BASE) -> dict:
    """An estimates.Frequencies as it may be shown: per category n, weighted share and
    interval as Shown values, plus the base. The base is shown unless it is itself small."""
    hidden = suppress_1d(frequencies.n, min_cell, total_shown=True)
    primary = (frequencies.n > 0) & (frequencies.n < min_cell)
    base_hidden = 0 < frequencies.base_n < min_cell
    small_base = frequencies.base_n < min_base
    rows = []
    for i, category in enumerate(frequencies.categories):
        reason = (PRIMARY if primary[i] else SECONDARY) if hidden[i] else None
        share_reason = reason or (SMALL_BASE if small_base else None)
        rows.append(
            {
                "category": category,
                "n": _shown(frequencies.n[i], reason),
                "share": _shown(frequencies.share[i], share_reason),
                "low": _shown(frequencies.low[i], share_reason),
                "high": _shown(frequencies.high[i], share_reason),
            }
        )
    return {
        "rows": rows,
        "base": _shown(frequencies.base_n, PRIMARY if base_hidden else None),
        "percentages_shown": not small_base,
    }


def shown_crosstab(crosstab, min_cell: int = MIN_CELL, min_base: int = MIN_BASE) -> dict:
    """An estimates.Crosstab as it may be shown: per cell n and column share (with interval)
    as Shown values, the row and column totals, and the test. Column shares of a column
    with fewer than min_base respondents are hidden."""
    suppression = suppress_table(crosstab.n, min_cell, totals_shown=True)
    column_n = crosstab.n.sum(axis=0)
    rows = []
    for i, category in enumerate(crosstab.row_categories):
        cells = []
        for j in range(len(crosstab.column_categories)):
            reason = suppression.reason(i, j)
            share_reason = reason or (SMALL_BASE if column_n[j] < min_base else None)
            cells.append(
                {
                    "n": _shown(crosstab.n[i, j], reason),
                    "share": _shown(crosstab.column_share[i, j], share_reason),
                    "low": _shown(crosstab.column_low[i, j], share_reason),
                    "high": _shown(crosstab.column_high[i, j], share_reason),
                }
            )
        total = int(crosstab.n[i].sum())
        rows.append(
            {
                "category": category,
                "cells": cells,
                "total": _shown(total, PRIMARY if suppression.row_totals[i] else None),
            }
        )
    columns = [
        {
            "category": category,
            "total": _shown(column_n[j], PRIMARY if suppression.column_totals[j] else None),
        }
        for j, category in enumerate(crosstab.column_categories)
    ]
    grand = int(crosstab.n.sum())
    return {
        "rows": rows,
        "columns": columns,
        "total": _shown(grand, PRIMARY if suppression.grand_total else None),
        # The test uses every respondent but shows no cell; it is withheld only when the
        # whole table is too small to say anything.
        "test": crosstab.test if grand >= min_base else None,
    }


def _shown(value, reason: str | None) -> Shown:
    if reason is not None:
        return Shown(None, reason)
    return Shown(float(value) if np.ndim(value) == 0 else value)


# --- the protection ---------------------------------------------------------------------


def _protect(table: np.ndarray, hidden: np.ndarray) -> None:
    """Add complementary cells to `hidden` (in place) until every hidden cell of the
    augmented table lies on a closed path of hidden cells (see the module docstring)."""
    # Cheapest complement first: non-empty before empty, then the smallest count.
    cost = np.where(table > 0, table.astype(float), 1e18)
    while True:
        lonely = _lonely_cell(hidden)
        if lonely is not None:
            axis, index = lonely
            line = hidden[index, :] if axis == 0 else hidden[:, index]
            line_cost = (cost[index, :] if axis == 0 else cost[:, index]).copy()
            line_cost[line] = np.inf
            # Prefer closing a path: a cell whose other line already has hidden cells.
            other = hidden.any(axis=0) if axis == 0 else hidden.any(axis=1)
            line_cost = line_cost - np.where(other, 0.5, 0.0)
            pick = int(np.argmin(line_cost))
            if axis == 0:
                hidden[index, pick] = True
            else:
                hidden[pick, index] = True
            continue
        sides = _find_bridge(hidden)
        if sides is None:
            return
        # Any cell joining a row of one side to a column of the other closes a path
        # through the bridge. Both sides have a row and a column (no lonely lines left).
        (rows_a, columns_a), (rows_b, columns_b) = sides
        candidates = np.zeros_like(hidden)
        candidates[np.ix_(rows_a, columns_b)] = True
        candidates[np.ix_(rows_b, columns_a)] = True
        candidates &= ~hidden
        masked = np.where(candidates, cost, np.inf)
        i, j = np.unravel_index(int(np.argmin(masked)), masked.shape)
        hidden[i, j] = True


def _lonely_cell(hidden: np.ndarray) -> tuple[int, int] | None:
    """A row (axis 0) or column (axis 1) with exactly one hidden cell, if any."""
    per_row = hidden.sum(axis=1)
    single = np.flatnonzero(per_row == 1)
    if single.size:
        return 0, int(single[0])
    per_column = hidden.sum(axis=0)
    single = np.flatnonzero(per_column == 1)
    if single.size:
        return 1, int(single[0])
    return None


def _find_bridge(hidden: np.ndarray):
    """A hidden cell on no closed path (a bridge, found with Tarjan's algorithm), as the two
    sides it joins: ((rows, columns) of one side, (rows, columns) of the other) as boolean
    masks. None when there is no such cell."""
    rows, columns = hidden.shape
    # Nodes: rows 0..rows-1, columns rows..rows+columns-1; edges: hidden cells.
    neighbours: list[list[int]] = [[] for _ in range(rows + columns)]
    for i, j in zip(*np.nonzero(hidden), strict=True):
        neighbours[i].append(rows + j)
        neighbours[rows + j].append(i)
    order = [-1] * (rows + columns)
    low = [0] * (rows + columns)
    counter = [0]
    found: list[tuple[int, int]] = []

    def visit(node: int, parent: int) -> None:
        order[node] = low[node] = counter[0]
        counter[0] += 1
        for other in neighbours[node]:
            if other == parent:
                continue
            if order[other] == -1:
                visit(other, node)
                low[node] = min(low[node], low[other])
                if low[other] > order[node]:
                    found.append((node, other))
            else:
                low[node] = min(low[node], order[other])

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * (rows + columns) + 100))
    try:
        for start in range(rows + columns):
            if order[start] == -1 and neighbours[start] and not found:
                visit(start, -1)
    finally:
        sys.setrecursionlimit(limit)
    if not found:
        return None
    parent_node, child = found[0]
    # The child's side: what the child reaches without the bridge edge.
    side = {child}
    stack = [child]
    while stack:
        node = stack.pop()
        for other in neighbours[node]:
            if (node == child and other == parent_node) or other in side:
                continue
            side.add(other)
            stack.append(other)
    # The parent's side: the rest of the component.
    component = {parent_node}
    stack = [parent_node]
    while stack:
        node = stack.pop()
        for other in neighbours[node]:
            if other not in component:
                component.add(other)
                stack.append(other)
    masks = [(np.zeros(rows, dtype=bool), np.zeros(columns, dtype=bool)) for _ in range(2)]
    for node in component:
        row_mask, column_mask = masks[0 if node in side else 1]
        if node < rows:
            row_mask[node] = True
        else:
            column_mask[node - rows] = True
    return masks[0], masks[1]
