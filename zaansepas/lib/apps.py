from django.apps import AppConfig


class LibConfig(AppConfig):
    # Registered only so its template filters (money) load; it has no models.
    name = "zaansepas.lib"
    label = "lib"
