from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zaansepas.accounts"
    label = "accounts"
