"""Weighted estimates with 95% intervals: frequencies, means, multiple choice and crosstabs
with a test of independence. Plain numpy (np.bincount over category codes), so every
question of a million responses takes milliseconds. Why these formulas: docs/statistics.md.

Conventions for every function here:
- `weights` are the raking weights (weighting.Weighting.weights); a respondent with weight 0
  is not in the analysis (excluded from the weighting).
- The base of an estimate is the respondents with an answer (None, NaN and "" are no answer)
  and weight > 0. `n` is always the unweighted number of respondents: disclosure control
  (disclosure.py) decides on it.
- Intervals use the effective sample size of the base, n_eff = (Σw)² / Σw² (Kish).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from scipy import stats

from .weighting import effective_sample_size as _n_effective

CONFIDENCE = 0.95


class EstimateError(ValidationError):
    """The estimate cannot be computed from this input; `.messages` says why, in Dutch."""


@dataclass(frozen=True)
class Frequencies:
    """Per category: respondents (n), weighted count, weighted share and its interval.
    For a multiple-choice question the shares are per option and need not sum to 1."""

    categories: list
    n: np.ndarray
    weighted: np.ndarray
    share: np.ndarray
    low: np.ndarray
    high: np.ndarray
    base_n: int  # respondents in the base
    base_weighted: float
    n_effective: float  # Kish n_eff of the base, used for the intervals
    no_answer: int  # respondents (weight > 0) without an answer, outside the base

    def rows(self) -> list[dict]:
        return [
            {
                "category": category,
                "n": int(self.n[i]),
                "weighted": float(self.weighted[i]),
                "share": float(self.share[i]),
                "low": float(self.low[i]),
                "high": float(self.high[i]),
            }
            for i, category in enumerate(self.categories)
        ]


@dataclass(frozen=True)
class Mean:
    n: int
    mean: float
    std: float  # weighted standard deviation of the answers
    se: float  # linearised standard error of the weighted mean
    low: float
    high: float
    n_effective: float


@dataclass(frozen=True)
class IndependenceTest:
    """Rao–Scott first-order corrected chi-square: Pearson's X² (weighted table scaled to
    the n respondents) divided by the mean generalised design effect δ̄."""

    statistic: float  # X² / δ̄
    df: int
    p_value: float
    pearson: float  # uncorrected X² on the weighted table scaled to n
    design_effect: float  # δ̄


@dataclass(frozen=True)
class Crosstab:
    """Rows × columns. Column percentages: each column sums to 1 (the share of each row
    category within a column category); row percentages: each row sums to 1."""

    row_categories: list
    column_categories: list
    n: np.ndarray  # unweighted respondents per cell
    weighted: np.ndarray
    column_share: np.ndarray
    column_low: np.ndarray
    column_high: np.ndarray
    row_share: np.ndarray
    column_n_effective: np.ndarray  # Kish n_eff per column base
    row_n_effective: np.ndarray
    test: IndependenceTest | None  # None when the table has fewer than 2 rows or columns


# --- the estimates ----------------------------------------------------------------------


def frequencies(
    values: Sequence | np.ndarray | pd.Categorical,
    weights: np.ndarray,
    categories: Sequence[Hashable] | None = None,
    *,
    confidence: float = CONFIDENCE,
) -> Frequencies:
    """Weighted frequencies of one categorical question.

    categories: the answer options in display order (so options nobody chose still show,
    with n = 0); answers not among them are an error, not silently dropped. Without it:
    the answers found, sorted."""
    weights, positive = _weights(weights, len(values))
    bins, categories = _bins(values, categories)
    k = len(categories)
    if not positive:
        bins = np.where(weights > 0, bins, k + 1)
    # One pass per sum, no masks: bin k holds the unanswered, k + 1 weight 0.
    counts = np.bincount(bins, minlength=k + 2)
    weighted_all = np.bincount(bins, weights, minlength=k + 2)
    squares = np.bincount(bins, weights * weights, minlength=k + 2)
    n, weighted = counts[:k], weighted_all[:k]
    base_weighted = float(weighted.sum())
    square_sum = float(squares[:k].sum())
    n_eff = base_weighted**2 / square_sum if square_sum > 0 else 0.0
    share = weighted / base_weighted if base_weighted > 0 else np.full(k, np.nan)
    low, high = wilson_interval(share, n_eff, confidence)
    return Frequencies(
        categories=list(categories),
        n=n,
        weighted=weighted,
        share=share,
        low=low,
        high=high,
        base_n=int(n.sum()),
        base_weighted=base_weighted,
        n_effective=n_eff,
        no_answer=int(counts[k]),
    )


def multiple_choice(
    selected: np.ndarray,
    answered: np.ndarray,
    weights: np.ndarray,
    options: Sequence[Hashable],
    *,
    confidence: float = CONFIDENCE,
) -> Frequencies:
    """Per option of a multiple-choice question: the weighted share of the respondents who
    answered the question that chose it (each option a 0/1 variable on the same base).

    selected: boolean matrix respondents × options; answered: who answered the question
    (chose at least one option, or "none of these")."""
    selected = np.asarray(selected, dtype=bool)
    answered = np.asarray(answered, dtype=bool)
    weights, _positive = _weights(weights, answered.shape[0])
    if selected.shape != (answered.shape[0], len(options)):
        raise ValueError("selected must be respondents × options")
    base = answered & (weights > 0)
    chosen = selected[base]
    w = weights[base]
    n = chosen.sum(axis=0)
    weighted = w @ chosen
    base_weighted = float(w.sum())
    n_eff = _n_effective(w)
    share = weighted / base_weighted if base_weighted > 0 else np.full(len(options), np.nan)
    low, high = wilson_interval(share, n_eff, confidence)
    return Frequencies(
        categories=list(options),
        n=n,
        weighted=weighted,
        share=share,
        low=low,
        high=high,
        base_n=int(base.sum()),
        base_weighted=base_weighted,
        n_effective=n_eff,
        no_answer=int((~answered & (weights > 0)).sum()),
    )


def selection_matrix(
    answers: Sequence[Sequence[Hashable] | None], options: Sequence[Hashable]
) -> tuple[np.ndarray, np.ndarray]:
    """(selected, answered) for multiple_choice() from one list of chosen options per
    respondent (None = did not answer). Options not in `options` are ignored."""
    position = {option: i for i, option in enumerate(options)}
    selected = np.zeros((len(answers), len(options)), dtype=bool)
    answered = np.zeros(len(answers), dtype=bool)
    for row, chosen in enumerate(answers):
        if chosen is None:
            continue
        answered[row] = True
        for option in chosen:
            column = position.get(option)
            if column is not None:
                selected[row, column] = True
    return selected, answered


def weighted_mean(
    values: Sequence | np.ndarray, weights: np.ndarray, *, confidence: float = CONFIDENCE
) -> Mean:
    """Weighted mean of a numeric question (NaN = no answer) with a linearised interval:
    se² = n/(n−1) · Σ w²(y − ȳ)² / (Σw)² (Taylor linearisation of the ratio Σwy/Σw)."""
    y = np.asarray(values, dtype=float)
    weights, _positive = _weights(weights, y.shape[0])
    base = np.isfinite(y) & (weights > 0)
    y, w = y[base], weights[base]
    n = int(y.size)
    if n == 0:
        nan = float("nan")
        return Mean(0, nan, nan, nan, nan, nan, 0.0)
    total = float(w.sum())
    mean = float(np.dot(w, y) / total)
    deviation = y - mean
    std = float(np.sqrt(np.dot(w, deviation**2) / total))
    if n > 1:
        se = float(np.sqrt(n / (n - 1) * np.dot(w**2, deviation**2)) / total)
    else:
        se = float("nan")
    z = z_value(confidence)
    return Mean(n, mean, std, se, mean - z * se, mean + z * se, _n_effective(w))


def crosstab(
    rows: Sequence | np.ndarray | pd.Categorical,
    columns: Sequence | np.ndarray | pd.Categorical,
    weights: np.ndarray,
    row_categories: Sequence[Hashable] | None = None,
    column_categories: Sequence[Hashable] | None = None,
    *,
    confidence: float = CONFIDENCE,
) -> Crosstab:
    """Weighted crosstab of two categorical variables (base: respondents with both) with
    column and row shares, Wilson intervals for the column shares (on each column's n_eff)
    and the Rao–Scott corrected chi-square test of independence."""
    weights, positive = _weights(weights, len(rows))
    row_bins, row_categories = _bins(rows, row_categories)
    column_bins, column_categories = _bins(columns, column_categories)
    r, c = len(row_categories), len(column_categories)
    # Cells over (r + 1) × (c + 1): the last row and column collect the unanswered (and
    # an extra cell those with weight 0), so no mask is needed; they are sliced off.
    cell = row_bins * (c + 1) + column_bins
    if not positive:
        cell = np.where(weights > 0, cell, (r + 1) * (c + 1))
    size = (r + 1) * (c + 1) + 1
    shape = (r + 1, c + 1)
    n = np.bincount(cell, minlength=size)[:-1].reshape(shape)[:r, :c]
    weighted = np.bincount(cell, weights, minlength=size)[:-1].reshape(shape)[:r, :c]
    squares = np.bincount(cell, weights * weights, minlength=size)[:-1].reshape(shape)[:r, :c]

    column_total = weighted.sum(axis=0)
    row_total = weighted.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        column_share = weighted / column_total
        row_share = weighted / row_total[:, None]
        column_n_eff = column_total**2 / squares.sum(axis=0)
        row_n_eff = row_total**2 / squares.sum(axis=1)
    column_low, column_high = wilson_interval(column_share, column_n_eff[None, :], confidence)
    return Crosstab(
        row_categories=list(row_categories),
        column_categories=list(column_categories),
        n=n,
        weighted=weighted,
        column_share=column_share,
        column_low=column_low,
        column_high=column_high,
        row_share=row_share,
        column_n_effective=column_n_eff,
        row_n_effective=row_n_eff,
        test=rao_scott_test(weighted, squares, int(n.sum())),
    )


# --- the formulas -----------------------------------------------------------------------


def wilson_interval(
    share: np.ndarray, n: np.ndarray | float, confidence: float = CONFIDENCE
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a proportion `share` observed on `n` (here the effective
    sample size: the proportion's variance under the weights is about p(1−p)/n_eff)."""
    p = np.asarray(share, dtype=float)
    n = np.asarray(n, dtype=float)
    z = z_value(confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        denominator = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denominator
        half = z / denominator * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def rao_scott_test(weighted: np.ndarray, squares: np.ndarray, n: int) -> IndependenceTest | None:
    """Rao & Scott's first-order correction of Pearson's chi-square for a weighted r × c table.

    weighted: Σw per cell; squares: Σw² per cell; n: respondents in the table. Rows and
    columns with no respondents are left out. The covariance of the cell proportions is the
    linearised (with-replacement) one, V = n/(n−1) · Σ w²(z − p)(z − p)ᵀ / (Σw)², which for
    respondents in one cell each needs only Σw and Σw² per cell. δ̄ = trace(Δ)/df with
    Δ = (Cᵀ D⁻¹ C / n)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C), C the interaction contrasts and D = diag(p): the
    same computation as R's survey::svychisq(statistic="Chisq")."""
    keep_rows = weighted.sum(axis=1) > 0
    keep_columns = weighted.sum(axis=0) > 0
    weighted = weighted[keep_rows][:, keep_columns]
    squares = squares[keep_rows][:, keep_columns]
    r, c = weighted.shape
    if r < 2 or c < 2 or n < 2:
        return None
    total = weighted.sum()
    p_table = weighted / total
    expected = np.outer(p_table.sum(axis=1), p_table.sum(axis=0))
    pearson = float(n * np.sum((p_table - expected) ** 2 / expected))

    p = p_table.ravel()
    s2 = squares.ravel()
    t2 = s2.sum()
    v = (np.diag(s2) - np.outer(s2, p) - np.outer(p, s2) + t2 * np.outer(p, p)) / total**2
    v *= n / (n - 1)
    contrasts = _interaction_contrasts(r, c)
    inverse_p = np.divide(1.0, p, out=np.zeros_like(p), where=p > 0)
    scaled = contrasts * inverse_p[:, None]  # D⁻¹ C
    srs = contrasts.T @ scaled / n
    design = scaled.T @ v @ scaled
    delta = np.linalg.solve(srs, design)
    df = (r - 1) * (c - 1)
    mean_deff = float(np.trace(delta) / df)
    statistic = pearson / mean_deff
    return IndependenceTest(
        statistic=statistic,
        df=df,
        p_value=float(stats.chi2.sf(statistic, df)),
        pearson=pearson,
        design_effect=mean_deff,
    )


def _interaction_contrasts(r: int, c: int) -> np.ndarray:
    """The (r−1)(c−1) row × column interaction columns of a dummy-coded design for the
    r·c cells (row-major), made orthogonal to the main effects."""
    row = np.repeat(np.arange(r), c)
    column = np.tile(np.arange(c), r)
    main = np.column_stack(
        [np.ones(r * c)]
        + [(row == i).astype(float) for i in range(1, r)]
        + [(column == j).astype(float) for j in range(1, c)]
    )
    interaction = np.column_stack(
        [((row == i) & (column == j)).astype(float) for i in range(1, r) for j in range(1, c)]
    )
    coefficients, *_ = np.linalg.lstsq(main, interaction, rcond=None)
    return interaction - main @ coefficients


# --- helpers ----------------------------------------------------------------------------


def encode(
    values: Sequence | np.ndarray | pd.Categorical, categories: Sequence[Hashable] | None = None
) -> tuple[np.ndarray, list]:
    """Category index per respondent (−1 = no answer: None, NaN, "") and the categories."""
    bins, categories = _bins(values, categories)
    return np.where(bins < len(categories), bins, -1), categories


def _bins(
    values: Sequence | np.ndarray | pd.Categorical, categories: Sequence[Hashable] | None
) -> tuple[np.ndarray, list]:
    """Category index per respondent, with len(categories) for no answer. Hashes a column
    once (or takes a pandas Categorical's codes) and decides on its distinct values only,
    so a million rows stay fast. Without `categories`: a Categorical's own order, else the
    answers found, sorted."""
    if isinstance(values, pd.Categorical):
        codes, uniques = values.codes, list(values.categories)
        if categories is None:
            categories = uniques
    else:
        codes, found = pd.factorize(np.asarray(values) if isinstance(values, list) else values)
        uniques = list(found)
    if categories is None:
        present = [u for u in uniques if u != ""]
        try:
            categories = sorted(present)
        except TypeError:
            categories = present
    categories = list(categories)
    missing = len(categories)
    position = {category: i for i, category in enumerate(categories)}
    lookup = np.empty(len(uniques) + 1, dtype=np.intp)
    lookup[-1] = missing  # code −1 (None, NaN) lands in the last slot
    unknown = []
    for i, value in enumerate(uniques):
        if value == "":
            lookup[i] = missing
        elif value in position:
            lookup[i] = position[value]
        else:
            unknown.append(value)
            lookup[i] = missing
    if unknown:
        raise EstimateError(
            _(
                "Er zijn antwoorden die niet bij de antwoordopties horen: %(values)s. "
                "Voeg ze toe aan de opties of hercodeer ze eerst."
            )
            % {"values": ", ".join(map(str, unknown[:10]))}
        )
    return lookup[codes], categories


def _weights(weights: np.ndarray, size: int) -> tuple[np.ndarray, bool]:
    """The weights as floats, checked, and whether all are positive (the common case,
    which needs no mask). A finite sum means no NaN or infinity: one pass, not two."""
    weights = np.asarray(weights, dtype=float)
    if weights.shape != (size,):
        raise EstimateError(_("Er is niet voor elke respondent precies één gewicht."))
    positive = bool((weights > 0).all())
    if not np.isfinite(weights.sum()) or (not positive and (weights < 0).any()):
        raise EstimateError(_("De gewichten moeten getallen van 0 of meer zijn."))
    return weights, positive


def z_value(confidence: float) -> float:
    return float(stats.norm.ppf(0.5 + confidence / 2))
