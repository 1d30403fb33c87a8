"""Daily: return what is left on budgets past their last day to their scheme."""

from django.core.management.base import BaseCommand

from zaansepas.wallet.budgets import expire_budgets


class Command(BaseCommand):
    help = "Laat tegoed na de laatste dag vervallen (terug naar de regeling)."

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_budgets()} tegoed(en) vervallen")
