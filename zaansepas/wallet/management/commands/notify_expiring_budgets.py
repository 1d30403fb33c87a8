"""Daily: email holders whose budget expires within four weeks with € 10 or more left."""

from django.core.management.base import BaseCommand

from zaansepas.wallet.notifications import notify_expiring_budgets


class Command(BaseCommand):
    help = "Mail pashouders van wie het tegoed binnen vier weken vervalt (vanaf € 10)."

    def handle(self, *args, **options):
        self.stdout.write(f"{notify_expiring_budgets()} e-mail(s) verstuurd")
