from django.core.management.base import BaseCommand

from zaansepas.passes.applications import purge_evidence


class Command(BaseCommand):
    help = "Verwijder bewijsstukken van inkomen als de bezwaartermijn na het besluit voorbij is."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_evidence()} bewijsstukken verwijderd.")
