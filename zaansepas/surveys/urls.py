from django.urls import include, path

from . import builder_views, respond_views, staff_views

app_name = "surveys"
urlpatterns = [
    # Researchers
    path("onderzoek/vragenlijsten/", staff_views.survey_list, name="staff_list"),
    path("onderzoek/vragenlijsten/<int:pk>/", builder_views.survey_detail, name="staff_detail"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/vertalen/",
        builder_views.translations_page,
        name="translations",
    ),
    path("onderzoek/vragenlijsten/<int:pk>/voorbeeld/", builder_views.preview, name="preview"),
    path("onderzoek/vragenlijsten/<int:pk>/status/", builder_views.publish, name="publish"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/onderdelen/",
        builder_views.section_add,
        name="section_add",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/onderdelen/<int:section_id>/",
        builder_views.section_update,
        name="section_update",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/onderdelen/<int:section_id>/vraag/",
        builder_views.question_add,
        name="question_add",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/vragen/<int:question_id>/",
        builder_views.question_edit,
        name="question_edit",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/vragen/<int:question_id>/verplaatsen/",
        builder_views.question_move,
        name="question_move",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/vragen/<int:question_id>/verwijderen/",
        builder_views.question_delete,
        name="question_delete",
    ),
    path("onderzoek/vragenlijsten/<int:pk>/papier/", staff_views.paper_entry, name="paper_entry"),
    path("", include("zaansepas.surveys.channel_urls")),
    path("", include("zaansepas.surveys.monitoring_urls")),
    path("", include("zaansepas.surveys.export_urls")),
    path("", include("zaansepas.surveys.xlsform_urls")),
    # Respondents: short links from posters and flyers
    path("v/<str:code>/", respond_views.landing, name="landing"),
    path("v/<str:code>/start/", respond_views.start, name="start"),
    path("v/<str:code>/u/<str:token>/", respond_views.invitation, name="invitation"),
    path("v/<str:code>/verder/<str:token>/", respond_views.resume, name="resume"),
    path("v/<str:code>/taal/", respond_views.language, name="language"),
    path("v/<str:code>/p/<int:page>/", respond_views.page, name="page"),
    path("v/<str:code>/bedankt/", respond_views.thanks, name="thanks"),
    path("v/<str:code>/vervolg/", respond_views.follow_up, name="follow_up"),
    path("v/intrekken/<str:token>/", respond_views.withdraw, name="withdraw"),
]
