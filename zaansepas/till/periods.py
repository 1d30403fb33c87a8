"""Where a limit's period starts, in Europe/Amsterdam wall-clock time.

A "per month" limit resets at local midnight on the 1st: 23:59 on 31 January and 00:00 on
1 February are in different months even though both are 22:59/23:00 UTC.
"""

import datetime as dt

from django.utils import timezone

from zaansepas.offers.models import Period


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def period_start(period: str, now: dt.datetime, pass_valid_from: dt.date) -> dt.datetime | None:
    """The first moment of the period that contains `now`; None for 'in total'."""
    today = timezone.localtime(now).date()
    if period == Period.LIFETIME:
        return None
    if period == Period.DAY:
        start = today
    elif period == Period.WEEK:
        start = today - dt.timedelta(days=today.weekday())
    elif period == Period.MONTH:
        start = today.replace(day=1)
    elif period == Period.YEAR:
        start = today.replace(month=1, day=1)
    elif period == Period.PASS_YEAR:
        years = today.year - pass_valid_from.year
        start = _years_after(pass_valid_from, years)
        if start > today:
            start = _years_after(pass_valid_from, years - 1)
    else:
        raise ValueError(f"unknown period {period!r}")
    return timezone.make_aware(dt.datetime.combine(start, dt.time.min))
