from django.apps import AppConfig


class WalletConfig(AppConfig):
    name = "zaansepas.wallet"
    label = "wallet"
    verbose_name = "Portemonnee en grootboek"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
