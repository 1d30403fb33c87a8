"""Write all pass, offer, till, wallet and ledger data to a directory as CSV files plus a
manifest.json describing every file and column, so the municipality can leave at any time."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zaansepas.wallet.export import export_all


class Command(BaseCommand):
    help = "Exporteer alle gegevens (CSV met beschrijving) naar een map."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="een nieuwe of lege map")

    def handle(self, *args, directory, **options):
        target = Path(directory)
        if target.exists() and any(target.iterdir()):
            raise CommandError(f"{target} is niet leeg; kies een nieuwe of lege map.")
        counts = export_all(target)
        for name, rows in counts.items():
            self.stdout.write(f"{rows:8d}  {name}")
        self.stdout.write(self.style.SUCCESS(f"Klaar: {target / 'manifest.json'}"))
