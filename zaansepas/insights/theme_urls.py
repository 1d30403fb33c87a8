from django.urls import path

from . import theme_views as views

# Included by insights/urls.py, so the names are insights:answer_...
BASE = "onderzoek/vragenlijsten/<int:pk>/open-antwoorden/"
THEME = BASE + "<str:code>/thema/<int:theme_pk>/"

urlpatterns = [
    path(BASE, views.open_questions, name="answer_questions"),
    path(BASE + "<str:code>/", views.theme_page, name="answer_themes"),
    path(BASE + "<str:code>/zoeken/", views.find_themes, name="answer_themes_find"),
    path(BASE + "<str:code>/antwoorden/", views.answers_page, name="answer_theme_answers"),
    path(BASE + "<str:code>/coderen/", views.code_answer, name="answer_code"),
    path(THEME + "naam/", views.rename_theme, name="answer_theme_rename"),
    path(THEME + "samenvoegen/", views.merge_theme, name="answer_theme_merge"),
    path(THEME + "splitsen/", views.split_theme, name="answer_theme_split"),
    path(THEME + "groslijst/", views.theme_to_longlist, name="answer_theme_to_longlist"),
]
