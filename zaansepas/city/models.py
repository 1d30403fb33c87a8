"""Reference data of the municipality: areas, postcodes, population, themes, income norms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaKind(models.TextChoices):
    MUNICIPALITY = "gemeente", _("gemeente")
    DISTRICT = "wijk", _("wijk")
    NEIGHBOURHOOD = "buurt", _("buurt")


class Area(models.Model):
    """A CBS area: the municipality, a wijk (district) or a buurt (neighbourhood)."""

    # GM0479 (gemeente), WK047901 (wijk), BU04790101 (buurt)
    code = models.CharField(_("CBS-code"), max_length=12, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(_("soort"), max_length=10, choices=AreaKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Demo figures are estimates; an import from CBS replaces them and clears the flag.
    is_approximate = models.BooleanField(_("benadering"), default=False)
    source = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """Maps a 4-digit postcode to the wijk where most of its addresses are."""

    postcode4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    district = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="postcodes",
        limit_choices_to={"kind": AreaKind.DISTRICT},
    )
    # The demo mapping is an estimate; a mapping from a real address register clears the flag.
    is_approximate = models.BooleanField(_("benadering"), default=False)

    class Meta:
        ordering = ["postcode4"]
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.postcode4} → {self.district}"


class AgeBand(models.TextChoices):
    # The bands of CBS "Kerncijfers wijken en buurten".
    AGE_0_14 = "0-14", _("0 tot 15 jaar")
    AGE_15_24 = "15-24", _("15 tot 25 jaar")
    AGE_25_44 = "25-44", _("25 tot 45 jaar")
    AGE_45_64 = "45-64", _("45 tot 65 jaar")
    AGE_65_PLUS = "65+", _("65 jaar en ouder")


class Sex(models.TextChoices):
    MALE = "m", _("man")
    FEMALE = "v", _("vrouw")


class PopulationCount(models.Model):
    """Number of residents in an area by age band and sex, for one reference year."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="population")
    year = models.PositiveSmallIntegerField(_("peiljaar"))
    age_band = models.CharField(_("leeftijdsgroep"), max_length=5, choices=AgeBand.choices)
    sex = models.CharField(_("geslacht"), max_length=1, choices=Sex.choices)
    count = models.PositiveIntegerField(_("aantal"))
    is_approximate = models.BooleanField(_("benadering"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year", "age_band", "sex"], name="population_unique_cell"
            )
        ]
        verbose_name = _("bevolkingsaantal")
        verbose_name_plural = _("bevolkingsaantallen")

    def __str__(self) -> str:
        return f"{self.area} {self.year} {self.age_band} {self.sex}: {self.count}"


class PolicyTheme(models.Model):
    """A policy theme of the needs scan and the offer (six by default, configurable)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("omschrijving"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("beleidsthema")
        verbose_name_plural = _("beleidsthema's")

    def __str__(self) -> str:
        return self.name


class HouseholdType(models.TextChoices):
    """Household types of the Participatiewet norms (bijstandsnormen)."""

    SINGLE = "alleenstaand", _("alleenstaand")
    SINGLE_PARENT = "alleenstaande_ouder", _("alleenstaande ouder")
    COUPLE = "samenwonend", _("getrouwd of samenwonend")
    SINGLE_PENSION = "alleenstaand_aow", _("alleenstaand, AOW-leeftijd")
    COUPLE_PENSION = "samenwonend_aow", _("getrouwd of samenwonend, AOW-leeftijd")


class IncomeNorm(models.Model):
    """Monthly net social-minimum norm for a household type, valid from a date on."""

    household_type = models.CharField(
        _("huishoudtype"), max_length=30, choices=HouseholdType.choices
    )
    valid_from = models.DateField(_("geldig vanaf"))
    monthly_norm_cents = models.PositiveIntegerField(_("norm per maand (cent)"))
    note = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        ordering = ["household_type", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["household_type", "valid_from"], name="norm_unique_date"
            ),
            models.CheckConstraint(
                condition=models.Q(monthly_norm_cents__gt=0), name="norm_positive"
            ),
        ]
        verbose_name = _("bijstandsnorm")
        verbose_name_plural = _("bijstandsnormen")

    def __str__(self) -> str:
        return f"{self.get_household_type_display()} vanaf {self.valid_from}"


class SchemePercentage(models.Model):
    """Income limit of the free pass as a percentage of the norm, valid from a date on."""

    valid_from = models.DateField(_("geldig vanaf"), unique=True)
    percentage = models.PositiveSmallIntegerField(_("percentage van de norm"), default=120)

    class Meta:
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percentage__gte=100, percentage__lte=200),
                name="scheme_percentage_sane",
            )
        ]
        verbose_name = _("inkomensgrens")
        verbose_name_plural = _("inkomensgrenzen")

    def __str__(self) -> str:
        return f"{self.percentage}% vanaf {self.valid_from}"
