"""The qualitative part of the needs scan: research sessions (one per policy theme per scan
year) with their invitation list, follow-up interviews with survey respondents, and the
statements (uitspraken) both produce, coded by kind, theme, target group and wijk.

Contact details are kept apart and short-lived (DESIGN.md §3):
- a participant's email and phone are stored only with their consent (a CheckConstraint
  holds it) and wiped after `contact_retention_until`;
- a participant's name goes too, a year after the session (later only while their contact
  details may still be kept): from then on their statements belong to "Deelnemer 12 (naam
  gewist)", no longer to a person (research/retention.py);
- an interview never copies a respondent's contact details or answers: it holds the
  survey and the random `reference` a FollowUpConsent shares with the response, and the
  stratum it was drawn from. The page shows the contact details from the FollowUpConsent
  while it exists; the daily job deletes that consent once the interview is done and its
  retention is over.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zaansepas.city.models import Area, PolicyTheme


class TargetGroup(models.TextChoices):
    """Who a need or an offer idea is about. Shared with the longlists (insights)."""

    CHILDREN_YOUTH = "kinderen_jongeren", _("kinderen en jongeren")
    FAMILIES = "gezinnen", _("gezinnen")
    ELDERLY = "ouderen", _("ouderen")
    LOW_INCOME = "laag_inkomen", _("mensen met een laag inkomen")
    CAREGIVERS = "mantelzorgers", _("mantelzorgers")
    NEWCOMERS = "nieuwkomers", _("nieuwkomers")
    DISABILITY = "beperking", _("mensen met een beperking")
    EVERYONE = "iedereen", _("iedereen")


class SessionStatus(models.TextChoices):
    PLANNED = "gepland", _("gepland")
    HELD = "gehouden", _("gehouden")


class Session(models.Model):
    """A small research session about one policy theme, once per theme per scan year."""

    theme = models.ForeignKey(
        PolicyTheme, on_delete=models.PROTECT, related_name="research_sessions"
    )
    # The scan is repeated "every year or so": the year tells the rounds apart.
    year = models.PositiveSmallIntegerField(_("jaar van de scan"))
    date = models.DateField(_("datum"), null=True, blank=True)
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    facilitator = models.CharField(_("gespreksleider"), max_length=200, blank=True)
    # One per line: name and sector, e.g. "Karin Mol (sport, gemeente)".
    specialists = models.TextField(_("geraadpleegde sectorspecialisten"), blank=True)
    notes = models.TextField(_("aantekeningen"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "theme__position", "theme__name"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "year"], name="session_one_per_theme_year"),
            # A held session happened on a day.
            models.CheckConstraint(
                condition=~Q(status="gehouden") | Q(date__isnull=False),
                name="session_held_has_date",
            ),
        ]
        permissions = [
            ("manage_research", "Onderzoekssessies, uitspraken en interviews beheren"),
        ]
        verbose_name = _("onderzoekssessie")
        verbose_name_plural = _("onderzoekssessies")

    def __str__(self) -> str:
        return f"{self.theme} ({self.year})"

    @property
    def specialist_list(self) -> list[str]:
        return [line.strip() for line in self.specialists.splitlines() if line.strip()]


class ParticipantKind(models.TextChoices):
    RESIDENT = "vrager", _("inwoner (vrager)")
    PROVIDER = "aanbieder", _("aanbieder")
    PROFESSIONAL = "professional", _("professional")
    ORGANISATION = "organisatie", _("organisatie")


class Participant(models.Model):
    """Someone on a session's invitation list."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participants")
    kind = models.CharField(_("soort deelnemer"), max_length=12, choices=ParticipantKind.choices)
    name = models.CharField(_("naam"), max_length=120)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    contact_consent = models.BooleanField(
        _("toestemming om contactgegevens te bewaren"), default=False
    )
    consent_on = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    contact_retention_until = models.DateField(
        _("contactgegevens bewaren tot"), null=True, blank=True
    )
    contact_deleted_on = models.DateField(_("contactgegevens gewist op"), null=True, blank=True)
    name_deleted_on = models.DateField(_("naam gewist op"), null=True, blank=True)
    invited = models.BooleanField(_("uitgenodigd"), default=True)
    attended = models.BooleanField(_("aanwezig"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "name", "id"]
        constraints = [
            # No contact details without consent, and none without a date to delete them.
            models.CheckConstraint(
                condition=Q(email="", phone="")
                | Q(contact_consent=True, contact_retention_until__isnull=False),
                name="participant_contact_needs_consent",
            ),
            models.CheckConstraint(
                condition=Q(contact_consent=False) | Q(consent_on__isnull=False),
                name="participant_consent_has_date",
            ),
        ]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")

    def __str__(self) -> str:
        return self.name

    @property
    def has_contact_details(self) -> bool:
        return bool(self.email or self.phone)


class InterviewStatus(models.TextChoices):
    DRAWN = "getrokken", _("getrokken")
    CONTACTED = "benaderd", _("benaderd")
    HELD = "gehouden", _("gehouden")
    REFUSED = "geweigerd", _("wil niet meedoen")
    UNREACHABLE = "onbereikbaar", _("niet bereikbaar")


# An interview with one of these statuses is done: its contact details may go after retention.
FINISHED_INTERVIEW_STATUSES = {
    InterviewStatus.HELD,
    InterviewStatus.REFUSED,
    InterviewStatus.UNREACHABLE,
}


class Interview(models.Model):
    """A follow-up interview with a survey respondent who consented to be contacted.

    Linked by the consent's random reference only: no link to the response row, no copy of
    answers or contact details."""

    survey = models.ForeignKey(
        "surveys.Survey", on_delete=models.CASCADE, related_name="research_interviews"
    )
    reference = models.CharField(_("kenmerk"), max_length=24)
    # The stratum it was drawn from (wijk and pass tier, see sampling.py).
    district = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tier = models.CharField(_("soort pas"), max_length=12, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=InterviewStatus.choices, default=InterviewStatus.DRAWN
    )
    interviewer = models.CharField(_("interviewer"), max_length=200, blank=True)
    held_on = models.DateField(_("datum gesprek"), null=True, blank=True)
    notes = models.TextField(_("aantekeningen"), blank=True)
    drawn_on = models.DateField(_("getrokken op"))
    finished_on = models.DateField(_("afgerond op"), null=True, blank=True)
    contact_retention_until = models.DateField(
        _("contactgegevens bewaren tot"), null=True, blank=True
    )
    contact_deleted_on = models.DateField(_("contactgegevens gewist op"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["survey", "drawn_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "reference"], name="interview_one_per_reference"
            ),
            models.CheckConstraint(
                condition=~Q(status="gehouden") | Q(held_on__isnull=False),
                name="interview_held_has_date",
            ),
        ]
        verbose_name = _("vervolggesprek")
        verbose_name_plural = _("vervolggesprekken")

    def __str__(self) -> str:
        return self.reference


class StatementKind(models.TextChoices):
    NEED = "behoefte", _("behoefte")
    OFFER_IDEA = "aanbodidee", _("aanbodidee")
    BARRIER = "drempel", _("drempel")
    QUOTE = "citaat", _("citaat")


class Statement(models.Model):
    """Something said in a session or an interview, coded for the longlists. A statement
    without a theme is "nog niet gecodeerd": it is counted and listed as such, never
    silently left out."""

    text = models.TextField(_("uitspraak"))
    kind = models.CharField(_("soort"), max_length=12, choices=StatementKind.choices)
    theme = models.ForeignKey(
        PolicyTheme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="research_statements",
    )
    target_group = models.CharField(
        _("doelgroep"), max_length=20, choices=TargetGroup.choices, blank=True
    )
    district = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="statements"
    )
    interview = models.ForeignKey(
        Interview, null=True, blank=True, on_delete=models.CASCADE, related_name="statements"
    )
    participant = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(session__isnull=False, interview__isnull=True)
                | Q(session__isnull=True, interview__isnull=False),
                name="statement_exactly_one_source",
            ),
            models.CheckConstraint(
                condition=Q(participant__isnull=True) | Q(session__isnull=False),
                name="statement_participant_only_in_session",
            ),
        ]
        indexes = [models.Index(fields=["theme", "kind"], name="statement_theme_kind")]
        verbose_name = _("uitspraak")
        verbose_name_plural = _("uitspraken")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_coded(self) -> bool:
        return self.theme_id is not None
