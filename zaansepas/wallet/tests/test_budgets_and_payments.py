"""Budgets granted once per year to the passes they fit, spent in a fixed order at the
providers they may pay, expired back to their scheme; payments and refunds at the till."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from zaansepas.city.models import PolicyTheme
from zaansepas.passes.models import Pass, Tier
from zaansepas.till.tests.helpers import make_household_passes, make_offer, make_provider
from zaansepas.wallet.audit import ledger_problems
from zaansepas.wallet.budgets import expire_budgets, grant_all, grant_budget, preview_grants
from zaansepas.wallet.ledger import (
    budget_account,
    expired_return_account,
    own_money_account,
    provider_payable_account,
    scheme_funding_account,
)
from zaansepas.wallet.models import Account, GrantBasis, Scheme, Transfer
from zaansepas.wallet.payments import pay, refund_payment, top_up

AMS = ZoneInfo("Europe/Amsterdam")
DAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 14, 0, tzinfo=AMS)


def years_ago(n):
    return DAY.replace(year=DAY.year - n)


@pytest.fixture
def family(db):
    adult, kids = make_household_passes(children=[("Amira", years_ago(9)), ("Sami", years_ago(16))])
    by_name = {kid.holder.first_name: kid for kid in kids}
    return adult, (by_name["Amira"], by_name["Sami"])


@pytest.fixture
def sport(db):
    theme, _ = PolicyTheme.objects.get_or_create(code="S", defaults={"name": "Sport en bewegen"})
    return theme


def kids_budget(sport, **fields):
    values = {
        "code": "meedoen-kind",
        "name": "Meedoen kindtegoed",
        "tiers": "minima,bijstand",
        "basis": GrantBasis.PER_CHILD,
        "min_age": 4,
        "max_age": 17,
        "amount_cents": 15000,
        "valid_from": dt.date(2026, 1, 1),
        "valid_until": dt.date(2027, 12, 31),
    }
    scheme = Scheme.objects.create(**{**values, **fields})
    scheme.themes.add(sport)
    return scheme


def carers_budget():
    return Scheme.objects.create(
        code="mantelzorg",
        name="Mantelzorgtegoed",
        tiers="mantelzorg",
        amount_cents=14000,
        provider_kinds="bedrijf",
        valid_from=dt.date(2026, 1, 1),
        valid_until=dt.date(2026, 12, 31),
    )


def balance(account):
    return Account.objects.get(pk=account.pk).balance_cents


def refused(code, fn, *args, **kwargs):
    with pytest.raises(ValidationError) as exc:
        fn(*args, **kwargs)
    assert exc.value.code == code, exc.value.messages
    return exc.value.messages[0]


def test_a_child_budget_goes_to_children_of_its_ages_once_a_year(family, sport):
    adult, (amira, sami) = family
    scheme = kids_budget(sport, max_age=12)  # Amira is 9, Sami 16
    preview = preview_grants(scheme, DAY)
    assert preview.new == [amira] and preview.total_cents == 15000
    assert grant_all(scheme, day=DAY) == 1
    assert grant_all(scheme, day=DAY) == 0  # run again: nothing extra
    assert balance(budget_account(amira, scheme, dt.date(2026, 12, 31))) == 15000
    assert balance(scheme_funding_account(scheme)) == -15000
    assert grant_budget(scheme, adult, day=DAY) is None  # not a child
    assert preview_grants(scheme, DAY).already == 1
    assert ledger_problems() == []


def test_a_new_pass_gets_its_budgets_when_issued(family, sport, django_capture_on_commit_callbacks):
    _adult, (amira, _sami) = family
    scheme = kids_budget(sport, valid_from=dt.date(2020, 1, 1))
    from zaansepas.passes.actions import renew_pass

    with django_capture_on_commit_callbacks(execute=True):
        renew_pass(amira, actor=None, reason="verlengd na controle")
    assert Transfer.objects.filter(key__startswith=f"toekenning:{scheme.code}:").count() == 1


def test_payment_takes_matching_budgets_first_soonest_expiry_first_then_own_money(family, sport):
    adult, (amira, _sami) = family
    club, _ = make_provider(kvk="11111111")
    make_offer(club, title="Voetbal").themes.add(sport)
    bakery, _ = make_provider(kvk="22222222")
    scheme = kids_budget(sport)
    later = budget_account(amira, scheme, dt.date(2027, 12, 31))
    grant_budget(scheme, amira, day=DAY)  # € 150, expires end of 2026
    sooner = budget_account(amira, scheme, dt.date(2026, 12, 31))
    from zaansepas.wallet.ledger import post_transfer

    post_transfer(
        key="extra",
        kind="toekenning",
        legs=[(scheme_funding_account(scheme), -1000), (later, 1000)],
    )
    top_up(pass_card=amira, amount_cents=2000, key="op-1")
    result = pay(pass_card=amira, provider=club, amount_cents=17500, key="k1", now=NOW)
    assert (result.paid_cents, result.remainder_cents) == (17500, 0)
    assert (balance(sooner), balance(later), balance(own_money_account(amira))) == (0, 0, 500)
    # At the bakery the sport budget may not pay: only own money, the rest outside.
    top_up(pass_card=amira, amount_cents=300, key="op-2")
    result = pay(pass_card=amira, provider=bakery, amount_cents=1000, key="k2", now=NOW)
    assert (result.paid_cents, result.remainder_cents) == (800, 200)
    assert balance(provider_payable_account(bakery)) == 800
    assert ledger_problems() == []


def test_payment_idempotency_and_bad_input(family):
    adult, _kids = family
    shop, _ = make_provider()
    top_up(pass_card=adult, amount_cents=1000, key="op")
    first = pay(pass_card=adult, provider=shop, amount_cents=400, key="k", now=NOW)
    again = pay(pass_card=adult, provider=shop, amount_cents=400, key="k", now=NOW)
    assert again.replayed and again.transfer.pk == first.transfer.pk and again.paid_cents == 400
    refused("key_reused", pay, pass_card=adult, provider=shop, amount_cents=401, key="k", now=NOW)
    for amount in (0, -5, 10**10, 2.5):
        refused(
            "amount", pay, pass_card=adult, provider=shop, amount_cents=amount, key="x", now=NOW
        )
    assert balance(own_money_account(adult)) == 600


def test_a_pass_with_nothing_for_this_provider_is_refused(family):
    adult, _kids = family
    shop, _ = make_provider()
    assert "niets betaald" in refused(
        "nothing", pay, pass_card=adult, provider=shop, amount_cents=500, key="k", now=NOW
    )
    assert not Transfer.objects.exists()


def test_a_refund_returns_money_to_the_sources_within_the_window(family):
    adult, _kids = family
    shop, _ = make_provider()
    top_up(pass_card=adult, amount_cents=1000, key="op")
    payment = pay(pass_card=adult, provider=shop, amount_cents=400, key="k", now=NOW).transfer
    late = payment.created_at + dt.timedelta(minutes=16)
    refused("too_late", refund_payment, payment, provider=shop, key="r0", now=late)
    other, _ = make_provider(kvk="99999999")
    refused("not_found", refund_payment, payment, provider=other, key="r1", now=payment.created_at)
    refund_payment(payment, provider=shop, key="r2", now=payment.created_at)
    again = refund_payment(payment, provider=shop, key="r3", now=payment.created_at)
    assert again.replayed
    assert balance(own_money_account(adult)) == 1000
    assert balance(provider_payable_account(shop)) == 0


def test_carers_budget_pays_businesses_only_and_expires_back_to_the_scheme(family):
    adult, _kids = family
    Pass.objects.filter(pk=adult.pk).update(tier=Tier.CAREGIVER)
    adult.refresh_from_db()
    scheme = carers_budget()
    grant_budget(scheme, adult, day=DAY)
    club, _ = make_provider(kvk="44444444")
    club.kind = "sport"
    club.save()
    refused("nothing", pay, pass_card=adult, provider=club, amount_cents=500, key="k1", now=NOW)
    shop, _ = make_provider(kvk="55555555")
    assert (
        pay(pass_card=adult, provider=shop, amount_cents=4000, key="k2", now=NOW).paid_cents == 4000
    )
    assert expire_budgets(dt.date(2026, 12, 31)) == 0  # still valid on its last day
    assert expire_budgets(dt.date(2027, 1, 1)) == 1
    assert expire_budgets(dt.date(2027, 1, 1)) == 0
    assert balance(budget_account(adult, scheme, dt.date(2026, 12, 31))) == 0
    assert balance(expired_return_account(scheme)) == 10000
    assert ledger_problems() == []


def test_a_payment_already_paid_out_to_the_provider_is_not_refunded(family):
    from zaansepas.wallet.payouts import clear_payable

    adult, _kids = family
    shop, _ = make_provider()
    top_up(pass_card=adult, amount_cents=1000, key="op")
    payment = pay(pass_card=adult, provider=shop, amount_cents=400, key="k", now=NOW).transfer
    clear_payable(shop, period="2026-03", amount_cents=400)
    message = refused(
        "paid_out", refund_payment, payment, provider=shop, key="r", now=payment.created_at
    )
    assert "al aan u uitbetaald" in message
    assert balance(own_money_account(adult)) == 600
    assert ledger_problems() == []
