from django.urls import path

from . import catalogue_views, reservation_views

app_name = "catalogue"
urlpatterns = [
    path("aanbod/", catalogue_views.catalogue, name="list"),
    path("aanbod/<int:pk>/", catalogue_views.offer_detail, name="detail"),
    path("aanbod/<int:pk>/reserveren/", reservation_views.reserve, name="reserve"),
    path("tickets/", reservation_views.tickets, name="tickets"),
    path("tickets/<str:code>/", reservation_views.ticket, name="ticket"),
    path("tickets/<str:code>/annuleren/", reservation_views.cancel_ticket, name="cancel_ticket"),
]
