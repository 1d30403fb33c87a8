from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class ResidentOIDCBackend(OIDCAuthenticationBackend):
    pass
