from django.core.management.base import BaseCommand

from zaansepas.insights.demo_data import create_demo_longlists
from zaansepas.offers.demo_specs import BAKER_EMAIL, TILL_EMAIL
from zaansepas.passes.demo_data import DEMO_PASSWORD, RESIDENT_EMAIL, STAFF_USERS, load_demo
from zaansepas.research.demo_data import create_demo_research
from zaansepas.surveys.demo_data import create_demo_survey


class Command(BaseCommand):
    help = "Laad demogegevens (Zaanstad, inwoners, medewerkers). Twee keer draaien kan geen kwaad."

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {counts['households']} huishoudens, {counts['residents']} inwoners."
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Aanbod: {counts['providers']} aanbieders op {counts['locations']} locaties, "
                f"{counts['offers']} aanbiedingen, {counts['redemptions']} verzilveringen."
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Tegoed: {counts['schemes']} regelingen, {counts['grants']} nieuwe toekenningen."
            )
        )
        survey = create_demo_survey()
        self.stdout.write(
            self.style.SUCCESS(
                f"Behoeftescan: {survey['responses']} ingevulde vragenlijsten via "
                f"{survey['channels']} kanalen, {survey['consents']} toestemmingen."
            )
        )
        # After the survey: the interviews are drawn from its consents.
        research = create_demo_research()
        self.stdout.write(
            self.style.SUCCESS(
                f"Onderzoek: {research['sessions']} sessies ({research['held']} gehouden), "
                f"{research['statements']} uitspraken, {research['interviews']} vervolggesprekken "
                f"getrokken ({research['interviews_held']} gehouden)."
            )
        )
        longlists = create_demo_longlists()
        self.stdout.write(
            self.style.SUCCESS(
                f"Groslijsten: {longlists['items']} behoeften en aanbodideeën; "
                f"{longlists['themes']} thema's in de open antwoorden."
            )
        )
        self.stdout.write(
            "\nInloggen als inwoner (met e-maillink; in demo-modus staat de link op de pagina):"
        )
        self.stdout.write(f"  {RESIDENT_EMAIL}")
        self.stdout.write(
            f"\nInloggen als medewerker (wachtwoord: {DEMO_PASSWORD}) via /inloggen/medewerkers/:"
        )
        for email, name, roles, _superuser in STAFF_USERS:
            self.stdout.write(f"  {email:30} {name} — {', '.join(roles)}")
        self.stdout.write(f"\nKassa van Bakkerij De Zaan op /kassa/ (wachtwoord: {DEMO_PASSWORD}):")
        self.stdout.write(f"  {BAKER_EMAIL:30} eigenaar")
        self.stdout.write(f"  {TILL_EMAIL:30} kassamedewerker")
