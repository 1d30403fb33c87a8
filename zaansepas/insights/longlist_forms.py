"""Forms of the longlist pages: they parse and check input; longlists.py does the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zaansepas.city.models import PolicyTheme
from zaansepas.research.models import TargetGroup
from zaansepas.surveys.models import Survey

from .models import ItemStatus, ListKind


class LonglistFilterForm(forms.Form):
    year = forms.IntegerField(label=_("jaar"), min_value=2000, max_value=2100, required=False)
    kind = forms.ChoiceField(label=_("lijst"), choices=ListKind.choices, required=False)
    theme = forms.ModelChoiceField(
        label=_("thema"),
        queryset=PolicyTheme.objects.all(),
        required=False,
        empty_label=_("alle thema's"),
    )
    group = forms.ChoiceField(
        label=_("doelgroep"),
        choices=[("", _("alle doelgroepen")), *TargetGroup.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("status"),
        choices=[("", _("alle statussen")), *ItemStatus.choices],
        required=False,
    )


class NewItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("lijst"), choices=ListKind.choices)
    title = forms.CharField(label=_("titel"), max_length=200)


class ItemForm(forms.Form):
    title = forms.CharField(label=_("titel"), max_length=200)
    description = forms.CharField(label=_("omschrijving"), widget=forms.Textarea, required=False)
    themes = forms.ModelMultipleChoiceField(
        label=_("thema's"),
        queryset=PolicyTheme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("doelgroepen"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    survey = forms.ModelChoiceField(
        label=_("vragenlijst met het cijfer"),
        queryset=Survey.objects.all(),
        required=False,
        empty_label=_("geen"),
    )
    survey_question = forms.CharField(
        label=_("vraagcode"),
        max_length=120,
        required=False,
        help_text=_("Bij een matrixvraag met de rij erachter, zoals behoefte_thema.sport-bewegen."),
    )
    survey_option = forms.CharField(
        label=_("antwoordcode"),
        max_length=60,
        required=False,
        help_text=_("Het antwoord waarvan het gewogen aandeel inwoners getoond wordt, zoals veel."),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=ItemStatus.choices)
