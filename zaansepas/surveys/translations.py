"""Translating a survey: every text a respondent reads, listed with its Dutch source, and
how complete each language is. Translations may still be added after publishing (the
questions and their codes stay the same); the Dutch source may not change then."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .chrome import has_chrome
from .models import Choice, Question, Section, Survey
from .texts import LANGUAGES, SOURCE_LANGUAGE

MAX_TEXT = 5000


@dataclass
class Text:
    key: str  # survey:title, section:<id>:title, question:<id>:text, choice:<id>:label ...
    where: str  # what the translator sees as context, e.g. "Vraag kent_pas"
    source: str
    value: str


def _rating_labels(question: Question):
    for end in ("low", "high"):
        texts = question.settings.get(end)
        if isinstance(texts, dict) and texts.get(SOURCE_LANGUAGE):
            yield end, texts


def texts_of(survey: Survey, language: str) -> list[Text]:
    """All respondent-facing texts that have a Dutch source, in survey order."""
    items: list[Text] = []

    def add(key, where, texts):
        if texts and texts.get(SOURCE_LANGUAGE):
            items.append(Text(key, where, texts[SOURCE_LANGUAGE], texts.get(language, "")))

    add("survey:title", "Titel", survey.title)
    add("survey:intro", "Inleiding", survey.intro)
    add("survey:thanks", "Bedanktekst", survey.thanks)
    questions = Question.objects.filter(survey=survey).prefetch_related("choices")
    by_section: dict[int, list[Question]] = {}
    for question in questions.order_by("position", "id"):
        by_section.setdefault(question.section_id, []).append(question)
    for section in survey.sections.all():
        add(f"section:{section.id}:title", "Onderdeel", section.title)
        add(f"section:{section.id}:intro", "Onderdeel, inleiding", section.intro)
        for question in by_section.get(section.id, []):
            where = f"Vraag {question.code}"
            add(f"question:{question.id}:text", where, question.text)
            add(f"question:{question.id}:help", f"{where}, uitleg", question.help)
            for end, texts in _rating_labels(question):
                add(f"question:{question.id}:{end}", f"{where}, uiterste", texts)
            for choice in sorted(question.choices.all(), key=lambda c: (c.role, c.position)):
                add(f"choice:{choice.id}:label", f"{where}, antwoord {choice.code}", choice.label)
    return items


def completeness(survey: Survey) -> list[dict]:
    """Per language of the survey: how many texts are translated, and whether the words
    around the questions (buttons, messages) exist in it."""
    rows = []
    for language in survey.languages:
        if language == SOURCE_LANGUAGE:
            continue
        items = texts_of(survey, language)
        done = sum(1 for item in items if item.value.strip())
        rows.append(
            {
                "language": language,
                "name": LANGUAGES.get(language, (language,))[0],
                "done": done,
                "total": len(items),
                "complete": done == len(items),
                "missing": [item for item in items if not item.value.strip()],
                "has_chrome": has_chrome(language),
            }
        )
    return rows


def add_language(survey: Survey, language: str) -> None:
    if language not in LANGUAGES:
        raise ValidationError("Deze taal kennen we niet.")
    if language not in survey.languages:
        survey.languages = [*survey.languages, language]
        survey.save(update_fields=["languages", "updated_at"])


def save_translations(survey: Survey, language: str, data: dict[str, str]) -> int:
    """Store the translations of one language ({key: text}); an empty text removes one.
    Unknown keys or over-long texts refuse the whole save. Returns how many changed."""
    if language == SOURCE_LANGUAGE or language not in survey.languages:
        raise ValidationError("Kies een taal van deze vragenlijst om naar te vertalen.")
    known = {item.key: item for item in texts_of(survey, language)}
    unknown = [key for key in data if key not in known]
    if unknown:
        raise ValidationError("Deze tekst hoort niet bij deze vragenlijst.")
    too_long = [known[key].where for key, text in data.items() if len(text) > MAX_TEXT]
    if too_long:
        raise ValidationError(
            f"Te lange vertaling bij: {too_long[0]} (hoogstens {MAX_TEXT} tekens)."
        )
    changed = 0
    with transaction.atomic():
        for key, text in data.items():
            text = text.strip()
            if text == known[key].value:
                continue
            _store(survey, key, language, text)
            changed += 1
        Survey.objects.filter(pk=survey.pk).update(updated_at=timezone.now())
    return changed


def _set(texts: dict, language: str, text: str) -> dict:
    texts = dict(texts or {})
    if text:
        texts[language] = text
    else:
        texts.pop(language, None)
    return texts


def _store(survey: Survey, key: str, language: str, text: str) -> None:
    kind, *rest = key.split(":")
    if kind == "survey":
        field = rest[0]
        survey.refresh_from_db(fields=[field])
        setattr(survey, field, _set(getattr(survey, field), language, text))
        survey.save(update_fields=[field])
        return
    pk, field = int(rest[0]), rest[1]
    if kind == "section":
        section = Section.objects.get(pk=pk)
        setattr(section, field, _set(getattr(section, field), language, text))
        section.save(update_fields=[field])
    elif kind == "question":
        question = Question.objects.get(pk=pk)
        if field in ("low", "high"):
            question.settings = {
                **question.settings,
                field: _set(question.settings.get(field), language, text),
            }
            question.save(update_fields=["settings"])
        else:
            setattr(question, field, _set(getattr(question, field), language, text))
            question.save(update_fields=[field])
    elif kind == "choice":
        choice = Choice.objects.get(pk=pk)
        choice.label = _set(choice.label, language, text)
        choice.save(update_fields=["label"])
