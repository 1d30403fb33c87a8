"""Daily: wipe contact details of closed surveys, delete answers past their retention."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from zaansepas.surveys.retention import delete_expired_responses, wipe_closed_survey_contacts


class Command(BaseCommand):
    help = (
        "Wis contactgegevens van uitnodigingen van gesloten vragenlijsten en verwijder "
        "antwoorden, toestemmingen en concepten van vragenlijsten na hun bewaartermijn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="doe alsof het deze dag is (JJJJ-MM-DD)")

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("Gebruik --today JJJJ-MM-DD, bijvoorbeeld 2026-11-29.") from exc
        wiped = wipe_closed_survey_contacts(today)
        deleted = delete_expired_responses(today)
        self.stdout.write(
            f"{wiped.invitations} uitnodigingen gewist, {wiped.drafts} concepten verwijderd; "
            f"{deleted.surveys} vragenlijsten over hun bewaartermijn: "
            f"{deleted.responses} antwoorden, {deleted.consents} toestemmingen en "
            f"{deleted.drafts} concepten verwijderd."
        )
