"""The response dashboard of a survey (included in surveys/urls.py, namespace "surveys")."""

from django.urls import path

from . import monitoring_views

urlpatterns = [
    path(
        "onderzoek/vragenlijsten/<int:pk>/respons/",
        monitoring_views.monitor,
        name="monitor",
    ),
]
