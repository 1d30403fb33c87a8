from django.urls import path

from . import catalogue_views

app_name = "catalogue"
urlpatterns = [
    path("aanbod/", catalogue_views.catalogue, name="list"),
    path("aanbod/<int:pk>/", catalogue_views.offer_detail, name="detail"),
]
