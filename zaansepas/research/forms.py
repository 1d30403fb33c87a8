"""Forms of the research pages. They parse what a researcher typed; the rules (consent,
one source, dates) are checked again by the functions in actions.py."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from zaansepas.city.models import Area, AreaKind, PolicyTheme

from .models import (
    InterviewStatus,
    ParticipantKind,
    SessionStatus,
    StatementKind,
    TargetGroup,
)

UNCODED = "geen"  # the theme filter's value for "nog niet gecodeerd"


def _date(label, **extra):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **extra,
    )


def _themes():
    return PolicyTheme.objects.filter(is_active=True).order_by("position", "name")


def _wijken():
    return Area.objects.filter(kind=AreaKind.DISTRICT).order_by("name")


class PlanSessionForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Thema"), queryset=PolicyTheme.objects.none())
    year = forms.IntegerField(label=_("Jaar van de scan"), min_value=2020, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = _themes()


class SessionForm(forms.Form):
    date = _date(_("Datum"))
    start_time = forms.TimeField(
        label=_("Begintijd"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    facilitator = forms.CharField(label=_("Gespreksleider"), max_length=200, required=False)
    specialists = forms.CharField(
        label=_("Geraadpleegde sectorspecialisten"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel: naam en sector, bijvoorbeeld Karin Mol (sport, gemeente)."),
    )
    notes = forms.CharField(
        label=_("Aantekeningen"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=SessionStatus.choices, widget=forms.RadioSelect
    )


class ParticipantForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort deelnemer"), choices=ParticipantKind.choices)
    name = forms.CharField(
        label=_("Naam"),
        max_length=120,
        help_text=_("Of een omschrijving, bijvoorbeeld: moeder van twee, Poelenburg."),
    )
    organisation = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    invited = forms.BooleanField(label=_("Uitgenodigd"), required=False, initial=True)
    contact_consent = forms.BooleanField(
        label=_("Deze persoon geeft toestemming om e-mailadres en telefoonnummer te bewaren"),
        required=False,
    )
    consent_on = _date(_("Toestemming gegeven op"), help_text=_("Leeg: vandaag."))
    email = forms.EmailField(label=_("E-mailadres"), required=False, max_length=254)
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    contact_retention_until = _date(
        _("Contactgegevens bewaren tot"),
        help_text=_("Leeg: 12 maanden na de sessie. Daarna worden ze automatisch gewist."),
    )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("email") or cleaned.get("phone")) and not cleaned.get("contact_consent"):
            self.add_error(
                "contact_consent",
                _(
                    "Zonder toestemming bewaren we geen contactgegevens. Vink de toestemming "
                    "aan, of maak e-mailadres en telefoonnummer leeg."
                ),
            )
        return cleaned


@dataclass
class CodingOptions:
    """Themes and wijken, fetched once per page: a page with a hundred recoding forms
    then needs two queries, not two hundred."""

    themes: list
    wijken: list

    @classmethod
    def load(cls) -> "CodingOptions":
        return cls(list(_themes()), list(_wijken()))

    def theme_choices(self, empty_label) -> list:
        return [("", empty_label), *[(str(theme.pk), theme.name) for theme in self.themes]]

    def wijk_choices(self, empty_label) -> list:
        return [("", empty_label), *[(str(area.pk), area.name) for area in self.wijken]]


def _pick(objects: list, value: str):
    return next((obj for obj in objects if str(obj.pk) == value), None) if value else None


class CodingForm(forms.Form):
    """Kind, theme, target group and wijk: the coding of a statement."""

    kind = forms.ChoiceField(label=_("Soort"), choices=StatementKind.choices)
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    target_group = forms.ChoiceField(
        label=_("Doelgroep"),
        choices=[("", _("niet bepaald")), *TargetGroup.choices],
        required=False,
    )
    district = forms.ChoiceField(label=_("Wijk"), required=False)

    def __init__(self, *args, options: CodingOptions | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options or CodingOptions.load()
        self.fields["theme"].choices = self.options.theme_choices(_("nog niet gecodeerd"))
        self.fields["district"].choices = self.options.wijk_choices(_("geen wijk"))

    @classmethod
    def for_statement(cls, statement, options: CodingOptions, **kwargs) -> "CodingForm":
        initial = {
            "kind": statement.kind,
            "theme": str(statement.theme_id or ""),
            "target_group": statement.target_group,
            "district": str(statement.district_id or ""),
        }
        if "text" in cls.base_fields:
            initial["text"] = statement.text
        return cls(initial=initial, options=options, **kwargs)

    def coding(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "theme": _pick(self.options.themes, data["theme"]),
            "target_group": data["target_group"],
            "district": _pick(self.options.wijken, data["district"]),
        }


class StatementForm(CodingForm):
    """A new statement: the text first, then its coding."""

    text = forms.CharField(
        label=_("Uitspraak"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    participant = forms.ModelChoiceField(
        label=_("Wie zei het"), queryset=None, required=False, empty_label=_("niet vastgelegd")
    )
    field_order = ["text", "kind", "theme", "target_group", "district", "participant"]

    def __init__(self, *args, participants=None, **kwargs):
        super().__init__(*args, **kwargs)
        if participants is None:
            del self.fields["participant"]
        else:
            self.fields["participant"].queryset = participants


class StatementEditForm(CodingForm):
    text = forms.CharField(
        label=_("Uitspraak"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    field_order = ["text", "kind", "theme", "target_group", "district"]


class StatementFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    kind = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("alle")), *StatementKind.choices], required=False
    )
    target_group = forms.ChoiceField(
        label=_("Doelgroep"), choices=[("", _("alle")), *TargetGroup.choices], required=False
    )
    district = forms.ChoiceField(label=_("Wijk"), required=False)
    source = forms.ChoiceField(
        label=_("Bron"),
        choices=[("", _("alle")), ("sessie", _("sessies")), ("interview", _("interviews"))],
        required=False,
    )

    def __init__(self, *args, options: CodingOptions, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        theme_choices = options.theme_choices(_("alle"))
        self.fields["theme"].choices = [
            theme_choices[0],
            (UNCODED, _("nog niet gecodeerd")),
            *theme_choices[1:],
        ]
        self.fields["district"].choices = options.wijk_choices(_("alle"))


class DrawSampleForm(forms.Form):
    size = forms.IntegerField(
        label=_("Aantal gesprekken"), min_value=1, max_value=500, help_text=_("Hoogstens 500.")
    )
    seed = forms.IntegerField(
        label=_("Startgetal van het toeval"),
        required=False,
        min_value=0,
        max_value=2**31,
        help_text=_(
            "Niet verplicht. Met hetzelfde getal en dezelfde lijst trekt u dezelfde steekproef."
        ),
    )


class InterviewForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=InterviewStatus.choices)
    interviewer = forms.CharField(label=_("Interviewer"), max_length=200, required=False)
    held_on = _date(_("Datum gesprek"))
    notes = forms.CharField(
        label=_("Aantekeningen"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Geen namen of adressen. Zet wat de persoon nodig heeft of voorstelt hieronder als "
            "uitspraken, zodat het meetelt in de groslijsten."
        ),
    )
