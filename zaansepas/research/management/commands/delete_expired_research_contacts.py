"""Daily: wipe contact details of session participants and interviewees past retention."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from zaansepas.research.actions import delete_expired_contact_details


class Command(BaseCommand):
    help = (
        "Wis e-mailadressen en telefoonnummers van deelnemers aan onderzoekssessies na hun "
        "bewaardatum, en verwijder de toestemming (naam en contactgegevens) van afgeronde "
        "vervolggesprekken na hun bewaartermijn."
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
        deleted = delete_expired_contact_details(today)
        self.stdout.write(
            f"Contactgegevens van {deleted.participants} deelnemers gewist; "
            f"{deleted.consents} toestemmingen van vervolggesprekken verwijderd."
        )
