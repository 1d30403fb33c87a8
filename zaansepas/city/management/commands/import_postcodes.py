"""manage.py import_postcodes <file.csv> [--replace]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zaansepas.city.postcode_import import PostcodeImportError, import_postcode_areas


class Command(BaseCommand):
    help = (
        "Leest een CSV-bestand in met de kolommen postcode4 en wijk (CBS-code of naam van de "
        "wijk): bij welke wijk hoort elke postcode van 4 cijfers. Alles of niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV-bestand met de kolommen postcode4 en wijk")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="verwijder alle postcodes die niet in het bestand staan, ook de echte",
        )

    def handle(self, *args, file, replace, **options):
        try:
            with Path(file).open("rb") as fileobj:
                report = import_postcode_areas(fileobj, replace=replace)
        except FileNotFoundError as exc:
            raise CommandError(f"Het bestand {file} bestaat niet.") from exc
        except IsADirectoryError as exc:
            raise CommandError(f"{file} is een map, geen bestand.") from exc
        except PostcodeImportError as exc:
            raise CommandError(f"{exc}\nEr is niets ingelezen.") from exc

        out = self.stdout
        out.write(self.style.SUCCESS(f"Ingelezen: {report.in_file} postcodes."))
        out.write(
            f"  {report.created} nieuw, {report.changed} gewijzigd, "
            f"{report.unchanged} ongewijzigd, {report.removed} verwijderd."
        )
        if report.not_in_file:
            out.write(
                f"  {report.not_in_file} postcodes in de database staan niet in dit bestand; "
                "die blijven staan. Gebruik --replace om ze te verwijderen."
            )
        if report.still_approximate:
            out.write(
                self.style.WARNING(
                    "  Nog benaderde postcodes (demo, niet in dit bestand): "
                    + ", ".join(report.still_approximate)
                )
            )
        if report.approximate_districts:
            out.write(
                self.style.WARNING(
                    "  Let op: deze wijken zijn nog een benadering (demo), geen CBS-gegevens: "
                    + ", ".join(report.approximate_districts)
                    + ". Lees de CBS-kerncijfers in met import_cbs_kerncijfers."
                )
            )
