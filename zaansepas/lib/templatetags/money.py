from django import template

from zaansepas.lib.checkdigit import format_pass_number
from zaansepas.lib.money import format_euro_here

register = template.Library()


@register.filter
def euro(cents):
    """Render integer cents as Dutch euros: {{ 1250|euro }} -> € 12,50."""
    if cents is None or cents == "":
        return ""
    return format_euro_here(int(cents))


@register.filter
def pass_number(number):
    return format_pass_number(str(number or ""))
