"""Users log in with their email address; what they may do comes from their role groups."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of DESIGN.md §2. Each is a Django group of the same name."""

    RESIDENT = "inwoner", _("inwoner")
    PROVIDER = "aanbieder", _("aanbieder")
    PASS_OFFICE = "pasbeheer", _("pasbeheerder")
    RESEARCHER = "onderzoeker", _("onderzoeker")
    PROFESSIONAL = "professional", _("professional")
    ADMIN = "admin", _("beheerder")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=150, blank=True)
    # Subject of the OIDC broker (pseudonym for DigiD); never the BSN itself.
    oidc_subject = models.CharField(max_length=255, unique=True, null=True, blank=True)
    # The language the resident last used the site in: emails to them are written in it.
    language = models.CharField(_("taal"), max_length=8, default="nl")
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot beheer"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.full_name or self.email

    def has_role(self, role: str) -> bool:
        return self.groups.filter(name=role).exists()

    @property
    def roles(self) -> set[str]:
        if not hasattr(self, "_roles_cache"):
            self._roles_cache = set(self.groups.values_list("name", flat=True))
        return self._roles_cache


class LoginLink(models.Model):
    """A one-time login link sent by email. Only the hash of the token is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    next_url = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("inloglink")
        verbose_name_plural = _("inloglinks")

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"
