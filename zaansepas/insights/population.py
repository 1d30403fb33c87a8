"""The population margins the survey is weighted to, and the respondents' matching values.

Margins come from city.PopulationCount (CBS Kerncijfers wijken en buurten, or the demo
estimates): residents per wijk, per age band and per sex, for one reference year. Only the
age bands from `min_age_band` up count: the survey asks residents of 15 and older, so the
population it stands for is the same. All three margins are sums over the same cells and so
describe exactly the same total.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db.models import Max, QuerySet, Sum
from django.utils.translation import gettext as _

from zaansepas.city.models import AgeBand, Area, AreaKind, PopulationCount, Sex

from .weighting import WeightingError

WEIGHTING_VARIABLES = ("district", "age_band", "sex")


@dataclass(frozen=True)
class PopulationMargins:
    year: int
    margins: dict[str, dict[str, float]]  # variable → {category: residents}
    district_names: dict[str, str]  # CBS wijk code → name
    is_approximate: bool  # demo estimates rather than CBS figures

    @property
    def total(self) -> float:
        return sum(self.margins["sex"].values())


def population_margins(year: int | None = None, min_age_band: str = "15-24") -> PopulationMargins:
    """Residents aged `min_age_band` and older per wijk, age band and sex in `year` (the
    latest year with figures when None)."""
    bands = [band for band in AgeBand.values]
    if min_age_band not in bands:
        raise WeightingError(_("Onbekende leeftijdsgroep: %(band)s.") % {"band": min_age_band})
    bands = bands[bands.index(min_age_band) :]
    counts = PopulationCount.objects.filter(area__kind=AreaKind.DISTRICT)
    if year is None:
        year = counts.aggregate(latest=Max("year"))["latest"]
        if year is None:
            raise WeightingError(
                _("Er zijn geen bevolkingscijfers per wijk; importeer eerst de CBS-cijfers.")
            )
    counts = counts.filter(year=year, age_band__in=bands)
    if not counts.exists():
        raise WeightingError(
            _("Er zijn geen bevolkingscijfers per wijk voor %(year)s.") % {"year": year}
        )
    margins: dict[str, dict[str, float]] = {}
    for variable, field in (("district", "area__code"), ("age_band", "age_band"), ("sex", "sex")):
        rows = counts.values(field).annotate(total=Sum("count")).order_by(field)
        margins[variable] = {row[field]: float(row["total"]) for row in rows}
    names = dict(
        Area.objects.filter(kind=AreaKind.DISTRICT, code__in=margins["district"]).values_list(
            "code", "name"
        )
    )
    return PopulationMargins(
        year=year,
        margins=margins,
        district_names=names,
        is_approximate=counts.filter(is_approximate=True).exists(),
    )


def response_variables(responses: QuerySet | Iterable) -> dict[str, np.ndarray]:
    """The weighting variables of survey responses as arrays for weighting.rake():
    district (CBS wijk code), age_band and sex, None where unknown.

    Sex: the population register knows only m and v, so any other answer ("x", "wil ik
    niet zeggen") is unknown for the weighting; that respondent is weighted on wijk and age
    only (see docs/statistics.md)."""
    if isinstance(responses, QuerySet):
        rows = list(responses.values_list("district__code", "age_band", "sex"))
    else:
        responses = list(responses)
        ids = {r.district_id for r in responses if r.district_id is not None}
        codes = dict(Area.objects.filter(pk__in=ids).values_list("pk", "code"))
        rows = [(codes.get(r.district_id), r.age_band, r.sex) for r in responses]
    if rows:
        district, age_band, sex = (
            np.array(column, dtype=object) for column in zip(*rows, strict=True)
        )
    else:
        district = age_band = sex = np.empty(0, dtype=object)
    age_band[age_band == ""] = None
    sex[~np.isin(sex, Sex.values)] = None
    return {"district": district, "age_band": age_band, "sex": sex}
