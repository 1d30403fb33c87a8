"""The provider's own figures: how often its offers were used, per day, per offer and per
location, and how much discount it gave. Read-only; a handful of queries whatever the period.

A redemption counts on its `service_date`, the Europe/Amsterdam day the till used it
(23:30 on 31 January counts for 31 January, not 1 February). Redemptions that were
cancelled (teruggedraaid) do not count.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from zaansepas.till.models import Redemption

from .models import Offer, OfferStatus, Provider

# Choices a provider can pick with one tap; anything else is a from–to.
LAST_7_DAYS = "7"
LAST_30_DAYS = "30"
THIS_YEAR = "jaar"
PRESETS = (LAST_7_DAYS, LAST_30_DAYS, THIS_YEAR)
DEFAULT_PRESET = LAST_30_DAYS
# Longest from–to a provider may ask for: a year, also a leap year.
MAX_DAYS = 366
# Longer periods are shown per month: 300 bars or table rows help nobody.
MONTHLY_AFTER_DAYS = 62


@dataclass(frozen=True)
class Period:
    """From `first` up to and including `last`. `preset` is set for a one-tap choice."""

    first: dt.date
    last: dt.date
    preset: str = ""

    @property
    def monthly(self) -> bool:
        """Show this period per month rather than per day?"""
        return (self.last - self.first).days + 1 > MONTHLY_AFTER_DAYS

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def preset_period(preset: str, today: dt.date) -> Period:
    """The period of a one-tap choice, ending today. Unknown choices give the default."""
    if preset == THIS_YEAR:
        return Period(today.replace(month=1, day=1), today, THIS_YEAR)
    if preset == LAST_7_DAYS:
        return Period(today - dt.timedelta(days=6), today, LAST_7_DAYS)
    return Period(today - dt.timedelta(days=29), today, LAST_30_DAYS)


@dataclass(frozen=True)
class Row:
    """One bar of a chart and one line of its table."""

    label: str
    count: int
    discount_cents: int
    paid_cents: int  # what pass holders paid at the till (the pass price)
    day: dt.date | None = None  # per-day rows only


@dataclass(frozen=True)
class Figures:
    period: Period
    per_day: list[Row]
    per_offer: list[Row]
    per_location: list[Row]

    @property
    def per_month(self) -> list[Row]:
        """The days added up per calendar month (the first and last may be partial);
        `day` is the first day of the month."""
        months: dict[dt.date, list[Row]] = {}
        for row in self.per_day:
            months.setdefault(row.day.replace(day=1), []).append(row)
        return [
            Row(
                label="",
                count=sum(row.count for row in rows),
                discount_cents=sum(row.discount_cents for row in rows),
                paid_cents=sum(row.paid_cents for row in rows),
                day=month,
            )
            for month, rows in months.items()
        ]

    @property
    def count(self) -> int:
        return sum(row.count for row in self.per_day)

    @property
    def discount_cents(self) -> int:
        return sum(row.discount_cents for row in self.per_day)

    @property
    def paid_cents(self) -> int:
        return sum(row.paid_cents for row in self.per_day)


def _redemption_filter(prefix: str, provider: Provider, period: Period) -> Q:
    return Q(
        **{
            f"{prefix}provider": provider,
            f"{prefix}service_date__gte": period.first,
            f"{prefix}service_date__lte": period.last,
            f"{prefix}cancelled_at__isnull": True,
        }
    )


def _sums(prefix: str = "", condition: Q | None = None) -> dict:
    """count / discount / paid, as integers (0, not None, where nothing matched)."""
    return {
        "n": Count(f"{prefix}pk", filter=condition),
        "discount": Coalesce(Sum(f"{prefix}discount_cents", filter=condition), 0),
        "paid": Coalesce(Sum(f"{prefix}pass_price_cents", filter=condition), 0),
    }


def _row(label: str, values: dict | None, day: dt.date | None = None) -> Row:
    values = values or {}
    return Row(
        label=label,
        count=values.get("n", 0),
        discount_cents=values.get("discount", 0),
        paid_cents=values.get("paid", 0),
        day=day,
    )


def _by_usage(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: (-row.count, -row.discount_cents, row.label.lower()))


def figures_for(provider: Provider, period: Period) -> Figures:
    redemptions = Redemption.objects.filter(_redemption_filter("", provider, period)).order_by()

    by_day = {
        values["service_date"]: values
        for values in redemptions.values("service_date").annotate(**_sums())
    }
    per_day = [_row("", by_day.get(day), day=day) for day in period.days]

    # Offers used in the period, and approved offers that were not used (0 is news too).
    used = _redemption_filter("redemptions__", provider, period)
    offers = (
        Offer.objects.filter(provider=provider)
        .annotate(**_sums("redemptions__", used))
        .filter(Q(n__gt=0) | Q(status=OfferStatus.APPROVED))
        .values("title", "n", "discount", "paid")
        .order_by()
    )
    per_offer = _by_usage([_row(values["title"], values) for values in offers])

    by_location = {
        values["location"]: values for values in redemptions.values("location").annotate(**_sums())
    }
    per_location = []
    for location in provider.locations.order_by("name", "pk"):
        values = by_location.pop(location.pk, None)
        if values is not None or location.is_active:
            per_location.append(_row(location.name, values))
    per_location = _by_usage(per_location)
    if None in by_location:  # last, whatever its size: it is not a place
        per_location.append(_row(_("zonder locatie"), by_location.pop(None)))

    return Figures(period, per_day, per_offer, per_location)


@dataclass(frozen=True)
class DetailRow:
    """One line of the download: a day, an offer and a location."""

    day: dt.date
    offer: str
    location: str
    count: int
    discount_cents: int
    paid_cents: int


def detail_rows(provider: Provider, period: Period) -> list[DetailRow]:
    """Per day, offer and location, for a spreadsheet. Only combinations that occurred."""
    rows = (
        Redemption.objects.filter(_redemption_filter("", provider, period))
        .values("service_date", "offer__title", "location__name")
        .annotate(**_sums())
        .order_by("service_date", "offer__title", "location__name")
    )
    return [
        DetailRow(
            day=values["service_date"],
            offer=values["offer__title"],
            location=values["location__name"] or _("zonder locatie"),
            count=values["n"],
            discount_cents=values["discount"],
            paid_cents=values["paid"],
        )
        for values in rows
    ]
