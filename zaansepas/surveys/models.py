"""Surveys of the needs scan: definitions (sections, questions, choices), the channels they
are spread through, and the responses.

Texts a respondent reads are JSON objects {language code: text}, so a survey can be
translated into any language without a migration; Dutch ("nl") is always there.

Anonymity is built into the tables (DESIGN.md §3): a response has a random UUID key, its
submission date (not the time) and its answers; no user, IP address, user agent, invitation
or draft. Contact details for a follow-up conversation live in FollowUpConsent, apart, and
share only a random reference with the response.
"""

import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zaansepas.city.models import Area

# A question code must work as an SPSS variable name and an XLSForm name: a letter first,
# then letters, digits and underscores, short enough for the option columns of an export.
CODE_VALIDATOR = RegexValidator(
    r"^[a-z][a-z0-9_]{0,31}$",
    _("Gebruik kleine letters, cijfers en _; begin met een letter; hoogstens 32 tekens."),
)
CHOICE_CODE_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9_+.\-]{0,31}$",
    _("Gebruik letters, cijfers en _ - + .; hoogstens 32 tekens."),
)


class SurveyStatus(models.TextChoices):
    DRAFT = "concept", _("concept")
    PUBLISHED = "gepubliceerd", _("gepubliceerd")
    CLOSED = "gesloten", _("gesloten")


class Survey(models.Model):
    """One version (wave) of a survey. Published versions are frozen: a change makes a new
    version in the same series, so questions with the same code can be compared."""

    series = models.SlugField(_("reeks"), max_length=40)
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    title = models.JSONField(_("titel"), default=dict)
    intro = models.JSONField(_("inleiding"), default=dict, blank=True)
    thanks = models.JSONField(_("bedanktekst"), default=dict, blank=True)
    # Languages respondents may choose, the source language ("nl") first.
    languages = models.JSONField(_("talen"), default=list)
    status = models.CharField(
        _("status"), max_length=12, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    closes_at = models.DateTimeField(_("sluit op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    # Responses are deleted this many months after the survey closed (retention job).
    retention_months = models.PositiveSmallIntegerField(_("bewaartermijn (maanden)"), default=24)
    responses_deleted_at = models.DateTimeField(null=True, blank=True)
    ask_follow_up = models.BooleanField(_("na afloop vragen om een vervolggesprek"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["series", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["series", "version"], name="survey_unique_version")
        ]
        permissions = [
            ("manage_survey", "Vragenlijsten maken en verspreiden"),
            ("translate_survey", "Vragenlijsten vertalen"),
            ("view_results", "Antwoorden bekijken en downloaden"),
            ("enter_paper_response", "Papieren vragenlijsten invoeren"),
        ]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")

    def __str__(self) -> str:
        return f"{self.title.get('nl', self.series)} (versie {self.version})"

    @property
    def is_frozen(self) -> bool:
        return self.status != SurveyStatus.DRAFT


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.JSONField(_("titel"), default=dict, blank=True)
    intro = models.JSONField(_("inleiding"), default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")

    def __str__(self) -> str:
        return self.title.get("nl", "") or f"#{self.position}"


class QuestionKind(models.TextChoices):
    SINGLE = "single_choice", _("één antwoord kiezen")
    MULTIPLE = "multiple_choice", _("meer antwoorden kiezen")
    LIKERT = "likert", _("schaal (Likert)")
    RATING = "rating", _("cijfer 0 tot 10")
    NUMBER = "number", _("getal")
    SHORT_TEXT = "short_text", _("korte tekst")
    LONG_TEXT = "long_text", _("lange tekst")
    RANKING = "ranking", _("rangorde")
    MATRIX = "matrix", _("matrix (tabel)")
    YES_NO = "yes_no", _("ja of nee")
    POSTCODE = "postcode", _("postcode (4 cijfers)")
    AGE_BAND = "age_band", _("leeftijdsgroep")
    NOTE = "note", _("alleen tekst (geen vraag)")


class Demographic(models.TextChoices):
    """What a question tells about the respondent, for monitoring and weighting. Postcode
    and age band questions say it by their kind; a choice question about sex says it here."""

    NONE = "", _("—")
    SEX = "sex", _("geslacht")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    # Stable across versions: what makes waves comparable and export columns readable.
    code = models.CharField(_("code"), max_length=32, validators=[CODE_VALIDATOR])
    kind = models.CharField(_("soort"), max_length=20, choices=QuestionKind.choices)
    text = models.JSONField(_("vraag"), default=dict)
    help = models.JSONField(_("uitleg"), default=dict, blank=True)
    required = models.BooleanField(_("verplicht"), default=False)
    # {"match": "all"|"any", "rules": [{"question": code, "op": ..., "value": ...}]}
    show_if = models.JSONField(_("alleen tonen als"), null=True, blank=True)
    # Per kind: number {min, max, decimals}; likert {points}; rating {low, high} labels;
    # multiple {max_choices}; short_text {max_length}.
    settings = models.JSONField(_("instellingen"), default=dict, blank=True)
    demographic = models.CharField(
        _("kenmerk van de invuller"),
        max_length=10,
        choices=Demographic.choices,
        default=Demographic.NONE,
        blank=True,
    )

    class Meta:
        ordering = ["section__position", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="question_unique_code")
        ]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return self.code


class ChoiceRole(models.TextChoices):
    OPTION = "option", _("antwoord")
    ROW = "row", _("rij (matrix)")


class Choice(models.Model):
    """An answer option; for a matrix also its rows (role "row"), which share the options."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    role = models.CharField(max_length=6, choices=ChoiceRole.choices, default=ChoiceRole.OPTION)
    position = models.PositiveSmallIntegerField(default=0)
    code = models.CharField(_("code"), max_length=32, validators=[CHOICE_CODE_VALIDATOR])
    label = models.JSONField(_("tekst"), default=dict)
    # "Anders, namelijk…": choosing it asks for a short text.
    is_other = models.BooleanField(_("anders, namelijk"), default=False)
    # "Geen van deze": cannot be combined with another option of a multiple choice.
    is_exclusive = models.BooleanField(_("sluit andere antwoorden uit"), default=False)

    class Meta:
        ordering = ["role", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "role", "code"], name="choice_unique_code")
        ]
        verbose_name = _("antwoordoptie")
        verbose_name_plural = _("antwoordopties")

    def __str__(self) -> str:
        return self.code


class ChannelKind(models.TextChoices):
    DISTRICT = "wijk", _("wijk")
    PARTNER = "partner", _("partnerorganisatie")
    MEDIUM = "medium", _("medium (poster, flyer, social media)")
    INVITATION = "uitnodiging", _("persoonlijke uitnodiging")
    PANEL = "panel", _("panel van pashouders")
    PAPER = "papier", _("papieren vragenlijst")


class Channel(models.Model):
    """A way the survey reaches people. Each has its own short link, so the dashboard can
    show where responses come from."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("soort"), max_length=12, choices=ChannelKind.choices)
    name = models.CharField(_("naam"), max_length=120)
    district = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The short link is /v/<code>: short enough to type from a poster.
    code = models.CharField(max_length=12, unique=True)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """A personal, single-use invitation. Its link is <public_id>.<HMAC>, so the token can be
    made again for a reminder but is never stored. Whether it was used is recorded; which
    response it became is not."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="invitations")
    public_id = models.CharField(max_length=16, unique=True)
    # Contact details for mail merge and reminders; wiped when the survey closes.
    email = models.EmailField(_("e-mailadres"), blank=True)
    merge_fields = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, default="nl")
    # Panel invitations only: what the response may carry about the respondent (wijk code,
    # pass tier), copied at submission. Never the pass or its holder.
    attributes = models.JSONField(default=dict, blank=True)
    panel_pass = models.ForeignKey(
        "passes.Pass", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    used_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "panel_pass"],
                condition=models.Q(panel_pass__isnull=False),
                name="invitation_one_per_pass",
            )
        ]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return self.public_id


class ResponseDraft(models.Model):
    """Answers so far of someone still busy. Found by the hash of the token in the resume
    link (and the respondent's cookie); deleted when submitted or expired. For a personal
    invitation the token *is* the invitation's, so the invitation link also resumes; the
    draft keeps no reference to the invitation itself."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="drafts")
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="drafts")
    # Copied from a panel invitation; see Response.attributes.
    attributes = models.JSONField(default=dict, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=8, default="nl")
    answers = models.JSONField(default=dict)
    page = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"concept {self.pk}"


class Response(models.Model):
    """A submitted questionnaire. Random key, day only, no link to anyone."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.ForeignKey(
        Channel, null=True, on_delete=models.SET_NULL, related_name="responses"
    )
    language = models.CharField(max_length=8, default="nl")
    submitted_on = models.DateField()
    # {question code: value}; "<code>.other" holds the text of "anders, namelijk".
    answers = models.JSONField(default=dict)
    # Derived at submission for monitoring and weighting (indexed, unlike the JSON).
    district = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    age_band = models.CharField(max_length=5, blank=True)
    sex = models.CharField(max_length=12, blank=True)
    # Respondent attributes from a panel invitation (wijk, pass tier); never an identity.
    attributes = models.JSONField(default=dict, blank=True)
    # Shared with a FollowUpConsent (if any) and shown to the respondent as a receipt.
    reference = models.CharField(max_length=24, unique=True)

    class Meta:
        indexes = [
            models.Index(fields=["survey", "submitted_on"], name="response_survey_day"),
            models.Index(fields=["survey", "district"], name="response_survey_district"),
        ]
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")

    def __str__(self) -> str:
        return self.reference


class PaperEntryKey(models.Model):
    """The form key of a paper questionnaire entered by staff, so a double click stores it
    once. Deliberately without a link to the response it made."""

    key_hash = models.CharField(max_length=64, unique=True)
    created_on = models.DateField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key_hash[:8]


class FollowUpConsent(models.Model):
    """Consent for a follow-up conversation: the only place with a respondent's name and
    contact details. Linked to the answers by the random reference alone; the respondent can
    withdraw it with their own link, which deletes the row."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="consents")
    reference = models.CharField(max_length=24, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    withdraw_token_hash = models.CharField(max_length=64, unique=True)
    given_on = models.DateField()

    class Meta:
        permissions = [("view_contact_details", "Contactgegevens voor vervolggesprekken zien")]
        verbose_name = _("toestemming vervolggesprek")
        verbose_name_plural = _("toestemmingen vervolggesprek")

    def __str__(self) -> str:
        return self.reference


class DistrictTarget(models.Model):
    """How many responses the researchers want from a wijk (optional)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="targets")
    district = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    target = models.PositiveIntegerField(_("streefaantal"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "district"], name="target_unique_district")
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.target}"
