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


class OfferKind(models.TextChoices):
    PERCENT_OFF = "procent", _("percentage korting")
    AMOUNT_OFF = "bedrag", _("korting in euro's")
    FIXED_PRICE = "vaste_prijs", _("vaste pasprijs")
    FREE = "gratis", _("gratis")
    # "20% (or €5) off anything in a category": the till types what the customer buys.
    CATEGORY = "categorie", _("korting op alles in een categorie")
    # A seat at a participation-kitchen table, access to a clothing bank: no money involved.
    PLACE = "plek", _("plek of toegang (met reservering)")


class Period(models.TextChoices):
    DAY = "dag", _("per dag")
    WEEK = "week", _("per week")
    MONTH = "maand", _("per maand")
    YEAR = "jaar", _("per kalenderjaar")
    PASS_YEAR = "pasjaar", _("per pasjaar")
    LIFETIME = "altijd", _("in totaal")


class OfferStatus(models.TextChoices):
    DRAFT = "concept", _("concept")
    SUBMITTED = "ingediend", _("wacht op beoordeling")
    APPROVED = "goedgekeurd", _("goedgekeurd")
    REJECTED = "afgewezen", _("afgewezen")
    WITHDRAWN = "ingetrokken", _("ingetrokken")


class OfferGroup(models.Model):
    """'Pick N from this set': e.g. one sport and one culture offer per year per pass."""

    name = models.CharField(_("naam"), max_length=120)
    picks = models.PositiveSmallIntegerField(_("aantal keuzes"), default=1)
    period = models.CharField(
        _("periode"), max_length=8, choices=Period.choices, default=Period.YEAR
    )

    class Meta:
        verbose_name = _("keuzegroep")
        verbose_name_plural = _("keuzegroepen")

    def __str__(self) -> str:
        return self.name


class Offer(models.Model):
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="offers")
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("beschrijving"))
    kind = models.CharField(_("soort aanbod"), max_length=12, choices=OfferKind.choices)
    themes = models.ManyToManyField("city.PolicyTheme", blank=True, verbose_name=_("thema's"))
    locations = models.ManyToManyField(Location, blank=True, verbose_name=_("locaties"))

    # Who it is meant for. Everyone may use an offer for everyone; the others are shown
    # to the holders they fit ("voor jou") and checked at the till without saying why.
    for_everyone = models.BooleanField(_("iedereen"), default=True)
    for_low_income = models.BooleanField(_("mensen met een laag inkomen"), default=False)
    for_children = models.BooleanField(_("kinderen van 4 tot en met 17 jaar"), default=False)
    for_seniors = models.BooleanField(_("65-plussers"), default=False)
    for_caregivers = models.BooleanField(_("mantelzorgers"), default=False)

    # Money, all in cents. Which fields count depends on the kind (see offers/pricing.py).
    regular_price_cents = models.PositiveIntegerField(
        _("normale prijs (cent)"), null=True, blank=True
    )
    percent_off = models.PositiveSmallIntegerField(_("korting in procent"), null=True, blank=True)
    amount_off_cents = models.PositiveIntegerField(_("korting (cent)"), null=True, blank=True)
    pass_price_cents = models.PositiveIntegerField(_("pasprijs (cent)"), null=True, blank=True)
    discount_cap_cents = models.PositiveIntegerField(
        _("maximale korting (cent)"), null=True, blank=True
    )
    category_label = models.CharField(_("categorie"), max_length=120, blank=True)

    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"))

    # Limits; empty means no limit.
    per_pass_limit = models.PositiveSmallIntegerField(_("maximaal per pas"), null=True, blank=True)
    per_pass_period = models.CharField(
        _("periode per pas"), max_length=8, choices=Period.choices, default=Period.YEAR
    )
    per_household_limit = models.PositiveSmallIntegerField(
        _("maximaal per huishouden"), null=True, blank=True
    )
    per_household_period = models.CharField(
        _("periode per huishouden"), max_length=8, choices=Period.choices, default=Period.YEAR
    )
    global_quota = models.PositiveIntegerField(_("totaal beschikbaar"), null=True, blank=True)
    capacity_per_date = models.PositiveIntegerField(_("plekken per dag"), null=True, blank=True)
    group = models.ForeignKey(
        OfferGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offers",
        verbose_name=_("keuzegroep"),
    )

    status = models.CharField(
        _("status"), max_length=12, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    below_norm = models.BooleanField(_("minder korting dan het minimum"), default=False)
    review_reason = models.TextField(_("reden van het besluit"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When it was last sent to the pass office: the review queue goes by this, so an offer
    # sent in again after a rejection queues behind those already waiting.
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The new-offer form's one-time key: a double click makes one offer, not two.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Stemmed words of title, description, category and provider (offers/search.py), so
    # "zwemmen" finds "zwemles" and "fietsen" finds "fietsreparatie" on any database.
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["title"]
        permissions = [("review_offer", "Kan aanbod beoordelen")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="offer_valid_range"
            ),
            models.CheckConstraint(
                condition=Q(percent_off__isnull=True) | Q(percent_off__gte=1, percent_off__lte=100),
                name="offer_percent_range",
            ),
        ]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from .search import index_text

        self.search_text = index_text(
            self.title,
            self.description,
            self.category_label,
            self.provider.name if self.provider_id else "",
        )
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class ReservationStatus(models.TextChoices):
    RESERVED = "gereserveerd", _("gereserveerd")
    USED = "gebruikt", _("gebruikt")
    CANCELLED = "geannuleerd", _("geannuleerd")


class Reservation(models.Model):
    """A place or a ticket for one pass on one date. It holds its place in every limit and
    in the date's capacity until it is used at the till or cancelled. The ticket looks the
    same for every holder: it names the offer and the date, never why the holder may have it."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="reservations")
    pass_card = models.ForeignKey(
        "passes.Pass", on_delete=models.PROTECT, related_name="reservations"
    )
    # Denormalised like Redemption.household, so household limits count with one query.
    household = models.ForeignKey(
        "passes.Household", on_delete=models.PROTECT, related_name="reservations"
    )
    service_date = models.DateField(_("datum"))
    # What the ticket's QR carries and what staff may type: random, not guessable.
    code = models.CharField(_("ticketcode"), max_length=16, unique=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ReservationStatus.choices,
        default=ReservationStatus.RESERVED,
    )
    # The reserve form's one-time key: a double click gives one ticket, not two.
    request_key = models.UUIDField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["service_date", "created_at"]
        indexes = [
            models.Index(fields=["offer", "service_date", "status"]),
            models.Index(fields=["pass_card", "status"]),
            models.Index(fields=["household", "status"]),
        ]
        verbose_name = _("reservering")
        verbose_name_plural = _("reserveringen")

    def __str__(self) -> str:
        return f"{self.code} ({self.offer_id}, {self.service_date})"
