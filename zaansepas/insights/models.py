"""Weighting, analysis, open answers, longlists (groslijsten) and the results report.

Stored are the longlists and the themes of open answers (with the researchers' renames,
merges, splits and hand coding); everything else is computed from the survey's responses
when it is shown."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ListKind(models.TextChoices):
    NEED = "behoefte", _("behoefte")
    OFFER_IDEA = "aanbodidee", _("aanbodidee")


class ItemStatus(models.TextChoices):
    NEW = "nieuw", _("nieuw")
    EXPLORED = "verkend", _("verkend")
    OFFER_EXISTS = "aanbod_bestaat", _("aanbod bestaat")
    IN_PROGRESS = "in_uitvoering", _("in uitvoering")


class LonglistItem(models.Model):
    """One need or offer idea on a scan year's longlist, with its evidence: the coded
    statements that name it and, optionally, one survey answer whose weighted share of
    residents is shown (computed when shown, never stored: the weighting may change).

    Merging keeps the merged item as a row pointing at the survivor (`merged_into`), so
    the researcher can see what went where; it no longer appears on the list."""

    year = models.PositiveSmallIntegerField(_("jaar van de scan"))
    kind = models.CharField(_("lijst"), max_length=12, choices=ListKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    themes = models.ManyToManyField(
        "city.PolicyTheme", blank=True, related_name="longlist_items", verbose_name=_("thema's")
    )
    # research.TargetGroup codes; a short list, read and written as a whole.
    target_groups = models.JSONField(_("doelgroepen"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.NEW
    )
    statements = models.ManyToManyField(
        "research.Statement", blank=True, related_name="longlist_items"
    )
    survey = models.ForeignKey(
        "surveys.Survey",
        null=True,
        blank=True,
        # PROTECT: a survey that is evidence on a longlist is not deleted by accident.
        on_delete=models.PROTECT,
        related_name="longlist_items",
        verbose_name=_("vragenlijst"),
    )
    # A closed question's column code as the analysis names it ("behoefte_thema.sport-bewegen"
    # for a matrix row) and one of its option codes.
    survey_question = models.CharField(_("vraagcode"), max_length=120, blank=True)
    survey_option = models.CharField(_("antwoordcode"), max_length=60, blank=True)
    offers = models.ManyToManyField(
        "offers.Offer", blank=True, related_name="longlist_items", verbose_name=_("aanbod")
    )
    answer_themes = models.ManyToManyField(
        "AnswerTheme",
        blank=True,
        related_name="longlist_items",
        verbose_name=_("thema's in open antwoorden"),
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_items"
    )
    merged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | ~Q(merged_into=F("id")),
                name="longlist_item_not_merged_into_itself",
            ),
            # Survey evidence is a question and an option of one survey, or nothing.
            models.CheckConstraint(
                condition=Q(survey__isnull=True, survey_question="", survey_option="")
                | (Q(survey__isnull=False) & ~Q(survey_question="") & ~Q(survey_option="")),
                name="longlist_item_survey_evidence_complete",
            ),
        ]
        indexes = [models.Index(fields=["year", "kind"], name="longlist_item_year_kind")]
        verbose_name = _("item op de groslijst")
        verbose_name_plural = _("items op de groslijst")

    def __str__(self) -> str:
        return self.title

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None

    @property
    def has_survey_evidence(self) -> bool:
        return self.survey_id is not None


class ThemeSet(models.Model):
    """The themes found in the answers to one open question of a survey (open_answers.py),
    as the researchers have since edited them. Finding them again replaces the set."""

    survey = models.ForeignKey(
        "surveys.Survey", on_delete=models.CASCADE, related_name="theme_sets"
    )
    question_code = models.CharField(max_length=60)
    # open_answers.Settings as a dict: a split counts the words the same way.
    settings = models.JSONField(default=dict)
    # [number of themes, stability] per number tried; empty when the researcher chose it.
    scores = models.JSONField(default=list, blank=True)
    found_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "question_code"], name="theme_set_one_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.question_code}"


class AnswerTheme(models.Model):
    """One theme: its name (made from the top terms until a researcher renames it) and its
    top terms with their weight in the theme (strongest 1.0). Its answers are the codings
    that point here; the three quotes are picked from them when shown, so a quote never
    outlives the response it came from."""

    theme_set = models.ForeignKey(ThemeSet, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("naam"), max_length=100)
    named_by_hand = models.BooleanField(default=False)
    terms = models.JSONField(default=list)
    weights = models.JSONField(default=list)

    class Meta:
        ordering = ["id"]
        verbose_name = _("thema in open antwoorden")
        verbose_name_plural = _("thema's in open antwoorden")

    def __str__(self) -> str:
        return self.name


class AnswerCoding(models.Model):
    """Where one response's answer to the question went: a theme, or none with the reason.
    Deleting the response (retention) deletes its coding with it."""

    theme_set = models.ForeignKey(ThemeSet, on_delete=models.CASCADE, related_name="codings")
    response = models.ForeignKey("surveys.Response", on_delete=models.CASCADE, related_name="+")
    # RESTRICT: a theme is only deleted after its codings moved (merge) or with its set.
    theme = models.ForeignKey(
        AnswerTheme, null=True, blank=True, on_delete=models.RESTRICT, related_name="codings"
    )
    # The answer's weight in its theme, 0–1: the quotes are the strongest. 0 when by hand.
    strength = models.FloatField(default=0.0)
    by_hand = models.BooleanField(default=False)
    # open_answers reason codes ("empty", "no_shared_words", ...); "" when it has a theme.
    no_theme_reason = models.CharField(max_length=20, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["theme_set", "response"], name="answer_coding_one_per_response"
            ),
            models.CheckConstraint(
                condition=Q(theme__isnull=True, no_theme_reason__gt="")
                | Q(theme__isnull=False, no_theme_reason=""),
                name="answer_coding_theme_or_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme_set_id}:{self.response_id}"


class ReportQuestion(models.Model):
    """A question the researchers chose for the survey's results report, in report order.
    For a matrix question, `chart_option` is the answer whose share its chart shows per row
    (for example "veel" in "how much do you need ... per theme")."""

    survey = models.ForeignKey(
        "surveys.Survey", on_delete=models.CASCADE, related_name="report_questions"
    )
    position = models.PositiveSmallIntegerField()
    question_code = models.CharField(max_length=80)
    chart_option = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "question_code"], name="report_question_once_per_survey"
            ),
        ]
        verbose_name = _("vraag in het rapport")
        verbose_name_plural = _("vragen in het rapport")

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.question_code}"
