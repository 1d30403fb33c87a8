"""Follow-up interviews: per survey the strata and a sample to draw, the drawn interviews;
one interview's page with its status, notes and statements. Names and contact details
come from the FollowUpConsent and show only with surveys.view_contact_details."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.lib.view_actions import submit_form
from zaansepas.surveys.models import FollowUpConsent, Survey
from zaansepas.surveys.texts import pick

from .access import (
    can_view_contacts,
    get_interview_for_staff,
    get_survey_for_interviews,
    require_researcher,
)
from .actions import add_statement, draw_interview_sample, interview_strata, update_interview
from .forms import CodingOptions, DrawSampleForm, InterviewForm, StatementForm
from .sampling import tier_label
from .statement_views import statement_rows


@login_required
def interview_surveys(request):
    require_researcher(request.user)
    surveys = Survey.objects.annotate(
        consent_count=Count("consents", distinct=True),
        interview_count=Count("research_interviews", distinct=True),
    ).order_by("series", "-version")
    return render(
        request,
        "research/interview_surveys.html",
        {
            "tab": "interviews",
            "surveys": [{"survey": s, "title": pick(s.title, "nl")} for s in surveys],
        },
    )


def _contacts(user, survey, references) -> dict:
    """reference -> FollowUpConsent, only for those allowed to see contact details."""
    if not can_view_contacts(user):
        return {}
    return {
        consent.reference: consent
        for consent in FollowUpConsent.objects.filter(survey=survey, reference__in=references)
    }


def _render_sample(request, survey, form, status=200, drawn_now=None):
    interviews = list(
        survey.research_interviews.select_related("district").annotate(
            statement_count=Count("statements")
        )
    )
    contacts = _contacts(request.user, survey, [i.reference for i in interviews])
    strata = interview_strata(survey, drawn_now)
    return render(
        request,
        "research/interview_sample.html",
        {
            "tab": "interviews",
            "survey": survey,
            "survey_title": pick(survey.title, "nl"),
            "form": form,
            "strata": [{"row": row, "tier": tier_label(row.tier)} for row in strata],
            "available": sum(row.available for row in strata),
            "show_contacts": can_view_contacts(request.user),
            "interviews": [
                {
                    "interview": i,
                    "tier": tier_label(i.tier),
                    "contact": contacts.get(i.reference),
                }
                for i in interviews
            ],
        },
        status=status,
    )


@login_required
def interview_sample(request, pk):
    survey = get_survey_for_interviews(request.user, pk)
    if request.method != "POST":
        return _render_sample(request, survey, DrawSampleForm())
    form = DrawSampleForm(request.POST)
    if form.is_valid():
        try:
            sample = draw_interview_sample(
                survey, form.cleaned_data["size"], form.cleaned_data["seed"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(count)s respondenten getrokken uit %(strata)s groepen (wijk en soort pas).")
                % {
                    "count": len(sample.interviews),
                    "strata": sum(1 for row in sample.strata if row.drawn_now),
                },
            )
            return redirect("research:interview_sample", pk=survey.pk)
    return _render_sample(request, survey, form, status=400)


def _render_interview(request, interview, status=200, **forms):
    options = CodingOptions.load()
    forms.setdefault(
        "form",
        InterviewForm(
            initial={
                "status": interview.status,
                "interviewer": interview.interviewer,
                "held_on": interview.held_on,
                "notes": interview.notes,
            }
        ),
    )
    forms.setdefault(
        "statement_form",
        StatementForm(
            options=options,
            prefix="n",
            initial={"district": str(interview.district_id or "")},
        ),
    )
    statements = interview.statements.select_related("theme", "district").order_by(
        "-created_at", "-id"
    )
    show_contacts = can_view_contacts(request.user)
    return render(
        request,
        "research/interview_detail.html",
        {
            "tab": "interviews",
            "interview": interview,
            "survey_title": pick(interview.survey.title, "nl"),
            "tier": tier_label(interview.tier),
            "show_contacts": show_contacts,
            "contact": _contacts(request.user, interview.survey, [interview.reference]).get(
                interview.reference
            ),
            "rows": statement_rows(statements, options),
            "next_url": reverse("research:interview_detail", args=[interview.pk]),
            **forms,
        },
        status=status,
    )


@login_required
def interview_detail(request, pk):
    interview = get_interview_for_staff(request.user, pk)
    if request.method != "POST":
        return _render_interview(request, interview)
    form = InterviewForm(request.POST)
    response = submit_form(
        request,
        form,
        lambda: update_interview(interview, **form.cleaned_data),
        _("Gesprek opgeslagen."),
        reverse("research:interview_detail", args=[interview.pk]),
    )
    if response is not None:
        return response
    interview.refresh_from_db()
    return _render_interview(request, interview, status=400, form=form)


@login_required
@require_POST
def interview_statement_add(request, pk):
    interview = get_interview_for_staff(request.user, pk)
    form = StatementForm(request.POST, options=CodingOptions.load(), prefix="n")
    response = submit_form(
        request,
        form,
        lambda: add_statement(
            text=form.cleaned_data["text"],
            interview=interview,
            entered_by=request.user,
            **form.coding(),
        ),
        _("Uitspraak opgeslagen. U kunt de volgende invoeren."),
        reverse("research:interview_detail", args=[interview.pk]) + "#nieuwe-uitspraak",
    )
    if response is not None:
        return response
    return _render_interview(request, interview, status=400, statement_form=form)
