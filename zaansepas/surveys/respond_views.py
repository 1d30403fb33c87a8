"""Pages a respondent sees (being written)."""

from django.http import Http404


def landing(request, *args, **kwargs):
    raise Http404


def start(request, *args, **kwargs):
    raise Http404


def invitation(request, *args, **kwargs):
    raise Http404


def resume(request, *args, **kwargs):
    raise Http404


def language(request, *args, **kwargs):
    raise Http404


def page(request, *args, **kwargs):
    raise Http404


def thanks(request, *args, **kwargs):
    raise Http404


def follow_up(request, *args, **kwargs):
    raise Http404


def withdraw(request, *args, **kwargs):
    raise Http404
