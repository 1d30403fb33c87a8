"""manage.py load_reference_data: policy themes, income norms and the income limit only.

For a real install. Unlike `manage.py demo` it creates no users, and it leaves areas,
postcodes and population alone (those come from import_cbs_kerncijfers and
import_postcodes). It adds only what is missing, so it can be run again safely.
"""

from django.core.management.base import BaseCommand

from zaansepas.city.demo_data import Tally, load_policy_reference_data


class Command(BaseCommand):
    help = (
        "Zet de beleidsthema's, de bijstandsnormen en de inkomensgrens (percentage van de "
        "norm) in de database. Alleen wat nog ontbreekt wordt toegevoegd; wat in het beheer "
        "is aangepast, blijft staan. Gebieden, postcodes en bevolking blijven ongemoeid."
    )

    def handle(self, *args, **options):
        report = load_policy_reference_data()
        out = self.stdout
        out.write(self.style.SUCCESS("Basisgegevens geladen."))
        out.write(_line("Beleidsthema's", report.themes))
        out.write(_line("Bijstandsnormen", report.norms))
        out.write(_line("Inkomensgrens", report.percentages))
        if report.norms.created:
            out.write(
                self.style.WARNING(
                    "  Let op: de bijstandsnormen zijn een benadering. Controleer ze in het "
                    "beheer met de normbedragen van de Rijksoverheid."
                )
            )
        out.write(
            "  Gebieden, postcodes en bevolking zijn niet veranderd. Lees die in met "
            "import_cbs_kerncijfers en import_postcodes."
        )


def _line(label: str, tally: Tally) -> str:
    return f"  {label}: {tally.created} nieuw, {tally.kept} al aanwezig (niet veranderd)."
