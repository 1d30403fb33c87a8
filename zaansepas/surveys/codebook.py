"""The codebook: every column of the response exports with its question, kind, values and
condition, in words, from the same layout the files are written with (so the two cannot
disagree). Shown as an HTML page and printed as a PDF (WeasyPrint)."""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from .definition import SurveyDef
from .exports import Column, Layout, column_kind, text_in
from .models import QuestionKind
from .retention import retention_ends_on
from .texts import pick


@dataclass
class CodebookValue:
    code: str
    spss: int
    label: str


@dataclass
class CodebookColumn:
    name: str
    label: str
    kind: str
    measure: str
    values: list[CodebookValue]


@dataclass
class CodebookGroup:
    """The columns of one question (or of the respondent facts, question None)."""

    code: str
    text: str
    kind: str
    section: str
    condition: str
    columns: list[CodebookColumn] = field(default_factory=list)


MEASURES = {"nominal": "nominaal", "ordinal": "ordinaal", "scale": "schaal"}


def _value_words(definition: SurveyDef, code: str, value, language: str) -> str:
    question = definition.by_code.get(code)
    if question is not None:
        option = question.option(str(value))
        if option is not None:
            return f"'{pick(option.label, language)}' ({value})"
    return f"'{value}'"


def describe_condition(definition: SurveyDef, show_if: dict | None, language: str = "nl") -> str:
    """A show-if condition in words, e.g. "alleen als q_auto is 'Ja' (1)"."""
    if not show_if or not show_if.get("rules"):
        return ""
    parts = []
    for rule in show_if["rules"]:
        code, op = rule.get("question", ""), rule.get("op", "")
        value = _value_words(definition, code, rule.get("value"), language)
        words = {
            "eq": _("%(q)s is %(v)s"),
            "ne": _("%(q)s is niet %(v)s"),
            "selected": _("bij %(q)s is %(v)s gekozen"),
            "not_selected": _("bij %(q)s is %(v)s niet gekozen"),
            "gt": _("%(q)s is groter dan %(v)s"),
            "ge": _("%(q)s is %(v)s of meer"),
            "lt": _("%(q)s is kleiner dan %(v)s"),
            "le": _("%(q)s is %(v)s of minder"),
            "answered": _("%(q)s is beantwoord"),
        }.get(op, "%(q)s ? %(v)s")
        parts.append(words % {"q": code, "v": value})
    joiner = _(" of ") if show_if.get("match") == "any" else _(" en ")
    return _("Alleen gesteld als %(rules)s.") % {"rules": joiner.join(parts)}


def _column(column: Column, language: str) -> CodebookColumn:
    return CodebookColumn(
        name=column.name,
        label=column.label_in(language),
        kind=str(text_in(column_kind(column), language)),
        measure=MEASURES[column.measure],
        values=[
            CodebookValue(c.code, c.spss, text_in(c.label, language)) for c in column.categories
        ],
    )


def codebook_groups(layout: Layout, language: str = "nl") -> list[CodebookGroup]:
    definition = layout.definition
    kinds = dict(QuestionKind.choices)
    groups = [
        CodebookGroup("", _("Kenmerken van de respons (afgeleid bij het insturen)"), "", "", "")
    ]
    for column in layout.columns:
        question = column.question
        if question is None:
            groups[0].columns.append(_column(column, language))
            continue
        if groups[-1].code != question.code:
            groups.append(
                CodebookGroup(
                    code=question.code,
                    text=pick(question.text, language),
                    kind=str(kinds.get(question.kind, question.kind)),
                    section=pick(definition.sections[question.section].title, language)
                    or _("onderdeel %(n)s") % {"n": question.section + 1},
                    condition=describe_condition(definition, question.show_if, language),
                )
            )
        groups[-1].columns.append(_column(column, language))
    return groups


def codebook_context(layout: Layout, language: str = "nl") -> dict:
    survey = layout.survey
    with translation.override(language):
        return {
            "groups": codebook_groups(layout, language),
            "response_count": survey.responses.count(),
            "retention_ends_on": retention_ends_on(survey),
            "made_on": timezone.localdate(),
            "label_language": language,
        }


def render_codebook_pdf(layout: Layout, language: str = "nl") -> bytes:
    context = {
        "survey": layout.survey,
        "survey_title": pick(layout.survey.title, language),
        **codebook_context(layout, language),
    }
    with translation.override(language):
        html = render_to_string("surveys/exports/codebook_pdf.html", context)
    return HTML(string=html).write_pdf()
