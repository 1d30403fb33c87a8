from django.urls import include, path

from . import views, wave_views

app_name = "insights"
urlpatterns = [
    path("", include("zaansepas.insights.longlist_urls")),
    path("", include("zaansepas.insights.report_urls")),
    path("", include("zaansepas.insights.theme_urls")),
    path("onderzoek/vragenlijsten/<int:pk>/analyse/", views.survey_analysis, name="analysis"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/analyse/kruistabel/",
        views.survey_crosstab,
        name="crosstab",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/analyse/tabellen.xlsx",
        views.survey_tables_xlsx,
        name="tables_xlsx",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/analyse/kruistabel.xlsx",
        views.survey_crosstab_xlsx,
        name="crosstab_xlsx",
    ),
    path("onderzoek/vragenlijsten/<int:pk>/analyse/rondes/", wave_views.survey_waves, name="waves"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/analyse/grafiek/<str:code>.svg",
        views.question_chart_svg,
        name="question_chart",
    ),
]
