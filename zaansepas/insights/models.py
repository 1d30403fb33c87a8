"""Weighting, analysis, open answers, longlists (groslijsten) and the results report.

Only the longlists are stored: everything else is computed from the survey's responses
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
