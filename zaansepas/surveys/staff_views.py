"""Researcher pages (being written)."""

from django.http import Http404


def survey_list(request, *args, **kwargs):
    raise Http404


def paper_entry(request, *args, **kwargs):
    raise Http404
