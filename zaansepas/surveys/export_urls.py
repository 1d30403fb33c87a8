from django.urls import path

from . import export_views

urlpatterns = [
    path(
        "onderzoek/vragenlijsten/<int:pk>/downloads/",
        export_views.downloads,
        name="downloads",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/codeboek/",
        export_views.codebook,
        name="codebook",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/downloads/<str:fmt>/",
        export_views.export,
        name="export",
    ),
]
