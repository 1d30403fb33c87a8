from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=_(
            "Wij sturen u een link. Met die link logt u in. U heeft geen wachtwoord nodig."
        ),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class StaffLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
        error_messages={"required": _("Vul uw e-mailadres in.")},
    )
    error_messages = {
        "invalid_login": _("Het e-mailadres of het wachtwoord klopt niet. Probeer het opnieuw."),
        "inactive": _("Dit account is uitgeschakeld."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Wachtwoord")
        self.fields["password"].error_messages["required"] = _("Vul uw wachtwoord in.")
