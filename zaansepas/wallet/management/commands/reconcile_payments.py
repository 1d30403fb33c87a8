"""Daily reconciliation of the payment-provider clearing account: what the provider says
was paid in top-ups that day against what the ledger booked. Exit 1 on any difference."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zaansepas.lib.money import format_euro
from zaansepas.wallet.topups import reconcile


class Command(BaseCommand):
    help = "Sluit de opwaarderingen van één dag aan met het grootboek (standaard: gisteren)."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="datum als JJJJ-MM-DD")

    def handle(self, *args, day=None, **options):
        try:
            chosen = (
                dt.date.fromisoformat(day) if day else timezone.localdate() - dt.timedelta(days=1)
            )
        except ValueError as exc:
            raise CommandError("Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-28.") from exc
        report = reconcile(chosen)
        self.stdout.write(f"Aansluiting opwaarderingen {chosen.isoformat()}")
        self.stdout.write(f"  betaalprovider: {format_euro(report.provider_cents)}")
        self.stdout.write(f"  grootboek:      {format_euro(report.ledger_cents)}")
        for row in report.unbooked:
            self.stderr.write(
                f"  betaald, niet geboekt: {row.external_id} {format_euro(row.amount_cents)}"
            )
        for key in report.unexplained:
            self.stderr.write(f"  geboekt zonder betaling: {key}")
        if not report.balanced:
            raise SystemExit(1)
        self.stdout.write("  sluit aan")
