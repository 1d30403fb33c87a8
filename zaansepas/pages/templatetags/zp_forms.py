"""Template filters behind includes/form_field.html and includes/form_errors.html.

They put the NL Design System (Utrecht) classes on Django's own widget HTML, so every
widget attribute Django adds (required, maxlength, autocomplete, aria-invalid,
aria-describedby, ...) is kept. Load with ``{% load zp_forms %}``.
"""

from django import forms, template
from django.forms.utils import flatatt
from django.forms.widgets import Input
from django.utils.html import format_html

register = template.Library()

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
SELECT = "utrecht-select utrecht-select--html-select"
CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
RADIO = "utrecht-radio-button utrecht-radio-button--html-input"
FILE = "zp-file"

CLASSES = {
    "textbox": TEXTBOX,
    "textarea": TEXTAREA,
    "select": SELECT,
    "checkbox": CHECKBOX,
    "file": FILE,
}

INVALID = {
    "textbox": "utrecht-textbox--invalid",
    "textarea": "utrecht-textarea--invalid",
    "select": "utrecht-select--invalid",
}


def _kind(widget) -> str:
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return "choices"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.MultiWidget):
        return "other"
    if isinstance(widget, Input):
        return "textbox"
    return "other"


def _merge_class(existing: str | None, extra: str) -> str:
    return " ".join(c for c in f"{existing or ''} {extra}".split() if c)


@register.filter
def field_kind(field) -> str:
    """hidden, choices (radio/checkbox list), checkbox, file, textarea, select, textbox, other."""
    return _kind(field.field.widget)


@register.filter
def utrecht_widget(field):
    """Render a bound field's widget with the Utrecht classes for its kind added."""
    widget = field.field.widget
    kind = _kind(widget)
    extra = CLASSES.get(kind)
    if not extra:
        return field.as_widget()
    if field.errors and kind in INVALID:
        # Utrecht's select has no [aria-invalid] style of its own; the class does it.
        extra = f"{extra} {INVALID[kind]}"
    return field.as_widget(attrs={"class": _merge_class(widget.attrs.get("class"), extra)})


@register.filter
def utrecht_option(option):
    """Render one radio button or checkbox of a RadioSelect/CheckboxSelectMultiple field.

    Use on the items of ``{% for option in field %}``.
    """
    data = option.data
    attrs = dict(data["attrs"])
    extra = RADIO if data["type"] == "radio" else CHECKBOX
    attrs["class"] = _merge_class(attrs.get("class"), extra)
    attrs["type"] = data["type"]
    attrs["name"] = data["name"]
    if data["value"] is not None:
        attrs["value"] = str(data["value"])
    return format_html("<input{}>", flatatt(attrs))


@register.filter
def field_anchor(field) -> str:
    """The id an error summary links to: the input itself, or the first option of a list."""
    if _kind(field.field.widget) == "choices":
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id
