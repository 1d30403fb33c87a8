"""Researcher page comparing this survey (wave B) with an earlier version of its series
(wave A, chosen with ?versie=). Thin: the figures come from waves.py."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from zaansepas.surveys.access import get_survey_for_staff, survey_page_context

from .analysis import analyse_survey
from .views import RESULTS
from .waves import compare_waves, earlier_versions


@login_required
def survey_waves(request, pk):
    survey = get_survey_for_staff(request.user, pk, RESULTS)
    versions = earlier_versions(survey)
    by_number = {str(version.version): version for version in versions}
    wanted = request.GET.get("versie", "").strip()
    earlier, problem = None, ""
    if wanted:
        earlier = by_number.get(wanted)
        if earlier is None:
            problem = _(
                "“%(value)s” is geen eerdere versie van deze vragenlijst. Kies een versie uit "
                "de lijst."
            ) % {"value": wanted[:20]}
    elif versions:
        earlier = versions[0]
    comparison = None
    if earlier is not None:
        comparison = compare_waves(analyse_survey(earlier), analyse_survey(survey))
    return render(
        request,
        "insights/waves.html",
        survey_page_context(
            survey,
            "analysis",
            versions=versions,
            earlier=earlier,
            comparison=comparison,
            problem=problem,
        ),
        status=400 if problem else 200,
    )
