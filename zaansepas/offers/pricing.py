"""What a pass holder pays, in cents, for each kind of offer; and the discount norm.

Rounding: a percentage is rounded half-up to the cent on the discount, so the provider
and the holder see the same numbers the till uses.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import OfferKind

MAX_AMOUNT_CENTS = 100_000_00  # a till amount above €100,000 is a typo


@dataclass(frozen=True)
class Price:
    regular_cents: int
    discount_cents: int

    @property
    def pass_price_cents(self) -> int:
        return self.regular_cents - self.discount_cents


def percent_of(cents: int, percent: int) -> int:
    return (cents * percent + 50) // 100


def price_for(offer, amount_cents: int | None = None) -> Price:
    """The price at the till. `amount_cents` is what the customer buys, for category offers
    (the till types it); other kinds take the offer's own regular price."""
    kind = offer.kind
    if kind == OfferKind.CATEGORY:
        if amount_cents is None or amount_cents <= 0:
            raise ValidationError(
                _("Vul het bedrag in dat de klant betaalt. Dat moet meer dan € 0 zijn."),
                code="amount",
            )
        if amount_cents > MAX_AMOUNT_CENTS:
            raise ValidationError(_("Dit bedrag is te hoog. Controleer het bedrag."), code="amount")
        discount = (
            percent_of(amount_cents, offer.percent_off)
            if offer.percent_off
            else offer.amount_off_cents or 0
        )
        if offer.discount_cap_cents is not None:
            discount = min(discount, offer.discount_cap_cents)
        return Price(amount_cents, min(discount, amount_cents))
    regular = offer.regular_price_cents or 0
    if kind == OfferKind.PERCENT_OFF:
        return Price(regular, percent_of(regular, offer.percent_off or 0))
    if kind == OfferKind.AMOUNT_OFF:
        return Price(regular, min(offer.amount_off_cents or 0, regular))
    if kind == OfferKind.FIXED_PRICE:
        return Price(regular, max(regular - (offer.pass_price_cents or 0), 0))
    if kind == OfferKind.FREE:
        return Price(regular, regular)
    # A place or access: free unless the provider asks a (small) pass price.
    pass_price = offer.pass_price_cents or 0
    return Price(max(regular, pass_price), max(regular - pass_price, 0))


def discount_percent(offer) -> int | None:
    """The discount as a whole percentage, for the review norm; None when unknown."""
    if offer.kind == OfferKind.CATEGORY:
        if offer.percent_off:
            return offer.percent_off
        return None  # a fixed amount off an unknown purchase: the reviewer judges
    if offer.kind in (OfferKind.FREE,):
        return 100
    price = price_for(offer)
    if price.regular_cents == 0:
        return 100 if price.pass_price_cents == 0 else None
    return price.discount_cents * 100 // price.regular_cents


def below_discount_norm(offer) -> bool:
    """Flag for review: less than the minimum discount (default 25%) and not free."""
    percent = discount_percent(offer)
    return percent is not None and percent < settings.OFFER_MIN_DISCOUNT_PERCENT


def check_offer_terms(offer) -> None:
    """The fields each kind needs, with a Dutch message for the provider."""
    need = {
        OfferKind.PERCENT_OFF: ["regular_price_cents", "percent_off"],
        OfferKind.AMOUNT_OFF: ["regular_price_cents", "amount_off_cents"],
        OfferKind.FIXED_PRICE: ["regular_price_cents", "pass_price_cents"],
        OfferKind.FREE: ["regular_price_cents"],
        OfferKind.CATEGORY: ["category_label"],
        OfferKind.PLACE: ["capacity_per_date"],
    }[offer.kind]
    missing = [name for name in need if getattr(offer, name) in (None, "")]
    if missing:
        # Field names without "(cent)": providers type euros.
        labels = ", ".join(
            str(offer._meta.get_field(name).verbose_name).replace(" (cent)", "") for name in missing
        )
        raise ValidationError(_("Vul ook in: %(fields)s.") % {"fields": labels}, code="missing")
    if offer.kind == OfferKind.CATEGORY and not (offer.percent_off or offer.amount_off_cents):
        raise ValidationError(_("Vul een korting in procent of een bedrag in."), code="missing")
    if offer.kind == OfferKind.FIXED_PRICE and offer.pass_price_cents >= offer.regular_price_cents:
        raise ValidationError(
            _("De pasprijs moet lager zijn dan de normale prijs."), code="no_discount"
        )
    if offer.kind == OfferKind.AMOUNT_OFF and offer.amount_off_cents > offer.regular_price_cents:
        raise ValidationError(_("De korting is hoger dan de normale prijs."), code="too_much")
    if offer.valid_until < offer.valid_from:
        raise ValidationError(_("De einddatum ligt voor de begindatum."), code="dates")


def describe_price(offer) -> str:
    """The pass price in words, as residents and providers see it ('€ 10,00 in plaats van
    € 12,50'), never only a percentage."""
    from zaansepas.lib.money import format_euro_nowrap as euro

    if offer.kind == OfferKind.CATEGORY:
        off = f"{offer.percent_off}%" if offer.percent_off else euro(offer.amount_off_cents or 0)
        text = _("%(off)s korting op %(category)s") % {"off": off, "category": offer.category_label}
        if offer.discount_cap_cents is not None:
            text += ", " + _("maximaal %(cap)s korting") % {"cap": euro(offer.discount_cap_cents)}
        return text
    price = price_for(offer)
    if price.pass_price_cents == 0:
        return (
            _("Gratis")
            if not price.regular_cents
            else _("Gratis (normaal %(regular)s)") % {"regular": euro(price.regular_cents)}
        )
    if price.discount_cents == 0:
        return euro(price.pass_price_cents)
    return _("%(price)s in plaats van %(regular)s") % {
        "price": euro(price.pass_price_cents),
        "regular": euro(price.regular_cents),
    }
