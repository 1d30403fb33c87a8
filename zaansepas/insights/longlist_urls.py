from django.urls import path

from . import longlist_views as views

# Included by insights/urls.py, so the names are insights:longlist...
urlpatterns = [
    path("onderzoek/groslijsten/", views.longlist, name="longlist"),
    path("onderzoek/groslijsten/opbouwen/", views.longlist_build, name="longlist_build"),
    path("onderzoek/groslijsten/nieuw/", views.longlist_new, name="longlist_new"),
    path("onderzoek/groslijsten/gaten/", views.longlist_gaps, name="longlist_gaps"),
    path("onderzoek/groslijsten/groslijsten.xlsx", views.longlist_xlsx, name="longlist_xlsx"),
    path("onderzoek/groslijsten/<int:pk>/", views.longlist_item, name="longlist_item"),
    path(
        "onderzoek/groslijsten/<int:pk>/bewerken/",
        views.longlist_item_update,
        name="longlist_item_update",
    ),
    path(
        "onderzoek/groslijsten/<int:pk>/status/",
        views.longlist_item_status,
        name="longlist_item_status",
    ),
    path(
        "onderzoek/groslijsten/<int:pk>/aanbod/",
        views.longlist_item_offers,
        name="longlist_item_offers",
    ),
    path(
        "onderzoek/groslijsten/<int:pk>/aanbod/<int:offer_pk>/los/",
        views.longlist_item_unlink,
        name="longlist_item_unlink",
    ),
    path(
        "onderzoek/groslijsten/<int:pk>/open-antwoorden/",
        views.longlist_item_answer_theme,
        name="longlist_item_answer_theme",
    ),
    path(
        "onderzoek/groslijsten/<int:pk>/open-antwoorden/<int:theme_pk>/los/",
        views.longlist_item_unlink_answer_theme,
        name="longlist_item_unlink_answer_theme",
    ),
    path(
        "onderzoek/groslijsten/<int:pk>/samenvoegen/", views.longlist_merge, name="longlist_merge"
    ),
]
