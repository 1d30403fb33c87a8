"""Fetch objects together with the permission check. Missing and forbidden both answer
"not found", so nobody learns which application references or pass numbers exist."""

from django.http import Http404

from .models import Application, MemberRole, Pass


def is_reviewer(user) -> bool:
    return user.is_authenticated and user.has_perm("passes.review_application")


def can_manage_passes(user) -> bool:
    return user.is_authenticated and user.has_perm("passes.manage_pass")


def get_application_for_user(user, reference: str) -> Application:
    application = (
        Application.objects.select_related("household", "applicant", "applicant__user")
        .filter(reference=reference)
        .first()
    )
    if application is None:
        raise Http404
    if is_reviewer(user) or (user.is_authenticated and application.applicant.user_id == user.pk):
        return application
    raise Http404


def passes_for_resident(user):
    """The passes a resident may show: their own and, for the main holder, the household's."""
    if not user.is_authenticated:
        return Pass.objects.none()
    person = getattr(user, "person", None)
    if person is None:
        return Pass.objects.none()
    if person.role == MemberRole.MAIN:
        return Pass.objects.filter(household=person.household).select_related("holder")
    return Pass.objects.filter(holder=person).select_related("holder")


def get_pass_for_resident(user, number: str) -> Pass:
    pass_card = passes_for_resident(user).filter(number=number).first()
    if pass_card is None:
        raise Http404
    return pass_card


def get_pass_for_staff(user, number: str) -> Pass:
    if not can_manage_passes(user):
        raise Http404
    pass_card = Pass.objects.select_related("holder", "household").filter(number=number).first()
    if pass_card is None:
        raise Http404
    return pass_card
