"""Disclosure control: an attacker with every shown cell and total tries to recover each
suppressed cell by linear programming, and fails; naive primary-only suppression does not
hold up to the same attack."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linprog

from zaansepas.insights.disclosure import (
    PRIMARY,
    SECONDARY,
    SMALL_BASE,
    shown_crosstab,
    shown_frequencies,
    suppress,
    suppress_1d,
    suppress_table,
)
from zaansepas.insights.estimates import crosstab, frequencies


def feasible_ranges(counts, cells, row_totals, column_totals, grand_total):
    """What an attacker can work out: for every hidden figure (cells and totals) its
    smallest and largest value consistent with all shown figures, the table's sums and
    counts ≥ 0 (min and max by linear programming)."""
    r, c = counts.shape
    table = np.zeros((r + 1, c + 1))
    table[:r, :c] = counts
    table[:r, c] = counts.sum(axis=1)
    table[r, :c] = counts.sum(axis=0)
    table[r, c] = counts.sum()
    hidden = np.zeros((r + 1, c + 1), dtype=bool)
    hidden[:r, :c] = cells
    hidden[:r, c] = row_totals
    hidden[r, :c] = column_totals
    hidden[r, c] = grand_total
    unknown = list(zip(*np.nonzero(hidden), strict=True))
    index = {cell: k for k, cell in enumerate(unknown)}
    equations, constants = [], []
    # Each row of cells sums to its row total, each column to its column total, and the
    # totals to the grand total: one "line" = its cells and the total they sum to.
    lines = [([(i, j) for j in range(c)], (i, c)) for i in range(r + 1)]
    lines += [([(i, j) for i in range(r)], (r, j)) for j in range(c + 1)]
    for members, total in lines:
        row = np.zeros(len(unknown))
        constant = 0.0
        for cell in members:
            if cell in index:
                row[index[cell]] += 1
            else:
                constant -= table[cell]
        if total in index:
            row[index[total]] -= 1
        else:
            constant += table[total]
        if row.any():
            equations.append(row)
            constants.append(constant)
    ranges = {}
    for cell, k in index.items():
        objective = np.zeros(len(unknown))
        objective[k] = 1
        low = linprog(objective, A_eq=equations, b_eq=constants, bounds=(0, None))
        high = linprog(-objective, A_eq=equations, b_eq=constants, bounds=(0, None))
        assert low.status == 0
        ranges[cell] = (low.fun, np.inf if high.status == 3 else -high.fun)
    return ranges


def small_heavy_tables():
    """Tables of 2–6 × 2–6 with many small cells and some zeros."""
    shape = st.tuples(st.integers(2, 6), st.integers(2, 6))
    values = st.one_of(st.integers(0, 12), st.integers(0, 80))
    return shape.flatmap(lambda s: arrays(np.int64, s, elements=values))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_heavy_tables())
def test_no_suppressed_cell_can_be_recovered_from_the_shown_figures(counts):
    suppression = suppress_table(counts, min_cell=10)
    ranges = feasible_ranges(
        counts,
        suppression.cells,
        suppression.row_totals,
        suppression.column_totals,
        suppression.grand_total,
    )
    for (i, j), (low, high) in ranges.items():
        if i < counts.shape[0] and j < counts.shape[1]:
            true = counts[i, j]
            # The attacker is left at least two values: never pinned to the true count.
            assert high - low >= 1 - 1e-7, (counts, (i, j), low, high)
            assert low - 1e-7 <= true <= high + 1e-7


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_heavy_tables())
def test_every_small_cell_is_hidden_and_shown_totals_are_not_small(counts):
    suppression = suppress_table(counts, min_cell=10)
    assert suppression.cells[(counts > 0) & (counts < 10)].all()
    rows, columns = counts.sum(axis=1), counts.sum(axis=0)
    assert not ((rows > 0) & (rows < 10) & ~suppression.row_totals).any()
    assert not ((columns > 0) & (columns < 10) & ~suppression.column_totals).any()


def test_primary_suppression_alone_gives_the_cell_away_and_ours_does_not():
    counts = np.array([[3, 40, 25], [30, 22, 41], [18, 27, 35]])
    naive = (counts > 0) & (counts < 10)
    no_totals = np.zeros(3, dtype=bool)
    cracked = feasible_ranges(counts, naive, no_totals, no_totals, False)
    assert cracked[(0, 0)] == (3, 3)  # row total minus the shown cells

    ours = suppress(counts, min_cell=10)
    assert ours.sum() >= 4  # a closed path: two per row and per column
    safe = feasible_ranges(counts, ours, no_totals, no_totals, False)
    low, high = safe[(0, 0)]
    assert high - low >= 1


def test_two_hidden_cells_per_line_are_not_enough_when_the_totals_still_pin_one():
    """Two blocks of hidden cells joined by one cell: every row and column has two hidden
    cells, yet that joining cell follows from the totals. The protection closes a path
    through it."""
    counts = np.array(
        [
            [2, 3, 50, 60, 70],
            [4, 5, 8, 60, 70],
            [50, 60, 6, 7, 70],
            [50, 60, 70, 80, 90],
        ]
    )
    suppression = suppress_table(counts, min_cell=10)
    ranges = feasible_ranges(counts, suppression.cells, *[np.zeros(n, bool) for n in (4, 5)], False)
    for cell, (low, high) in ranges.items():
        assert high - low >= 1, cell


def test_1d_table_with_total_hides_a_second_category():
    counts = np.array([120, 4, 56, 33, 0])
    hidden = suppress_1d(counts, min_cell=10)
    assert list(hidden) == [False, True, False, True, False]  # smallest non-empty complement
    assert not suppress_1d(counts, min_cell=10, total_shown=False)[3]
    assert list(suppress_1d(np.array([12, 3, 2]))) == [False, True, True]


def test_shown_frequencies_give_reasons_and_hold_back_percentages_on_a_small_base():
    values = ["a"] * 15 + ["b"] * 4 + ["c"] * 6
    table = shown_frequencies(frequencies(values, np.ones(25)), min_cell=10, min_base=30)
    a, b, c = table["rows"]
    assert a["n"].value == 15 and a["share"].reason == SMALL_BASE
    assert b["n"].value is None and b["n"].reason == PRIMARY
    assert c["n"].reason == PRIMARY
    assert table["base"].value == 25
    assert not table["percentages_shown"]

    big = shown_frequencies(frequencies(values * 2, np.ones(50)))
    assert big["rows"][0]["share"].value == 0.6
    assert big["rows"][1]["share"].reason == PRIMARY
    # b (8) alone would follow from the total: c (12), the smallest other, is hidden too.
    assert big["rows"][2]["n"].reason == SECONDARY


def test_shown_crosstab_marks_secondary_cells_and_small_column_bases():
    rows = ["x"] * 3 + ["y"] * 40 + ["x"] * 40 + ["y"] * 45 + ["x"] * 12 + ["y"] * 10
    columns = ["p"] * 43 + ["q"] * 85 + ["r"] * 22
    table = shown_crosstab(crosstab(rows, columns, np.ones(150)))
    cell = table["rows"][0]["cells"][0]
    assert cell["n"].reason == PRIMARY and cell["share"].value is None
    reasons = [c["n"].reason for row in table["rows"] for c in row["cells"]]
    assert SECONDARY in reasons
    r_column = table["rows"][1]["cells"][2]
    assert r_column["n"].reason in (None, SECONDARY)
    if r_column["n"].reason is None:
        assert r_column["share"].reason == SMALL_BASE  # 22 respondents in column r
    assert table["test"] is not None
