"""The demo longlists: the first draft built from the demo's coded statements, so the
researcher finds needs and offer ideas (and the gap view) filled in. Safe to run again."""

from zaansepas.research.models import Session

from .longlists import build_longlist_from_statements
from .models import LonglistItem


def create_demo_longlists() -> dict:
    years = sorted(set(Session.objects.values_list("year", flat=True)))
    if not years or LonglistItem.objects.filter(year=years[-1]).exists():
        return {"items": LonglistItem.objects.filter(merged_into__isnull=True).count()}
    build_longlist_from_statements(years[-1])
    return {"items": LonglistItem.objects.filter(merged_into__isnull=True).count()}
