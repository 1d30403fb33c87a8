"""Providers (aanbieders), their people and locations. Offers follow in this app."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaansepas.city.models import Area


class ProviderKind(models.TextChoices):
    BUSINESS = "bedrijf", _("bedrijf of winkel")
    CULTURE = "cultuur", _("cultuur")
    SPORT = "sport", _("sport")
    SOCIAL = "sociaal", _("sociaal initiatief")


class ProviderStatus(models.TextChoices):
    PENDING = "aangemeld", _("aangemeld, wacht op beoordeling")
    APPROVED = "goedgekeurd", _("goedgekeurd")
    REJECTED = "afgewezen", _("afgewezen")


class Provider(models.Model):
    """An organisation that offers something on the pass. Live only once approved."""

    name = models.CharField(_("naam van de organisatie"), max_length=150)
    kind = models.CharField(_("soort"), max_length=12, choices=ProviderKind.choices)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, unique=True)
    # Stored compact (NL91ABNA0417164300); shown in groups of four.
    iban = models.CharField(_("IBAN"), max_length=34)
    account_holder = models.CharField(_("tenaamstelling rekening"), max_length=70)
    street = models.CharField(_("straat"), max_length=120)
    house_number = models.CharField(_("huisnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7)
    town = models.CharField(_("plaats"), max_length=80)
    contact_name = models.CharField(_("contactpersoon"), max_length=120)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"))
    contact_phone = models.CharField(_("telefoonnummer"), max_length=20)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("wat doet uw organisatie?"), blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=ProviderStatus.choices, default=ProviderStatus.PENDING
    )
    decision_reason = models.TextField(_("reden van het besluit"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    submission_key = models.UUIDField(unique=True, default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        permissions = [("review_provider", "Kan aanmeldingen van aanbieders beoordelen")]
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    OWNER = "eigenaar", _("beheerder van de aanbieder")
    TILL = "kassa", _("kassamedewerker")


class ProviderMember(models.Model):
    """A person who works for a provider: the owner manages, till staff scan and redeem."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_memberships"
    )
    role = models.CharField(_("rol"), max_length=10, choices=MemberRole.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "user"], name="one_membership_per_user")
        ]
        verbose_name = _("medewerker van aanbieder")
        verbose_name_plural = _("medewerkers van aanbieders")

    def __str__(self) -> str:
        return f"{self.user} — {self.provider} ({self.role})"


class Location(models.Model):
    """A place where the provider receives pass holders (a shop, a pool, a community centre)."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("naam van de locatie"), max_length=120)
    street = models.CharField(_("straat"), max_length=120)
    house_number = models.CharField(_("huisnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7)
    town = models.CharField(_("plaats"), max_length=80)
    district = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="locations"
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["provider", "name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return f"{self.provider} — {self.name}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class OpeningHours(models.Model):
    """One opening period on a weekday; a lunch break is two rows."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("dicht om"))

    class Meta:
        ordering = ["location", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="opens_before_closes"),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="weekday_range"
            ),
        ]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
