from django.core.management.base import BaseCommand

from zaansepas.passes.actions import expire_passes


class Command(BaseCommand):
    help = "Zet passen waarvan de einddatum voorbij is op 'verlopen'. Draai dit dagelijks."

    def handle(self, *args, **options):
        count = expire_passes()
        self.stdout.write(f"{count} passen verlopen.")
