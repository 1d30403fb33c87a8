"""Login through an OpenID Connect broker (DigiD for residents, eHerkenning for providers).

Active only when ZP_OIDC_CLIENT_ID and the endpoints are set. A resident is matched on the
broker's `sub` (a pseudonym); we never ask for or store a BSN.
"""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import Role
from .roles import grant_role


def oidc_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT)


class ResidentOIDCBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        if not oidc_enabled():
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(oidc_subject=claims["sub"])

    def create_user(self, claims):
        # Brokers for DigiD do not always give an email; a placeholder keeps the account
        # unique until the resident adds a real address.
        email = (claims.get("email") or f"{claims['sub']}@oidc.invalid").lower()
        if self.UserModel.objects.filter(email=email).exists():
            user = self.UserModel.objects.get(email=email)
            user.oidc_subject = claims["sub"]
            user.save(update_fields=["oidc_subject"])
        else:
            user = self.UserModel.objects.create_user(email, oidc_subject=claims["sub"])
        grant_role(user, Role.RESIDENT)
        return user

    def update_user(self, user, claims):
        return user
