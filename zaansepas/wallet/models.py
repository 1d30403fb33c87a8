"""The ledger: accounts, transfers and their entries, in integer euro cents.

The platform holds claims, never money (DESIGN.md §3.2): scheme money stays in the
municipality's bank account; these rows record who may spend what and what providers are
owed. Double entry: every transfer has two or more entries that sum to zero. Transfers and
entries are append-only — database triggers refuse UPDATE and DELETE (migration 0002) — and
a mistake is corrected by a reversing transfer. Each account caches its balance, updated in
the same transaction as its entries; a CHECK forbids a negative balance where overdraft is
not allowed.

Sign convention: a positive amount raises the account's balance. A top-up of €10 is
+1000 on the holder's own-money account and −1000 on the payment-provider clearing account.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaansepas.passes.models import PaymentStatus


class GrantBasis(models.TextChoices):
    PER_PASS = "pas", _("per pas")
    PER_CHILD = "kind", _("per kind (op de kinderpas)")


class Scheme(models.Model):
    """A budget scheme (regeling): earmarked money the municipality puts on passes, with
    who gets it, how much, what it may pay for and when it expires."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("uitleg voor de pashouder"), blank=True)
    # Who gets it. Tiers as a comma-separated list of passes.Tier values ("minima,bijstand");
    # empty means any tier. A list uploaded by staff (SchemeListEntry) can name passes too.
    tiers = models.CharField(_("grondslagen"), max_length=120, blank=True)
    basis = models.CharField(
        _("toekennen"), max_length=8, choices=GrantBasis.choices, default=GrantBasis.PER_PASS
    )
    min_age = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("tot en met leeftijd"), null=True, blank=True)
    uses_list = models.BooleanField(_("alleen passen op de lijst"), default=False)
    amount_cents = models.PositiveIntegerField(_("bedrag per jaar (cent)"))
    # What it may pay for. Empty lists mean no restriction of that kind; all that are set
    # must hold (e.g. sport or culture themes, at any provider).
    themes = models.ManyToManyField("city.PolicyTheme", blank=True, verbose_name=_("thema's"))
    providers = models.ManyToManyField(
        "offers.Provider", blank=True, related_name="+", verbose_name=_("aanbieders")
    )
    provider_kinds = models.CharField(_("soorten aanbieders"), max_length=60, blank=True)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        permissions = [("grant_budget", "Kan tegoed toekennen")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="scheme_valid_range"
            ),
        ]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")

    def __str__(self) -> str:
        return self.name

    def tier_list(self) -> list[str]:
        return [t for t in self.tiers.split(",") if t]

    def provider_kind_list(self) -> list[str]:
        return [k for k in self.provider_kinds.split(",") if k]


class SchemeListEntry(models.Model):
    """A pass named on a list staff uploaded for a scheme (e.g. from the wijkteam)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="list_entries")
    pass_card = models.ForeignKey("passes.Pass", on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "pass_card"], name="scheme_list_once"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme_id}: {self.pass_card_id}"


class AccountKind(models.TextChoices):
    OWN_MONEY = "eigen_geld", _("eigen geld op de pas")
    BUDGET = "tegoed", _("tegoed van een regeling op de pas")
    PROVIDER_PAYABLE = "aanbieder", _("te betalen aan aanbieder")
    SCHEME_FUNDING = "regeling", _("budget van een regeling")
    EXPIRED_RETURN = "vervallen", _("vervallen tegoed, terug naar de regeling")
    PAYMENT_CLEARING = "betaalprovider", _("onderweg via de betaalprovider")
    PAYOUTS = "uitbetaald", _("uitbetaald aan aanbieders")


# Accounts that stand for money outside the platform (the scheme's budget, what the payment
# provider collected, what left in payouts) may run negative; what a holder or provider is
# owed may not.
MAY_BE_NEGATIVE = {AccountKind.SCHEME_FUNDING, AccountKind.PAYMENT_CLEARING}


class Account(models.Model):
    kind = models.CharField(_("soort"), max_length=16, choices=AccountKind.choices)
    # One readable, unique name per account ("tegoed:pas:12:regeling:3:2027-12-31"), because
    # a unique constraint over nullable columns would let NULLs repeat.
    key = models.CharField(max_length=120, unique=True)
    pass_card = models.ForeignKey(
        "passes.Pass", null=True, blank=True, on_delete=models.PROTECT, related_name="accounts"
    )
    scheme = models.ForeignKey(
        Scheme, null=True, blank=True, on_delete=models.PROTECT, related_name="accounts"
    )
    provider = models.ForeignKey(
        "offers.Provider",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts",
    )
    # A budget's last day: unspent money returns to the scheme after it.
    expires_on = models.DateField(_("vervalt na"), null=True, blank=True)
    allow_negative = models.BooleanField(default=False)
    # Cached sum of this account's entries; verify_ledger recomputes it.
    balance_cents = models.BigIntegerField(_("saldo (cent)"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(allow_negative=True) | Q(balance_cents__gte=0),
                name="account_no_overdraft",
            ),
        ]
        verbose_name = _("rekening")
        verbose_name_plural = _("rekeningen")

    def __str__(self) -> str:
        return self.key


class TransferKind(models.TextChoices):
    GRANT = "toekenning", _("toekenning van tegoed")
    TOP_UP = "opwaardering", _("opwaardering")
    PAYMENT = "betaling", _("betaling")
    REFUND = "terugbetaling", _("terugbetaling")
    EXPIRY = "verval", _("verval van tegoed")
    PAYOUT = "uitbetaling", _("uitbetaling aan aanbieder")
    CORRECTION = "correctie", _("correctie")


class Transfer(models.Model):
    # The client's idempotency key: the same key again is the same transfer, never a second.
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(_("soort"), max_length=16, choices=TransferKind.choices)
    # What was asked, so the same key with a different request is refused.
    fingerprint = models.CharField(max_length=64)
    memo = models.CharField(_("omschrijving"), max_length=200, blank=True)
    reverses = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversals"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class Entry(models.Model):
    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount_cents = models.BigIntegerField(_("bedrag (cent)"))

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(amount_cents=0), name="entry_not_zero"),
        ]
        verbose_name = _("boekingsregel")
        verbose_name_plural = _("boekingsregels")

    def __str__(self) -> str:
        return f"{self.account_id} {self.amount_cents:+d}"


class PayoutStatus(models.TextChoices):
    PREPARED = "klaargezet", _("klaargezet: bestand voor de bank gemaakt")
    PAID = "betaald", _("betaald: de gemeente heeft het betaald")


class PayoutRun(models.Model):
    """What providers earned in one period, paid by the municipality from its own bank with
    the SEPA file made here, then confirmed so the payables are cleared."""

    period = models.CharField(_("periode"), max_length=7, unique=True)  # "2026-11"
    starts_at = models.DateTimeField()  # transfers from here (the previous run's end) …
    ends_at = models.DateTimeField()  # … up to here, Europe/Amsterdam midnight
    status = models.CharField(
        _("status"), max_length=12, choices=PayoutStatus.choices, default=PayoutStatus.PREPARED
    )
    message_id = models.CharField(max_length=35, unique=True)
    sepa_xml = models.TextField(editable=False)
    total_cents = models.BigIntegerField(_("totaal (cent)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period"]
        permissions = [("run_payouts", "Kan uitbetalingen klaarzetten en bevestigen")]
        verbose_name = _("uitbetaling")
        verbose_name_plural = _("uitbetalingen")

    def __str__(self) -> str:
        return self.period


class PayoutLine(models.Model):
    run = models.ForeignKey(PayoutRun, on_delete=models.PROTECT, related_name="lines")
    provider = models.ForeignKey("offers.Provider", on_delete=models.PROTECT, related_name="+")
    amount_cents = models.BigIntegerField(_("bedrag (cent)"))
    # As sent to the bank, so the statement shows what was used even if the provider's
    # details change later.
    iban = models.CharField(max_length=34)
    account_holder = models.CharField(max_length=70)
    end_to_end_id = models.CharField(max_length=35)

    class Meta:
        ordering = ["provider__name"]
        constraints = [
            models.UniqueConstraint(fields=["run", "provider"], name="payout_line_once"),
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="payout_line_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.run_id}: {self.provider_id} {self.amount_cents}"


# A top-up goes through the same payment provider as a paid pass, with the same states.
TopUpStatus = PaymentStatus


class TopUp(models.Model):
    """Own money the holder puts on the pass through the payment provider. The ledger gets
    it only once the provider says it is paid (wallet.topups.refresh_top_up)."""

    pass_card = models.ForeignKey("passes.Pass", on_delete=models.PROTECT, related_name="top_ups")
    amount_cents = models.PositiveIntegerField(_("bedrag (cent)"))
    provider = models.CharField(max_length=20)
    external_id = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=12, choices=TopUpStatus.choices, default=TopUpStatus.OPEN)
    checkout_url = models.CharField(max_length=500)
    # Only for the demo provider: what its confirm page recorded, as a real provider would.
    demo_outcome = models.CharField(max_length=12, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_cents__gt=0), name="top_up_positive"),
        ]
        verbose_name = _("opwaardering")
        verbose_name_plural = _("opwaarderingen")

    def __str__(self) -> str:
        return f"{self.provider} {self.external_id}"


class ExpiryNotice(models.Model):
    """One email per budget account about money that will expire: never twice."""

    account = models.OneToOneField(Account, on_delete=models.PROTECT, related_name="expiry_notice")
    sent_to = models.EmailField()
    balance_cents = models.BigIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.account_id} {self.sent_at:%Y-%m-%d}"
