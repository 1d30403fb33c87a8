from django.apps import AppConfig


class CityConfig(AppConfig):
    name = "zaansepas.city"
    label = "city"
