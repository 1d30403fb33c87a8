"""Researcher pages for the response files: the downloads page, the codebook and the
files themselves. Thin: the layout and the writers live in exports.py and codebook.py."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from zaansepas.lib.downloads import XLSX_TYPE, private_attachment

from .access import get_survey_for_staff, survey_page_context
from .codebook import codebook_context, render_codebook_pdf
from .exports import export_layout, open_sav, open_xlsx, stream_csv
from .retention import retention_ends_on
from .texts import language_name

PERMISSION = "surveys.view_results"
FORMATS = ("csv-codes", "csv-labels", "xlsx-codes", "xlsx-labels", "sav", "codebook-pdf")


def _label_language(request, survey) -> str:
    """?taal=en: labels in another language of the survey; Dutch otherwise."""
    language = request.GET.get("taal", "nl")
    return language if language in survey.languages else "nl"


@login_required
def downloads(request, pk):
    survey = get_survey_for_staff(request.user, pk, PERMISSION)
    language = _label_language(request, survey)
    context = survey_page_context(
        survey,
        "downloads",
        response_count=survey.responses.count(),
        retention_ends_on=retention_ends_on(survey),
        label_language=language,
        label_languages=[(code, language_name(code)) for code in survey.languages],
    )
    return render(request, "surveys/exports/downloads.html", context)


@login_required
def codebook(request, pk):
    survey = get_survey_for_staff(request.user, pk, PERMISSION)
    language = _label_language(request, survey)
    context = survey_page_context(
        survey, "downloads", **codebook_context(export_layout(survey), language)
    )
    return render(request, "surveys/exports/codebook.html", context)


@login_required
def export(request, pk, fmt):
    survey = get_survey_for_staff(request.user, pk, PERMISSION)
    if fmt not in FORMATS:
        raise Http404(_("Dit soort bestand kennen we niet."))
    language = _label_language(request, survey)
    layout = export_layout(survey)
    base = f"{survey.series}-v{survey.version}"
    labels = fmt.endswith("-labels")
    suffix = f"-{language}" if labels and language != "nl" else ""
    if fmt.startswith("csv-"):
        response = StreamingHttpResponse(
            stream_csv(layout, labels, language), content_type="text/csv; charset=utf-8"
        )
        return private_attachment(response, f"{base}-antwoorden-{fmt[4:]}{suffix}.csv")
    if fmt.startswith("xlsx-"):
        response = FileResponse(open_xlsx(layout, labels, language), content_type=XLSX_TYPE)
        return private_attachment(response, f"{base}-antwoorden-{fmt[5:]}{suffix}.xlsx")
    if fmt == "sav":
        response = FileResponse(open_sav(layout, language), content_type="application/x-spss-sav")
        return private_attachment(response, f"{base}-antwoorden.sav")
    pdf = render_codebook_pdf(layout, language)
    response = HttpResponse(pdf, content_type="application/pdf")
    return private_attachment(response, f"{base}-codeboek.pdf")
