"""Forms of the survey builder. They turn what a researcher types into spec dicts; the
builder functions check the survey as a whole."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .builder import default_options
from .definition import CHOICE_KINDS, OPERATORS
from .models import Demographic, QuestionKind
from .texts import LANGUAGES, SOURCE_LANGUAGE

OPERATOR_LABELS = [
    ("eq", _("is gelijk aan")),
    ("ne", _("is niet gelijk aan")),
    ("selected", _("heeft aangevinkt")),
    ("not_selected", _("heeft niet aangevinkt")),
    ("gt", _("is groter dan")),
    ("ge", _("is minstens")),
    ("lt", _("is kleiner dan")),
    ("le", _("is hoogstens")),
    ("answered", _("is beantwoord")),
]
assert {code for code, _label in OPERATOR_LABELS} == set(OPERATORS)
MARK_OTHER, MARK_EXCLUSIVE = "[anders]", "[geen]"
RULES = 3


class NewSurveyForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    series = forms.SlugField(
        label=_("Code van de reeks"),
        max_length=40,
        required=False,
        help_text=_("Kort, zonder spaties, bijvoorbeeld behoeftescan. Leeg: gemaakt uit de titel."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title") and not cleaned.get("series"):
            cleaned["series"] = slugify(cleaned["title"])[:40] or "vragenlijst"
        return cleaned


class SurveySettingsForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    intro = forms.CharField(
        label=_("Inleiding"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    thanks = forms.CharField(
        label=_("Bedanktekst"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen voor invullers"),
        choices=[
            (code, name) for code, (name, _dir) in LANGUAGES.items() if code != SOURCE_LANGUAGE
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Nederlands is er altijd."),
    )
    closes_on = forms.DateField(
        label=_("Sluit op (datum)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    retention_months = forms.IntegerField(
        label=_("Bewaartermijn antwoorden (maanden na sluiten)"), min_value=1, max_value=120
    )
    ask_follow_up = forms.BooleanField(
        label=_("Na afloop vragen om een vervolggesprek"), required=False
    )


class NewQuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort vraag"), choices=QuestionKind.choices)
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("Blijft gelijk in elke versie; kleine letters, cijfers en _."),
    )
    text = forms.CharField(label=_("Vraag"), max_length=2000)


def parse_choice_lines(text: str, what: str) -> list[dict]:
    """One answer per line: "code = tekst", or just "tekst" (the code is then its number).
    "[anders]" at the end asks for "anders, namelijk"; "[geen]" excludes the others."""
    items = []
    for number, line in enumerate((line.strip() for line in text.splitlines() if line.strip()), 1):
        is_other = line.endswith(MARK_OTHER)
        is_exclusive = line.endswith(MARK_EXCLUSIVE)
        line = line.removesuffix(MARK_OTHER).removesuffix(MARK_EXCLUSIVE).strip()
        code, sep, label = line.partition("=")
        if not sep:
            code, label = str(number), line
        code, label = code.strip(), label.strip()
        if not label:
            raise ValidationError(f"Regel {number} bij {what} heeft geen tekst.")
        items.append(
            {"code": code, "label": label, "is_other": is_other, "is_exclusive": is_exclusive}
        )
    return items


def choice_lines(items: list[dict]) -> str:
    lines = []
    for item in items:
        mark = (
            f" {MARK_OTHER}"
            if item.get("is_other")
            else f" {MARK_EXCLUSIVE}"
            if item.get("is_exclusive")
            else ""
        )
        lines.append(f"{item['code']} = {item['label'].get(SOURCE_LANGUAGE, '')}{mark}")
    return "\n".join(lines)


def _number_or_none(value: str, what: str):
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    if not re.fullmatch(r"-?\d{1,12}(\.\d{1,6})?", value):
        raise ValidationError(f"{what} moet een getal zijn.")
    number = float(value)
    return int(number) if number.is_integer() else number


class QuestionForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=32)
    kind = forms.ChoiceField(label=_("Soort vraag"), choices=QuestionKind.choices)
    text = forms.CharField(
        label=_("Vraag"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    help = forms.CharField(
        label=_("Uitleg onder de vraag"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )
    required = forms.BooleanField(label=_("Verplicht"), required=False)
    options = forms.CharField(
        label=_("Antwoorden"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_(
            "Eén antwoord per regel: code = tekst. Zet [anders] achter 'anders, namelijk' "
            "en [geen] achter een antwoord dat de andere uitsluit."
        ),
    )
    rows = forms.CharField(
        label=_("Regels van de matrix"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Eén regel per regel: code = tekst."),
    )
    minimum = forms.CharField(label=_("Kleinste getal"), required=False, max_length=20)
    maximum = forms.CharField(label=_("Grootste getal"), required=False, max_length=20)
    decimals = forms.IntegerField(
        label=_("Cijfers achter de komma"), required=False, min_value=0, max_value=6
    )
    max_choices = forms.IntegerField(
        label=_("Hoogstens zoveel antwoorden"), required=False, min_value=1, max_value=50
    )
    max_length = forms.IntegerField(
        label=_("Hoogstens zoveel tekens"), required=False, min_value=1, max_value=5000
    )
    low = forms.CharField(label=_("Tekst bij 0"), required=False, max_length=100)
    high = forms.CharField(label=_("Tekst bij 10"), required=False, max_length=100)
    demographic = forms.ChoiceField(
        label=_("Deze vraag gaat over"),
        choices=Demographic.choices,
        required=False,
        help_text=_("Voor de respons per geslacht en de weging."),
    )
    match = forms.ChoiceField(
        label=_("Tonen als"),
        choices=[
            ("all", _("alle voorwaarden kloppen")),
            ("any", _("één van de voorwaarden klopt")),
        ],
        required=False,
    )

    def __init__(self, *args, earlier_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The form replaces the question card in place (htmx): focus follows it there.
        self.fields["code"].widget.attrs["autofocus"] = True
        question_choices = [("", _("— geen voorwaarde —"))] + [(c, c) for c in earlier_codes]
        for n in range(1, RULES + 1):
            self.fields[f"rule{n}_question"] = forms.ChoiceField(
                label=_("Vraag"), choices=question_choices, required=False
            )
            self.fields[f"rule{n}_op"] = forms.ChoiceField(
                label=_("Voorwaarde"), choices=OPERATOR_LABELS, required=False
            )
            self.fields[f"rule{n}_value"] = forms.CharField(
                label=_("Waarde"), required=False, max_length=100
            )

    def rule_fields(self):
        return [
            (self[f"rule{n}_question"], self[f"rule{n}_op"], self[f"rule{n}_value"])
            for n in range(1, RULES + 1)
        ]

    @classmethod
    def initial_from_spec(cls, q: dict) -> dict:
        settings = q.get("settings") or {}
        initial = {
            "code": q["code"],
            "kind": q["kind"],
            "text": (q.get("text") or {}).get(SOURCE_LANGUAGE, ""),
            "help": (q.get("help") or {}).get(SOURCE_LANGUAGE, ""),
            "required": q.get("required"),
            "options": choice_lines(q.get("options", [])),
            "rows": choice_lines(q.get("rows", [])),
            "minimum": settings.get("min", ""),
            "maximum": settings.get("max", ""),
            "decimals": settings.get("decimals"),
            "max_choices": settings.get("max_choices"),
            "max_length": settings.get("max_length"),
            "low": (settings.get("low") or {}).get(SOURCE_LANGUAGE, ""),
            "high": (settings.get("high") or {}).get(SOURCE_LANGUAGE, ""),
            "demographic": q.get("demographic", ""),
            "match": (q.get("show_if") or {}).get("match", "all"),
        }
        for n, rule in enumerate((q.get("show_if") or {}).get("rules", [])[:RULES], 1):
            initial[f"rule{n}_question"] = rule.get("question")
            initial[f"rule{n}_op"] = rule.get("op")
            initial[f"rule{n}_value"] = rule.get("value", "")
        return initial

    def to_changes(self, current: dict) -> dict:
        """The spec changes this form describes. Keeps the translations of texts whose Dutch
        did not change; a changed Dutch text drops its (now outdated) translations."""
        data = self.cleaned_data
        kind = data["kind"]

        def texts(old: dict | None, new: str) -> dict:
            old = old or {}
            if old.get(SOURCE_LANGUAGE, "") == new:
                return old
            return {SOURCE_LANGUAGE: new} if new else {}

        def items(field: str, old: list[dict]) -> list[dict]:
            old_by_code = {item["code"]: item for item in old}
            parsed = parse_choice_lines(data[field], self.fields[field].label.lower())
            for item in parsed:
                previous = old_by_code.get(item["code"], {})
                item["label"] = texts(previous.get("label"), item["label"])
            return parsed

        settings: dict = {}
        low = _number_or_none(data["minimum"], "Het kleinste getal")
        high = _number_or_none(data["maximum"], "Het grootste getal")
        if kind == QuestionKind.NUMBER:
            settings.update({k: v for k, v in (("min", low), ("max", high)) if v is not None})
            if data.get("decimals"):
                settings["decimals"] = data["decimals"]
        old_settings = current.get("settings") or {}
        if kind == QuestionKind.RATING:
            for end in ("low", "high"):
                if data[end]:
                    settings[end] = texts(old_settings.get(end), data[end])
        if kind == QuestionKind.MULTIPLE and data.get("max_choices"):
            settings["max_choices"] = data["max_choices"]
        if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT) and data.get("max_length"):
            settings["max_length"] = data["max_length"]

        rules = []
        for n in range(1, RULES + 1):
            question = data.get(f"rule{n}_question")
            if question:
                op = data.get(f"rule{n}_op") or "eq"
                rule = {"question": question, "op": op}
                if op != "answered":
                    rule["value"] = data.get(f"rule{n}_value", "").strip()
                rules.append(rule)
        changes = {
            "code": data["code"].strip(),
            "kind": kind,
            "text": texts(current.get("text"), data["text"].strip()),
            "help": texts(current.get("help"), data["help"].strip()),
            "required": data["required"],
            "settings": settings,
            "demographic": data.get("demographic") or "",
            "show_if": {"match": data.get("match") or "all", "rules": rules} if rules else None,
        }
        if kind in CHOICE_KINDS:
            changes["options"] = items("options", current.get("options", [])) or default_options(
                kind
            )
        else:
            changes["options"] = []
        changes["rows"] = (
            items("rows", current.get("rows", [])) if kind == QuestionKind.MATRIX else []
        )
        return changes
