"""Forms for residents and the pass office. Dutch messages; rules that span fields are
checked again in actions.py, which is the authority."""

import datetime as dt
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaansepas.city.form_fields import FullPostcodeField
from zaansepas.lib.form_fields import text_field
from zaansepas.lib.money import english_active, format_euro_here, parse_euro

from .applications import AddressInput, ApplicationInput, PersonInput
from .models import PassKind, Route
from .pricing import price_on
from .uploads import check_evidence

MAX_MONTHLY_INCOME_CENTS = 100_000_00  # anything above is a typo, not an income
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]


def date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de geboortedatum in."),
            "invalid": _("Vul een datum in, zoals 31-12-1980."),
        },
    )


class EvidenceMixin:
    """Checks an optional `evidence` upload and remembers its real content type."""

    evidence_content_type = ""

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        self.evidence_content_type = check_evidence(upload)
        return upload


class ApplicationForm(EvidenceMixin, forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    first_name = text_field(_("Voornaam"), 80, autocomplete="given-name")
    last_name = text_field(_("Achternaam"), 120, autocomplete="family-name")
    birth_date = date_field(_("Geboortedatum"))

    street = text_field(_("Straat"), 120, autocomplete="address-line1")
    house_number = text_field(_("Huisnummer"), 20)
    postcode = FullPostcodeField(_("Postcode"))
    town = text_field(_("Woonplaats"), 80, required=False, autocomplete="address-level2")

    has_partner = forms.BooleanField(
        label=_("Ik woon samen met een partner (getrouwd of samenwonend)"), required=False
    )
    partner_first_name = text_field(_("Voornaam partner"), 80, required=False)
    partner_last_name = text_field(_("Achternaam partner"), 120, required=False)
    partner_birth_date = date_field(_("Geboortedatum partner"), required=False)
    include_partner = forms.BooleanField(label=_("Mijn partner wil ook een pas"), required=False)

    route = forms.ChoiceField(
        label=_("Wat vraagt u aan?"),
        choices=Route.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat u aanvraagt.")},
    )
    monthly_income = forms.CharField(
        label=_("Netto inkomen van uw huishouden per maand"),
        required=False,
        max_length=20,
        help_text=_(
            "Alles wat u en uw partner samen per maand krijgen, na belasting. Bijvoorbeeld: 1450,00"
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    evidence = forms.FileField(
        label=_("Bewijs van uw inkomen"),
        required=False,
        help_text=_(
            "Een loonstrook, uitkeringsspecificatie of bankafschrift van de laatste maand. "
            "PDF, JPG of PNG, maximaal 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    note = forms.CharField(
        label=_("Wilt u nog iets vertellen?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    truthful = forms.BooleanField(
        label=_("Ik heb alles naar waarheid ingevuld"),
        error_messages={"required": _("Vink aan dat u alles naar waarheid heeft ingevuld.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
        # Say what the pass costs where the resident chooses to buy it.
        price = format_euro_here(price_on(PassKind.ADULT, timezone.localdate()))
        self.fields["route"].choices = [
            (
                value,
                _("Ik koop de pas (%(price)s per jaar)") % {"price": price}
                if value == Route.PAID
                else label,
            )
            for value, label in Route.choices
        ]

    def clean_monthly_income(self):
        text = (self.cleaned_data.get("monthly_income") or "").strip()
        if not text:
            return None
        try:
            cents = parse_euro(text, english=english_active())
        except ValueError as exc:
            raise ValidationError(_("Vul een bedrag in euro in, zoals 1450,00.")) from exc
        if cents < 0:
            raise ValidationError(_("Een inkomen kan niet negatief zijn. Geen inkomen? Vul 0 in."))
        if cents > MAX_MONTHLY_INCOME_CENTS:
            raise ValidationError(
                _("Dit bedrag is te hoog. Vul uw inkomen per maand in, niet per jaar.")
            )
        return cents

    def clean_birth_date(self):
        day = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if day > today:
            raise ValidationError(_("Deze datum ligt in de toekomst."))
        if day < today - dt.timedelta(days=365 * 120):
            raise ValidationError(_("Controleer het jaar van de geboortedatum."))
        return day

    def clean(self):
        data = super().clean()
        if data.get("has_partner"):
            for name in ("partner_first_name", "partner_last_name", "partner_birth_date"):
                if not data.get(name):
                    self.add_error(name, _("Vul dit in voor uw partner."))
        elif data.get("include_partner"):
            self.add_error(
                "has_partner",
                _(
                    "Vink aan dat u een partner heeft, of haal het vinkje "
                    "bij 'Mijn partner wil ook een pas' weg."
                ),
            )
        if data.get("route") == Route.INCOME:
            if data.get("monthly_income") is None and "monthly_income" not in self.errors:
                self.add_error("monthly_income", _("Vul uw netto inkomen per maand in."))
            if not data.get("evidence") and "evidence" not in self.errors:
                self.add_error("evidence", _("Stuur een bewijs van uw inkomen mee."))
        return data

    def to_input(self, children: list[dict]) -> ApplicationInput:
        d = self.cleaned_data
        partner = None
        if d.get("has_partner"):
            partner = PersonInput(
                d["partner_first_name"], d["partner_last_name"], d["partner_birth_date"]
            )
        kids = [
            PersonInput(c["first_name"], c["last_name"] or d["last_name"], c["birth_date"])
            for c in children
        ]
        return ApplicationInput(
            applicant=PersonInput(d["first_name"], d["last_name"], d["birth_date"]),
            address=AddressInput(d["street"], d["house_number"], d["postcode"], d.get("town", "")),
            route=d["route"],
            partner=partner,
            include_partner=bool(d.get("include_partner") and partner),
            children=kids,
            child_pass_for=[i for i, c in enumerate(children) if c.get("wants_pass")],
            monthly_income_cents=d.get("monthly_income") if d["route"] == Route.INCOME else None,
            evidence=d.get("evidence"),
            evidence_content_type=self.evidence_content_type,
            note=d.get("note", ""),
        )


class ChildForm(forms.Form):
    first_name = text_field(_("Voornaam kind"), 80, required=False)
    last_name = text_field(_("Achternaam kind (als die anders is)"), 120, required=False)
    birth_date = date_field(_("Geboortedatum kind"), required=False)
    wants_pass = forms.BooleanField(
        label=_("Kinderpas aanvragen (4 tot en met 17 jaar)"), required=False
    )

    def clean(self):
        data = super().clean()
        filled = data.get("first_name") or data.get("birth_date") or data.get("wants_pass")
        if filled:
            if not data.get("first_name"):
                self.add_error("first_name", _("Vul de voornaam van het kind in."))
            if not data.get("birth_date") and "birth_date" not in self.errors:
                self.add_error("birth_date", _("Vul de geboortedatum van het kind in."))
        data["filled"] = bool(filled)
        return data


ChildFormSet = forms.formset_factory(ChildForm, extra=6, max_num=10, validate_max=True)


class PaperApplicationForm(ApplicationForm):
    resident_email = forms.EmailField(
        label=_("E-mailadres van de inwoner"),
        required=False,
        help_text=_("Dan kan de inwoner ook online inloggen en de pas op de telefoon laten zien."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["truthful"].label = _("De inwoner heeft het formulier ondertekend")


class InformationReplyForm(EvidenceMixin, forms.Form):
    note = forms.CharField(
        label=_("Uw antwoord"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence = forms.FileField(
        label=_("Bestand meesturen"),
        required=False,
        help_text=_("PDF, JPG of PNG, maximaal 5 MB."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("note") and not data.get("evidence") and not self.errors:
            raise ValidationError(_("Schrijf een antwoord of stuur een bestand mee."))
        return data


class DecisionForm(forms.Form):
    ACTIONS = [
        ("approve", _("Toekennen")),
        ("reject", _("Afwijzen")),
        ("ask", _("Informatie vragen")),
    ]
    action = forms.ChoiceField(choices=ACTIONS, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Reden of vraag"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"), max_length=300, error_messages={"required": _("Geef een reden.")}
    )


class ResidentBlockForm(forms.Form):
    REASONS = [
        ("kwijt", _("Mijn pas of telefoon is kwijt")),
        ("gestolen", _("Mijn pas of telefoon is gestolen")),
        ("anders", _("Iets anders")),
    ]
    reason = forms.ChoiceField(
        label=_("Waarom wilt u de pas blokkeren?"),
        choices=REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een reden.")},
    )


class PassSearchForm(forms.Form):
    q = forms.CharField(label=_("Pasnummer, naam of postcode"), max_length=100, required=False)
