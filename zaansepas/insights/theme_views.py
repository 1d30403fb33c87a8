"""Researcher pages for the themes in a survey's open answers: the open questions, the
themes of one question (find, rename, merge, split, put on the longlist) and its answers per
theme, to code one by hand. Thin: parse, call answer_themes.py, render.

Reading needs the survey results permission; changing themes is research work and needs the
researcher's permission too. Missing and forbidden both answer "not found"."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.lib.view_actions import act_and_redirect
from zaansepas.research.access import require_researcher
from zaansepas.surveys.access import get_survey_for_staff, survey_page_context

from . import answer_themes, longlists
from .models import AnswerTheme, ListKind
from .views import RESULTS

ANSWERS_PER_PAGE = 50
BACK = re.compile(r"\?[a-z]+=[a-z0-9]+(&[a-z]+=[a-z0-9]+)*")


def _question(request, pk, code, write=False):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    if write:
        require_researcher(request.user)
    question = answer_themes.open_question(survey, code)
    if question is None:
        raise Http404
    return survey, question


def _theme(question, theme_pk) -> AnswerTheme:
    theme = AnswerTheme.objects.filter(pk=theme_pk, theme_set=question.theme_set).first()
    if question.theme_set is None or theme is None:
        raise Http404
    return theme


def _page_url(survey, code) -> str:
    return reverse("insights:answer_themes", args=[survey.pk, code])


@login_required
def open_questions(request, pk):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    return render(
        request,
        "insights/themes/questions.html",
        survey_page_context(survey, "analysis", questions=answer_themes.open_questions(survey)),
    )


@login_required
def theme_page(request, pk, code):
    survey, question = _question(request, pk, code)
    overview = answer_themes.overview(question.theme_set) if question.theme_set else None
    return render(
        request,
        "insights/themes/themes.html",
        survey_page_context(
            survey,
            "analysis",
            question=question,
            overview=overview,
            can_edit=request.user.has_perm("research.manage_research"),
            kinds=ListKind.choices,
        ),
    )


@login_required
@require_POST
def find_themes(request, pk, code):
    survey, question = _question(request, pk, code, write=True)
    if question.theme_set and request.POST.get("vervangen") != "ja":
        messages.error(
            request,
            _(
                "Er zijn al thema's. Vink aan dat u ze wilt vervangen; wat u deed aan thema's "
                "die niet terugkomen, gaat dan verloren."
            ),
        )
        return redirect(_page_url(survey, code))
    number = request.POST.get("aantal", "").strip()
    if number and not number.isdigit():
        messages.error(request, _("Geef het aantal thema's als getal, of laat het vak leeg."))
        return redirect(_page_url(survey, code))
    return _act(
        request,
        survey,
        code,
        lambda: answer_themes.find_and_store_themes(
            survey, code, int(number) if number else None, request.POST.get("stopwoorden", "")
        ),
        _("De thema's zijn gevonden."),
    )


@login_required
@require_POST
def rename_theme(request, pk, code, theme_pk):
    survey, question = _question(request, pk, code, write=True)
    theme = _theme(question, theme_pk)
    return _act(
        request,
        survey,
        code,
        lambda: answer_themes.rename_answer_theme(theme, request.POST.get("naam", "")),
        _("De naam is opgeslagen."),
    )


@login_required
@require_POST
def merge_theme(request, pk, code, theme_pk):
    survey, question = _question(request, pk, code, write=True)
    theme = _theme(question, theme_pk)
    other = _other_theme(question, request.POST.get("met", ""))
    if other is None:
        messages.error(request, _("Kies het thema om mee samen te voegen."))
        return redirect(_page_url(survey, code))
    return _act(
        request,
        survey,
        code,
        lambda: answer_themes.merge_answer_themes(theme, other),
        _("De thema's zijn samengevoegd."),
    )


@login_required
@require_POST
def split_theme(request, pk, code, theme_pk):
    survey, question = _question(request, pk, code, write=True)
    theme = _theme(question, theme_pk)
    parts = request.POST.get("delen", "").strip()
    if parts and not (parts.isdigit() and 2 <= int(parts) <= 6):
        messages.error(request, _("Splits in 2 tot 6 delen, of laat het vak leeg."))
        return redirect(_page_url(survey, code))
    return _act(
        request,
        survey,
        code,
        lambda: answer_themes.split_answer_theme(theme, int(parts) if parts else None),
        _("Het thema is gesplitst."),
    )


@login_required
@require_POST
def theme_to_longlist(request, pk, code, theme_pk):
    survey, question = _question(request, pk, code, write=True)
    theme = _theme(question, theme_pk)
    kind = request.POST.get("lijst", "")
    try:
        item = longlists.create_item_from_answer_theme(theme, kind)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_page_url(survey, code))
    messages.success(request, _("Het thema staat nu op de groslijst."))
    return redirect("insights:longlist_item", item.pk)


@login_required
def answers_page(request, pk, code):
    survey, question = _question(request, pk, code)
    theme_set = question.theme_set
    if theme_set is None:
        return redirect(_page_url(survey, code))
    wanted = request.GET.get("thema", "geen")
    theme = None if wanted == "geen" else _theme(question, wanted if wanted.isdigit() else 0)
    answers = answer_themes.coded_answers(theme_set, theme)
    page = Paginator(answers, ANSWERS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "insights/themes/answers.html",
        survey_page_context(
            survey,
            "analysis",
            question=question,
            theme=theme,
            page=page,
            themes=list(theme_set.themes.all()),
            can_edit=request.user.has_perm("research.manage_research"),
        ),
    )


@login_required
@require_POST
def code_answer(request, pk, code):
    survey, question = _question(request, pk, code, write=True)
    if question.theme_set is None:
        raise Http404
    target = request.POST.get("thema", "")
    back = request.POST.get("terug", "")
    theme = None if target == "geen" else _other_theme(question, target)
    answers_url = reverse("insights:answer_theme_answers", args=[survey.pk, code])
    # Back to the list the researcher came from: only a plain query string of ours.
    answers_url += back if BACK.fullmatch(back) else ""
    if theme is None and target != "geen":
        messages.error(request, _("Kies een thema of ‘geen thema’."))
        return redirect(answers_url)
    return act_and_redirect(
        request,
        lambda: answer_themes.code_answer(
            question.theme_set, request.POST.get("antwoord", ""), theme
        ),
        _("Het antwoord is gecodeerd."),
        answers_url,
    )


def _other_theme(question, value) -> AnswerTheme | None:
    if not str(value).isdigit() or question.theme_set is None:
        return None
    return AnswerTheme.objects.filter(pk=int(value), theme_set=question.theme_set).first()


def _act(request, survey, code, action, done: str):
    return act_and_redirect(request, action, done, _page_url(survey, code))
