"""Demo budgets: "Meedoen kindtegoed" (€ 150 per child per year for sport and culture) and
"Mantelzorgtegoed" (€ 140 for Zaanstad businesses), granted to every pass they fit; the demo
family also has some own money and has paid with the pass once."""

import contextlib
import datetime as dt
import random

from django.core.exceptions import ValidationError
from django.utils import timezone

from zaansepas.city.models import PolicyTheme
from zaansepas.offers.models import Provider
from zaansepas.passes.demo_data import RESIDENT_EMAIL
from zaansepas.passes.models import Pass

from .budgets import grant_all
from .models import GrantBasis, Scheme, TopUp, TopUpStatus
from .payments import pay
from .payouts import prepare_payout_run
from .topups import settle_top_up


def load_demo_wallet() -> dict:
    today = timezone.localdate()
    start, end = dt.date(today.year, 1, 1), dt.date(today.year + 1, 12, 31)
    kids, _ = Scheme.objects.get_or_create(
        code="meedoen-kindtegoed",
        defaults={
            "name": "Meedoen kindtegoed",
            "description": "Voor sport en cultuur van uw kind: € 150 per kind per jaar.",
            "tiers": "minima,bijstand",
            "basis": GrantBasis.PER_CHILD,
            "min_age": 4,
            "max_age": 17,
            "amount_cents": 15000,
            "valid_from": start,
            "valid_until": end,
        },
    )
    kids.themes.set(PolicyTheme.objects.filter(code__in=["sport-bewegen", "cultuur-vrije-tijd"]))
    carers, _ = Scheme.objects.get_or_create(
        code="mantelzorgtegoed",
        defaults={
            "name": "Mantelzorgtegoed",
            "description": "Een waardering voor mantelzorgers: "
            "€ 140 te besteden bij Zaanse bedrijven.",
            "tiers": "mantelzorg",
            "amount_cents": 14000,
            "provider_kinds": "bedrijf",
            "valid_from": start,
            "valid_until": end,
        },
    )
    # Dated at the start of last month, so the demo's payments last month come after them.
    at = timezone.make_aware(
        dt.datetime.combine(
            (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1), dt.time(9)
        )
    )
    granted = grant_all(kids, day=today, at=at) + grant_all(carers, day=today, at=at)
    _family_history(today)
    _last_month(kids, today)
    return {"schemes": Scheme.objects.count(), "grants": granted}


def _last_month(scheme, today) -> None:
    """Children paid their sport club with the budget last month, and the payout run for
    that month is ready for the pass office to download (not yet confirmed)."""
    rng = random.Random(479)
    first = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    if first < scheme.valid_from:
        return  # in January last month was before this year's schemes
    clubs = list(Provider.objects.filter(kind="sport", status="goedgekeurd").order_by("name"))
    children = list(
        Pass.objects.filter(kind="kind", tier__in=scheme.tier_list()).order_by("pk")[:24]
    )
    for number, child in enumerate(children):
        when = timezone.make_aware(
            dt.datetime.combine(first + dt.timedelta(days=rng.randint(0, 27)), dt.time(16, 30))
        )
        with contextlib.suppress(ValidationError):
            pay(
                pass_card=child,
                provider=rng.choice(clubs),
                amount_cents=rng.choice([2500, 3500, 4500, 6000]),
                key=f"demo-vorige-maand-{number}",
                now=when,
            )
    with contextlib.suppress(ValidationError):
        prepare_payout_run(f"{first.year}-{first.month:02d}")


def _family_history(today) -> None:
    family = list(
        Pass.objects.filter(household__members__user__email=RESIDENT_EMAIL)
        .select_related("holder")
        .distinct()
    )
    main = next((p for p in family if p.kind == "volwassene"), None)
    child = next((p for p in family if p.kind == "kind"), None)
    club = Provider.objects.filter(kind="sport", status="goedgekeurd").order_by("name").first()
    if main is None or child is None or club is None:
        return
    if not TopUp.objects.filter(external_id="demo_opwaarderen_1").exists():
        # As if paid on the demo payment page, so the day's reconciliation adds up.
        row = TopUp.objects.create(
            pass_card=main,
            amount_cents=2500,
            provider="demo",
            external_id="demo_opwaarderen_1",
            checkout_url="",
            demo_outcome=TopUpStatus.PAID,
        )
        settle_top_up(row, TopUpStatus.PAID)
    # Nothing on this pass for this club? Then the demo goes on without the payment.
    with contextlib.suppress(ValidationError):
        pay(pass_card=child, provider=club, amount_cents=4500, key="demo-betaling-1")
