from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _setup_roles(sender, **kwargs):
    from .roles import ensure_role_groups

    ensure_role_groups()


class AccountsConfig(AppConfig):
    name = "zaansepas.accounts"
    label = "accounts"

    def ready(self):
        # Set-up, not business flow: permissions only exist after migrate, so the role
        # groups are (re)built right after it. No sender: Django creates each app's
        # permissions in that app's own post_migrate, and the groups must see all of them.
        post_migrate.connect(_setup_roles, dispatch_uid="zp_setup_roles")
