from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
]
