from django.apps import AppConfig


class WalletConfig(AppConfig):
    name = "zaansepas.wallet"
    label = "wallet"
    verbose_name = "Portemonnee en grootboek"
