"""Recompute the ledger: exit 0 when every balance equals the sum of its entries and every
transfer sums to zero, exit 1 with a list of mismatches otherwise."""

from django.core.management.base import BaseCommand

from zaansepas.wallet.audit import ledger_problems


class Command(BaseCommand):
    help = "Controleer het grootboek: saldi tegen boekingsregels, elke boeking telt op tot 0."

    def handle(self, *args, **options):
        problems = ledger_problems(limit=1000)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            self.stderr.write(f"{len(problems)} fout(en) in het grootboek")
            raise SystemExit(1)
        self.stdout.write("grootboek klopt")
