"""Which survey questions the results report shows, in which order, and for a matrix which
answer its chart shows. The researchers choose them per survey version; until they do, the
report takes the choice made for an earlier version of the same series (question codes stay
comparable between versions), else a default: the demo needs scan's key questions when the
survey has them, else every question it can show, in survey order. So a survey of the team's own
making gets a full report from the start instead of an empty one.

What can go in: single choice (incl. Likert and yes/no), multiple choice and matrix
questions as shares, and ratings and numbers as a weighted mean (the mark residents give
the pass). Rankings and open answers have their own pages (the analysis, the open-answer
themes)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zaansepas.surveys.definition import SINGLE_CODE_KINDS, definition_for
from zaansepas.surveys.models import QuestionKind, Survey
from zaansepas.surveys.texts import pick

from .models import ReportQuestion

# The demo needs scan's key figures (surveys/demo_survey.py): the default for a survey that
# has these codes. The matrix chart shows the share answering "veel" per theme.
DEFAULT_MATRIX, DEFAULT_MATRIX_OPTION = "behoefte_thema", "veel"
DEFAULT_QUESTIONS = ["barriere", "kopen_pas", "gebruik_pas"]
MAX_POSITION = 999


@dataclass(frozen=True)
class Reportable:
    code: str
    text: str  # Dutch
    kind: str  # "choice", "multiple", "matrix" or "number"
    options: tuple[tuple[str, str], ...]  # (code, Dutch label)


@dataclass(frozen=True)
class Pick:
    code: str
    chart_option: str = ""  # a matrix only: the answer whose share the chart shows


def reportable_questions(survey: Survey) -> list[Reportable]:
    """The survey's closed questions, in survey order."""
    found = []
    for question in definition_for(survey).questions:
        if not question.is_question:
            continue
        if question.kind in SINGLE_CODE_KINDS:
            kind = "choice"
        elif question.kind == QuestionKind.MULTIPLE:
            kind = "multiple"
        elif question.kind == QuestionKind.MATRIX:
            kind = "matrix"
        elif question.kind in (QuestionKind.RATING, QuestionKind.NUMBER):
            kind = "number"  # the report shows its weighted mean, e.g. the pass's mark
        else:
            continue
        options = tuple((option.code, pick(option.label, "nl")) for option in question.options)
        found.append(Reportable(question.code, pick(question.text, "nl"), kind, options))
    return found


def report_picks(survey: Survey) -> tuple[list[Pick], str]:
    """The questions the report shows, and where that choice comes from: "chosen" (for this
    version), "earlier_version" or "default"."""
    stored = _stored_picks(survey)
    if stored:
        return stored, "chosen"
    reportable = {question.code: question for question in reportable_questions(survey)}
    earlier = (
        ReportQuestion.objects.filter(
            survey__series=survey.series, survey__version__lt=survey.version
        )
        .order_by("-survey__version")
        .values_list("survey_id", flat=True)
        .first()
    )
    if earlier is not None:
        picks = [p for p in _stored_picks(Survey(pk=earlier)) if _fits(p, reportable)]
        if picks:
            return picks, "earlier_version"
    return _default_picks(reportable), "default"


def _stored_picks(survey: Survey) -> list[Pick]:
    rows = ReportQuestion.objects.filter(survey_id=survey.pk).order_by("position", "id")
    return [Pick(row.question_code, row.chart_option) for row in rows]


def _fits(candidate: Pick, reportable: dict[str, Reportable]) -> bool:
    question = reportable.get(candidate.code)
    if question is None:
        return False
    if question.kind == "matrix":
        return candidate.chart_option in dict(question.options)
    return True


def _default_picks(reportable: dict[str, Reportable]) -> list[Pick]:
    demo = [
        Pick(DEFAULT_MATRIX, DEFAULT_MATRIX_OPTION),
        *(Pick(code) for code in DEFAULT_QUESTIONS),
    ]
    picks = [candidate for candidate in demo if _fits(candidate, reportable)]
    if picks:
        return picks
    return [
        Pick(q.code, q.options[0][0] if q.kind == "matrix" and q.options else "")
        for q in reportable.values()
    ]


def read_picks(data, questions: list[Reportable]) -> list[Pick]:
    """The picks in a submitted form, for the survey's `questions` (reportable_questions):
    `vraag` once per chosen code, `positie-<code>` its place (optional; empty keeps survey
    order), `grafiek-<code>` a matrix's chart answer. Raises a ValidationError with every
    problem, in Dutch."""
    reportable = {question.code: question for question in questions}
    order = {code: index for index, code in enumerate(reportable)}
    errors, ranked = [], []
    for code in dict.fromkeys(data.getlist("vraag")):
        question = reportable.get(code)
        if question is None:
            errors.append(_("Vraag ‘%(code)s’ kan niet in het rapport.") % {"code": code})
            continue
        raw = (data.get(f"positie-{code}") or "").strip()
        if raw and not (raw.isdigit() and 1 <= int(raw) <= MAX_POSITION):
            errors.append(
                _("De plaats van vraag ‘%(code)s’ moet een heel getal van 1 tot %(max)s zijn.")
                % {"code": code, "max": MAX_POSITION}
            )
            continue
        chart_option = ""
        if question.kind == "matrix":
            chart_option = data.get(f"grafiek-{code}", "")
            if chart_option not in dict(question.options):
                errors.append(
                    _("Kies bij vraag ‘%(code)s’ welk antwoord de grafiek toont.") % {"code": code}
                )
                continue
        position = int(raw) if raw else MAX_POSITION + 1
        ranked.append((position, order[code], Pick(code, chart_option)))
    if not ranked and not errors:
        errors.append(_("Kies minstens één vraag voor het rapport."))
    if errors:
        raise ValidationError(errors)
    return [chosen for _position, _order, chosen in sorted(ranked)]


def choose_report_questions(survey: Survey, picks: list[Pick]) -> None:
    """Replace the survey's report questions by `picks`, in that order (all or nothing)."""
    if not picks:
        raise ValidationError(_("Kies minstens één vraag voor het rapport."))
    reportable = {question.code: question for question in reportable_questions(survey)}
    if len({p.code for p in picks}) != len(picks) or not all(_fits(p, reportable) for p in picks):
        raise ValidationError(_("Deze keuze past niet bij de vragen van deze vragenlijst."))
    with transaction.atomic():
        # One save at a time per survey: two researchers saving at once get one choice or
        # the other, never a mix (and never a unique-constraint error).
        Survey.objects.select_for_update().filter(pk=survey.pk).first()
        ReportQuestion.objects.filter(survey=survey).delete()
        ReportQuestion.objects.bulk_create(
            ReportQuestion(
                survey=survey,
                position=position,
                question_code=chosen.code,
                chart_option=chosen.chart_option,
            )
            for position, chosen in enumerate(picks, start=1)
        )


def form_rows(questions: list[Reportable], picks: list[Pick], data=None) -> list[dict]:
    """A row per question of `questions` for the choosing form: what is chosen now, or,
    after a refused submission (`data`), what the researcher had filled in, so nothing is
    lost."""
    places = {chosen.code: (index, chosen) for index, chosen in enumerate(picks, start=1)}
    rows = []
    for question in questions:
        if data is not None:
            chosen = question.code in data.getlist("vraag")
            position = data.get(f"positie-{question.code}", "")
            chart_option = data.get(f"grafiek-{question.code}", "")
        else:
            place, picked = places.get(question.code, (None, None))
            chosen = picked is not None
            position = str(place) if place else ""
            chart_option = picked.chart_option if picked else ""
        rows.append(
            {
                "question": question,
                "chosen": chosen,
                "position": position,
                "chart_option": chart_option,
            }
        )
    return rows
