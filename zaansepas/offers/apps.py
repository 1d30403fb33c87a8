from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "zaansepas.offers"
    label = "offers"
