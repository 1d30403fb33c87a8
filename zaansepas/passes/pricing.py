"""Price of the standard pass on a date. Free tiers never pay."""

import datetime as dt

from .models import PassPrice

# Used until the pass office sets prices in the admin.
DEFAULT_PRICES = {"volwassene": 2500, "kind": 1000}


def price_on(kind: str, on_date: dt.date) -> int:
    price = (
        PassPrice.objects.filter(kind=kind, valid_from__lte=on_date).order_by("-valid_from").first()
    )
    return price.price_cents if price else DEFAULT_PRICES[kind]
