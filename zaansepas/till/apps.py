from django.apps import AppConfig


class TillConfig(AppConfig):
    name = "zaansepas.till"
    label = "till"
