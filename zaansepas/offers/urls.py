from django.urls import path

from . import views

app_name = "offers"
urlpatterns = [
    path("aanbieders/aanmelden/", views.signup, name="signup"),
    path("aanbieders/aanmelden/ontvangen/", views.signup_received, name="signup_received"),
    path("beheer/aanbieders/", views.review_queue, name="review_queue"),
    path("beheer/aanbieders/<int:pk>/", views.review_detail, name="review_detail"),
]
