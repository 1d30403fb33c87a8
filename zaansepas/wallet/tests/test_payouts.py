"""Payout runs: the pain.001 file validates against its XSD and its control sum equals the
ledger's provider payables for the period; confirming clears them once; open periods and
runs out of order are refused."""

import datetime as dt
import os
import xml.etree.ElementTree as ET
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import sepaxml
import xmlschema
from django.core.exceptions import ValidationError

from zaansepas.till.tests.helpers import make_household_passes, make_provider
from zaansepas.wallet.audit import ledger_problems
from zaansepas.wallet.ledger import provider_payable_account
from zaansepas.wallet.models import Account, PayoutStatus, Transfer, TransferKind
from zaansepas.wallet.payments import pay, refund_payment, top_up
from zaansepas.wallet.payouts import confirm_payout_run, prepare_payout_run, statement_lines

AMS = ZoneInfo("Europe/Amsterdam")
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
XSD = os.path.join(os.path.dirname(sepaxml.__file__), "schemas", "pain.001.001.03.xsd")


def at(*args):
    return dt.datetime(*args, tzinfo=AMS)


@pytest.fixture
def october(db):
    """Two providers paid in October 2026 (one refund), one payment just after midnight."""
    adult, _ = make_household_passes()
    top_up(pass_card=adult, amount_cents=100_000, key="op")
    bakery, _ = make_provider(kvk="11111111")
    pool, _ = make_provider(kvk="22222222")

    def paid(provider, cents, key, when):
        result = pay(pass_card=adult, provider=provider, amount_cents=cents, key=key, now=when)
        return result.transfer

    payments = [
        paid(bakery, 1250, "a", at(2026, 10, 3, 9)),
        paid(bakery, 800, "b", at(2026, 10, 31, 23, 59)),
        paid(pool, 4500, "c", at(2026, 10, 12, 15)),
    ]
    refund_payment(payments[2], provider=pool, key="c-terug", now=at(2026, 10, 12, 15, 5))
    paid(pool, 3000, "d", at(2026, 10, 20, 10))
    late = paid(bakery, 999, "e", at(2026, 11, 1, 0, 1))
    return {"bakery": bakery, "pool": pool, "payments": payments, "late": late}


def test_the_file_validates_and_its_control_sum_is_what_providers_are_owed(october):
    run = _prepare(october)
    xmlschema.XMLSchema(XSD).validate(run.sepa_xml)  # raises when invalid
    root = ET.fromstring(run.sepa_xml)
    control_sum = Decimal(root.find("p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum", NS).text)
    assert control_sum == Decimal(run.total_cents) / 100
    owed = {line.provider.name: line.amount_cents for line in run.lines.all()}
    assert owed == {october["bakery"].name: 1250 + 800, october["pool"].name: 3000}
    amounts = [Decimal(a.text) for a in root.iterfind(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", NS)]
    assert sum(amounts) == control_sum
    lines = statement_lines(october["pool"], run.starts_at, run.ends_at)
    assert [line.amount_cents for line in lines] == [4500, -4500, 3000]


def test_confirming_clears_the_payables_once(october):
    run = _prepare(october)
    confirm_payout_run(run)
    confirm_payout_run(run)
    assert run.__class__.objects.get(pk=run.pk).status == PayoutStatus.PAID
    assert Transfer.objects.filter(kind=TransferKind.PAYOUT).count() == 2
    bakery_owed = Account.objects.get(pk=provider_payable_account(october["bakery"]).pk)
    assert bakery_owed.balance_cents == 999  # November's payment waits for the next run
    assert ledger_problems() == []
    assert prepare_payout_run("2026-10", now=at(2026, 12, 5, 9)).pk == run.pk


def test_an_open_period_or_nonsense_is_refused(october):
    with pytest.raises(ValidationError) as exc:
        prepare_payout_run("2026-11", now=at(2026, 11, 30, 23, 0))
    assert exc.value.code == "open_period"
    with pytest.raises(ValidationError) as exc:
        prepare_payout_run("november", now=at(2026, 12, 5, 9))
    assert exc.value.code == "period"
    _prepare(october)
    prepare_payout_run("2026-11", now=at(2026, 12, 5, 9))
    with pytest.raises(ValidationError) as exc:
        prepare_payout_run("2026-09", now=at(2026, 12, 5, 9))
    assert exc.value.code == "later_period"


def _prepare(october):
    return prepare_payout_run("2026-10", now=at(2026, 11, 3, 9))
