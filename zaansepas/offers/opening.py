"""Is a location open at a moment? Opening hours are local (Europe/Amsterdam) wall-clock
times, so the moment is converted first: 23:30 UTC on a summer Friday is Saturday here."""

import datetime as dt

from django.utils import timezone


def is_open(location, at: dt.datetime) -> bool:
    local = timezone.localtime(at)
    return location.opening_hours.filter(
        weekday=local.weekday(), opens__lte=local.time(), closes__gt=local.time()
    ).exists()
