"""Password rules with messages in our own catalogue.

Django 5.2.19 changed the msgid of its "too short" message, so its Dutch translation no
longer matches and staff saw English. Ours says it in B1 Dutch (and English)."""

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLength(MinimumLengthValidator):
    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                _("Dit wachtwoord is te kort. Gebruik minstens %(min)d tekens.")
                % {"min": self.min_length},
                code="password_too_short",
            )

    def get_help_text(self):
        return _("Minstens %(min)d tekens.") % {"min": self.min_length}
