"""What the daily jobs share: a --today option, so a job can be run (or tested) as if it
were another day."""

import datetime as dt

from django.core.management.base import CommandError


def add_today_option(parser) -> None:
    parser.add_argument("--today", help="doe alsof het deze dag is (JJJJ-MM-DD)")


def read_today(options) -> dt.date | None:
    """The --today date, or None for the real today; a clear Dutch error when malformed."""
    if not options.get("today"):
        return None
    try:
        return dt.date.fromisoformat(options["today"])
    except ValueError as exc:
        raise CommandError("Gebruik --today JJJJ-MM-DD, bijvoorbeeld 2026-11-29.") from exc
