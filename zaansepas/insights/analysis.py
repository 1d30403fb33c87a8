"""What the analysis pages show: a survey's responses, weighted to the population, as
frequency tables and crosstabs with 95% intervals, small cells suppressed, and a chart
beside each table. Views call these; the statistics themselves are in weighting.py,
estimates.py and disclosure.py (see docs/statistics.md)."""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaansepas.city.models import AgeBand, Sex
from zaansepas.passes.models import Tier
from zaansepas.surveys.models import Response, Survey

from .charts import render_svg, share_bars
from .dataset import SurveyData, load_survey_data
from .disclosure import shown_crosstab, shown_frequencies
from .estimates import crosstab, frequencies, multiple_choice, weighted_mean
from .population import population_margins
from .weighting import WeightingError, rake

# Breakdowns every survey has (from the respondent facts), besides its own questions.
# Keys start with "_", which no question code can (models.CODE_VALIDATOR), so a question
# coded "leeftijd" never collides with the respondent fact.
BREAKDOWNS = {
    "_wijk": gettext_lazy("wijk"),
    "_leeftijd": gettext_lazy("leeftijdsgroep"),
    "_geslacht": gettext_lazy("geslacht"),
    "_pas": gettext_lazy("soort pas (panel)"),
}


@dataclass
class Analysis:
    survey: Survey
    data: SurveyData
    weights: np.ndarray  # per respondent, mean 1 (1 for everyone when unweighted)
    weighted: bool
    problems: list[str] = field(default_factory=list)  # why the weighting was not possible
    notes: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)  # n, n_eff, efficiency, design effect
    district_names: dict[str, str] = field(default_factory=dict)

    def mask_for(self, district: str = "") -> np.ndarray:
        if district:
            return self.data.district == district
        return np.ones(self.data.n, dtype=bool)


_recent: dict[tuple, Analysis] = {}


def analyse_survey(survey: Survey) -> Analysis:
    """The survey's analysis, kept per process until a response comes in or the survey
    changes: a page and its charts (one request each) share one load and weighting."""
    key = (survey.pk, survey.updated_at, Response.objects.filter(survey=survey).count())
    if key not in _recent:
        if len(_recent) >= 4:
            _recent.pop(next(iter(_recent)))
        _recent[key] = _analyse(survey)
    return _recent[key]


def _analyse(survey: Survey) -> Analysis:
    """Load the responses and weight them to wijk, age band and sex (adults 15+). When the
    weighting is not possible the analysis is unweighted, with the reasons shown."""
    data = load_survey_data(survey)
    names: dict[str, str] = {}
    try:
        population = population_margins()
        names = population.district_names
        variables = {
            "district": _nones(data.district),
            "age_band": _nones(data.age_band),
            "sex": np.where(np.isin(data.sex, Sex.values), data.sex, None),
        }
        weighting = rake(variables, population.margins)
    except WeightingError as exc:
        return Analysis(
            survey, data, np.ones(data.n), False, problems=list(exc.messages), district_names=names
        )
    return Analysis(
        survey,
        data,
        weighting.normalised,
        True,
        notes=list(weighting.notes),
        facts={
            "n": weighting.n,
            "n_effective": weighting.n_effective,
            "efficiency": weighting.efficiency,
            "design_effect": weighting.design_effect,
            "year": population.year,
            "approximate": population.is_approximate,
        },
        district_names=names,
    )


def _nones(values: np.ndarray) -> np.ndarray:
    return np.where(values == "", None, values)


def question_chart(analysis: Analysis, mask: np.ndarray, code: str) -> str | None:
    """The SVG chart of one question's table (what the table beside it shows, hidden
    cells left out); None when the question has no chart."""
    column = analysis.data.columns.get(code)
    if column is None or column.kind not in ("choice", "multiple"):
        return None
    table = _table(code, column, column.take(mask), analysis.weights[mask])
    if not table["has_chart"]:
        return None
    return _chart(table["rows"], column.text)


def _chart(rows: list[dict], name: str) -> str:
    bars = [
        {
            "label": row["label"],
            "share": row["share"].value,
            "low": row["low"].value,
            "high": row["high"].value,
        }
        for row in rows
    ]
    if not any(bar["share"] is not None for bar in bars):
        return ""
    return render_svg(share_bars(bars, _("aandeel (gewogen)")), name)


def question_tables(analysis: Analysis, mask: np.ndarray) -> list[dict]:
    """One table (and chart) per closed question and matrix row, for the respondents in
    `mask`; numbers get a mean; open questions are listed to read elsewhere."""
    weights = analysis.weights[mask]
    return [
        _table(code, column, column.take(mask), weights)
        for code, column in analysis.data.columns.items()
    ]


def _table(code: str, column, picked, weights: np.ndarray) -> dict:
    table = {"code": code, "text": column.text, "kind": column.kind}
    if column.kind == "choice":
        estimate = frequencies(option_categorical(picked.codes, column.labels), weights)
        table.update(_frequency_table(estimate, column.labels))
    elif column.kind == "multiple":
        estimate = multiple_choice(picked.chosen, picked.answered, weights, column.labels)
        table.update(_frequency_table(estimate, column.labels))
        table["multiple"] = True
    elif column.kind == "number":
        answered = ~np.isnan(picked.numbers)
        if answered.sum() >= 2:
            table["mean"] = weighted_mean(picked.numbers[answered], weights[answered])
        table["base"] = int(answered.sum())
    else:
        table["answers"] = sum(1 for text in picked.texts if text.strip())
    table["has_chart"] = any(row["share"].value is not None for row in table.get("rows", []))
    return table


def option_categorical(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
    """Option indexes as a Categorical: -1 (not answered) is its missing value, so it stays
    out of the base and is counted as "no answer"."""
    return pd.Categorical.from_codes(codes, categories=list(range(len(labels))))


def _frequency_table(estimate, labels: list[str]) -> dict:
    shown = shown_frequencies(estimate)
    rows = [{**row, "label": labels[i]} for i, row in enumerate(shown["rows"])]
    return {
        "rows": rows,
        "base": shown["base"],
        "percentages_shown": shown["percentages_shown"],
        # Respondents minus the non-answers is the base: with a hidden (small) base the
        # number without an answer would give it away, so it is hidden too.
        "no_answer": None if shown["base"].value is None else estimate.no_answer,
        "n_effective": estimate.n_effective,
    }


def breakdown_choices(analysis: Analysis) -> list[tuple[str, str]]:
    """What a crosstab can be broken down by: the respondent facts, then every closed
    question of the survey (income, household, ...)."""
    choices = [(key, str(label)) for key, label in BREAKDOWNS.items()]
    choices += [
        (code, f"{code}: {column.text}")
        for code, column in analysis.data.columns.items()
        if column.kind == "choice"
    ]
    return choices


def _breakdown(analysis: Analysis, key: str) -> tuple[np.ndarray, list, list[str]] | None:
    """(values per respondent, categories, labels) of a breakdown; None if unknown."""
    data = analysis.data
    if key == "_wijk":
        categories = sorted(code for code in set(data.district) if code)
        return data.district, categories, [analysis.district_names.get(c, c) for c in categories]
    if key == "_leeftijd":
        categories = [band for band in AgeBand.values if band in set(data.age_band)]
        return data.age_band, categories, [str(AgeBand(band).label) for band in categories]
    if key == "_geslacht":
        categories = [sex for sex in Sex.values if sex in set(data.sex)]
        return data.sex, categories, [str(Sex(sex).label) for sex in categories]
    if key == "_pas":
        categories = [tier for tier in Tier.values if tier in set(data.tier)]
        return data.tier, categories, [str(Tier(tier).label) for tier in categories]
    column = data.columns.get(key)
    if column is None or column.kind != "choice":
        return None
    return column.codes, list(range(len(column.labels))), column.labels


def crosstab_table(analysis: Analysis, mask: np.ndarray, row_key: str, column_key: str):
    """A crosstab of a closed question (rows) by a breakdown (columns), suppressed and with
    the test of independence; None when either is unknown or there is nothing to show."""
    rows = _breakdown(analysis, row_key)
    columns = _breakdown(analysis, column_key)
    if rows is None or columns is None or row_key == column_key:
        return None
    row_values, row_categories, row_labels = rows
    column_values, column_categories, column_labels = columns
    # Only respondents with an answer on both sides: the others are not in this table.
    keep = mask & np.isin(row_values, row_categories) & np.isin(column_values, column_categories)
    if not keep.any():
        return {"empty": True}
    table = crosstab(
        row_values[keep],
        column_values[keep],
        analysis.weights[keep],
        row_categories=row_categories,
        column_categories=column_categories,
    )
    shown = shown_crosstab(table)
    for i, row in enumerate(shown["rows"]):
        row["label"] = row_labels[i]
    for j, column in enumerate(shown["columns"]):
        column["label"] = column_labels[j]
    return shown
