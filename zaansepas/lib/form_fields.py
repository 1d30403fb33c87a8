"""Form field builders shared by the forms of several apps, so every form says the same
thing in the same words."""

from django import forms
from django.utils.translation import gettext_lazy as _

REQUIRED = {"required": _("Dit veld is verplicht.")}


def text_field(label, max_length, required=True, **attrs):
    """A one-line text field with our Dutch messages; attrs go to the <input>."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={**REQUIRED, "max_length": _("Dit is te lang.")},
        widget=forms.TextInput(attrs=attrs),
    )
