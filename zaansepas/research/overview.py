"""Read-only questions the research pages ask: the scan's sessions per theme, the
statements by filter, and counts of what is coded and what not."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from zaansepas.city.models import PolicyTheme

from .forms import UNCODED
from .models import Session, Statement


def scan_years() -> list[int]:
    return sorted(set(Session.objects.values_list("year", flat=True)), reverse=True)


def sessions_by_theme(year: int) -> list[dict]:
    """Every active theme with its session of that year, or None ("nog te plannen")."""
    sessions = {
        session.theme_id: session
        for session in Session.objects.filter(year=year).annotate(
            invited=Count("participants", filter=Q(participants__invited=True), distinct=True),
            present=Count("participants", filter=Q(participants__attended=True), distinct=True),
            statement_count=Count("statements", distinct=True),
            uncoded=Count("statements", filter=Q(statements__theme__isnull=True), distinct=True),
        )
    }
    themes = PolicyTheme.objects.filter(Q(is_active=True) | Q(pk__in=sessions)).order_by(
        "position", "name"
    )
    return [{"theme": theme, "session": sessions.get(theme.pk)} for theme in themes]


def statements_for(filters: dict) -> QuerySet[Statement]:
    """Statements matching the cleaned filters of StatementFilterForm."""
    statements = Statement.objects.select_related(
        "theme", "district", "session__theme", "interview", "participant"
    ).order_by("-created_at", "-id")
    theme = filters.get("theme")
    if theme == UNCODED:
        statements = statements.filter(theme__isnull=True)
    elif theme:
        statements = statements.filter(theme_id=int(theme))
    if filters.get("kind"):
        statements = statements.filter(kind=filters["kind"])
    if filters.get("target_group"):
        statements = statements.filter(target_group=filters["target_group"])
    if filters.get("district"):
        statements = statements.filter(district_id=int(filters["district"]))
    if filters.get("source") == "sessie":
        statements = statements.filter(session__isnull=False)
    elif filters.get("source") == "interview":
        statements = statements.filter(interview__isnull=False)
    return statements


def uncoded_count() -> int:
    return Statement.objects.filter(theme__isnull=True).count()
