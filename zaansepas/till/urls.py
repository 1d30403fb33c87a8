from django.urls import path

from . import views

app_name = "till"
urlpatterns = [
    path("kassa/", views.till, name="till"),
    path("kassa/verzilveren/", views.redeem, name="redeem"),
    path("kassa/ticket/", views.use_ticket, name="use_ticket"),
    path("kassa/betalen/", views.pay, name="pay"),
    path("kassa/betalen/<int:payment_id>/terug/", views.refund, name="refund"),
    path("kassa/apparaten/", views.devices, name="devices"),
]
