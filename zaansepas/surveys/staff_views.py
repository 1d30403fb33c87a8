"""Researcher pages around surveys: the list (with a new survey), and typing in a paper
questionnaire."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import builder
from .access import get_survey_for_staff, survey_page_context
from .answering import enter_paper_response
from .answers import form_values
from .builder_forms import NewSurveyForm
from .channels import create_channel
from .chrome import chrome_for
from .definition import definition_for, describe_condition
from .models import Channel, ChannelKind, Survey, SurveyStatus
from .rendering import question_view, submitted_values
from .texts import pick


@login_required
def survey_list(request):
    if not request.user.has_perm("surveys.manage_survey"):
        raise Http404
    form = NewSurveyForm()
    if request.method == "POST":
        form = NewSurveyForm(request.POST)
        if form.is_valid():
            try:
                survey = builder.create_survey(
                    form.cleaned_data["title"], form.cleaned_data["series"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("surveys:staff_detail", pk=survey.pk)
    surveys = Survey.objects.annotate(response_count=Count("responses")).order_by(
        "series", "-version"
    )
    return render(
        request,
        "surveys/staff/survey_list.html",
        {
            "surveys": [{"survey": s, "title": pick(s.title, "nl")} for s in surveys],
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _paper_channel(survey) -> Channel:
    channel = survey.channels.filter(kind=ChannelKind.PAPER).order_by("id").first()
    # Every survey can take paper forms; the channel is made the first time it is needed.
    return channel or create_channel(survey, ChannelKind.PAPER, "Papier")


@login_required
def paper_entry(request, pk):
    """All questions on one page, as on the paper form. Nothing is required (people skip
    questions on paper); wrong answers are refused as online. A form key makes a double
    click store one response."""
    survey = get_survey_for_staff(request.user, pk, "surveys.enter_paper_response")
    definition = definition_for(survey)
    errors, data, status = {}, None, 200
    if request.method == "POST":
        if survey.status != SurveyStatus.PUBLISHED:
            messages.error(
                request, _("Papieren vragenlijsten voert u in zolang de vragenlijst open is.")
            )
            return redirect("surveys:paper_entry", pk=survey.pk)
        response, errors = enter_paper_response(
            survey, _paper_channel(survey), request.POST, request.POST.get("form_key", "")
        )
        if response is not None:
            messages.success(request, _("Opgeslagen. U kunt de volgende invoeren."))
            return redirect("surveys:paper_entry", pk=survey.pk)
        if not errors:
            messages.info(request, _("Deze vragenlijst was al opgeslagen."))
            return redirect("surveys:paper_entry", pk=survey.pk)
        data, status = request.POST, 400
    pages = []
    for page in definition.pages:
        questions = []
        for question in page.questions:
            values = (
                submitted_values(question, data) if data is not None else form_values(question, {})
            )
            view = question_view(question, "nl", values, errors.get(question.code, ""))
            view["required"] = False
            view["condition"] = describe_condition(question.show_if, definition)
            questions.append(view)
        pages.append(
            {
                "section_title": pick(definition.sections[page.section].title, "nl"),
                "questions": questions,
            }
        )
    return render(
        request,
        "surveys/staff/paper_entry.html",
        survey_page_context(
            survey,
            "paper",
            pages=pages,
            errors=errors,
            form_key=secrets.token_urlsafe(16),
            t=chrome_for("nl"),
            lang="nl",
            entered=survey.responses.filter(channel__kind=ChannelKind.PAPER).count(),
        ),
        status=status,
    )
