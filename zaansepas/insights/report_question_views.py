"""The page where researchers choose the questions of a survey's results report (see
report_questions.py). Reading needs the results permission; saving also needs the
researcher's permission. Thin: parse, call report_questions.py, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from zaansepas.research.access import require_researcher
from zaansepas.surveys.access import get_survey_for_staff, survey_page_context

from .report_questions import (
    choose_report_questions,
    form_rows,
    read_picks,
    report_picks,
    reportable_questions,
)
from .views import RESULTS


@login_required
def report_questions_page(request, pk):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    questions = reportable_questions(survey)
    errors = []
    if request.method == "POST":
        require_researcher(request.user)
        try:
            choose_report_questions(survey, read_picks(request.POST, questions))
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("De vragen voor het rapport zijn opgeslagen."))
            return redirect("insights:report_questions", survey.pk)
    picks, source = report_picks(survey)
    context = survey_page_context(
        survey,
        "analysis",
        rows=form_rows(questions, picks, request.POST if errors else None),
        source=source,
        errors=errors,
        can_edit=request.user.has_perm("research.manage_research"),
    )
    return render(request, "insights/report/questions.html", context, status=400 if errors else 200)
