from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "zaansepas.surveys"
    label = "surveys"
    verbose_name = "Vragenlijsten"
