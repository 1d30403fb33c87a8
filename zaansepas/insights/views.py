"""Researcher pages of the analysis: weighted frequencies per question with a filter by
wijk, and crosstabs, each also as an Excel file. Thin: the figures come from analysis.py,
the files from table_export.py."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from zaansepas.lib.downloads import xlsx_download
from zaansepas.surveys.access import get_survey_for_staff, survey_page_context

from .analysis import (
    analyse_survey,
    breakdown_choices,
    crosstab_table,
    question_chart,
    question_tables,
)
from .table_export import crosstab_workbook, frequencies_workbook

RESULTS = "surveys.view_results"


def _district(request, analysis) -> str:
    wanted = request.GET.get("wijk", "")
    return (
        wanted if wanted in analysis.district_names or wanted in set(analysis.data.district) else ""
    )


@login_required
def survey_analysis(request, pk):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    analysis = analyse_survey(survey)
    district = _district(request, analysis)
    mask = analysis.mask_for(district)
    return render(
        request,
        "insights/analysis.html",
        survey_page_context(
            survey,
            "analysis",
            analysis=analysis,
            district=district,
            district_name=analysis.district_names.get(district, district),
            districts=sorted(analysis.district_names.items(), key=lambda item: item[1]),
            respondents=int(mask.sum()),
            tables=question_tables(analysis, mask),
        ),
    )


def _xlsx(book, survey, name: str, district: str) -> HttpResponse:
    suffix = f"-{slugify(district)}" if district else ""
    return xlsx_download(book, f"{name}-{survey.series}-v{survey.version}{suffix}.xlsx")


@login_required
def survey_tables_xlsx(request, pk):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    analysis = analyse_survey(survey)
    district = _district(request, analysis)
    name = analysis.district_names.get(district, district)
    return _xlsx(frequencies_workbook(analysis, district, name), survey, "tabellen", district)


@login_required
def survey_crosstab(request, pk, as_file=False):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    analysis = analyse_survey(survey)
    district = _district(request, analysis)
    choices = breakdown_choices(analysis)
    row_key, column_key = request.GET.get("rij", ""), request.GET.get("kolom", "_wijk")
    table, asked = None, bool(row_key) or as_file
    if asked:
        table = crosstab_table(analysis, analysis.mask_for(district), row_key, column_key)
    labels = dict(choices)
    if as_file and table is not None and not table.get("empty"):
        book = crosstab_workbook(
            analysis,
            table,
            labels[row_key],
            labels[column_key],
            analysis.district_names.get(district, district),
        )
        return _xlsx(book, survey, "kruistabel", district)
    return render(
        request,
        "insights/crosstab.html",
        survey_page_context(
            survey,
            "analysis",
            analysis=analysis,
            district=district,
            districts=sorted(analysis.district_names.items(), key=lambda item: item[1]),
            row_choices=[c for c in choices if not c[0].startswith("_")],
            column_choices=choices,
            row_key=row_key,
            column_key=column_key,
            row_label=labels.get(row_key, ""),
            column_label=labels.get(column_key, ""),
            table=table,
            asked=asked,
        ),
        status=400 if asked and (table is None or as_file) else 200,
    )


def survey_crosstab_xlsx(request, pk):
    """The crosstab as an Excel file; with a choice that cannot be made, the crosstab page
    and its message (status 400)."""
    return survey_crosstab(request, pk, as_file=True)


@login_required
def question_chart_svg(request, pk, code):
    """One question's chart as an SVG image. Charts are separate requests so the page with
    its tables shows at once; each chart takes about 0.1 s to draw."""
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    analysis = analyse_survey(survey)
    svg = question_chart(analysis, analysis.mask_for(_district(request, analysis)), code)
    if svg is None:
        raise Http404
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    # Opened on its own, the image may run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
