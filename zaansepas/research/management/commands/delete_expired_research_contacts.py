"""Daily: wipe contact details and names of session participants, and the consent of
interviewees, past their retention (research/retention.py)."""

from django.core.management.base import BaseCommand

from zaansepas.lib.commands import add_today_option, read_today
from zaansepas.research.retention import delete_expired_contact_details


class Command(BaseCommand):
    help = (
        "Wis e-mailadressen en telefoonnummers van deelnemers aan onderzoekssessies na hun "
        "bewaardatum en hun naam een jaar na de sessie, en verwijder de toestemming (naam "
        "en contactgegevens) van afgeronde vervolggesprekken na hun bewaartermijn."
    )

    def add_arguments(self, parser):
        add_today_option(parser)

    def handle(self, *args, **options):
        today = read_today(options)
        deleted = delete_expired_contact_details(today)
        self.stdout.write(
            f"Contactgegevens van {deleted.participants} deelnemers gewist; "
            f"namen van {deleted.names} deelnemers gewist; "
            f"{deleted.consents} toestemmingen van vervolggesprekken verwijderd."
        )
