"""Raking to population margins: margins reproduced, the same weights as weightipy, trimming,
and a clear Dutch refusal for what cannot be weighted; the margins from city data."""

import numpy as np
import pandas as pd
import pytest
import weightipy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zaansepas.insights.population import population_margins, response_variables
from zaansepas.insights.weighting import WeightingError, effective_sample_size, rake

MARGINS = {
    "district": {"WK01": 30_000.0, "WK02": 45_000.0, "WK03": 25_000.0},
    "age_band": {"15-24": 14_000.0, "25-44": 33_000.0, "45-64": 32_000.0, "65+": 21_000.0},
    "sex": {"m": 49_000.0, "v": 51_000.0},
}


def sample(n=2_000, seed=7):
    """A fixed sample skewed against the population: too many women, too few young people
    and too many respondents from WK01."""
    rng = np.random.default_rng(seed)
    return {
        "district": rng.choice(["WK01", "WK02", "WK03"], n, p=[0.5, 0.3, 0.2]).astype(object),
        "age_band": rng.choice(["15-24", "25-44", "45-64", "65+"], n, p=[0.05, 0.3, 0.35, 0.3]),
        "sex": rng.choice(["m", "v"], n, p=[0.4, 0.6]).astype(object),
    }


def test_weights_reproduce_every_margin_within_a_millionth():
    variables = sample()
    weighting = rake(variables, MARGINS, trim=None)
    for name, margin in MARGINS.items():
        achieved = weighting.achieved_margins()[name]
        for category, target in margin.items():
            assert abs(achieved[category] - target) < 1e-6
    assert weighting.weights.sum() == pytest.approx(100_000, abs=1e-6)
    assert weighting.normalised.sum() == pytest.approx(2_000)


def test_weights_match_weightipy_raking_to_four_decimals():
    variables = sample()
    weighting = rake(variables, MARGINS, trim=None)
    scheme = weightipy.scheme_from_dict(
        {name: {k: v / 1_000 for k, v in margin.items()} for name, margin in MARGINS.items()},
        rim_params={"convcrit": 0, "max_iterations": 1000},
    )
    theirs = weightipy.weight(pd.DataFrame(variables), scheme).to_numpy()
    np.testing.assert_allclose(weighting.normalised, theirs, atol=1e-4, rtol=0)
    assert weighting.efficiency * 100 == pytest.approx(
        weightipy.weighting_efficiency(pd.Series(theirs)), abs=1e-4
    )


def test_it_reports_kish_effective_sample_size_and_efficiency():
    weighting = rake(sample(), MARGINS, trim=None)
    w = weighting.weights
    assert weighting.n_effective == pytest.approx(w.sum() ** 2 / (w**2).sum())
    assert weighting.efficiency == pytest.approx(weighting.n_effective / 2_000)
    assert 0 < weighting.efficiency < 1
    assert effective_sample_size(np.ones(50)) == pytest.approx(50)


def test_trimming_keeps_weights_within_the_bounds_and_the_margins_exact():
    variables = sample()
    untrimmed = rake(variables, MARGINS, trim=None)
    assert untrimmed.normalised.max() > 4.0  # so the bounds below bite
    assert untrimmed.normalised.min() < 0.5
    weighting = rake(variables, MARGINS, trim=(0.5, 4.0))
    assert weighting.normalised.max() <= 4.0 + 1e-9
    assert weighting.normalised.min() >= 0.5 - 1e-9
    assert weighting.trimmed > 0
    assert weighting.efficiency > untrimmed.efficiency
    for name, margin in MARGINS.items():
        achieved = weighting.achieved_margins()[name]
        assert all(abs(achieved[k] - v) < 1e-6 for k, v in margin.items())


def test_base_weights_are_carried_into_the_raking():
    variables = sample(n=600)
    base = np.where(variables["sex"] == "m", 2.0, 1.0)
    weighting = rake(variables, MARGINS, base_weights=base, trim=None)
    plain = rake(variables, MARGINS, trim=None)
    # Raking on sex cancels a base weight that depends on sex only.
    np.testing.assert_allclose(weighting.weights, plain.weights, rtol=1e-8)


def test_a_wijk_without_respondents_is_refused_with_a_merge_suggestion():
    variables = sample()
    variables["district"][variables["district"] == "WK03"] = "WK02"
    with pytest.raises(WeightingError) as refused:
        rake(variables, MARGINS)
    message = " ".join(refused.value.messages)
    assert "WK03" in message and "geen enkele respondent" in message
    assert "samen" in message

    merged = rake(variables, MARGINS, collapse={"district": {"WK03": "WK02"}})
    achieved = merged.achieved_margins()["district"]
    assert achieved["WK02"] == pytest.approx(70_000, abs=1e-6)


def test_a_respondent_category_missing_from_the_margins_is_named():
    variables = sample()
    variables["district"][:3] = "WK99"
    with pytest.raises(WeightingError) as refused:
        rake(variables, MARGINS)
    assert "WK99" in refused.value.messages[0]
    assert "3 respondent" in refused.value.messages[0]


def test_margins_with_different_totals_are_refused_unless_rescaling_is_asked():
    margins = {**MARGINS, "sex": {"m": 60_000.0, "v": 51_000.0}}
    with pytest.raises(WeightingError) as refused:
        rake(sample(), margins)
    assert "hetzelfde totaal" in refused.value.messages[0]
    assert "111.000" in refused.value.messages[0]

    weighting = rake(sample(), margins, rescale_margins=True, trim=None)
    assert weighting.weights.sum() == pytest.approx(100_000)
    assert weighting.achieved_margins()["sex"]["m"] == pytest.approx(60_000 / 111_000 * 100_000)
    assert any("herschaald" in note for note in weighting.notes)


def test_a_rounding_difference_in_margin_totals_is_rescaled_with_a_note():
    margins = {**MARGINS, "sex": {"m": 49_010.0, "v": 51_000.0}}
    weighting = rake(sample(), margins, trim=None)
    assert weighting.weights.sum() == pytest.approx(100_000)
    assert weighting.notes


def test_respondents_without_a_value_count_for_the_other_variables():
    variables = sample()
    variables["sex"][:100] = None
    variables["sex"][100:120] = "x"
    weighting = rake(variables, MARGINS, treat_as_missing={"sex": {"x"}}, trim=None)
    assert weighting.n == 2_000
    assert weighting.variables["sex"].missing == 120
    for name in ("district", "age_band"):
        achieved = weighting.achieved_margins()[name]
        assert all(abs(achieved[k] - v) < 1e-6 for k, v in MARGINS[name].items())
    # The respondents with a known sex have the population's split.
    achieved = weighting.variables["sex"].achieved
    assert achieved[0] / achieved.sum() == pytest.approx(0.49, abs=1e-9)
    assert any("zonder (bruikbare) waarde" in note for note in weighting.notes)


def test_missing_exclude_leaves_them_out_with_weight_zero():
    variables = sample()
    variables["age_band"] = variables["age_band"].astype(object)
    variables["age_band"][:50] = ""
    weighting = rake(variables, MARGINS, missing="exclude", trim=None)
    assert weighting.excluded == 50
    assert (weighting.weights[:50] == 0).all()
    assert weighting.weights.sum() == pytest.approx(100_000)


def test_trimming_bounds_that_cannot_be_met_name_the_category():
    variables = sample()
    variables["district"][variables["district"] == "WK03"] = "WK02"
    variables["district"][:5] = "WK03"
    with pytest.raises(WeightingError) as refused:
        rake(variables, MARGINS, trim=(0.2, 5.0))
    assert "WK03" in refused.value.messages[0]
    assert "5 respondent" in refused.value.messages[0]


def test_non_convergence_is_an_error_not_a_result():
    # Each margin on its own fits these bounds (the quick check passes), together they
    # do not: the raking cannot settle and says where it is furthest off.
    with pytest.raises(WeightingError) as refused:
        rake(sample(), MARGINS, trim=(0.5, 3.5))
    assert "komt na" in refused.value.messages[0]
    assert "wijkt nog" in refused.value.messages[0]


def test_bad_margins_are_refused():
    with pytest.raises(WeightingError):
        rake(sample(), {**MARGINS, "sex": {"m": -1.0, "v": 51_000.0}})
    with pytest.raises(WeightingError):
        rake(sample(), {"district": MARGINS["district"]})
    with pytest.raises(WeightingError):
        rake({name: [] for name in MARGINS}, MARGINS)


@st.composite
def feasible_samples(draw):
    """Random respondents over 2–4 × 2–3 × 2 categories, every category present, and
    margins from a random population."""
    sizes = [draw(st.integers(2, 4)), draw(st.integers(2, 3)), 2]
    n = draw(st.integers(60, 300))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    variables = {}
    for index, size in enumerate(sizes):
        codes = np.concatenate([np.arange(size), rng.integers(0, size, n - size)])
        variables[f"v{index}"] = rng.permutation(codes)
    cells = rng.uniform(50, 500, size=sizes)
    margins = {}
    for index in range(3):
        axes = tuple(a for a in range(3) if a != index)
        totals = cells.sum(axis=axes)
        margins[f"v{index}"] = {k: float(totals[k]) for k in range(sizes[index])}
    return variables, margins


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feasible_samples())
def test_property_margins_reproduced_and_weights_positive(case):
    variables, margins = case
    weighting = rake(variables, margins, trim=None, max_iterations=5_000)
    assert (weighting.weights > 0).all()
    for name, margin in margins.items():
        achieved = weighting.achieved_margins()[name]
        for category, target in margin.items():
            assert abs(achieved[category] - target) <= 1e-6 * max(1.0, target)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feasible_samples())
def test_property_trimming_bounds_hold_after_convergence(case):
    variables, margins = case
    try:
        weighting = rake(variables, margins, trim=(0.4, 2.5), max_iterations=5_000)
    except WeightingError:
        return  # bounds infeasible for this sample: refused, which is the other promise
    normalised = weighting.normalised
    assert normalised.min() >= 0.4 - 1e-9
    assert normalised.max() <= 2.5 + 1e-9
    for name, margin in margins.items():
        achieved = weighting.achieved_margins()[name]
        for category, target in margin.items():
            assert abs(achieved[category] - target) <= 1e-6 * max(1.0, target)


@pytest.mark.django_db
def test_population_margins_from_city_data_are_adults_and_share_one_total():
    from zaansepas.city.demo_data import load_zaanstad_reference_data
    from zaansepas.city.models import PopulationCount

    load_zaanstad_reference_data()
    population = population_margins()
    margins = population.margins
    assert set(margins) == {"district", "age_band", "sex"}
    assert "0-14" not in margins["age_band"]
    assert set(margins["sex"]) == {"m", "v"}
    totals = {sum(margin.values()) for margin in margins.values()}
    assert len(totals) == 1
    adults = (
        PopulationCount.objects.filter(area__kind="wijk", year=population.year)
        .exclude(age_band="0-14")
        .values_list("count", flat=True)
    )
    assert population.total == sum(adults)
    assert all(code.startswith("WK") for code in margins["district"])


@pytest.mark.django_db
def test_the_demo_survey_weights_to_the_city_margins_with_the_default_settings():
    from zaansepas.city.demo_data import load_zaanstad_reference_data
    from zaansepas.surveys.demo_data import create_demo_survey
    from zaansepas.surveys.models import Response

    load_zaanstad_reference_data()
    create_demo_survey()
    variables = response_variables(Response.objects.all())
    assert len(variables["district"]) == 2_000
    assert "x" not in set(variables["sex"])  # sex "x" is unknown to the register
    population = population_margins()
    weighting = rake(variables, population.margins)
    assert weighting.normalised.max() <= 5.0 + 1e-9
    # Respondents without a wijk (no postcode, general link) stand for a share of the
    # population; the others carry the wijk distribution of the rest exactly.
    report = weighting.variables["district"]
    assert report.missing > 0
    np.testing.assert_allclose(report.achieved, report.targets, rtol=0, atol=1e-6)
    shares = np.array(list(population.margins["district"].values())) / population.total
    np.testing.assert_allclose(report.achieved / report.achieved.sum(), shares, atol=1e-9)
