from django.urls import path

from . import report_views

urlpatterns = [
    path("onderzoek/vragenlijsten/<int:pk>/resultaten/", report_views.report_page, name="report"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/resultaten.pdf",
        report_views.report_pdf,
        name="report_pdf",
    ),
    path("resultaten/", report_views.public_report_index, name="public_reports"),
    path("resultaten/<int:pk>/", report_views.public_report_page, name="public_report"),
    path("resultaten/<int:pk>.pdf", report_views.public_report_pdf, name="public_report_pdf"),
]
