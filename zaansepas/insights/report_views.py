"""The results report as a page and as a PDF: the researchers' version (permission
surveys.view_results, any status) and the public one (no login; only a published or closed
survey, see report.py). Thin: report.py gathers and renders."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from zaansepas.surveys.access import get_survey_for_staff
from zaansepas.surveys.models import Survey

from .report import is_public, public_report_list, render_report_html, report_document

RESULTS = "surveys.view_results"
# A public report takes seconds to make (the PDF about 3 s, the page 0.5 s once the analysis
# is loaded) and anyone may ask for it, often: each process keeps what it made for this
# long, so a busy results evening or someone hammering the link does not tie up the
# workers. New responses and longlist changes reach the public version within this time.
PUBLIC_CACHE_SECONDS = 600


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


def _page_html(survey: Survey, public: bool) -> str:
    return render_report_html(survey, public, for_print=False, **_links(survey, public))


def _pdf_bytes(request, survey: Survey, public: bool) -> bytes:
    html = render_report_html(survey, public, for_print=True)
    return report_document(html, request.build_absolute_uri("/")).write_pdf()


def _public_cached(survey: Survey, kind: str, make):
    """What `make()` returns, kept in this process for PUBLIC_CACHE_SECONDS per survey,
    language and last change to the survey (closing it shows at once). The key holds
    nothing a visitor chooses beyond the two site languages, so no one can make us
    render again by varying a request."""
    stamp = survey.updated_at.timestamp() if survey.updated_at else 0
    key = f"public-report:{survey.pk}:{kind}:{get_language() or 'nl'}:{stamp}"
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, PUBLIC_CACHE_SECONDS)
    return value


def _pdf(pdf: bytes, survey: Survey, public: bool) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"resultaten-{survey.series}-v{survey.version}{'' if not public else '-openbaar'}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_page(request, pk):
    return HttpResponse(_page_html(get_survey_for_staff(request.user, pk, RESULTS), False))


@login_required
def report_pdf(request, pk):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    return _pdf(_pdf_bytes(request, survey, False), survey, public=False)


def public_report_page(request, pk):
    survey = get_public_survey(pk)
    return HttpResponse(_public_cached(survey, "html", lambda: _page_html(survey, True)))


def public_report_pdf(request, pk):
    survey = get_public_survey(pk)
    pdf = _public_cached(survey, "pdf", lambda: _pdf_bytes(request, survey, True))
    return _pdf(pdf, survey, public=True)


def public_report_index(request):
    """The public reports of every scan, for residents and the people at a results event."""
    return render(
        request,
        "insights/report/index.html",
        {"reports": public_report_list(get_language() or "nl")},
    )
