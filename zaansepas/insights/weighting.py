"""Raking (iterative proportional fitting) of survey respondents to population margins.

Plain numpy, no models: `rake()` takes one category code per respondent for each weighting
variable (wijk, age band, sex) and the population total per category, and returns weights
whose weighted totals reproduce every margin. The method, its formulas and the choices made
for bad input are explained for the researchers in docs/statistics.md.

Speed: respondents with the same combination of categories (and the same base weight) always
get the same weight, so the iterations run over those combinations ("profiles", a few hundred
for wijk × age × sex), not over the respondents. Raking a million rows costs about as much as
encoding them once.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

Category = Hashable
Margins = Mapping[str, Mapping[Category, float]]

# Margins from different tables may differ by rounding; up to this share we rescale them to
# one total (with a note in the report), beyond it we refuse: that is not rounding.
MARGIN_ROUNDING = 0.001
PRECISION_FLOOR = 1e-9


class WeightingError(ValidationError):
    """The weighting cannot be computed; `.messages` says why, in Dutch, for the researcher."""


@dataclass(frozen=True)
class VariableReport:
    """One weighting variable after raking: per category the population target, the number
    of respondents and the weighted total the weights give."""

    name: str
    categories: list
    targets: np.ndarray
    respondents: np.ndarray
    achieved: np.ndarray
    missing: int  # respondents without a usable value for this variable

    def as_dict(self) -> dict[Category, float]:
        return dict(zip(self.categories, self.achieved.tolist(), strict=True))


@dataclass(frozen=True)
class Weighting:
    """The outcome of `rake()`.

    `weights` sum to the population total: a weight is the number of residents a respondent
    stands for. `normalised` are the same weights scaled to mean 1 (sum = n), the form most
    survey packages export. Respondents left out (only with missing="exclude") have weight 0
    and `included` False."""

    weights: np.ndarray
    included: np.ndarray
    population_total: float
    iterations: int
    converged: bool
    max_relative_error: float
    variables: dict[str, VariableReport]
    trim_bounds: tuple[float, float] | None  # absolute weight bounds, or None
    trimmed: int  # respondents whose weight sits on a trimming bound
    notes: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return int(self.included.sum())

    @property
    def excluded(self) -> int:
        return int(self.included.size - self.included.sum())

    @property
    def n_effective(self) -> float:
        """Kish's effective sample size (Σw)² / Σw²."""
        return effective_sample_size(self.weights[self.included])

    @property
    def efficiency(self) -> float:
        """Weighting efficiency n_eff / n (1 = weighting costs no precision)."""
        return self.n_effective / self.n

    @property
    def design_effect(self) -> float:
        """Kish's design effect of unequal weights, n / n_eff = 1 + CV² of the weights."""
        return self.n / self.n_effective

    @property
    def normalised(self) -> np.ndarray:
        return self.weights * (self.n / self.weights.sum())

    def achieved_margins(self) -> dict[str, dict[Category, float]]:
        return {name: report.as_dict() for name, report in self.variables.items()}


def effective_sample_size(weights: np.ndarray) -> float:
    """Kish: n_eff = (Σw)² / Σw². Equal weights give n; unequal weights give less."""
    weights = np.asarray(weights, dtype=float)
    squares = float(np.dot(weights, weights))
    return float(weights.sum()) ** 2 / squares if squares > 0 else 0.0


def rake(
    variables: Mapping[str, Sequence | np.ndarray],
    margins: Margins,
    *,
    base_weights: np.ndarray | None = None,
    trim: tuple[float, float] | None = (0.2, 5.0),
    collapse: Mapping[str, Mapping[Category, Category]] | None = None,
    treat_as_missing: Mapping[str, set] | None = None,
    missing: Literal["per_variable", "exclude"] = "per_variable",
    rescale_margins: bool = False,
    tolerance: float = 1e-12,
    max_iterations: int = 1000,
) -> Weighting:
    """Weights that reproduce `margins` for every variable.

    variables: name → one category per respondent (str or int; None, NaN or "" = missing).
    margins: name → {category: population total}; the same names as `variables`.
    base_weights: design weights to start from (default 1 for everyone).
    trim: (lower, upper) bounds for a weight relative to the mean weight N/n, or None. Each
        raking round ends by clipping the weights to the bounds; rounds repeat until the
        margins hold *after* clipping, so the final weights respect both.
    collapse: name → {category: merged category}, applied to margins and respondents alike,
        for a category with (too) few respondents: merge it with a neighbouring one.
    treat_as_missing: name → values that count as missing for that variable (e.g. sex "x":
        the population register knows only m/v, so such respondents are not raked on sex).
    missing: "per_variable" (default): a respondent without a value for one variable keeps
        counting for the other variables, and for this variable the respondents with a value
        are raked to the population *shares* of its categories. "exclude": respondents
        missing any weighting variable get weight 0 and are left out of weighted estimates.
    rescale_margins: margins of different variables must sum to the same population total;
        differences up to 0.1% (rounding) are always rescaled to the total of the first
        variable; larger ones only with rescale_margins=True, else the raking is refused.
    tolerance: the largest relative difference |achieved − target| / target allowed per
        category (and for the total); a run that stalls below 1e-9 (the floating-point floor
        of summing a million weights) also counts as converged.

    Raises WeightingError (Dutch messages) for what cannot be weighted.
    """
    if not variables:
        raise WeightingError(_("Er zijn geen wegingsvariabelen opgegeven."))
    names = list(variables)
    unknown = sorted(set(margins) ^ set(names))
    if unknown:
        raise WeightingError(
            _("Variabelen en bevolkingscijfers passen niet bij elkaar: %(names)s.")
            % {"names": ", ".join(unknown)}
        )
    sizes = {len(variables[name]) for name in names}
    if len(sizes) != 1:
        raise WeightingError(_("Niet elke wegingsvariabele heeft een waarde per respondent."))
    (size,) = sizes
    if size == 0:
        raise WeightingError(_("Er zijn geen respondenten om te wegen."))
    collapse = collapse or {}
    treat_as_missing = treat_as_missing or {}

    problems: list[str] = []
    targets: dict[str, tuple[list, np.ndarray]] = {}
    for name in names:
        categories, totals = _clean_margin(name, margins[name], collapse.get(name, {}), problems)
        targets[name] = (categories, totals)
    if problems:
        raise WeightingError(problems)

    notes: list[str] = []
    population_total = _common_total(targets, rescale_margins, problems, notes)
    if problems:
        raise WeightingError(problems)

    codes: dict[str, np.ndarray] = {}
    for name in names:
        code, stray, found = _encode(
            variables[name],
            targets[name][0],
            collapse.get(name, {}),
            treat_as_missing.get(name, ()),
        )
        if stray:
            problems.append(
                _(
                    "%(variable)s: %(count)d respondent(en) met een waarde die niet in de "
                    "bevolkingscijfers staat (%(values)s). Voeg die samen met een categorie "
                    "die er wel is, of tel ze als onbekend."
                )
                % {
                    "variable": _variable_label(name),
                    "count": stray,
                    "values": ", ".join(map(str, found[:10])),
                }
            )
        codes[name] = code
    if problems:
        raise WeightingError(problems)

    included = np.ones(size, dtype=bool)
    if missing == "exclude":
        for code in codes.values():
            included &= code >= 0
        if not included.any():
            raise WeightingError(
                _("Geen enkele respondent heeft een waarde voor alle wegingsvariabelen.")
            )
    elif missing != "per_variable":
        raise ValueError(f"missing={missing!r}")

    if base_weights is None:
        base = np.ones(size)
    else:
        base = np.asarray(base_weights, dtype=float)
        if base.shape != (size,) or not np.all(np.isfinite(base)) or np.any(base[included] <= 0):
            raise WeightingError(
                _("De startgewichten moeten voor elke respondent een positief getal zijn.")
            )

    # Empty categories: a population the respondents cannot stand for.
    for name in names:
        categories, totals = targets[name]
        counts = np.bincount(codes[name][included & (codes[name] >= 0)], minlength=len(totals))
        for index in np.flatnonzero((counts == 0) & (totals > 0)):
            problems.append(
                _(
                    "%(variable)s %(category)s: geen enkele respondent, terwijl daar "
                    "%(population)s inwoners wonen. Voeg deze categorie samen met een "
                    "aangrenzende (optie 'samenvoegen'), anders kan niemand voor hen staan."
                )
                % {
                    "variable": _variable_label(name),
                    "category": categories[index],
                    "population": _number(totals[index]),
                }
            )
        for index in np.flatnonzero((counts > 0) & (totals == 0)):
            problems.append(
                _(
                    "%(variable)s %(category)s: %(count)d respondent(en), maar volgens de "
                    "bevolkingscijfers woont daar niemand. Controleer de gegevens of voeg "
                    "de categorie samen."
                )
                % {
                    "variable": _variable_label(name),
                    "category": categories[index],
                    "count": int(counts[index]),
                }
            )
    if problems:
        raise WeightingError(problems)

    profile, first, multiplicity = _profiles(codes, base, included, names)
    profile_codes = {name: codes[name][first] for name in names}
    weight = base[first] * (population_total / float(np.dot(base[first], multiplicity)))
    n = int(multiplicity.sum())
    mean_weight = population_total / n
    bounds = None
    if trim is not None:
        lower, upper = trim
        if not 0 <= lower <= 1 <= upper:
            raise ValueError("trim must be (lower <= 1, upper >= 1)")
        bounds = (lower * mean_weight, upper * mean_weight)
        _check_trim_feasible(targets, profile_codes, multiplicity, bounds, trim, problems)
        if problems:
            raise WeightingError(problems)

    error = previous = np.inf
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007 -- reported below
        for name in names:
            code = profile_codes[name]
            known = code >= 0
            goal = _goal(targets[name][1], weight, multiplicity, known, population_total)
            achieved = np.bincount(code[known], weight[known] * multiplicity[known], len(goal))
            factor = np.divide(goal, achieved, out=np.ones_like(goal), where=achieved > 0)
            weight[known] *= factor[code[known]]
        if bounds is not None:
            np.clip(weight, bounds[0], bounds[1], out=weight)
        error, worst = _max_relative_error(
            targets, profile_codes, weight, multiplicity, population_total
        )
        # Summing many weights has a floating-point floor; stalled below 1e-9 is there.
        if error <= tolerance or (error < PRECISION_FLOOR and error >= previous):
            break
        previous = error
    converged = error <= tolerance or error < PRECISION_FLOOR
    if not converged:
        raise WeightingError(
            _(
                "De weging komt na %(rounds)d rondes niet uit: %(where)s wijkt nog "
                "%(error).2g%% af van het bevolkingsaantal. Meestal zijn de trimgrenzen te "
                "krap voor hoe scheef de respons is. Verruim de grenzen of voeg kleine "
                "categorieën samen."
            )
            % {"rounds": iterations, "error": error * 100, "where": worst}
        )

    weights = np.zeros(size)
    weights[included] = weight[profile[included]]
    reports = {}
    for name in names:
        categories, totals = targets[name]
        code = codes[name]
        known = included & (code >= 0)
        achieved = np.bincount(code[known], weights[known], len(totals))
        goal = _goal(totals, weight, multiplicity, profile_codes[name] >= 0, population_total)
        reports[name] = VariableReport(
            name=name,
            categories=list(categories),
            targets=goal,
            respondents=np.bincount(code[known], minlength=len(totals)),
            achieved=achieved,
            missing=int((included & (code < 0)).sum()),
        )
        if reports[name].missing and missing == "per_variable":
            notes.append(
                _(
                    "%(variable)s: %(count)d respondent(en) zonder (bruikbare) waarde; zij "
                    "tellen mee voor de andere variabelen, en de overige respondenten zijn "
                    "gewogen naar de bevolkingsverdeling van deze variabele."
                )
                % {"variable": _variable_label(name), "count": reports[name].missing}
            )
    if missing == "exclude" and not included.all():
        notes.append(
            _(
                "%(count)d respondent(en) zonder waarde voor alle wegingsvariabelen zijn "
                "buiten de weging gelaten (gewicht 0)."
            )
            % {"count": int(size - included.sum())}
        )
    trimmed = 0
    if bounds is not None:
        on_bound = np.isclose(weight, bounds[0], rtol=1e-9) | np.isclose(
            weight, bounds[1], rtol=1e-9
        )
        trimmed = int(multiplicity[on_bound].sum())
    return Weighting(
        weights=weights,
        included=included,
        population_total=population_total,
        iterations=iterations,
        converged=converged,
        max_relative_error=float(error),
        variables=reports,
        trim_bounds=bounds,
        trimmed=trimmed,
        notes=notes,
    )


# --- helpers ----------------------------------------------------------------------------


def _variable_label(name: str) -> str:
    labels = {"district": _("Wijk"), "age_band": _("Leeftijdsgroep"), "sex": _("Geslacht")}
    return str(labels.get(name, name))


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _encode(values, categories, mapping, absent) -> tuple[np.ndarray, int, list]:
    """Category index per respondent (-1 = missing), the number of respondents whose value is
    not a category, and those values. Hashes each column once and decides on its distinct
    values only, which keeps a million rows fast."""
    if isinstance(values, pd.Categorical):
        codes, uniques = values.codes, list(values.categories)
    else:
        codes, uniques = pd.factorize(np.asarray(values) if isinstance(values, list) else values)
        uniques = list(uniques)
    position = {category: index for index, category in enumerate(categories)}
    lookup = np.empty(len(uniques) + 1, dtype=np.int64)
    lookup[-1] = -1  # factorize's -1 (None, NaN) indexes the last slot: missing
    for index, value in enumerate(uniques):
        if value == "" or value in absent:
            lookup[index] = -1
        else:
            lookup[index] = position.get(mapping.get(value, value), -2)
    code = lookup[codes]
    stray = code == -2
    if not stray.any():
        return code, 0, []
    found = [value for index, value in enumerate(uniques) if lookup[index] == -2]
    return code, int(stray.sum()), found


def _clean_margin(
    name: str,
    margin: Mapping[Category, float],
    mapping: Mapping[Category, Category],
    problems: list[str],
) -> tuple[list, np.ndarray]:
    """Categories and totals of one margin, merged by `mapping`; categories with population 0
    are kept (so respondents there are reported, not silently dropped)."""
    merged: dict[Category, float] = {}
    for category, total in margin.items():
        try:
            value = float(total)
        except (TypeError, ValueError):
            value = float("nan")
        if not np.isfinite(value) or value < 0:
            problems.append(
                _("%(variable)s %(category)s: het bevolkingsaantal %(value)s is ongeldig.")
                % {"variable": _variable_label(name), "category": category, "value": total}
            )
            continue
        target = mapping.get(category, category)
        if target in mapping and mapping[target] != target:
            problems.append(
                _("%(variable)s: samenvoegen in meer dan één stap (%(a)s → %(b)s → …) kan niet.")
                % {"variable": _variable_label(name), "a": category, "b": target}
            )
        merged[target] = merged.get(target, 0.0) + value
    if not merged:
        problems.append(
            _("%(variable)s: er zijn geen bevolkingscijfers.") % {"variable": _variable_label(name)}
        )
    return list(merged), np.array(list(merged.values()), dtype=float)


def _common_total(targets, rescale: bool, problems: list[str], notes: list[str]) -> float:
    """All margins must describe the same population. Returns its total; rescales rounding
    differences (and larger ones when asked), refuses the rest."""
    names = list(targets)
    reference = float(targets[names[0]][1].sum())
    if reference <= 0:
        problems.append(_("De bevolkingscijfers tellen op tot 0."))
        return 0.0
    for name in names[1:]:
        categories, totals = targets[name]
        total = float(totals.sum())
        difference = abs(total - reference) / reference
        if difference <= 1e-12:
            continue
        values = {
            "variable": _variable_label(name),
            "total": _number(total),
            "first": _variable_label(names[0]),
            "reference": _number(reference),
            "percent": f"{difference * 100:.2f}",
        }
        if difference <= MARGIN_ROUNDING or rescale:
            targets[name] = (categories, totals * (reference / total))
            notes.append(
                _(
                    "De bevolkingscijfers voor %(variable)s tellen op tot %(total)s, die voor "
                    "%(first)s tot %(reference)s (%(percent)s%% verschil); %(variable)s is "
                    "naar hetzelfde totaal herschaald."
                )
                % values
            )
        else:
            problems.append(
                _(
                    "De bevolkingscijfers tellen niet op tot hetzelfde totaal: %(variable)s "
                    "%(total)s, %(first)s %(reference)s (%(percent)s%% verschil). Dan beschrijven "
                    "ze niet dezelfde bevolking (ander jaar, andere leeftijden?) en kan geen "
                    "weging aan allebei voldoen. Gebruik cijfers van dezelfde bron en peildatum, "
                    "of kies uitdrukkelijk voor herschalen."
                )
                % values
            )
    return reference


def _profiles(codes, base, included, names):
    """Group respondents with the same categories and base weight: they always share a
    weight. Returns (profile index per respondent, one respondent per profile, counts)."""
    key = np.zeros(base.shape[0], dtype=np.int64)
    for name in names:
        code = codes[name]
        key = key * (int(code.max(initial=0)) + 2) + (code + 1)
    if not np.all(base == base[0]):
        base_code, _ = pd.factorize(base)
        key = key * (int(base_code.max()) + 1) + base_code
    key = np.where(included, key, -1)
    profile, uniques = pd.factorize(key)
    first = np.full(len(uniques), -1, dtype=np.int64)
    first[profile[::-1]] = np.arange(base.shape[0] - 1, -1, -1)
    multiplicity = np.bincount(profile, minlength=len(uniques)).astype(float)
    keep = uniques != -1  # the excluded respondents' pseudo-profile
    # Renumber so the kept profiles are 0..k-1 and excluded respondents point nowhere useful.
    renumber = np.cumsum(keep) - 1
    profile = np.where(keep[profile], renumber[profile], 0)
    return profile, first[keep], multiplicity[keep]


def _goal(totals, weight, multiplicity, known, population_total) -> np.ndarray:
    """The weighted totals the known respondents must reach for one variable: the margin,
    or with some respondents missing this variable, the margin's shares of what is left."""
    if known.all():
        return totals
    missing_weight = float(np.dot(weight[~known], multiplicity[~known]))
    return totals * ((population_total - missing_weight) / population_total)


def _max_relative_error(targets, profile_codes, weight, multiplicity, population_total):
    """The largest relative miss over all categories (and the total), and where it is."""
    worst, where = 0.0, _("het totaal")
    for name, (categories, totals) in targets.items():
        code = profile_codes[name]
        known = code >= 0
        goal = _goal(totals, weight, multiplicity, known, population_total)
        achieved = np.bincount(code[known], weight[known] * multiplicity[known], len(goal))
        misses = np.abs(achieved - goal) / np.where(goal > 0, goal, 1.0)
        index = int(np.argmax(misses))
        if misses[index] > worst:
            worst, where = float(misses[index]), f"{_variable_label(name)} {categories[index]}"
    total = abs(float(np.dot(weight, multiplicity)) / population_total - 1)
    if total > worst:
        worst, where = total, _("het totaal")
    return worst, where


def _check_trim_feasible(targets, profile_codes, multiplicity, bounds, trim, problems) -> None:
    """A category whose respondents would each have to stand for more (or fewer) residents
    than the trimming bounds allow can never be reached: say which, before iterating."""
    for name, (categories, totals) in targets.items():
        code = profile_codes[name]
        known = code >= 0
        counts = np.bincount(code[known], multiplicity[known], len(totals))
        # With respondents missing this variable the goal is the margin's share of what is
        # left; they weigh at most upper × mean, so the goal is at least this much of it.
        missing = float(multiplicity[~known].sum())
        respondents = float(counts.sum()) + missing
        lowest = max(0.0, 1 - missing / respondents * trim[1]) if missing else 1.0
        highest = 1 - missing / respondents * trim[0] if missing else 1.0
        for index in np.flatnonzero(totals * lowest > counts * bounds[1] * (1 + 1e-12)):
            problems.append(
                _(
                    "%(variable)s %(category)s: %(count)d respondent(en) moeten samen "
                    "%(population)s inwoners vertegenwoordigen, maar een gewicht mag niet hoger "
                    "zijn dan %(upper)s× het gemiddelde. Voeg de categorie samen met een "
                    "aangrenzende of verruim de bovengrens."
                )
                % {
                    "variable": _variable_label(name),
                    "category": categories[index],
                    "count": int(counts[index]),
                    "population": _number(totals[index]),
                    "upper": trim[1],
                }
            )
        too_low = totals * highest < counts * bounds[0] * (1 - 1e-12)
        for index in np.flatnonzero(too_low & (totals > 0)):
            problems.append(
                _(
                    "%(variable)s %(category)s: %(count)d respondent(en) voor maar "
                    "%(population)s inwoners; een gewicht mag niet lager zijn dan %(lower)s× het "
                    "gemiddelde. Verlaag de ondergrens."
                )
                % {
                    "variable": _variable_label(name),
                    "category": categories[index],
                    "count": int(counts[index]),
                    "population": _number(totals[index]),
                    "lower": trim[0],
                }
            )
