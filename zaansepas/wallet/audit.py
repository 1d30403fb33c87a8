"""Checks an auditor would run: recompute every balance from the entries, and see that
every transfer balances. Used by `manage.py verify_ledger` and by the tests after each step."""

from django.db.models import Count, Sum

from .models import Account, Entry, Transfer


def ledger_problems(limit: int = 100) -> list[str]:
    """Every mismatch found, in words; an empty list means the ledger holds."""
    problems = []
    sums = dict(
        Entry.objects.order_by()
        .values("account_id")
        .annotate(total=Sum("amount_cents"))
        .values_list("account_id", "total")
    )
    for account in Account.objects.order_by("pk").iterator():
        computed = sums.get(account.pk) or 0
        if computed != account.balance_cents:
            problems.append(
                f"rekening {account.key}: saldo {account.balance_cents}, "
                f"som van de boekingsregels {computed}"
            )
        if computed < 0 and not account.allow_negative:
            problems.append(f"rekening {account.key}: negatief saldo {computed}")
    unbalanced = (
        Entry.objects.order_by()
        .values("transfer_id")
        .annotate(total=Sum("amount_cents"), legs=Count("pk"))
        .exclude(total=0)
        .values_list("transfer_id", "total")
    )
    problems += [f"boeking {pk}: regels tellen op tot {total}, niet 0" for pk, total in unbalanced]
    short = (
        Transfer.objects.order_by()
        .annotate(legs=Count("entries"))
        .filter(legs__lt=2)
        .values_list("key", "legs")
    )
    problems += [f"boeking {key}: {legs} regel(s), minstens 2 nodig" for key, legs in short]
    return problems[:limit]
