from django.urls import path

from . import views

app_name = "wallet"
urlpatterns = [
    path("pas/tegoed/", views.wallet, name="wallet"),
]
