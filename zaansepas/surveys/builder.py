"""Changing a survey definition. Every change is made on the survey's spec first and
checked as a whole (check_spec), so the stored survey is always one that can be answered;
only then is the database touched. A published survey is frozen (only translations into
other languages may still be added); changes go into a new version."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import Question, Section, Survey, SurveyStatus
from .spec import (
    add_question_from_spec,
    age_band_options,
    check_spec,
    create_choices,
    create_survey_from_spec,
    survey_to_spec,
    yes_no_options,
)
from .texts import LANGUAGES, SOURCE_LANGUAGE

FROZEN = (
    "Deze vragenlijst is gepubliceerd en ligt vast. Maak een nieuwe versie om iets te veranderen."
)


def _ensure_draft(survey: Survey) -> None:
    if survey.is_frozen:
        raise ValidationError(FROZEN)


def _check(spec: dict) -> None:
    problems = check_spec(spec)
    if problems:
        raise ValidationError(problems)


def _touch(survey: Survey) -> None:
    # The cached definition is keyed on updated_at: every change must move it.
    Survey.objects.filter(pk=survey.pk).update(updated_at=timezone.now())
    survey.refresh_from_db(fields=["updated_at"])


def create_survey(title: str, series: str) -> Survey:
    """A new, empty draft with one section, so the first question has a place."""
    title = title.strip()
    if not title:
        raise ValidationError("Geef de vragenlijst een titel.")
    if Survey.objects.filter(series=series).exists():
        raise ValidationError(
            "Er is al een vragenlijst met deze code. Maak daar een nieuwe versie van."
        )
    with transaction.atomic():
        survey = Survey.objects.create(series=series, title={"nl": title}, languages=["nl"])
        Section.objects.create(survey=survey, position=0, title={"nl": "Vragen"})
    return survey


def update_survey_settings(survey: Survey, **fields) -> Survey:
    """Title, intro, thanks (Dutch), languages, closing date, retention, follow-up."""
    _ensure_draft(survey)
    languages = fields.pop("languages", None)
    if languages is not None:
        unknown = [code for code in languages if code not in LANGUAGES]
        if unknown:
            raise ValidationError(f"Taal '{unknown[0]}' kennen we niet.")
        survey.languages = list(dict.fromkeys([SOURCE_LANGUAGE, *languages]))
    for name in ("title", "intro", "thanks"):
        if name in fields:
            texts = dict(getattr(survey, name))
            texts[SOURCE_LANGUAGE] = fields.pop(name).strip()
            setattr(survey, name, texts)
    if not survey.title.get(SOURCE_LANGUAGE):
        raise ValidationError("Geef de vragenlijst een titel.")
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.save()
    return survey


def add_section(survey: Survey, title: str) -> Section:
    _ensure_draft(survey)
    position = (survey.sections.aggregate(m=Max("position"))["m"] or 0) + 1
    section = Section.objects.create(survey=survey, position=position, title={"nl": title.strip()})
    _touch(survey)
    return section


def update_section(section: Section, title: str, intro: str) -> Section:
    _ensure_draft(section.survey)
    section.title = {**section.title, SOURCE_LANGUAGE: title.strip()}
    section.intro = {**section.intro, SOURCE_LANGUAGE: intro.strip()}
    section.save()
    _touch(section.survey)
    return section


def delete_section(section: Section) -> None:
    survey = section.survey
    _ensure_draft(survey)
    if survey.sections.count() == 1:
        raise ValidationError("Een vragenlijst heeft minstens één onderdeel.")
    spec = survey_to_spec(survey)
    index = list(survey.sections.values_list("id", flat=True)).index(section.id)
    del spec["sections"][index]
    _check_allow_empty(spec)
    section.delete()
    _touch(survey)


def _check_allow_empty(spec: dict) -> None:
    # While building, a survey may have no questions yet; everything else must hold.
    problems = [p for p in check_spec(spec) if p != "De vragenlijst heeft geen vragen."]
    if problems:
        raise ValidationError(problems)


def default_options(kind: str) -> list[dict]:
    """The fixed answers of kinds that have them, so a new question is complete at once."""
    if kind == "yes_no":
        return yes_no_options()
    if kind == "age_band":
        return age_band_options()
    if kind == "likert":
        labels = ["Helemaal oneens", "Oneens", "Niet eens, niet oneens", "Eens", "Helemaal eens"]
        return [{"code": str(n), "label": {"nl": label}} for n, label in enumerate(labels, 1)]
    return []


def _locate(spec: dict, code: str) -> tuple[int, int]:
    for s_index, section in enumerate(spec["sections"]):
        for q_index, question in enumerate(section["questions"]):
            if question["code"] == code:
                return s_index, q_index
    raise ValidationError(f"Vraag '{code}' bestaat niet.")


def add_question(section: Section, question: dict) -> Question:
    """Add a question (a spec dict) at the end of a section."""
    survey = section.survey
    _ensure_draft(survey)
    question = {**question}
    if not question.get("options"):
        question["options"] = default_options(question.get("kind", ""))
    spec = survey_to_spec(survey)
    s_index = list(survey.sections.values_list("id", flat=True)).index(section.id)
    spec["sections"][s_index]["questions"].append(question)
    _check(spec)
    with transaction.atomic():
        position = (section.questions.aggregate(m=Max("position"))["m"] or 0) + 1
        created = add_question_from_spec(section, question, position)
        _touch(survey)
    return created


def update_question(question: Question, changes: dict) -> Question:
    """Replace a question's content (text, settings, answers, condition) after checking the
    whole survey with the change in place, so later conditions keep pointing somewhere."""
    survey = question.survey
    _ensure_draft(survey)
    spec = survey_to_spec(survey)
    s_index, q_index = _locate(spec, question.code)
    current = spec["sections"][s_index]["questions"][q_index]
    updated = {**current, **changes}
    old_code, new_code = current["code"], updated["code"]
    spec["sections"][s_index]["questions"][q_index] = updated
    if new_code != old_code:
        _rename_in_conditions(spec, old_code, new_code)
    _check(spec)
    with transaction.atomic():
        question.code, question.kind = updated["code"], updated["kind"]
        question.text = updated.get("text") or {}
        question.help = updated.get("help") or {}
        question.settings = updated.get("settings") or {}
        question.required = bool(updated.get("required"))
        question.show_if = updated.get("show_if") or None
        question.demographic = updated.get("demographic") or ""
        question.save()
        if new_code != old_code:
            for other in Question.objects.filter(survey=survey).exclude(pk=question.pk):
                renamed = _renamed_condition(other.show_if, old_code, new_code)
                if renamed != other.show_if:
                    other.show_if = renamed
                    other.save(update_fields=["show_if"])
        if "options" in changes or "rows" in changes:
            question.choices.all().delete()
            create_choices(question, updated.get("options") or [], updated.get("rows") or [])
        _touch(survey)
    return question


def _renamed_condition(show_if, old: str, new: str):
    if not show_if:
        return show_if
    rules = [
        {**rule, "question": new if rule.get("question") == old else rule.get("question")}
        for rule in show_if.get("rules", [])
    ]
    return {**show_if, "rules": rules}


def _rename_in_conditions(spec: dict, old: str, new: str) -> None:
    for section in spec["sections"]:
        for question in section["questions"]:
            question["show_if"] = _renamed_condition(question.get("show_if"), old, new)


def delete_question(question: Question) -> None:
    survey = question.survey
    _ensure_draft(survey)
    spec = survey_to_spec(survey)
    s_index, q_index = _locate(spec, question.code)
    del spec["sections"][s_index]["questions"][q_index]
    dependants = [
        q["code"]
        for section in spec["sections"]
        for q in section["questions"]
        if question.code
        in {rule.get("question") for rule in (q.get("show_if") or {}).get("rules", [])}
    ]
    if dependants:
        raise ValidationError(
            f"Vraag '{question.code}' kan niet weg: de voorwaarde van "
            f"{', '.join(dependants)} kijkt ernaar. Pas die eerst aan."
        )
    question.delete()
    _touch(survey)


def move_question(question: Question, direction: int) -> None:
    """One place up (-1) or down (+1) within its section; never before a question its
    condition looks at."""
    survey = question.survey
    _ensure_draft(survey)
    siblings = list(question.section.questions.order_by("position", "id"))
    index = siblings.index(question)
    target = index + direction
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    spec = survey_to_spec(survey)
    s_index, _q = _locate(spec, question.code)
    by_code = {q["code"]: q for q in spec["sections"][s_index]["questions"]}
    spec["sections"][s_index]["questions"] = [by_code[q.code] for q in siblings]
    _check_allow_empty(spec)
    with transaction.atomic():
        for position, sibling in enumerate(siblings):
            Question.objects.filter(pk=sibling.pk).update(position=position)
        _touch(survey)


def publish_survey(survey: Survey) -> Survey:
    _ensure_draft(survey)
    _check(survey_to_spec(survey))
    survey.status = SurveyStatus.PUBLISHED
    survey.published_at = timezone.now()
    survey.save()
    return survey


def close_survey(survey: Survey) -> Survey:
    if survey.status != SurveyStatus.PUBLISHED:
        raise ValidationError("Alleen een gepubliceerde vragenlijst kan gesloten worden.")
    survey.status = SurveyStatus.CLOSED
    survey.closed_at = timezone.now()
    survey.save()
    return survey


def create_new_version(survey: Survey) -> Survey:
    """A draft copy with the next version number: same codes, so waves can be compared."""
    with transaction.atomic():
        latest = Survey.objects.filter(series=survey.series).aggregate(m=Max("version"))["m"]
        spec = survey_to_spec(survey)
        return create_survey_from_spec(spec, series=survey.series, version=(latest or 0) + 1)
