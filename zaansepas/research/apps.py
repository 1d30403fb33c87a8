from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "zaansepas.research"
    label = "research"
    verbose_name = "Onderzoekssessies en interviews"
