"""Researcher pages to build a survey (being written)."""

from django.http import Http404


def survey_detail(request, *args, **kwargs):
    raise Http404


def translations(request, *args, **kwargs):
    raise Http404
