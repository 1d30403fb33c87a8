from django.urls import path

from . import dashboard_views, views

app_name = "offers"
urlpatterns = [
    path("aanbieders/aanmelden/", views.signup, name="signup"),
    path("aanbieders/aanmelden/ontvangen/", views.signup_received, name="signup_received"),
    path("beheer/aanbieders/", views.review_queue, name="review_queue"),
    path("beheer/aanbieders/<int:pk>/", views.review_detail, name="review_detail"),
    path("aanbieder/", views.provider_offers, name="provider_offers"),
    path("aanbieder/overzicht/", dashboard_views.provider_dashboard, name="provider_dashboard"),
    path("aanbieder/overzicht/csv/", dashboard_views.provider_dashboard_csv, name="dashboard_csv"),
    path("aanbieder/aanbod/nieuw/", views.offer_new, name="offer_new"),
    path("aanbieder/aanbod/<int:pk>/", views.provider_offer, name="provider_offer"),
    path("beheer/aanbod/", views.offer_review_queue, name="offer_review_queue"),
    path("beheer/aanbod/<int:pk>/", views.offer_review_detail, name="offer_review_detail"),
]
