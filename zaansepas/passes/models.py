"""Households, applications, passes and their payments.

The pass tier (why someone has the pass and what they paid) lives here and must never leave
this app towards a till: see `verification.PassCheck`.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaansepas.city.models import Area, HouseholdType


class Household(models.Model):
    household_type = models.CharField(_("huishouden"), max_length=30, choices=HouseholdType.choices)
    street = models.CharField(_("straat"), max_length=120)
    house_number = models.CharField(_("huisnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7)  # normalised: "1503 AB"
    town = models.CharField(_("plaats"), max_length=80, blank=True)
    # Null when the address is outside Zaanstad (allowed for mantelzorgers only).
    district = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="households"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self) -> str:
        main = self.main_holder
        return f"{main} — {self.postcode}" if main else f"{_('huishouden')} {self.pk}"

    @property
    def main_holder(self):
        return self.members.filter(role=MemberRole.MAIN).first()


class MemberRole(models.TextChoices):
    MAIN = "hoofd", _("aanvrager")
    PARTNER = "partner", _("partner")
    CHILD = "kind", _("kind")


class Person(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("rol in huishouden"), max_length=10, choices=MemberRole.choices)
    first_name = models.CharField(_("voornaam"), max_length=80)
    last_name = models.CharField(_("achternaam"), max_length=120)
    birth_date = models.DateField(_("geboortedatum"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        ordering = ["household", "role", "birth_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(role="hoofd"),
                name="one_main_holder_per_household",
            ),
            models.UniqueConstraint(
                fields=["household"], condition=Q(role="partner"), name="one_partner_per_household"
            ),
        ]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


class Tier(models.TextChoices):
    """Why someone has the pass. Known to the pass office and the holder, never to a till."""

    STANDARD = "standaard", _("standaard (betaald)")
    LOW_INCOME = "minima", _("gratis: inkomen tot de grens")
    SOCIAL_ASSISTANCE = "bijstand", _("gratis: bijstand of Meedoen")
    CAREGIVER = "mantelzorg", _("gratis: mantelzorgwaardering")


FREE_TIERS = {Tier.LOW_INCOME, Tier.SOCIAL_ASSISTANCE, Tier.CAREGIVER}


class Route(models.TextChoices):
    """What the resident asks for on the application form."""

    INCOME = "inkomen", _("Gratis pas: ik heb een laag inkomen")
    ASSISTANCE = "bijstand", _("Gratis pas: ik heb bijstand of doe mee aan Meedoen")
    CAREGIVER = "mantelzorg", _("Gratis pas: ik krijg mantelzorgwaardering")
    PAID = "kopen", _("Ik koop de pas")


class PassKind(models.TextChoices):
    ADULT = "volwassene", _("pas")
    CHILD = "kind", _("kinderpas")


class PassPrice(models.Model):
    """Price of the standard (paid) pass; free tiers always cost nothing."""

    kind = models.CharField(_("soort pas"), max_length=12, choices=PassKind.choices)
    valid_from = models.DateField(_("geldig vanaf"))
    price_cents = models.PositiveIntegerField(_("prijs (cent)"))

    class Meta:
        ordering = ["kind", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "valid_from"], name="price_unique_date"),
        ]
        verbose_name = _("pasprijs")
        verbose_name_plural = _("pasprijzen")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.price_cents} ct vanaf {self.valid_from}"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("ingediend, wacht op beoordeling")
    INFO_REQUESTED = "info_gevraagd", _("informatie gevraagd")
    AWAITING_PAYMENT = "wacht_op_betaling", _("wacht op betaling")
    APPROVED = "toegekend", _("toegekend")
    REJECTED = "afgewezen", _("afgewezen")
    CANCELLED = "geannuleerd", _("geannuleerd")


OPEN_STATUSES = [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.INFO_REQUESTED,
    ApplicationStatus.AWAITING_PAYMENT,
]


class Proposal(models.TextChoices):
    FREE = "gratis", _("gratis pas")
    CONFIRM = "bevestigen", _("gratis pas na controle door medewerker")
    PAID = "betaald", _("betaalde pas")


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "papier", _("papieren formulier")


def evidence_path(instance, filename):
    # Random names: the original filename may contain a name or a BSN.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{ext}"


def letter_path(instance, filename):
    return f"letters/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


def new_reference() -> str:
    # Short, unambiguous (no 0/O, 1/I) and not guessable.
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "ZP-" + "".join(secrets.choice(alphabet) for _ in range(8))


class Application(models.Model):
    reference = models.CharField(_("kenmerk"), max_length=16, unique=True, default=new_reference)
    # Set by the form when it is first shown, so a double submission finds the first one.
    submission_key = models.UUIDField(unique=True)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="applications")
    children = models.ManyToManyField(
        Person,
        blank=True,
        related_name="child_pass_applications",
        verbose_name=_("kinderpassen voor"),
    )
    include_partner = models.BooleanField(_("ook een pas voor de partner"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submitted_applications"
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    route = models.CharField(_("soort aanvraag"), max_length=12, choices=Route.choices)
    # As it was on the application date; the household may change later.
    household_type = models.CharField(_("huishouden"), max_length=30, choices=HouseholdType.choices)
    monthly_income_cents = models.PositiveIntegerField(
        _("netto inkomen per maand (cent)"), null=True, blank=True
    )
    evidence = models.FileField(_("bewijs van inkomen"), upload_to=evidence_path, blank=True)
    evidence_content_type = models.CharField(max_length=40, blank=True)
    resident_note = models.TextField(_("toelichting van de aanvrager"), blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)

    # The automatic proposal, kept as it was shown to the resident and the reviewer.
    proposal = models.CharField(_("voorstel"), max_length=12, choices=Proposal.choices)
    proposed_tier = models.CharField(_("voorgestelde soort"), max_length=12, choices=Tier.choices)
    proposal_reasoning = models.TextField(_("uitleg bij het voorstel"))
    norm_cents = models.PositiveIntegerField(null=True, blank=True)
    norm_percentage = models.PositiveSmallIntegerField(null=True, blank=True)
    price_cents = models.PositiveIntegerField(_("te betalen (cent)"), default=0)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    info_request = models.TextField(_("gevraagde informatie"), blank=True)
    decided_tier = models.CharField(max_length=12, choices=Tier.choices, blank=True)
    decision_reason = models.TextField(_("reden van het besluit"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decided_applications",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_letter = models.FileField(upload_to=letter_path, blank=True)

    class Meta:
        ordering = ["submitted_at"]
        permissions = [
            ("review_application", "Kan aanvragen beoordelen"),
            ("enter_paper_application", "Kan papieren aanvragen invoeren"),
        ]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class PassStatus(models.TextChoices):
    ACTIVE = "actief", _("actief")
    BLOCKED = "geblokkeerd", _("geblokkeerd")
    EXPIRED = "verlopen", _("verlopen")


def new_code_salt() -> str:
    return secrets.token_hex(8)


class Pass(models.Model):
    number = models.CharField(_("pasnummer"), max_length=10, unique=True)
    holder = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="passes")
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="passes")
    kind = models.CharField(_("soort pas"), max_length=12, choices=PassKind.choices)
    tier = models.CharField(_("grondslag"), max_length=12, choices=Tier.choices)
    price_paid_cents = models.PositiveIntegerField(_("betaald (cent)"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=PassStatus.choices, default=PassStatus.ACTIVE
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"))
    # A printed card carries its version; replacing the card bumps it, so the old card dies.
    card_version = models.PositiveIntegerField(default=1)
    # Part of every digital QR; a new salt voids every QR shown before (e.g. a lost phone).
    code_salt = models.CharField(max_length=32, default=new_code_salt)
    blocked_reason = models.CharField(_("reden blokkade"), max_length=200, blank=True)
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="passes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("manage_pass", "Kan passen blokkeren, vervangen en verlengen")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="pass_valid_range"
            ),
        ]
        verbose_name = _("pas")
        verbose_name_plural = _("passen")

    def __str__(self) -> str:
        return self.number


class PassEventKind(models.TextChoices):
    ISSUED = "uitgegeven", _("uitgegeven")
    BLOCKED = "geblokkeerd", _("geblokkeerd")
    UNBLOCKED = "gedeblokkeerd", _("blokkade opgeheven")
    CARD_REPLACED = "vervangen", _("kaart vervangen")
    RENEWED = "verlengd", _("verlengd")
    EXPIRED = "verlopen", _("verlopen")


class PassEvent(models.Model):
    """What happened to a pass, by whom and why: the audit trail of the pass office."""

    pass_card = models.ForeignKey(Pass, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=PassEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    reason = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.pass_card_id} {self.kind} {self.at:%Y-%m-%d}"


class PaymentStatus(models.TextChoices):
    OPEN = "open", _("open")
    PAID = "betaald", _("betaald")
    FAILED = "mislukt", _("mislukt")
    CANCELLED = "geannuleerd", _("geannuleerd")
    EXPIRED = "verlopen", _("verlopen")


class Payment(models.Model):
    """A payment for a paid pass, at the configured payment provider."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payments")
    provider = models.CharField(max_length=20)
    external_id = models.CharField(max_length=64, unique=True)
    amount_cents = models.PositiveIntegerField()
    status = models.CharField(
        max_length=12, choices=PaymentStatus.choices, default=PaymentStatus.OPEN
    )
    checkout_url = models.CharField(max_length=500)
    # Only for the demo provider: what its confirm page recorded, as a real provider would
    # report it. `status` is what we have processed.
    demo_outcome = models.CharField(max_length=12, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="payment_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.external_id}"
