"""A postcode field for address forms: accepts how people type it ("1503ab", "1503-AB") and
cleans to the standard "1503 AB", with a Dutch message otherwise."""

from django import forms

from zaansepas.lib.form_fields import REQUIRED

from .lookups import InvalidPostcode, normalise_postcode


class FullPostcodeField(forms.CharField):
    """A full postcode, with its two letters (an address, not a search)."""

    def __init__(self, label, **kwargs):
        kwargs.setdefault("max_length", 7)
        kwargs.setdefault("error_messages", {**REQUIRED})
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "postal-code"}))
        super().__init__(label=label, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return normalise_postcode(value, require_letters=True)
        except InvalidPostcode as exc:
            raise forms.ValidationError(str(exc)) from exc
