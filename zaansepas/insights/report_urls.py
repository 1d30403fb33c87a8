from django.urls import path

from . import report_question_views, report_views

urlpatterns = [
    path("onderzoek/vragenlijsten/<int:pk>/resultaten/", report_views.report_page, name="report"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/resultaten.pdf",
        report_views.report_pdf,
        name="report_pdf",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/resultaten/vragen/",
        report_question_views.report_questions_page,
        name="report_questions",
    ),
    path("resultaten/", report_views.public_report_index, name="public_reports"),
    path("resultaten/<int:pk>/", report_views.public_report_page, name="public_report"),
    path("resultaten/<int:pk>.pdf", report_views.public_report_pdf, name="public_report_pdf"),
]
