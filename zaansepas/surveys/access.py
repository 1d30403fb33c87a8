"""Fetching a survey for a staff page, with the permission check in one place. Missing and
forbidden both answer "not found"."""

from django.http import Http404

from .models import Survey
from .texts import pick


def get_survey_for_staff(user, survey_id, permission: str = "surveys.manage_survey") -> Survey:
    if not user.is_authenticated or not user.has_perm(permission):
        raise Http404
    survey = Survey.objects.filter(pk=survey_id).first()
    if survey is None:
        raise Http404
    return survey


def survey_page_context(survey: Survey, tab: str, **extra) -> dict:
    """What surveys/staff/survey_base.html needs, plus the page's own context."""
    return {"survey": survey, "survey_title": pick(survey.title, "nl"), "tab": tab, **extra}
