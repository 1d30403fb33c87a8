from django.urls import include, path

from . import builder_views, respond_views, staff_views

app_name = "surveys"
urlpatterns = [
    # Researchers
    path("onderzoek/vragenlijsten/", staff_views.survey_list, name="staff_list"),
    path("onderzoek/vragenlijsten/<int:pk>/", builder_views.survey_detail, name="staff_detail"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/vertalen/",
        builder_views.translations,
        name="translations",
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
