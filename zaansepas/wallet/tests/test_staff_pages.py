"""Pass office pages: grant a scheme after a preview; prepare, download and confirm a
payout run; statements per provider. Others get 403; bad input changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import grant_role
from zaansepas.till.tests.helpers import make_household_passes, make_provider
from zaansepas.wallet.models import GrantBasis, PayoutRun, PayoutStatus, Scheme, Transfer
from zaansepas.wallet.payments import pay, top_up


@pytest.fixture
def office(db, client):
    user = User.objects.create_user("pasbeheer@example.org")
    grant_role(user, Role.PASS_OFFICE)
    client.force_login(user)
    return client


def test_a_scheme_is_granted_after_a_preview_and_only_once(office):
    today = dt.date.today()
    make_household_passes(children=[("Amira", today.replace(year=today.year - 9))])
    scheme = Scheme.objects.create(
        code="kind",
        name="Meedoen kindtegoed",
        basis=GrantBasis.PER_CHILD,
        amount_cents=15000,
        valid_from=today.replace(month=1, day=1),
        valid_until=today.replace(month=12, day=31),
    )
    url = reverse("wallet:scheme_detail", args=[scheme.code])
    page = office.get(url).content.decode()
    assert "Nu krijgt 1 pas het tegoed, samen € 150,00" in page
    office.post(url)
    office.post(url)
    assert Transfer.objects.filter(kind="toekenning").count() == 1
    assert "Nu krijgen 0 passen het tegoed" in office.get(url).content.decode()


def test_prepare_download_and_confirm_a_payout_run(office):
    adult, _ = make_household_passes()
    shop, _ = make_provider()
    top_up(pass_card=adult, amount_cents=5000, key="op")
    earlier = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
    pay(pass_card=adult, provider=shop, amount_cents=1234, key="k", now=earlier)
    period = f"{earlier.year}-{earlier.month:02d}"
    response = office.post(reverse("wallet:payout_runs"), {"period": period})
    assert response.status_code == 302
    run = PayoutRun.objects.get()
    page = office.get(reverse("wallet:payout_run", args=[period])).content.decode()
    assert shop.name in page and "€ 12,34" in page
    xml = office.get(reverse("wallet:sepa_file", args=[period]))
    assert xml["Content-Type"] == "application/xml" and b"<CtrlSum>12.34</CtrlSum>" in xml.content
    csv = office.get(reverse("wallet:statement_csv", args=[period, shop.pk])).content.decode()
    assert "12,34" in csv and str(Transfer.objects.get(key="k").pk) in csv
    pdf = office.get(reverse("wallet:statement_pdf", args=[period, shop.pk]))
    assert pdf.content.startswith(b"%PDF")
    # Without ticking the box nothing is confirmed.
    office.post(reverse("wallet:confirm_run", args=[period]))
    assert PayoutRun.objects.get().status == PayoutStatus.PREPARED
    office.post(reverse("wallet:confirm_run", args=[period]), {"confirm": "ja"})
    assert PayoutRun.objects.get(pk=run.pk).status == PayoutStatus.PAID
    assert Transfer.objects.filter(kind="uitbetaling").count() == 1


def test_an_open_month_is_refused_with_a_message(office):
    today = dt.date.today()
    response = office.post(
        reverse("wallet:payout_runs"), {"period": f"{today.year}-{today.month:02d}"}, follow=True
    )
    assert "Deze periode loopt nog" in response.content.decode()
    assert not PayoutRun.objects.exists()


def test_only_the_pass_office_sees_money_pages(client, db):
    resident = User.objects.create_user("r@example.org")
    grant_role(resident, Role.RESIDENT)
    client.force_login(resident)
    for name in ("wallet:payout_runs", "wallet:schemes"):
        assert client.get(reverse(name)).status_code == 403


def test_a_list_of_pass_numbers_is_added_only_when_every_line_is_right(office):
    today = dt.date.today()
    adult, _ = make_household_passes()
    other, _ = make_household_passes()
    scheme = Scheme.objects.create(
        code="wijkteam",
        name="Wijkteamtegoed",
        uses_list=True,
        amount_cents=5000,
        valid_from=today.replace(month=1, day=1),
        valid_until=today.replace(month=12, day=31),
    )
    url = reverse("wallet:scheme_detail", args=[scheme.code])
    typo = adult.number[:-1] + str((int(adult.number[-1]) + 1) % 10)
    bad = office.post(url, {"list": f"{adult.number}\n{typo}\n"})
    assert bad.status_code == 400 and typo in bad.content.decode()
    assert not scheme.list_entries.exists()
    spaced = f"{adult.number[:4]} {adult.number[4:8]} {adult.number[8:]}"
    office.post(url, {"list": f"{spaced}\n{adult.number}\n"})
    assert list(scheme.list_entries.values_list("pass_card_id", flat=True)) == [adult.pk]
    office.post(url)  # grant: only the listed pass
    assert Transfer.objects.filter(key__contains=f":pas:{adult.pk}:").count() == 1
    assert not Transfer.objects.filter(key__contains=f":pas:{other.pk}:").exists()
