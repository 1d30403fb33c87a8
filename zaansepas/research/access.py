"""Fetching research objects for a staff page, with the permission check in one place.
Missing and forbidden both answer "not found"."""

from django.http import Http404

from zaansepas.surveys.models import Survey

from .models import Interview, Participant, Session, Statement

MANAGE = "research.manage_research"
# Interviewees' names and contact details: the survey's own, separate permission.
VIEW_CONTACTS = "surveys.view_contact_details"


def require_researcher(user) -> None:
    if not user.is_authenticated or not user.has_perm(MANAGE):
        raise Http404


def _get(user, queryset, pk):
    require_researcher(user)
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def get_session_for_staff(user, pk) -> Session:
    return _get(user, Session.objects.select_related("theme"), pk)


def get_participant_for_staff(user, pk) -> Participant:
    return _get(user, Participant.objects.select_related("session__theme"), pk)


def get_statement_for_staff(user, pk) -> Statement:
    return _get(user, Statement.objects.select_related("session__theme", "interview"), pk)


def get_interview_for_staff(user, pk) -> Interview:
    return _get(user, Interview.objects.select_related("survey", "district"), pk)


def get_survey_for_interviews(user, pk) -> Survey:
    return _get(user, Survey.objects.all(), pk)


def can_view_contacts(user) -> bool:
    return user.has_perm(VIEW_CONTACTS)
