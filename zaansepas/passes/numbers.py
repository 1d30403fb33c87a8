"""Pass numbers: 9 random digits and a Verhoeff check digit.

Random, not sequential, so nobody can walk through the numbers of other residents' passes.
"""

import secrets

from zaansepas.lib.checkdigit import add_check_digit

from .models import Pass


def new_pass_number() -> str:
    while True:
        body = str(secrets.randbelow(9 * 10**8) + 10**8)  # 9 digits, no leading zero
        number = add_check_digit(body)
        if not Pass.objects.filter(number=number).exists():
            return number
