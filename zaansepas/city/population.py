"""Writing an area's population cells (age band × sex) for one reference year."""

from __future__ import annotations

from .models import Area, PopulationCount

Cells = dict[tuple[str, str], int]  # (age band, sex) → count


def save_population(area: Area, year: int, cells: Cells, *, is_approximate: bool) -> None:
    """Make the area's cells for `year` exactly `cells`, in a few queries.

    Rows that already hold the right figure are left untouched, so saving the same cells
    twice changes nothing; cells not in `cells` are removed.
    """
    existing = {
        (row.age_band, row.sex): row for row in PopulationCount.objects.filter(area=area, year=year)
    }
    to_create, to_update = [], []
    for (band, sex), count in cells.items():
        row = existing.pop((band, sex), None)
        if row is None:
            to_create.append(
                PopulationCount(
                    area=area,
                    year=year,
                    age_band=band,
                    sex=sex,
                    count=count,
                    is_approximate=is_approximate,
                )
            )
        elif row.count != count or row.is_approximate != is_approximate:
            row.count, row.is_approximate = count, is_approximate
            to_update.append(row)
    if existing:
        PopulationCount.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
    PopulationCount.objects.bulk_create(to_create)
    PopulationCount.objects.bulk_update(to_update, ["count", "is_approximate"])
