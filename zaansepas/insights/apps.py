from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "zaansepas.insights"
    label = "insights"
    verbose_name = "Analyse en groslijsten"
