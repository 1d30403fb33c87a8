"""The response of a survey against the population: per day, per wijk, per channel, per
age band and sex, and the target counts per wijk. Read in a fixed handful of aggregate
queries, whatever the number of responses.

Which population. Surveys are answered by people of 15 and older (the age-band question
starts at 15), so a wijk's share of the population is its share of the residents of 15+
(city PopulationCount, age bands 15-24 and up, both sexes), in the latest reference year
that has figures for the wijken. Counting children would make wijken with many families
look under-represented when they are not.

Which shares. A wijk's share of the response is its share of the responses *whose wijk is
known*: responses without a wijk (no postcode, and a channel not tied to a wijk) are shown
as their own row, "onbekend", and are left out of the comparison, because they belong to
some wijk we cannot tell. Age band and sex likewise compare only the answers that have a
population counterpart ("anders / zeg ik liever niet" and no answer are shown, not compared).

When a group is flagged. Under-represented: its share of the response is below 2/3 of its
share of the population AND the shortfall is beyond chance (a two-sided binomial test at
95%: z = (count - expected) / sqrt(n p (1 - p)) <= -1.96). Over-represented: above 3/2
AND z >= 1.96. The ratio says the gap matters: with weights outside 2/3..3/2 the weighting
starts to cost precision, and it is the gap a researcher acts on (more flyers in that
wijk). The test says the gap is not noise: a small wijk with 3 responses where 5 were
expected is not flagged, and early in the fieldwork nothing is flagged on a few dozen
responses. Both are needed; either alone flags the wrong wijken.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.city.models import AgeBand, Area, AreaKind, PopulationCount, Sex

from .models import (
    Channel,
    ChannelKind,
    Demographic,
    DistrictTarget,
    QuestionKind,
    Response,
    Survey,
)

UNDER = "ondervertegenwoordigd"
OVER = "oververtegenwoordigd"
UNDER_RATIO = 2 / 3
OVER_RATIO = 3 / 2
Z_CRITICAL = 1.96
TARGET_MAX = 100_000

# Bands of 15+ in the order of the age-band question; "0-14" never answers.
ADULT_BANDS = [band.value for band in AgeBand if band != AgeBand.AGE_0_14]
UNKNOWN = ""  # the key of the "onbekend" rows


@dataclass
class GroupRow:
    """One wijk, age band or sex: its response against its population share."""

    key: str  # area code, age band code, sex code; "" for unknown
    label: str
    count: int
    share: float | None = None  # of the compared responses (or of all, for the unknown row)
    population_share: float | None = None
    expected: float | None = None  # count if the response matched the population
    ratio: float | None = None  # share / population share
    z: float | None = None
    flag: str = ""  # UNDER, OVER or ""
    compared: bool = False  # part of the comparison (has a population share)
    area_id: int | None = None
    target: int | None = None
    progress: float | None = None  # count / target

    # Percentages for the page (the template formats them in the page's language).
    @property
    def share_percent(self) -> float | None:
        return None if self.share is None else 100 * self.share

    @property
    def population_percent(self) -> float | None:
        return None if self.population_share is None else 100 * self.population_share

    @property
    def progress_percent(self) -> float | None:
        return None if self.progress is None else 100 * self.progress

    @property
    def marker(self) -> str:
        """A sign beside the flag's words, so a flag never rests on colour alone."""
        return {UNDER: "▼", OVER: "▲"}.get(self.flag, "")

    @property
    def flag_text(self) -> str:
        if self.flag == UNDER:
            return _("ondervertegenwoordigd")
        if self.flag == OVER:
            return _("oververtegenwoordigd")
        return _("in verhouding") if self.compared else "—"


def unknown_row(count: int, total: int) -> GroupRow:
    """The row of responses that cannot be compared (no wijk, no age band, no sex)."""
    return GroupRow(key=UNKNOWN, label=_("onbekend"), count=count, share=count / total)


@dataclass
class DayRow:
    day: dt.date
    count: int


@dataclass
class ChannelRow:
    id: int | None  # None: responses whose channel was removed
    name: str
    kind: str
    code: str
    is_active: bool
    count: int
    share: float | None

    @property
    def share_percent(self) -> float | None:
        return None if self.share is None else 100 * self.share

    @property
    def kind_label(self) -> str:
        return str(dict(ChannelKind.choices).get(self.kind, ""))


@dataclass
class Monitoring:
    total: int
    days: list[DayRow]
    districts: list[GroupRow]  # the wijken, then "onbekend" when there are such responses
    channels: list[ChannelRow]
    age_bands: list[GroupRow] | None  # None when the survey does not ask it
    sexes: list[GroupRow] | None
    population_year: int | None
    targets_total: int = 0
    counted_for_targets: int = 0  # responses towards the targets, at most the target per wijk
    district_total: int = 0  # responses with a known wijk
    flagged: dict[str, list[str]] = field(default_factory=dict)  # flag -> wijk names

    @property
    def unknown_district(self) -> GroupRow | None:
        return next((row for row in self.districts if row.key == UNKNOWN), None)

    @property
    def targets_percent(self) -> float | None:
        if not self.targets_total:
            return None
        return 100 * self.counted_for_targets / self.targets_total

    @property
    def unknown_percent(self) -> float | None:
        row = self.unknown_district
        return row.share_percent if row else None


def representation(count: int, compared_total: int, population_share: float | None) -> dict:
    """Share, expected count, ratio, z and flag of one group (see the module docstring)."""
    if not compared_total or not population_share:
        return {"share": count / compared_total if compared_total else None}
    share = count / compared_total
    expected = compared_total * population_share
    ratio = share / population_share
    spread = math.sqrt(compared_total * population_share * (1 - population_share))
    z = (count - expected) / spread if spread else 0.0
    flag = ""
    if ratio < UNDER_RATIO and z <= -Z_CRITICAL:
        flag = UNDER
    elif ratio > OVER_RATIO and z >= Z_CRITICAL:
        flag = OVER
    return {
        "share": share,
        "expected": expected,
        "ratio": ratio,
        "z": z,
        "flag": flag,
        "population_share": population_share,
    }


def adult_population() -> tuple[int | None, dict[int, dict[tuple[str, str], int]]]:
    """(year, {wijk id: {(age band, sex): residents}}) for 15+ in the latest year the wijken
    have figures for. One query."""
    district_counts = PopulationCount.objects.filter(area__kind=AreaKind.DISTRICT)
    latest = district_counts.order_by("-year").values("year")[:1]
    rows = district_counts.filter(year=Subquery(latest), age_band__in=ADULT_BANDS).values_list(
        "year", "area_id", "age_band", "sex", "count"
    )
    years = set()
    cells: dict[int, dict[tuple[str, str], int]] = {}
    for row_year, area_id, band, sex, count in rows:
        years.add(row_year)
        cells.setdefault(area_id, {})[(band, sex)] = count
    return (max(years) if years else None), cells


def _asked(survey: Survey) -> tuple[bool, bool]:
    """Whether the survey asks the age band, and sex."""
    found = set(
        survey.questions.filter(
            Q(kind=QuestionKind.AGE_BAND) | Q(demographic=Demographic.SEX)
        ).values_list("kind", "demographic")
    )
    asks_age = any(kind == QuestionKind.AGE_BAND for kind, _demo in found)
    asks_sex = any(demo == Demographic.SEX for _kind, demo in found)
    return asks_age, asks_sex


def monitoring_for(survey: Survey, today: dt.date | None = None) -> Monitoring:
    today = today or timezone.localdate()
    asks_age, asks_sex = _asked(survey)
    responses = Response.objects.filter(survey=survey)
    groups = list(responses.values_list("district_id", "age_band", "sex").annotate(n=Count("id")))
    per_day = dict(responses.values_list("submitted_on").annotate(n=Count("id")))
    per_channel = dict(responses.values_list("channel_id").annotate(n=Count("id")))
    year, population = adult_population()
    districts = list(Area.objects.filter(kind=AreaKind.DISTRICT).order_by("name"))
    targets = dict(
        DistrictTarget.objects.filter(survey=survey).values_list("district_id", "target")
    )
    channels = list(
        Channel.objects.filter(survey=survey).values_list("id", "name", "kind", "code", "is_active")
    )

    total = sum(n for *_key, n in groups)
    by_district: dict[int | None, int] = {}
    by_band: dict[str, int] = {}
    by_sex: dict[str, int] = {}
    for district_id, band, sex, n in groups:
        by_district[district_id] = by_district.get(district_id, 0) + n
        by_band[band] = by_band.get(band, 0) + n
        by_sex[sex] = by_sex.get(sex, 0) + n

    district_rows = _district_rows(districts, by_district, population, targets, total)
    monitoring = Monitoring(
        total=total,
        days=_day_rows(survey, per_day, today),
        districts=district_rows,
        channels=_channel_rows(channels, per_channel, total),
        age_bands=_band_rows(by_band, population, total) if asks_age else None,
        sexes=_sex_rows(by_sex, population, total) if asks_sex else None,
        population_year=year,
        targets_total=sum(targets.values()),
        # Capped per wijk: extra answers in Krommenie do not make up for Poelenburg.
        counted_for_targets=sum(
            min(by_district.get(area_id, 0), target) for area_id, target in targets.items()
        ),
        district_total=sum(row.count for row in district_rows if row.key != UNKNOWN),
    )
    for flag in (UNDER, OVER):
        monitoring.flagged[flag] = [row.label for row in district_rows if row.flag == flag]
    return monitoring


def _district_rows(districts, by_district, population, targets, total) -> list[GroupRow]:
    adults = {area_id: sum(cells.values()) for area_id, cells in population.items()}
    city_adults = sum(adults.get(area.id, 0) for area in districts)
    # A response without a wijk, or with an area that is no longer a wijk (re-coded by a
    # CBS import), cannot be compared with a wijk's population: it is "onbekend".
    wijk_ids = {area.id for area in districts}
    unknown = sum(n for area_id, n in by_district.items() if area_id not in wijk_ids)
    known = total - unknown
    rows = []
    for area in districts:
        count = by_district.get(area.id, 0)
        share_of_population = adults.get(area.id, 0) / city_adults if city_adults else None
        row = GroupRow(
            key=area.code,
            label=area.name,
            count=count,
            area_id=area.id,
            compared=bool(share_of_population),
            **representation(count, known, share_of_population),
        )
        row.target = targets.get(area.id)
        if row.target:
            row.progress = count / row.target
        rows.append(row)
    if unknown:
        rows.append(unknown_row(unknown, total))
    return rows


def _band_rows(by_band, population, total) -> list[GroupRow]:
    city = {band: 0 for band in ADULT_BANDS}
    for cells in population.values():
        for (band, _sex), count in cells.items():
            city[band] = city.get(band, 0) + count
    city_total = sum(city.values())
    known = sum(by_band.get(band, 0) for band in ADULT_BANDS)
    labels = dict(AgeBand.choices)
    rows = [
        GroupRow(
            key=band,
            label=str(labels[band]),
            count=by_band.get(band, 0),
            compared=bool(city_total),
            **representation(
                by_band.get(band, 0), known, city[band] / city_total if city_total else None
            ),
        )
        for band in ADULT_BANDS
    ]
    unknown = total - known
    if unknown:
        rows.append(unknown_row(unknown, total))
    return rows


def _sex_rows(by_sex, population, total) -> list[GroupRow]:
    sexes = [Sex.MALE.value, Sex.FEMALE.value]
    city = {sex: 0 for sex in sexes}
    for cells in population.values():
        for (_band, sex), count in cells.items():
            if sex in city:
                city[sex] += count
    city_total = sum(city.values())
    known = sum(by_sex.get(sex, 0) for sex in sexes)
    labels = dict(Sex.choices)
    rows = [
        GroupRow(
            key=sex,
            label=str(labels[sex]),
            count=by_sex.get(sex, 0),
            compared=bool(city_total),
            **representation(
                by_sex.get(sex, 0), known, city[sex] / city_total if city_total else None
            ),
        )
        for sex in sexes
    ]
    # "x" (anders / zeg ik liever niet) and no answer have no population counterpart.
    other = by_sex.get("x", 0)
    if other:
        label = _("anders of zegt liever niet")
        rows.append(GroupRow(key="x", label=label, count=other, share=other / total))
    unknown = total - known - other
    if unknown:
        rows.append(unknown_row(unknown, total))
    return rows


def _day_rows(survey: Survey, per_day: dict, today: dt.date) -> list[DayRow]:
    """Every day from publication (or the first response) to today or the closing day,
    including days without responses: a gap in the fieldwork should show."""
    days = set(per_day)
    if survey.published_at:
        days.add(timezone.localdate(survey.published_at))
        end = today
        closed = survey.closed_at or survey.closes_at
        if closed:
            end = min(end, timezone.localdate(closed))
        days.add(end)
    if not days:
        return []
    first, last = min(days), max(days)
    if (last - first).days > 3 * 366:  # a survey running for years: no endless chart
        first = last - dt.timedelta(days=3 * 366)
    return [
        DayRow(first + dt.timedelta(days=n), per_day.get(first + dt.timedelta(days=n), 0))
        for n in range((last - first).days + 1)
    ]


def _channel_rows(channels, per_channel, total) -> list[ChannelRow]:
    rows = [
        ChannelRow(
            id=pk,
            name=name,
            kind=kind,
            code=code,
            is_active=active,
            count=per_channel.get(pk, 0),
            share=per_channel.get(pk, 0) / total if total else None,
        )
        for pk, name, kind, code, active in channels
    ]
    if per_channel.get(None):
        rows.append(
            ChannelRow(
                None,
                _("kanaal verwijderd"),
                "",
                "",
                False,
                per_channel[None],
                per_channel[None] / total,
            )
        )
    rows.sort(key=lambda row: (-row.count, row.name))
    return rows


@transaction.atomic
def set_district_targets(survey: Survey, targets: dict[int, int | None]) -> None:
    """Make the survey's target per wijk exactly `targets` ({wijk id: count or None});
    None (or a wijk left out) removes the target. Counts must be whole numbers
    0..TARGET_MAX; the form checks that, this refuses anything else as a last line."""
    for area_id, target in targets.items():
        if target is not None and not (isinstance(target, int) and 0 <= target <= TARGET_MAX):
            raise ValueError(f"target for {area_id} out of range: {target!r}")
    wanted = {area_id: target for area_id, target in targets.items() if target is not None}
    DistrictTarget.objects.filter(survey=survey).exclude(district_id__in=wanted).delete()
    existing = {row.district_id: row for row in DistrictTarget.objects.filter(survey=survey)}
    changed = []
    for area_id, target in wanted.items():
        row = existing.get(area_id)
        if row is None:
            DistrictTarget.objects.create(survey=survey, district_id=area_id, target=target)
        elif row.target != target:
            row.target = target
            changed.append(row)
    DistrictTarget.objects.bulk_update(changed, ["target"])
