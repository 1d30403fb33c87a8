"""Weighted estimates against independent implementations (statsmodels, scipy) to 4
decimals: Wilson on the effective n, the weighted mean and its linearised interval, and the
Rao–Scott corrected chi-square."""

import numpy as np
import pytest
import statsmodels.api as sm
from scipy.stats import chi2_contingency
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

from zaansepas.insights.estimates import (
    EstimateError,
    crosstab,
    frequencies,
    multiple_choice,
    selection_matrix,
    weighted_mean,
)


def fixed_data(n=800, seed=11):
    rng = np.random.default_rng(seed)
    weights = rng.lognormal(0, 0.6, n) * 50
    answers = rng.choice(["eens", "neutraal", "oneens"], n, p=[0.5, 0.3, 0.2]).astype(object)
    answers[:40] = None  # no answer: outside the base
    score = rng.normal(6.5, 1.8, n)
    score[40:60] = np.nan
    return rng, weights, answers, score


def test_weighted_shares_and_wilson_intervals_match_statsmodels_on_the_effective_n():
    _, weights, answers, _ = fixed_data()
    result = frequencies(answers, weights, ["eens", "neutraal", "oneens", "weet niet"])
    base = answers != None  # noqa: E711 -- elementwise
    w = weights[base]
    n_eff = w.sum() ** 2 / (w**2).sum()
    assert result.n_effective == pytest.approx(n_eff)
    assert result.base_n == 760 and result.no_answer == 40
    for i, category in enumerate(["eens", "neutraal", "oneens"]):
        share = w[answers[base] == category].sum() / w.sum()
        low, high = proportion_confint(share * n_eff, n_eff, alpha=0.05, method="wilson")
        assert result.share[i] == pytest.approx(share, abs=1e-4)
        assert result.low[i] == pytest.approx(low, abs=1e-4)
        assert result.high[i] == pytest.approx(high, abs=1e-4)
    # An option nobody chose is shown with n = 0, not left out.
    assert result.n[3] == 0 and result.share[3] == 0
    assert result.share.sum() == pytest.approx(1)


def test_effective_n_makes_intervals_wider_than_the_unweighted_n_would():
    _, weights, answers, _ = fixed_data()
    weighted = frequencies(answers, weights)
    equal = frequencies(answers, np.ones_like(weights))
    assert weighted.n_effective < weighted.base_n
    assert equal.n_effective == pytest.approx(equal.base_n)
    assert (weighted.high - weighted.low > equal.high - equal.low).all()


def test_weighted_mean_matches_descrstatsw_and_its_interval_the_sandwich_estimator():
    _, weights, _, score = fixed_data()
    result = weighted_mean(score, weights)
    base = np.isfinite(score)
    y, w = score[base], weights[base]
    described = DescrStatsW(y, weights=w, ddof=0)
    assert result.mean == pytest.approx(described.mean, abs=1e-4)
    assert result.std == pytest.approx(described.std, abs=1e-4)
    # Linearised variance of Σwy/Σw = the HC1 sandwich of an intercept-only WLS.
    fit = sm.WLS(y, np.ones_like(y), weights=w).fit(cov_type="HC1", use_t=False)
    assert result.se == pytest.approx(fit.bse[0], abs=1e-4)
    low, high = fit.conf_int(alpha=0.05)[0]
    assert result.low == pytest.approx(low, abs=1e-4)
    assert result.high == pytest.approx(high, abs=1e-4)
    assert result.n == base.sum()


def test_multiple_choice_shares_are_per_option_on_those_who_answered():
    answers = [["sport"], ["sport", "cultuur"], None, [], ["cultuur"], ["zwemmen", "sport"]]
    selected, answered = selection_matrix(answers, ["sport", "cultuur", "zwemmen"])
    weights = np.array([1.0, 2.0, 5.0, 1.0, 1.0, 1.0])
    result = multiple_choice(selected, answered, weights, ["sport", "cultuur", "zwemmen"])
    assert result.base_n == 5 and result.no_answer == 1
    assert list(result.n) == [3, 2, 1]
    np.testing.assert_allclose(result.share, [4 / 6, 3 / 6, 1 / 6])
    assert result.share.sum() > 1  # options, not categories


def test_crosstab_column_shares_and_totals():
    rng, weights, answers, _ = fixed_data()
    group = rng.choice(["laag", "midden", "hoog"], answers.shape[0])
    result = crosstab(answers, group, weights, column_categories=["laag", "midden", "hoog"])
    np.testing.assert_allclose(result.column_share.sum(axis=0), 1)
    np.testing.assert_allclose(result.row_share.sum(axis=1), 1)
    assert result.n.sum() == 760
    for j, label in enumerate(["laag", "midden", "hoog"]):
        in_column = (group == label) & (answers != None)  # noqa: E711
        w = weights[in_column]
        share = w[answers[in_column] == "eens"].sum() / w.sum()
        assert result.column_share[0, j] == pytest.approx(share)
        n_eff = w.sum() ** 2 / (w**2).sum()
        low, high = proportion_confint(share * n_eff, n_eff, method="wilson")
        assert result.column_low[0, j] == pytest.approx(low, abs=1e-4)


def test_rao_scott_equals_pearson_times_n_minus_1_over_n_with_equal_weights():
    rng, _, answers, _ = fixed_data()
    group = rng.choice(["a", "b", "c", "d"], answers.shape[0])
    result = crosstab(answers, group, np.full(answers.shape[0], 3.0))
    n = result.n.sum()
    pearson, p_value, df, _ = chi2_contingency(result.n, correction=False)
    assert result.test.pearson == pytest.approx(pearson, abs=1e-4)
    assert result.test.df == df == 6
    assert result.test.design_effect == pytest.approx(n / (n - 1))
    assert result.test.statistic == pytest.approx(pearson * (n - 1) / n, abs=1e-4)


def test_rao_scott_design_effect_matches_the_sandwich_variance_of_the_log_odds_ratio():
    """For a 2 × 2 table the first-order design effect is var(log OR) under the weights
    over var(log OR) for simple random sampling; statsmodels' weighted logistic
    regression with a robust (HC0) covariance gives the former independently."""
    rng = np.random.default_rng(5)
    n = 1_500
    x = rng.random(n) < 0.4
    y = rng.random(n) < np.where(x, 0.35, 0.25)
    weights = rng.lognormal(0, 0.7, n) * np.where(x, 1.5, 1.0)
    result = crosstab(np.where(x, "ja", "nee"), np.where(y, "ja", "nee"), weights)
    fit = sm.GLM(
        y.astype(float),
        sm.add_constant(x.astype(float)),
        family=sm.families.Binomial(),
        var_weights=weights,
    ).fit(cov_type="HC0")
    p = result.weighted / result.weighted.sum()
    srs_variance = np.sum(1 / (n * p))
    design_effect = fit.cov_params()[1, 1] * n / (n - 1) / srs_variance
    assert result.test.design_effect == pytest.approx(design_effect, abs=1e-4)
    assert result.test.statistic == pytest.approx(result.test.pearson / design_effect, rel=1e-4)
    assert result.test.design_effect > 1.2  # unequal weights cost precision


def test_a_table_with_one_row_has_no_test():
    result = crosstab(["a"] * 20, ["x", "y"] * 10, np.ones(20))
    assert result.test is None


def test_answers_outside_the_options_are_refused_in_dutch():
    with pytest.raises(EstimateError) as refused:
        frequencies(["ja", "nee", "misschien"], np.ones(3), ["ja", "nee"])
    assert "misschien" in refused.value.messages[0]
    with pytest.raises(EstimateError):
        frequencies(["ja"], np.array([-1.0]))
