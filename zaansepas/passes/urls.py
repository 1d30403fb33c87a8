from django.urls import path

app_name = "passes"
urlpatterns: list = []
