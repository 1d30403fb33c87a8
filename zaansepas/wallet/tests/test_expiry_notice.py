"""Four weeks before a budget expires, with € 10 or more left, the household's main holder
gets one email; less money, later dates or a second run send nothing."""

import datetime as dt

import pytest
from django.core import mail

from zaansepas.till.tests.helpers import make_household_passes
from zaansepas.wallet.budgets import grant_budget
from zaansepas.wallet.models import GrantBasis, Scheme
from zaansepas.wallet.notifications import notify_expiring_budgets

DAY = dt.date(2026, 12, 3)  # 28 days before 31 December


@pytest.fixture
def kid(db):
    adult, kids = make_household_passes(children=[("Amira", dt.date(2017, 5, 1))])
    return adult, kids[0]


def scheme(cents):
    return Scheme.objects.create(
        code=f"s{cents}",
        name="Meedoen kindtegoed",
        basis=GrantBasis.PER_CHILD,
        amount_cents=cents,
        valid_from=dt.date(2026, 1, 1),
        valid_until=dt.date(2026, 12, 31),
    )


def test_one_email_four_weeks_before_with_10_euro_or_more(kid):
    adult, amira = kid
    grant_budget(scheme(15000), amira, day=dt.date(2026, 3, 1))
    grant_budget(scheme(999), amira, day=dt.date(2026, 3, 1))  # too little to mail about
    assert notify_expiring_budgets(DAY - dt.timedelta(days=1)) == 0  # not yet
    assert notify_expiring_budgets(DAY) == 1
    assert notify_expiring_budgets(DAY + dt.timedelta(days=1)) == 0  # never twice
    message = mail.outbox[0]
    assert message.to == [adult.holder.user.email]
    assert "Amira" in message.body and "€ 150,00 Meedoen kindtegoed" in message.body
    assert "31 december 2026" in message.body
