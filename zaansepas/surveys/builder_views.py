"""Researcher pages to build a survey: its settings, sections and questions (edited in
place with htmx, or as plain pages without JavaScript), publishing, a new version, a
preview in every language, and the translations."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import builder, translations
from .access import get_survey_for_staff, survey_page_context
from .builder_forms import NewQuestionForm, QuestionForm, SurveySettingsForm
from .chrome import chrome_for
from .definition import definition_for, describe_condition
from .models import Question, Section
from .rendering import question_view
from .spec import survey_to_spec
from .texts import LANGUAGES, SOURCE_LANGUAGE, direction, language_name, pick

MANAGE = "surveys.manage_survey"


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _back(request, survey, anchor: str = ""):
    """After a change: back to the survey's page. Without JavaScript a redirect (to the
    anchor); with htmx the page itself, and an event that moves the keyboard focus to the
    question or section just changed (a swap would otherwise drop it on <body>)."""
    if request.headers.get("HX-Request"):
        response = _detail_page(request, survey)
        if anchor:
            response["HX-Trigger-After-Swap"] = json.dumps({"zp-focus": anchor})
        return response
    response = redirect("surveys:staff_detail", pk=survey.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _settings_initial(survey) -> dict:
    return {
        "title": survey.title.get(SOURCE_LANGUAGE, ""),
        "intro": survey.intro.get(SOURCE_LANGUAGE, ""),
        "thanks": survey.thanks.get(SOURCE_LANGUAGE, ""),
        "languages": [code for code in survey.languages if code != SOURCE_LANGUAGE],
        "closes_on": timezone.localtime(survey.closes_at).date() if survey.closes_at else None,
        "retention_months": survey.retention_months,
        "ask_follow_up": survey.ask_follow_up,
    }


def _structure(survey) -> list[dict]:
    """Sections with their questions, for the question list."""
    spec = survey_to_spec(survey)
    definition = definition_for(survey)
    sections = list(survey.sections.all())
    ids = dict(Question.objects.filter(survey=survey).values_list("code", "id"))
    result = []
    for section, section_spec in zip(sections, spec["sections"], strict=True):
        questions = [
            {
                **q,
                "id": ids[q["code"]],
                "text_nl": (q.get("text") or {}).get(SOURCE_LANGUAGE, ""),
                "kind_label": Question(kind=q["kind"]).get_kind_display(),
                "condition": describe_condition(q.get("show_if"), definition),
                "option_labels": [
                    o["label"].get(SOURCE_LANGUAGE, "") for o in q.get("options", [])
                ],
            }
            for q in section_spec["questions"]
        ]
        result.append(
            {"section": section, "title": pick(section.title, "nl"), "questions": questions}
        )
    return result


@login_required
def survey_detail(request, pk):
    survey = get_survey_for_staff(request.user, pk, MANAGE)
    settings_form = None
    if request.method == "POST":
        settings_form = SurveySettingsForm(request.POST)
        if settings_form.is_valid():
            data = dict(settings_form.cleaned_data)
            closes_on = data.pop("closes_on")
            data["closes_at"] = (
                timezone.make_aware(
                    timezone.datetime.combine(closes_on, timezone.datetime.max.time())
                )
                if closes_on
                else None
            )
            try:
                builder.update_survey_settings(survey, **data)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, _("De instellingen zijn opgeslagen."))
                return _back(request, survey)
    return _detail_page(request, survey, settings_form)


def _detail_page(request, survey, settings_form=None):
    settings_form = settings_form or SurveySettingsForm(initial=_settings_initial(survey))
    return render(
        request,
        "surveys/staff/survey_detail.html",
        survey_page_context(
            survey,
            "questions",
            settings_form=settings_form,
            sections=_structure(survey),
            new_question_form=NewQuestionForm(),
            problems=[] if survey.is_frozen else builder.check_spec(survey_to_spec(survey)),
        ),
        status=400 if settings_form.errors else 200,
    )


def _question(request, pk, question_id) -> Question:
    survey = get_survey_for_staff(request.user, pk, MANAGE)
    question = (
        Question.objects.filter(survey=survey, pk=question_id)
        .select_related("section", "survey")
        .first()
    )
    if question is None:
        raise Http404
    return question


def _section(request, pk, section_id) -> Section:
    survey = get_survey_for_staff(request.user, pk, MANAGE)
    section = Section.objects.filter(survey=survey, pk=section_id).select_related("survey").first()
    if section is None:
        raise Http404
    return section


@login_required
def question_edit(request, pk, question_id):
    question = _question(request, pk, question_id)
    survey = question.survey
    spec = survey_to_spec(survey)
    codes = [q["code"] for s in spec["sections"] for q in s["questions"]]
    earlier = codes[: codes.index(question.code)]
    current = next(
        q for s in spec["sections"] for q in s["questions"] if q["code"] == question.code
    )
    form = QuestionForm(initial=QuestionForm.initial_from_spec(current), earlier_codes=earlier)
    problems = []
    if request.method == "POST":
        form = QuestionForm(request.POST, earlier_codes=earlier)
        if form.is_valid():
            try:
                builder.update_question(question, form.to_changes(current))
            except ValidationError as exc:
                problems = exc.messages
            else:
                messages.success(
                    request, _("Vraag %(code)s is opgeslagen.") % {"code": question.code}
                )
                return _back(request, survey, f"vraag-{question.pk}")
    invalid = bool(form.errors or problems)
    response = render(
        request,
        "surveys/staff/question_edit.html",
        survey_page_context(survey, "questions", question=question, form=form, problems=problems),
        status=400 if invalid else 200,
    )
    if invalid and request.headers.get("HX-Request"):
        # Edited in place: only the form is replaced, with its errors.
        response["HX-Retarget"] = "#vraag-form"
        response["HX-Reselect"] = "#vraag-form"
    return response


@login_required
@require_POST
def question_add(request, pk, section_id):
    section = _section(request, pk, section_id)
    form = NewQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een soort, een code en een vraagtekst."))
        return _back(request, section.survey, f"onderdeel-{section.pk}")
    try:
        question = builder.add_question(
            section,
            {
                "code": form.cleaned_data["code"].strip(),
                "kind": form.cleaned_data["kind"],
                "text": {SOURCE_LANGUAGE: form.cleaned_data["text"].strip()},
            },
        )
    except ValidationError as exc:
        _errors(request, exc)
        return _back(request, section.survey, f"onderdeel-{section.pk}")
    if question.kind in ("single_choice", "multiple_choice", "ranking", "matrix"):
        messages.info(request, _("Vul nu de antwoorden in."))
        return redirect("surveys:question_edit", pk=pk, question_id=question.pk)
    return _back(request, section.survey, f"vraag-{question.pk}")


@login_required
@require_POST
def question_move(request, pk, question_id):
    question = _question(request, pk, question_id)
    try:
        builder.move_question(question, -1 if request.POST.get("direction") == "up" else 1)
    except ValidationError as exc:
        _errors(request, exc)
    return _back(request, question.survey, f"vraag-{question.pk}")


@login_required
@require_POST
def question_delete(request, pk, question_id):
    question = _question(request, pk, question_id)
    try:
        builder.delete_question(question)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Vraag %(code)s is verwijderd.") % {"code": question.code})
    return _back(request, question.survey, f"onderdeel-{question.section_id}")


@login_required
@require_POST
def section_add(request, pk):
    survey = get_survey_for_staff(request.user, pk, MANAGE)
    title = request.POST.get("title", "").strip()[:200]
    if not title:
        messages.error(request, _("Geef het onderdeel een titel."))
        return _back(request, survey)
    try:
        section = builder.add_section(survey, title)
    except ValidationError as exc:
        _errors(request, exc)
        return _back(request, survey)
    return _back(request, survey, f"onderdeel-{section.pk}")


@login_required
@require_POST
def section_update(request, pk, section_id):
    section = _section(request, pk, section_id)
    try:
        if request.POST.get("action") == "delete":
            builder.delete_section(section)
        else:
            title = request.POST.get("title", "").strip()[:200]
            if not title:
                raise ValidationError(_("Geef het onderdeel een titel."))
            builder.update_section(section, title, request.POST.get("intro", "")[:5000])
    except ValidationError as exc:
        _errors(request, exc)
    return _back(request, section.survey, f"onderdeel-{section.pk}")


@login_required
@require_POST
def publish(request, pk):
    survey = get_survey_for_staff(request.user, pk, MANAGE)
    action = request.POST.get("action")
    try:
        if action == "publish":
            builder.publish_survey(survey)
            messages.success(
                request, _("De vragenlijst is gepubliceerd. Maak nu de kanalen (links) aan.")
            )
        elif action == "close":
            builder.close_survey(survey)
            messages.success(request, _("De vragenlijst is gesloten."))
        elif action == "new_version":
            new = builder.create_new_version(survey)
            messages.success(
                request, _("Versie %(version)s is gemaakt als concept.") % {"version": new.version}
            )
            return redirect("surveys:staff_detail", pk=new.pk)
    except ValidationError as exc:
        _errors(request, exc)
    return _back(request, survey)


@login_required
def preview(request, pk):
    """Every page of the survey as a respondent sees it, in any of its languages; nothing
    can be sent from here."""
    survey = get_survey_for_staff(request.user, pk, MANAGE)
    language = request.GET.get("taal", "nl")
    if language not in survey.languages:
        language = "nl"
    definition = definition_for(survey)
    pages = [
        {
            "section_title": pick(definition.sections[page.section].title, language),
            "questions": [
                {
                    **question_view(question, language, {}, ""),
                    "condition": describe_condition(question.show_if, definition),
                }
                for question in page.questions
            ],
        }
        for page in definition.pages
    ]
    return render(
        request,
        "surveys/staff/preview.html",
        survey_page_context(
            survey,
            "questions",
            pages=pages,
            lang=language,
            dir=direction(language),
            t=chrome_for(language),
            preview_languages=[(code, language_name(code)) for code in survey.languages],
        ),
    )


@login_required
def translations_page(request, pk):
    survey = get_survey_for_staff(request.user, pk, "surveys.translate_survey")
    language = request.GET.get("taal") or request.POST.get("taal") or ""
    if request.method == "POST" and request.POST.get("action") == "add_language":
        try:
            translations.add_language(survey, request.POST.get("new_language", ""))
        except ValidationError as exc:
            _errors(request, exc)
        else:
            return redirect(f"{request.path}?taal={request.POST.get('new_language')}")
    status = 200
    if request.method == "POST" and request.POST.get("action") == "save" and language:
        data = {key[2:]: value for key, value in request.POST.items() if key.startswith("t:")}
        try:
            changed = translations.save_translations(survey, language, data)
        except ValidationError as exc:
            _errors(request, exc)
            status = 400
        else:
            messages.success(request, _("%(count)s vertalingen opgeslagen.") % {"count": changed})
            return redirect(f"{request.path}?taal={language}")
    items = (
        translations.texts_of(survey, language)
        if language in survey.languages and language != SOURCE_LANGUAGE
        else []
    )
    return render(
        request,
        "surveys/staff/translations.html",
        survey_page_context(
            survey,
            "translations",
            language=language,
            language_label=language_name(language) if language else "",
            dir=direction(language) if language else "ltr",
            items=items,
            rows=translations.completeness(survey),
            addable=[
                (code, name)
                for code, (name, _d) in LANGUAGES.items()
                if code not in survey.languages
            ],
        ),
        status=status,
    )
