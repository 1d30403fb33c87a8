from django.urls import path

from . import views

app_name = "insights"
urlpatterns = [
    path("onderzoek/vragenlijsten/<int:pk>/analyse/", views.survey_analysis, name="analysis"),
    path(
        "onderzoek/vragenlijsten/<int:pk>/analyse/kruistabel/",
        views.survey_crosstab,
        name="crosstab",
    ),
    path(
        "onderzoek/vragenlijsten/<int:pk>/analyse/grafiek/<str:code>.svg",
        views.question_chart_svg,
        name="question_chart",
    ),
]
