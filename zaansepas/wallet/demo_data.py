"""Demo budgets: "Meedoen kindtegoed" (€ 150 per child per year for sport and culture) and
"Mantelzorgtegoed" (€ 140 for Zaanstad businesses), granted to every pass they fit; the demo
family also has some own money and has paid with the pass once."""

import contextlib
import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from zaansepas.city.models import PolicyTheme
from zaansepas.offers.models import Provider
from zaansepas.passes.demo_data import RESIDENT_EMAIL
from zaansepas.passes.models import Pass

from .budgets import grant_all
from .models import GrantBasis, Scheme
from .payments import pay, top_up


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
    granted = grant_all(kids, day=today) + grant_all(carers, day=today)
    _family_history(today)
    return {"schemes": Scheme.objects.count(), "grants": granted}


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
    top_up(pass_card=main, amount_cents=2500, key="demo-opwaarderen-1")
    # Nothing on this pass for this club? Then the demo goes on without the payment.
    with contextlib.suppress(ValidationError):
        pay(pass_card=child, provider=club, amount_cents=4500, key="demo-betaling-1")
