"""Researcher pages for XLSForm: upload a form to make a new draft survey, download a
survey as XLSForm. Thin: reading lives in xlsform.py (and the modules it lists), writing in
xlsform_export.py."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaansepas.lib.downloads import XLSX_TYPE

from .access import get_survey_for_staff
from .xlsform import MAX_UPLOAD_BYTES, import_xlsform
from .xlsform_export import export_xlsform

PERMISSION = "surveys.manage_survey"
# More report lines than this are summed up, so the next page stays readable.
MAX_REPORT_MESSAGES = 40


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("XLSForm-bestand"),
        help_text=gettext_lazy("Een Excel-bestand (.xlsx of .xls) van hoogstens %(mb)s MB.")
        % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls"}),
    )
    series = forms.SlugField(
        label=gettext_lazy("Reeks"),
        required=False,
        max_length=40,
        help_text=gettext_lazy(
            "Korte naam met kleine letters en streepjes, bijvoorbeeld behoeftescan. Leeg: de "
            "form_id uit het bestand. Bestaat de reeks al, dan wordt dit een nieuwe versie."
        ),
    )


def _researcher(request) -> None:
    # There is no survey yet, so the check of get_survey_for_staff is done here: the
    # same rule, "not found" for anyone without the permission.
    if not request.user.has_perm(PERMISSION):
        raise Http404


@login_required
def import_page(request):
    _researcher(request)
    if request.method != "POST":
        return render(request, "surveys/xlsform/import.html", {"form": XLSFormUploadForm()})
    form = XLSFormUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "surveys/xlsform/import.html", {"form": form}, status=400)
    result = import_xlsform(form.cleaned_data["file"], series=form.cleaned_data["series"])
    if result.survey is None:
        for error in result.errors:
            form.add_error(None, error)
        context = {"form": form, "report": result.report}
        return render(request, "surveys/xlsform/import.html", context, status=400)
    survey = result.survey
    messages.success(
        request,
        _("De vragenlijst is ingelezen als versie %(version)s in reeks '%(series)s'.")
        % {"version": survey.version, "series": survey.series},
    )
    for line in result.report[:MAX_REPORT_MESSAGES]:
        messages.warning(request, line)
    if len(result.report) > MAX_REPORT_MESSAGES:
        messages.warning(
            request,
            _("En nog %(count)s meldingen over wat niet is overgenomen.")
            % {"count": len(result.report) - MAX_REPORT_MESSAGES},
        )
    return redirect("surveys:staff_detail", survey.pk)


@login_required
def export_file(request, pk):
    survey = get_survey_for_staff(request.user, pk, PERMISSION)
    response = HttpResponse(export_xlsform(survey), content_type=XLSX_TYPE)
    filename = f"{survey.series}-v{survey.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
