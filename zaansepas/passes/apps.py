from django.apps import AppConfig


class PassesConfig(AppConfig):
    name = "zaansepas.passes"
    label = "passes"
