"""A survey as one plain dict (the "spec"): what the demo data, the XLSForm import and
export, and the copy into a new version all speak. Shape:

    {"series": "behoeftescan", "languages": ["nl", "en"],
     "title": {"nl": ...}, "intro": {...}, "thanks": {...},
     "sections": [{"title": {...}, "intro": {...}, "questions": [
         {"code": "q1", "kind": "single_choice", "text": {...}, "help": {...},
          "required": False, "show_if": None | {"match": "all", "rules": [...]},
          "settings": {}, "demographic": "",
          "options": [{"code": "1", "label": {...}, "is_other": False,
                       "is_exclusive": False}],
          "rows": [...]}]}]}

check_spec() lists every problem in Dutch; create_survey_from_spec() stores a spec that
passes, all or nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction

from zaansepas.city.models import AgeBand

from .definition import CHOICE_KINDS, OPERATORS
from .models import (
    CHOICE_CODE_VALIDATOR,
    CODE_VALIDATOR,
    Choice,
    ChoiceRole,
    Demographic,
    Question,
    QuestionKind,
    Section,
    Survey,
)
from .texts import SOURCE_LANGUAGE

LIKERT_POINTS = (5, 7)
KINDS = {kind.value for kind in QuestionKind}


def age_band_options() -> list[dict]:
    """The age bands of the population figures (adults and teenagers answer surveys)."""
    return [
        {"code": band.value, "label": {"nl": str(band.label)}}
        for band in AgeBand
        if band != AgeBand.AGE_0_14
    ]


def yes_no_options() -> list[dict]:
    return [
        {"code": "1", "label": {"nl": "Ja", "en": "Yes"}},
        {"code": "0", "label": {"nl": "Nee", "en": "No"}},
    ]


def _valid(validator, value) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def check_spec(spec: dict) -> list[str]:
    """Every reason this spec cannot become a survey, in Dutch; empty when it can."""
    problems: list[str] = []
    if not (spec.get("title") or {}).get(SOURCE_LANGUAGE):
        problems.append("De vragenlijst heeft geen Nederlandse titel.")
    seen: dict[str, dict] = {}
    for section in spec.get("sections", []):
        for question in section.get("questions", []):
            problems += _check_question(question, seen)
            seen[question.get("code", "")] = question
    if not seen:
        problems.append("De vragenlijst heeft geen vragen.")
    return problems


def _check_question(question: dict, earlier: dict) -> list[str]:
    code, kind = question.get("code", ""), question.get("kind", "")
    name = f"Vraag '{code}'"
    problems = []
    if not _valid(CODE_VALIDATOR, code):
        problems.append(
            f"{name}: de code moet beginnen met een kleine letter en mag alleen kleine "
            "letters, cijfers en _ hebben (hoogstens 32 tekens)."
        )
    if code in earlier:
        problems.append(f"{name}: deze code komt twee keer voor.")
    if kind not in KINDS:
        problems.append(f"{name}: soort '{kind}' kennen we niet.")
        return problems
    if kind != QuestionKind.NOTE and not (question.get("text") or {}).get(SOURCE_LANGUAGE):
        problems.append(f"{name}: de vraag heeft geen Nederlandse tekst.")
    options, rows = question.get("options", []), question.get("rows", [])
    if kind in CHOICE_KINDS and len(options) < 2:
        problems.append(f"{name}: geef minstens twee antwoorden.")
    if kind == QuestionKind.MATRIX and not rows:
        problems.append(f"{name}: een matrix heeft minstens één regel nodig.")
    if kind == QuestionKind.LIKERT and len(options) not in LIKERT_POINTS:
        problems.append(f"{name}: een Likertschaal heeft 5 of 7 antwoorden.")
    for group, items in (("antwoord", options), ("regel", rows)):
        codes = [item.get("code", "") for item in items]
        if len(set(codes)) != len(codes):
            problems.append(f"{name}: twee keer dezelfde code bij een {group}.")
        for item in items:
            if not _valid(CHOICE_CODE_VALIDATOR, item.get("code", "")):
                problems.append(f"{name}: code '{item.get('code', '')}' mag niet.")
            if not (item.get("label") or {}).get(SOURCE_LANGUAGE):
                problems.append(f"{name}: {group} '{item.get('code', '')}' heeft geen tekst.")
    settings = question.get("settings") or {}
    low, high = settings.get("min"), settings.get("max")
    if low is not None and high is not None and float(low) > float(high):
        problems.append(f"{name}: het minimum is groter dan het maximum.")
    demographic = question.get("demographic", "")
    if demographic not in {d.value for d in Demographic}:
        problems.append(f"{name}: kenmerk '{demographic}' kennen we niet.")
    problems += _check_condition(name, question.get("show_if"), earlier)
    return problems


def _check_condition(name: str, show_if, earlier: dict) -> list[str]:
    if not show_if:
        return []
    if show_if.get("match", "all") not in ("all", "any") or not show_if.get("rules"):
        return [f"{name}: de voorwaarde 'alleen tonen als' is niet compleet."]
    problems = []
    for rule in show_if["rules"]:
        if rule.get("question") not in earlier:
            problems.append(
                f"{name}: de voorwaarde kijkt naar '{rule.get('question')}', maar die vraag "
                "staat er niet vóór."
            )
        if rule.get("op") not in OPERATORS:
            problems.append(f"{name}: de voorwaarde '{rule.get('op')}' kennen we niet.")
    return problems


@transaction.atomic
def create_survey_from_spec(spec: dict, series: str | None = None, version: int = 1) -> Survey:
    problems = check_spec(spec)
    if problems:
        raise ValidationError(problems)
    languages = list(dict.fromkeys([SOURCE_LANGUAGE, *spec.get("languages", [])]))
    survey = Survey.objects.create(
        series=series or spec.get("series") or "vragenlijst",
        version=version,
        title=spec["title"],
        intro=spec.get("intro") or {},
        thanks=spec.get("thanks") or {},
        languages=languages,
        ask_follow_up=spec.get("ask_follow_up", True),
    )
    for s_pos, section_spec in enumerate(spec.get("sections", [])):
        section = Section.objects.create(
            survey=survey,
            position=s_pos,
            title=section_spec.get("title") or {},
            intro=section_spec.get("intro") or {},
        )
        for q_pos, q in enumerate(section_spec.get("questions", [])):
            add_question_from_spec(section, q, q_pos)
    return survey


def add_question_from_spec(section: Section, q: dict, position: int) -> Question:
    question = Question.objects.create(
        survey=section.survey,
        section=section,
        position=position,
        code=q["code"],
        kind=q["kind"],
        text=q.get("text") or {},
        help=q.get("help") or {},
        required=bool(q.get("required")),
        show_if=q.get("show_if") or None,
        settings=q.get("settings") or {},
        demographic=q.get("demographic", ""),
    )
    create_choices(question, q.get("options", []), q.get("rows", []))
    return question


def create_choices(question: Question, options: list[dict], rows: list[dict]) -> None:
    """Store a question's answer options and (for a matrix) rows, in the order given."""
    Choice.objects.bulk_create(
        Choice(
            question=question,
            role=role,
            position=position,
            code=item["code"],
            label=item.get("label") or {},
            is_other=bool(item.get("is_other")),
            is_exclusive=bool(item.get("is_exclusive")),
        )
        for role, items in ((ChoiceRole.OPTION, options), (ChoiceRole.ROW, rows))
        for position, item in enumerate(items)
    )


def _choice_spec(choice: Choice) -> dict:
    return {
        "code": choice.code,
        "label": choice.label,
        "is_other": choice.is_other,
        "is_exclusive": choice.is_exclusive,
    }


def survey_to_spec(survey: Survey) -> dict:
    sections = []
    questions = Question.objects.filter(survey=survey).prefetch_related("choices")
    by_section: dict[int, list[Question]] = {}
    for question in questions.order_by("position", "id"):
        by_section.setdefault(question.section_id, []).append(question)
    for section in survey.sections.all():
        q_specs = []
        for question in by_section.get(section.id, []):
            choices = sorted(question.choices.all(), key=lambda c: (c.position, c.id))
            q_specs.append(
                {
                    "code": question.code,
                    "kind": question.kind,
                    "text": question.text,
                    "help": question.help,
                    "required": question.required,
                    "show_if": question.show_if,
                    "settings": question.settings,
                    "demographic": question.demographic,
                    "options": [_choice_spec(c) for c in choices if c.role == ChoiceRole.OPTION],
                    "rows": [_choice_spec(c) for c in choices if c.role == ChoiceRole.ROW],
                }
            )
        sections.append({"title": section.title, "intro": section.intro, "questions": q_specs})
    return {
        "series": survey.series,
        "languages": list(survey.languages),
        "title": survey.title,
        "intro": survey.intro,
        "thanks": survey.thanks,
        "ask_follow_up": survey.ask_follow_up,
        "sections": sections,
    }
