from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "zaansepas.pages"
    label = "pages"
