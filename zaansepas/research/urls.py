from django.urls import path

from . import interview_views, session_views, statement_views

app_name = "research"
urlpatterns = [
    path("onderzoek/sessies/", session_views.session_list, name="session_list"),
    path("onderzoek/sessies/plannen/", session_views.session_plan, name="session_plan"),
    path("onderzoek/sessies/<int:pk>/", session_views.session_detail, name="session_detail"),
    path(
        "onderzoek/sessies/<int:pk>/gegevens/",
        session_views.session_update,
        name="session_update",
    ),
    path(
        "onderzoek/sessies/<int:pk>/deelnemers/",
        session_views.participant_add,
        name="participant_add",
    ),
    path(
        "onderzoek/sessies/<int:pk>/aanwezigheid/",
        session_views.attendance,
        name="attendance",
    ),
    path(
        "onderzoek/sessies/<int:pk>/uitspraken/",
        session_views.session_statement_add,
        name="session_statement_add",
    ),
    path(
        "onderzoek/deelnemers/<int:pk>/",
        session_views.participant_edit,
        name="participant_edit",
    ),
    path("onderzoek/uitspraken/", statement_views.statement_list, name="statement_list"),
    path("onderzoek/uitspraken/<int:pk>/", statement_views.statement_edit, name="statement_edit"),
    path(
        "onderzoek/uitspraken/<int:pk>/coderen/",
        statement_views.statement_recode,
        name="statement_recode",
    ),
    path(
        "onderzoek/uitspraken/<int:pk>/verwijderen/",
        statement_views.statement_delete,
        name="statement_delete",
    ),
    path("onderzoek/interviews/", interview_views.interview_surveys, name="interview_surveys"),
    path(
        "onderzoek/interviews/vragenlijst/<int:pk>/",
        interview_views.interview_sample,
        name="interview_sample",
    ),
    path(
        "onderzoek/interviews/<int:pk>/",
        interview_views.interview_detail,
        name="interview_detail",
    ),
    path(
        "onderzoek/interviews/<int:pk>/uitspraken/",
        interview_views.interview_statement_add,
        name="interview_statement_add",
    ),
]
