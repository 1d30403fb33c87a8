"""Comparing two waves (versions) of one survey series, question code by question code.

Each wave is weighted to the population on its own (analysis.analyse_survey). Per option,
matched by option code and not by position, both weighted shares with their 95% intervals
and the difference B − A with its interval; for numbers the difference of weighted means.
The waves are independent samples, so se(B − A) = sqrt(se_A² + se_B²) (docs/statistics.md,
"Waves"). Disclosure control is applied to each wave's table first: a difference is shown
only when both its shares may be shown."""

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from zaansepas.surveys.models import Survey, SurveyStatus

from .analysis import Analysis, option_categorical
from .disclosure import MIN_BASE, SMALL_BASE, Shown, shown_frequencies
from .estimates import frequencies, multiple_choice, weighted_mean, z_value

# Reasons a difference is not shown (besides the disclosure reasons of either wave).
NOT_IN_BOTH = "niet in beide versies"


def _kind_label(kind: str) -> str:
    return {
        "choice": _("een vraag met één antwoord"),
        "multiple": _("een vraag met meer antwoorden"),
        "number": _("een vraag met een getal"),
        "text": _("een open vraag"),
    }.get(kind, kind)


@dataclass
class Difference:
    """B − A with its 95% interval; `significant` when the interval excludes 0."""

    value: float
    low: float
    high: float
    se: float

    @property
    def significant(self) -> bool:
        return self.low > 0 or self.high < 0

    # In percentage points, for the page (shares are fractions).
    @property
    def points(self) -> float:
        return self.value * 100

    @property
    def low_points(self) -> float:
        return self.low * 100

    @property
    def high_points(self) -> float:
        return self.high * 100


@dataclass
class OptionRow:
    code: str
    label: str
    a: dict | None  # the wave's shown row (n, share, low, high as Shown) or None if absent
    b: dict | None
    difference: Difference | None = None
    reason: str | None = None  # why there is no difference

    @property
    def hidden(self) -> Shown:
        """The missing difference as a hidden figure with its disclosure reason."""
        return Shown(None, self.reason)


@dataclass
class QuestionComparison:
    code: str
    text: str
    kind: str
    rows: list[OptionRow] = field(default_factory=list)
    base_a: Shown | None = None
    base_b: Shown | None = None
    means: dict | None = None  # numbers: {"a": Mean, "b": Mean, "difference": Difference}
    reason: str | None = None  # numbers: why the means are not compared


@dataclass
class WaveComparison:
    a: Survey
    b: Survey
    questions: list[QuestionComparison]
    not_compared: list[str]  # one Dutch sentence per question that cannot be compared


def earlier_versions(survey: Survey) -> list[Survey]:
    """Earlier published (or closed) versions of the survey's series, newest first."""
    return list(
        Survey.objects.filter(series=survey.series, version__lt=survey.version)
        .exclude(status=SurveyStatus.DRAFT)
        .order_by("-version")
    )


def difference(share_a: float, n_eff_a: float, share_b: float, n_eff_b: float) -> Difference:
    """B − A of two shares from independent samples, each se from its effective sample
    size: se = sqrt(p_A(1 − p_A)/n_eff_A + p_B(1 − p_B)/n_eff_B)."""
    se = float(np.sqrt(share_a * (1 - share_a) / n_eff_a + share_b * (1 - share_b) / n_eff_b))
    return _difference(share_b - share_a, se)


def _difference(value: float, se: float) -> Difference:
    z = z_value(0.95)
    return Difference(float(value), float(value - z * se), float(value + z * se), se)


def compare_waves(a: Analysis, b: Analysis) -> WaveComparison:
    """Every question code of wave B next to wave A; codes in one wave only, and codes
    whose kind changed, are listed with the reason they are not compared."""
    version_a, version_b = a.survey.version, b.survey.version
    columns_a, columns_b = a.data.columns, b.data.columns
    questions, not_compared = [], []
    for code in list(columns_b) + [c for c in columns_a if c not in columns_b]:
        column_a, column_b = columns_a.get(code), columns_b.get(code)
        if column_a is None or column_b is None:
            only = version_b if column_a is None else version_a
            not_compared.append(
                _("Vraag %(code)s staat alleen in versie %(version)s; vergelijken kan niet.")
                % {"code": code, "version": only}
            )
        elif column_a.kind != column_b.kind:
            not_compared.append(
                _(
                    "Vraag %(code)s is in versie %(a)s %(kind_a)s en in versie %(b)s "
                    "%(kind_b)s; vergelijken kan niet."
                )
                % {
                    "code": code,
                    "a": version_a,
                    "kind_a": _kind_label(column_a.kind),
                    "b": version_b,
                    "kind_b": _kind_label(column_b.kind),
                }
            )
        elif column_b.kind == "text":
            not_compared.append(
                _("Vraag %(code)s is een open vraag; die vergelijkt deze pagina niet.")
                % {"code": code}
            )
        elif column_b.kind == "number":
            questions.append(_compare_means(code, column_a, column_b, a.weights, b.weights))
        else:
            questions.append(_compare_options(code, column_a, column_b, a.weights, b.weights))
    return WaveComparison(a.survey, b.survey, questions, not_compared)


def _estimate(column, weights: np.ndarray):
    if column.kind == "choice":
        return frequencies(option_categorical(column.codes, column.labels), weights)
    return multiple_choice(column.chosen, column.answered, weights, column.labels)


def _compare_options(code, column_a, column_b, weights_a, weights_b) -> QuestionComparison:
    estimate_a, estimate_b = _estimate(column_a, weights_a), _estimate(column_b, weights_b)
    shown_a, shown_b = shown_frequencies(estimate_a), shown_frequencies(estimate_b)
    by_code_a = dict(zip(column_a.option_codes, shown_a["rows"], strict=True))
    by_code_b = dict(zip(column_b.option_codes, shown_b["rows"], strict=True))
    labels = dict(zip(column_a.option_codes, column_a.labels, strict=True))
    labels.update(zip(column_b.option_codes, column_b.labels, strict=True))
    index_a = {option: i for i, option in enumerate(column_a.option_codes)}
    index_b = {option: i for i, option in enumerate(column_b.option_codes)}
    rows = []
    order = list(column_b.option_codes)
    order += [option for option in column_a.option_codes if option not in index_b]
    for option in order:
        row = OptionRow(option, labels[option], by_code_a.get(option), by_code_b.get(option))
        if row.a is None or row.b is None:
            row.reason = NOT_IN_BOTH
        elif row.a["share"].value is None or row.b["share"].value is None:
            # The shares are hidden in at least one wave: so is their difference.
            row.reason = row.a["share"].reason or row.b["share"].reason
        else:
            row.difference = difference(
                float(estimate_a.share[index_a[option]]),
                estimate_a.n_effective,
                float(estimate_b.share[index_b[option]]),
                estimate_b.n_effective,
            )
        rows.append(row)
    return QuestionComparison(
        code,
        column_b.text,
        column_b.kind,
        rows=rows,
        base_a=shown_a["base"],
        base_b=shown_b["base"],
    )


def _compare_means(code, column_a, column_b, weights_a, weights_b) -> QuestionComparison:
    """Numbers: the difference of the weighted means, se from each mean's linearised se."""
    mean_a = weighted_mean(column_a.numbers, weights_a)
    mean_b = weighted_mean(column_b.numbers, weights_b)
    comparison = QuestionComparison(code, column_b.text, "number")
    if mean_a.n < MIN_BASE or mean_b.n < MIN_BASE:
        comparison.reason = SMALL_BASE
        return comparison
    comparison.means = {
        "a": mean_a,
        "b": mean_b,
        "difference": _difference(mean_b.mean - mean_a.mean, float(np.hypot(mean_a.se, mean_b.se))),
    }
    return comparison
