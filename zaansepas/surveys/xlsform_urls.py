from django.urls import path

from . import xlsform_views

urlpatterns = [
    path(
        "onderzoek/vragenlijsten/importeren/",
        xlsform_views.import_page,
        name="xlsform_import",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/xlsform.xlsx",
        xlsform_views.export_file,
        name="xlsform_export",
    ),
]
