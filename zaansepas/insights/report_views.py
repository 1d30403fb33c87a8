"""The results report as a page and as a PDF: the researchers' version (permission
surveys.view_results, any status) and the public one (no login; only a published or closed
survey, see report.py). Thin: report.py gathers and renders."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from zaansepas.surveys.access import get_survey_for_staff
from zaansepas.surveys.models import Survey

from .report import is_public, public_report_list, render_report_html, report_document

RESULTS = "surveys.view_results"


def get_public_survey(pk) -> Survey:
    """A survey whose results anyone may see; a draft (or a missing one) is "not found"."""
    survey = Survey.objects.filter(pk=pk).first()
    if survey is None or not is_public(survey):
        raise Http404
    return survey


def _links(survey: Survey, public: bool) -> dict:
    if public:
        return {
            "pdf_url": reverse("insights:public_report_pdf", args=[survey.pk]),
            "index_url": reverse("insights:public_reports"),
        }
    links = {
        "pdf_url": reverse("insights:report_pdf", args=[survey.pk]),
        "questions_url": reverse("insights:report_questions", args=[survey.pk]),
    }
    if is_public(survey):
        links["public_url"] = reverse("insights:public_report", args=[survey.pk])
    return links


def _page(survey: Survey, public: bool) -> HttpResponse:
    return HttpResponse(
        render_report_html(survey, public, for_print=False, **_links(survey, public))
    )


def _pdf(request, survey: Survey, public: bool) -> HttpResponse:
    html = render_report_html(survey, public, for_print=True)
    pdf = report_document(html, request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"resultaten-{survey.series}-v{survey.version}{'' if not public else '-openbaar'}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_page(request, pk):
    return _page(get_survey_for_staff(request.user, pk, RESULTS), public=False)


@login_required
def report_pdf(request, pk):
    return _pdf(request, get_survey_for_staff(request.user, pk, RESULTS), public=False)


def public_report_page(request, pk):
    return _page(get_public_survey(pk), public=True)


def public_report_pdf(request, pk):
    return _pdf(request, get_public_survey(pk), public=True)


def public_report_index(request):
    """The public reports of every scan, for residents and the people at a results event."""
    return render(
        request,
        "insights/report/index.html",
        {"reports": public_report_list(get_language() or "nl")},
    )
