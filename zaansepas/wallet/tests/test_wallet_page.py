"""The resident's wallet page: total, each source with its end date, what happened; only
for the holder's own household."""

import datetime as dt

import pytest
from django.urls import reverse

from zaansepas.till.tests.helpers import make_household_passes, make_provider
from zaansepas.wallet.budgets import grant_budget
from zaansepas.wallet.models import GrantBasis, Scheme
from zaansepas.wallet.payments import pay, top_up


@pytest.fixture
def family(db):
    today = dt.date.today()
    adult, kids = make_household_passes(children=[("Amira", today.replace(year=today.year - 9))])
    scheme = Scheme.objects.create(
        code="kind",
        name="Meedoen kindtegoed",
        description="Voor sport en cultuur.",
        basis=GrantBasis.PER_CHILD,
        amount_cents=15000,
        valid_from=today.replace(month=1, day=1),
        valid_until=today.replace(month=12, day=31),
    )
    grant_budget(scheme, kids[0])
    top_up(pass_card=kids[0], amount_cents=1000, key="op")
    shop, _ = make_provider()
    shop.name = "Bakkerij De Zaan"
    shop.save()
    pay(pass_card=kids[0], provider=shop, amount_cents=15500, key="betaal")
    return adult, kids[0]


def test_the_holder_sees_total_sources_with_end_date_and_history(client, family):
    adult, amira = family
    client.force_login(adult.holder.user)
    page = client.get(reverse("wallet:wallet") + f"?pas={amira.number}").content.decode()
    total = page.split('id="total"')[1].split("</p>")[0]
    assert "€ 5,00" in total  # 150 + 10 - 155
    sources = page.split('id="sources"')[1].split("</ul>")[0]
    assert "Eigen geld" in sources and "€ 5,00" in sources
    assert "Meedoen kindtegoed" not in sources  # used up, so not listed
    history = page.split('id="history"')[1].split("</ul>")[0]
    assert "Betaald bij Bakkerij De Zaan" in history and "-€ 155,00" in history
    assert "Toegekend: Meedoen kindtegoed" in history and "+€ 150,00" in history
    assert "Opgewaardeerd" in history


def test_nobody_else_sees_the_wallet(client, family):
    _adult, amira = family
    stranger, _ = make_household_passes()
    client.force_login(stranger.holder.user)
    page = client.get(reverse("wallet:wallet") + f"?pas={amira.number}").content.decode()
    assert "Bakkerij De Zaan" not in page  # falls back to the stranger's own pass
    client.logout()
    assert client.get(reverse("wallet:wallet")).status_code == 302
