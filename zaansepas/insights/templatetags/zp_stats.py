"""Showing figures that disclosure control may have hidden: a hidden value becomes a dash
with its reason for screen readers and a tooltip, never a number."""

from django import template
from django.utils.html import format_html

from zaansepas.insights.disclosure import reason_text

register = template.Library()


def _hidden(shown):
    reason = reason_text(shown.reason)
    return format_html(
        '<span title="{}">–<span class="zp-visually-hidden"> ({})</span></span>', reason, reason
    )


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


@register.filter
def shown_count(shown):
    if shown is None:
        return ""
    if shown.value is None:
        return _hidden(shown)
    return f"{int(round(shown.value)):,}".replace(",", ".")


@register.filter
def shown_percent(shown):
    if shown is None:
        return ""
    if shown.value is None:
        return _hidden(shown)
    return _percent(shown.value)


@register.filter
def shown_interval(row):
    low, high = row.get("low"), row.get("high")
    if low is None or high is None:
        return ""
    if low.value is None or high.value is None:
        return ""
    return f"{low.value * 100:.0f}–{_percent(high.value)}"


@register.filter
def p_value(value: float) -> str:
    if value < 0.001:
        return "< 0,001"
    return f"{value:.3f}".replace(".", ",")
