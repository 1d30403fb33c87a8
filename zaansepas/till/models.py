"""Redemptions: a pass used for an offer at a till. Append-only; a cancellation is a mark."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OfferCounter(models.Model):
    """One row per offer, locked during a redemption so a global quota holds under load."""

    offer = models.OneToOneField("offers.Offer", on_delete=models.CASCADE, related_name="counter")
    used = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.offer_id}: {self.used}"


class Redemption(models.Model):
    offer = models.ForeignKey("offers.Offer", on_delete=models.PROTECT, related_name="redemptions")
    pass_card = models.ForeignKey(
        "passes.Pass", on_delete=models.PROTECT, related_name="redemptions"
    )
    # Denormalised so household limits count with one indexed query.
    household = models.ForeignKey(
        "passes.Household", on_delete=models.PROTECT, related_name="redemptions"
    )
    provider = models.ForeignKey(
        "offers.Provider", on_delete=models.PROTECT, related_name="redemptions"
    )
    location = models.ForeignKey(
        "offers.Location",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="redemptions",
    )
    amount_cents = models.PositiveIntegerField(_("bedrag (cent)"))
    discount_cents = models.PositiveIntegerField(_("korting (cent)"))
    pass_price_cents = models.PositiveIntegerField(_("pasprijs (cent)"))
    # The day it counts for, in Europe/Amsterdam (capacity per date, daily limits).
    service_date = models.DateField()
    redeemed_at = models.DateTimeField(default=timezone.now)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The till's Idempotency-Key: the same key from the same provider is the same redemption.
    idempotency_key = models.CharField(max_length=80)
    request_fingerprint = models.CharField(max_length=64)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Set when the till scanned a reservation ticket rather than the pass itself.
    reservation = models.ForeignKey(
        "offers.Reservation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="redemptions",
    )

    class Meta:
        ordering = ["-redeemed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "idempotency_key"], name="one_redemption_per_key"
            ),
            models.CheckConstraint(
                condition=Q(discount_cents__lte=models.F("amount_cents")),
                name="discount_within_amount",
            ),
        ]
        indexes = [
            models.Index(fields=["pass_card", "offer", "redeemed_at"]),
            models.Index(fields=["household", "offer", "redeemed_at"]),
            models.Index(fields=["offer", "service_date"]),
            # The provider's dashboard and GET /till/redemptions go by provider and day.
            models.Index(fields=["provider", "service_date"]),
        ]
        verbose_name = _("verzilvering")
        verbose_name_plural = _("verzilveringen")

    def __str__(self) -> str:
        return f"{self.offer_id} / {self.pass_card_id} @ {self.redeemed_at:%Y-%m-%d %H:%M}"


class TillDevice(models.Model):
    """A till (phone, tablet, cash register) allowed to use the till API for one provider.
    The owner issues it; only the token's hash is stored; revoking it stops it at once."""

    provider = models.ForeignKey(
        "offers.Provider", on_delete=models.CASCADE, related_name="till_devices"
    )
    name = models.CharField(_("naam van het apparaat"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["provider", "name"]
        verbose_name = _("kassa-apparaat")
        verbose_name_plural = _("kassa-apparaten")

    def __str__(self) -> str:
        return f"{self.provider} — {self.name}"
