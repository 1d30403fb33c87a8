import uuid

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError

from zaansepas.city.lookups import InvalidPostcode, normalise_postcode

from .actions import ProviderInput
from .models import ProviderKind

REQUIRED = {"required": _("Dit veld is verplicht.")}


def text(label, max_length, required=True, **attrs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={**REQUIRED, "max_length": _("Dit is te lang.")},
        widget=forms.TextInput(attrs=attrs),
    )


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
    postcode = text(_("Postcode"), 7, autocomplete="postal-code")
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
        help_text=_("Minstens 10 tekens."),
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
        if not needs_password:
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

    def clean_postcode(self):
        try:
            return normalise_postcode(self.cleaned_data["postcode"], require_letters=True)
        except InvalidPostcode as exc:
            raise ValidationError(str(exc)) from exc

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
