"""Daily: wipe contact details of closed surveys, delete answers past their retention."""

from django.core.management.base import BaseCommand

from zaansepas.lib.commands import add_today_option, read_today
from zaansepas.surveys.retention import delete_expired_responses, wipe_closed_survey_contacts


class Command(BaseCommand):
    help = (
        "Wis contactgegevens van uitnodigingen van gesloten vragenlijsten en verwijder "
        "antwoorden, toestemmingen en concepten van vragenlijsten na hun bewaartermijn."
    )

    def add_arguments(self, parser):
        add_today_option(parser)

    def handle(self, *args, **options):
        today = read_today(options)
        wiped = wipe_closed_survey_contacts(today)
        deleted = delete_expired_responses(today)
        self.stdout.write(
            f"{wiped.invitations} uitnodigingen gewist, {wiped.drafts} concepten verwijderd; "
            f"{deleted.surveys} vragenlijsten over hun bewaartermijn: "
            f"{deleted.responses} antwoorden, {deleted.consents} toestemmingen en "
            f"{deleted.drafts} concepten verwijderd."
        )
