"""manage.py import_cbs_kerncijfers <file.csv> [--year 2024] [--municipality GM0479]"""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zaansepas.city.cbs_import import CbsImportError, import_kerncijfers

YEAR_IN_NAME = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")


class Command(BaseCommand):
    help = (
        "Leest een CSV-bestand met CBS Kerncijfers wijken en buurten in: de gemeente, wijken, "
        "buurten en bevolking naar leeftijd en geslacht. Alles of niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV-bestand van het CBS (puntkomma gescheiden)")
        parser.add_argument(
            "--year",
            type=int,
            help="peiljaar van de cijfers; zonder deze optie het jaartal uit de bestandsnaam",
        )
        parser.add_argument("--municipality", default="GM0479", help="gemeentecode (GM0479)")

    def handle(self, *args, file, year, municipality, **options):
        path = Path(file)
        if year is None:
            found = YEAR_IN_NAME.findall(path.name)
            if len(found) != 1:
                raise CommandError("Geef het peiljaar van de cijfers op, bijvoorbeeld --year 2024.")
            year = int(found[0])
        if not 1990 <= year <= 2100:
            raise CommandError(f"{year} is geen geldig peiljaar.")
        try:
            with path.open("rb") as fileobj:
                report = import_kerncijfers(fileobj, year, municipality)
        except FileNotFoundError as exc:
            raise CommandError(f"Het bestand {file} bestaat niet.") from exc
        except IsADirectoryError as exc:
            raise CommandError(f"{file} is een map, geen bestand.") from exc
        except CbsImportError as exc:
            raise CommandError(f"{exc} Er is niets ingelezen.") from exc

        out = self.stdout
        out.write(
            self.style.SUCCESS(
                f"Ingelezen: {report.municipality_name or report.municipality_code}, "
                f"peiljaar {report.year}."
            )
        )
        out.write(
            f"  Gebieden: {report.areas} ({report.created} nieuw, "
            f"{report.updated} bijgewerkt): {report.districts} wijken, "
            f"{report.neighbourhoods} buurten."
        )
        out.write(f"  Bevolkingscellen (leeftijd × geslacht): {report.population_cells}.")
        out.write(f"  Regels van andere gebieden overgeslagen: {report.rows_ignored}.")
        if report.without_population:
            out.write(
                "  Zonder bevolkingscijfers (geheim bij het CBS): "
                + ", ".join(report.without_population)
            )
        if report.without_name:
            out.write(
                f"  {len(report.without_name)} gebieden hebben geen naam in het bestand; "
                "geef ze een naam in het beheer."
            )
        if report.still_approximate:
            out.write(
                self.style.WARNING(
                    "  Nog benaderde gebieden (niet in dit bestand): "
                    + ", ".join(report.still_approximate)
                )
            )
        for warning in report.warnings:
            out.write(self.style.WARNING(f"  Let op: {warning}"))
