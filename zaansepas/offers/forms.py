import uuid

from django import forms
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError

from zaansepas.city.form_fields import FullPostcodeField
from zaansepas.city.models import PolicyTheme
from zaansepas.lib.form_fields import REQUIRED
from zaansepas.lib.form_fields import text_field as text
from zaansepas.lib.money import english_active, parse_euro

from .actions import ProviderInput
from .models import Location, Offer, OfferKind, Period, ProviderKind
from .pricing import MAX_AMOUNT_CENTS, check_offer_terms


class ProviderSignupForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    name = text(_("Naam van uw organisatie"), 150, autocomplete="organization")
    kind = forms.ChoiceField(
        label=_("Wat voor organisatie bent u?"),
        choices=ProviderKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat voor organisatie u bent.")},
    )
    kvk_number = text(_("KvK-nummer"), 12, inputmode="numeric")
    iban = text(_("IBAN (rekeningnummer)"), 42, autocomplete="off")
    account_holder = text(_("Op naam van"), 70)
    street = text(_("Straat"), 120, autocomplete="address-line1")
    house_number = text(_("Huisnummer"), 20)
    postcode = FullPostcodeField(_("Postcode"))
    town = text(_("Plaats"), 80, autocomplete="address-level2")
    contact_name = text(_("Naam contactpersoon"), 120, autocomplete="name")
    contact_email = forms.EmailField(
        label=_("E-mailadres contactpersoon"),
        help_text=_("Hiermee logt u in. Wij sturen hier ook het besluit naartoe."),
        error_messages={**REQUIRED, "invalid": _("Vul een geldig e-mailadres in.")},
    )
    contact_phone = text(_("Telefoonnummer"), 20, autocomplete="tel", inputmode="tel")
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een geldig webadres in.")},
    )
    description = forms.CharField(
        label=_("Wat doet uw organisatie?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    password = forms.CharField(
        label=_("Kies een wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages=REQUIRED,
    )
    agree = forms.BooleanField(
        label=_("Ik mag namens deze organisatie afspraken maken met de Zaanse Pas"),
        error_messages={"required": _("Vink aan dat u dit namens de organisatie mag doen.")},
    )

    def __init__(self, *args, needs_password=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
        if needs_password:
            # The rules come from the password validators, so the hint and the check agree.
            self.fields["password"].help_text = " ".join(password_validators_help_texts())
        else:
            del self.fields["password"]

    def clean_kvk_number(self):
        value = "".join(self.cleaned_data["kvk_number"].split())
        if not (value.isdigit() and len(value) == 8):
            raise ValidationError(_("Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678."))
        return value

    def clean_iban(self):
        try:
            return stdnum_iban.validate(self.cleaned_data["iban"])
        except StdnumError as exc:
            raise ValidationError(
                _(
                    "Dit IBAN klopt niet. Controleer het nummer, "
                    "bijvoorbeeld NL91 ABNA 0417 1643 00."
                )
            ) from exc

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password

    def to_input(self) -> ProviderInput:
        d = self.cleaned_data
        return ProviderInput(
            **{name: d.get(name, "") for name in ProviderInput.__dataclass_fields__}
        )


class ProviderDecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (verplicht bij afwijzen)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Offers ---------------------------------------------------------------------------------

# Money the provider types, in euros; the model keeps cents. form field -> model field.
MONEY_FIELDS = {
    "regular_price": "regular_price_cents",
    "amount_off": "amount_off_cents",
    "pass_price": "pass_price_cents",
    "discount_cap": "discount_cap_cents",
}
# The price fields that count for each kind. The others are emptied when the offer is
# saved, so an offer never carries a stray pass price from a kind it no longer has.
TERMS_FOR_KIND = {
    OfferKind.PERCENT_OFF: {"regular_price", "percent_off"},
    OfferKind.AMOUNT_OFF: {"regular_price", "amount_off"},
    OfferKind.FIXED_PRICE: {"regular_price", "pass_price"},
    OfferKind.FREE: {"regular_price"},
    OfferKind.CATEGORY: {"category_label", "percent_off", "amount_off", "discount_cap"},
    OfferKind.PLACE: {"regular_price", "pass_price"},
}

# What each kind needs filled in. pricing.check_offer_terms is the authority; this only
# puts the message next to the right field.
NEEDED_FOR_KIND = {
    OfferKind.PERCENT_OFF: ["regular_price", "percent_off"],
    OfferKind.AMOUNT_OFF: ["regular_price", "amount_off"],
    OfferKind.FIXED_PRICE: ["regular_price", "pass_price"],
    OfferKind.FREE: ["regular_price"],
    OfferKind.CATEGORY: ["category_label"],
    OfferKind.PLACE: ["capacity_per_date"],
}

KIND_EXPLANATIONS = {
    OfferKind.PERCENT_OFF: _(
        "Pashouders krijgen een deel van de prijs korting. "
        "Vul de normale prijs en de korting in procent in."
    ),
    OfferKind.AMOUNT_OFF: _(
        "Pashouders krijgen een vast bedrag korting. Vul de normale prijs en de korting in euro in."
    ),
    OfferKind.FIXED_PRICE: _(
        "Pashouders betalen een lagere prijs. Vul de normale prijs en de pasprijs in."
    ),
    OfferKind.FREE: _("Pashouders betalen niets. Vul de normale prijs in."),
    OfferKind.CATEGORY: _(
        "Korting op alles in een groep, zoals fietsreparatie. Vul de categorie in en een "
        "korting in procent of in euro."
    ),
    OfferKind.PLACE: _(
        "Een plek of toegang, zoals een plek aan tafel. Vul het aantal plekken per dag in."
    ),
}

AUDIENCE_FIELDS = [
    "for_everyone",
    "for_low_income",
    "for_children",
    "for_seniors",
    "for_caregivers",
]
LIMIT_FIELDS = [
    "per_pass_limit",
    "per_pass_period",
    "per_household_limit",
    "per_household_period",
    "global_quota",
    "capacity_per_date",
]


class ExplainedRadioSelect(forms.RadioSelect):
    """Radio buttons that each point to a one-line explanation (aria-describedby).

    The template shows ``option.data.explanation`` with id ``<option id>_uitleg``."""

    def __init__(self, *args, explanations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.explanations = explanations or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["explanation"] = self.explanations.get(value, "")
        if option["attrs"].get("id"):
            option["attrs"]["aria-describedby"] = f"{option['attrs']['id']}_uitleg"
        return option


class UntouchedTextarea(forms.Textarea):
    """A required textarea without the HTML required attribute: Utrecht's CSS paints an
    empty required textarea red (:invalid) before anyone typed in it. aria-required still
    tells screen readers it is needed; the form checks it on the server."""

    def __init__(self, attrs=None):
        super().__init__({"aria-required": "true", **(attrs or {})})

    def use_required_attribute(self, initial):
        return False


class LocationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.street} {obj.house_number}"


def euro_field(label, help_text):
    return forms.CharField(
        label=label,
        required=False,
        max_length=20,
        help_text=help_text,
        error_messages={"max_length": _("Dit is te lang.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def count_field(label, help_text):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=32_000,
        help_text=help_text,
        error_messages={
            "invalid": _("Vul een heel getal in, zoals 2."),
            "min_value": _("Vul 1 of meer in. Geen maximum? Laat het veld leeg."),
            "max_value": _("Dit getal is te hoog. Controleer het getal."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def period_field(label):
    return forms.ChoiceField(
        label=label,
        choices=Period.choices,
        initial=Period.YEAR,
        error_messages={
            "required": _("Kies een periode."),
            "invalid_choice": _("Kies een periode."),
        },
    )


def offer_date_field(label, required_message):
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": required_message,
            "invalid": _("Vul een datum in, zoals 31-12-2026."),
        },
    )


def euro_input(cents: int | None) -> str:
    """Cents as a person would type them: '12,50' (or '12.50' on English pages)."""
    if cents is None:
        return ""
    text = f"{cents // 100}.{cents % 100:02d}"
    return text if english_active() else text.replace(".", ",")


class OfferForm(forms.Form):
    """An offer as the provider types it. clean() builds an unsaved Offer and checks it with
    pricing.check_offer_terms, the same rule the pass office's submit uses."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(
        label=_("Titel"),
        max_length=120,
        help_text=_("Kort en duidelijk, bijvoorbeeld: Zwemles met korting."),
        error_messages={"required": _("Vul een titel in."), "max_length": _("Dit is te lang.")},
    )
    description = forms.CharField(
        label=_("Beschrijving"),
        max_length=2000,
        help_text=_(
            "Schrijf korte zinnen. Zeg wat de pashouder krijgt en wat hij daarvoor moet doen."
        ),
        error_messages={
            "required": _("Beschrijf het aanbod."),
            "max_length": _("Dit is te lang. Gebruik hoogstens 2000 tekens."),
        },
        widget=UntouchedTextarea(attrs={"rows": 4}),
    )
    kind = forms.ChoiceField(
        label=_("Wat voor aanbod is het?"),
        choices=OfferKind.choices,
        widget=ExplainedRadioSelect(explanations=KIND_EXPLANATIONS),
        error_messages={
            "required": _("Kies wat voor aanbod het is."),
            "invalid_choice": _("Kies wat voor aanbod het is."),
        },
    )

    regular_price = euro_field(
        _("Normale prijs in euro"),
        _(
            "Wat betaalt iemand zonder pas? Bijvoorbeeld 12,50. Nodig bij percentage korting, "
            "korting in euro's, vaste pasprijs en gratis."
        ),
    )
    percent_off = forms.CharField(
        label=_("Korting in procent"),
        required=False,
        max_length=5,
        help_text=_(
            "Een heel getal van 1 tot en met 100, bijvoorbeeld 20. Nodig bij percentage korting."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    amount_off = euro_field(
        _("Korting in euro"),
        _("Bijvoorbeeld 2,50. Nodig bij korting in euro's."),
    )
    pass_price = euro_field(
        _("Pasprijs in euro"),
        _(
            "Wat betaalt een pashouder? Nodig bij vaste pasprijs. Bij een plek mag het "
            "ook: laat het leeg als de plek gratis is."
        ),
    )
    category_label = forms.CharField(
        label=_("Categorie"),
        required=False,
        max_length=120,
        help_text=_(
            "Waarop geeft u korting? Bijvoorbeeld: fietsreparatie. Nodig bij korting op alles "
            "in een categorie."
        ),
        error_messages={"max_length": _("Dit is te lang.")},
    )
    discount_cap = euro_field(
        _("Maximale korting in euro"),
        _("Alleen bij korting op een categorie. Leeg laten: geen maximum."),
    )

    audience = forms.MultipleChoiceField(
        label=_("Voor wie is het aanbod?"),
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies iedereen als elke pashouder het mag gebruiken."),
        error_messages={"required": _("Kies voor wie het aanbod is.")},
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=PolicyTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Waar past het aanbod bij? U mag er meer kiezen."),
        error_messages={"invalid_choice": _("Kies een thema uit de lijst.")},
    )

    locations = LocationChoiceField(
        label=_("Locaties"),
        queryset=Location.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt? Dan geldt het aanbod op al uw locaties."),
        error_messages={"invalid_choice": _("Kies een locatie uit de lijst.")},
    )
    valid_from = offer_date_field(_("Geldig vanaf"), _("Vul in vanaf wanneer het aanbod geldt."))
    valid_until = offer_date_field(
        _("Geldig tot en met"), _("Vul in tot wanneer het aanbod geldt.")
    )

    per_pass_limit = count_field(
        _("Hoe vaak per pas?"), _("Leeg laten: zo vaak als de pashouder wil.")
    )
    per_pass_period = period_field(_("Periode voor het maximum per pas"))
    per_household_limit = count_field(
        _("Hoe vaak per huishouden?"),
        _("Voor alle passen van één gezin samen. Leeg laten: geen maximum."),
    )
    per_household_period = period_field(_("Periode voor het maximum per huishouden"))
    global_quota = count_field(
        _("Hoe vaak in totaal?"), _("Voor alle pashouders samen. Leeg laten: geen maximum.")
    )
    capacity_per_date = count_field(
        _("Aantal plekken per dag"),
        _("Nodig bij plek of toegang. Bij andere soorten aanbod mag het ook."),
    )

    def __init__(self, *args, provider, offer=None, **kwargs):
        if offer is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(offer)
        super().__init__(*args, **kwargs)
        self.provider = provider
        self.offer = None  # the unsaved Offer built by clean()
        if offer is None and not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("submission_key", uuid.uuid4())
            self.initial.setdefault("valid_from", today)
            self.initial.setdefault("valid_until", today.replace(month=12, day=31))
            self.initial.setdefault("audience", ["for_everyone"])
        self.fields["kind"].choices = [(k, capfirst(label)) for k, label in OfferKind.choices]
        self.fields["audience"].choices = [
            (name, capfirst(Offer._meta.get_field(name).verbose_name)) for name in AUDIENCE_FIELDS
        ]
        # Keep what the offer already has, even when a theme or location was switched off.
        themes = Q(is_active=True)
        places = Q(provider=provider, is_active=True)
        if offer is not None and offer.pk:
            themes |= Q(pk__in=offer.themes.values("pk"))
            places |= Q(pk__in=offer.locations.values("pk"))
        self.fields["themes"].queryset = PolicyTheme.objects.filter(themes)
        self.fields["locations"].queryset = Location.objects.filter(places)
        if not self.fields["locations"].queryset.exists():
            del self.fields["locations"]

    @staticmethod
    def initial_for(offer) -> dict:
        initial = {
            name: getattr(offer, name)
            for name in ["title", "description", "kind", "category_label", *LIMIT_FIELDS]
        }
        initial.update(valid_from=offer.valid_from, valid_until=offer.valid_until)
        initial.update(
            {name: euro_input(getattr(offer, col)) for name, col in MONEY_FIELDS.items()}
        )
        initial["percent_off"] = "" if offer.percent_off is None else str(offer.percent_off)
        initial["audience"] = [name for name in AUDIENCE_FIELDS if getattr(offer, name)]
        if offer.pk:
            initial["themes"] = list(offer.themes.all())
            initial["locations"] = list(offer.locations.all())
        return initial

    def _clean_euro(self, name):
        text = (self.cleaned_data.get(name) or "").strip()
        if not text:
            return None
        try:
            cents = parse_euro(text, english=english_active())
        except ValueError as exc:
            raise ValidationError(_("Vul een bedrag in euro in, zoals 12,50.")) from exc
        if cents < 0:
            raise ValidationError(_("Een bedrag kan niet negatief zijn."))
        if cents > MAX_AMOUNT_CENTS:
            raise ValidationError(_("Dit bedrag is te hoog. Controleer het bedrag."))
        return cents

    def clean_regular_price(self):
        return self._clean_euro("regular_price")

    def clean_amount_off(self):
        cents = self._clean_euro("amount_off")
        if cents == 0:
            raise ValidationError(_("Een korting van € 0,00 is geen korting. Vul meer in."))
        return cents

    def clean_pass_price(self):
        return self._clean_euro("pass_price")

    def clean_discount_cap(self):
        cents = self._clean_euro("discount_cap")
        if cents == 0:
            raise ValidationError(_("Vul meer dan € 0,00 in, of laat het veld leeg."))
        return cents

    def clean_percent_off(self):
        text = (self.cleaned_data.get("percent_off") or "").replace("%", "").strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError(_("Vul een heel getal in, zoals 20."))
        percent = int(text)
        if not 1 <= percent <= 100:
            raise ValidationError(_("Vul een percentage van 1 tot en met 100 in."))
        return percent

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_category_label(self):
        return " ".join(self.cleaned_data["category_label"].split())

    def clean(self):
        data = super().clean()
        if data.get("kind") not in TERMS_FOR_KIND:
            return data
        kind = OfferKind(data["kind"])
        self._check_dates(data)
        self._check_terms_for_kind(kind, data)
        if self.errors:
            return data
        offer = Offer(provider=self.provider, **self.offer_values())
        try:
            check_offer_terms(offer)  # the rule submit_offer applies too
        except ValidationError as exc:
            self.add_error(TERMS_ERROR_FIELD.get(exc.code), exc.messages[0])
            return data
        self.offer = offer
        return data

    def _check_dates(self, data):
        start, end = data.get("valid_from"), data.get("valid_until")
        if not (start and end):
            return
        if end < start:
            self.add_error("valid_until", _("De einddatum ligt voor de begindatum."))
        elif end < timezone.localdate():
            self.add_error("valid_until", _("De einddatum ligt in het verleden."))

    def _check_terms_for_kind(self, kind, data):
        """Say next to each field what the chosen kind still needs."""
        for name in NEEDED_FOR_KIND[kind]:
            if not self.has_error(name) and data.get(name) in (None, ""):
                self.add_error(
                    name, _("Vul dit in. Het is nodig bij: %(kind)s.") % {"kind": kind.label}
                )
        percent, amount = data.get("percent_off"), data.get("amount_off")
        if kind == OfferKind.CATEGORY and percent and amount:
            self.add_error(
                "amount_off", _("Vul een korting in procent óf in euro in, niet allebei.")
            )
        no_discount_typed = not (percent or amount or self.has_error("percent_off"))
        if kind == OfferKind.CATEGORY and no_discount_typed and not self.has_error("amount_off"):
            self.add_error("percent_off", _("Vul een korting in procent of in euro in."))
        needs_price = kind in (OfferKind.PERCENT_OFF, OfferKind.AMOUNT_OFF, OfferKind.FIXED_PRICE)
        if needs_price and data.get("regular_price") == 0:
            self.add_error("regular_price", _("De normale prijs moet meer dan € 0,00 zijn."))

    def offer_values(self) -> dict:
        """The cleaned data as Offer column values (themes and locations apart). Terms that
        don't belong to the chosen kind are emptied, so a switched kind leaves nothing
        behind."""
        data = self.cleaned_data
        kind = OfferKind(data["kind"])
        counts = TERMS_FOR_KIND[kind]
        values = {
            "title": data["title"],
            "description": data["description"],
            "kind": kind,
            "percent_off": data.get("percent_off") if "percent_off" in counts else None,
            "category_label": data.get("category_label", "") if "category_label" in counts else "",
            "valid_from": data["valid_from"],
            "valid_until": data["valid_until"],
        }
        for name, column in MONEY_FIELDS.items():
            values[column] = data.get(name) if name in counts else None
        for name in LIMIT_FIELDS:
            values[name] = data.get(name)
        audience = set(data.get("audience") or [])
        for name in AUDIENCE_FIELDS:
            values[name] = name in audience
        return values

    def chosen_themes(self):
        return self.cleaned_data.get("themes") or []

    def chosen_locations(self):
        return self.cleaned_data.get("locations") or []


# pricing.check_offer_terms codes -> the field its message belongs to.
TERMS_ERROR_FIELD = {"no_discount": "pass_price", "too_much": "amount_off", "dates": "valid_until"}


class OfferDecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        help_text=_(
            "Verplicht bij afwijzen, en bij goedkeuren als het aanbod minder korting geeft "
            "dan het minimum. De aanbieder ziet de reden."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Dit is te lang. Gebruik hoogstens 2000 tekens.")},
    )
