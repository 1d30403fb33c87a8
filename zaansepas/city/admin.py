"""Admin for the municipality's reference data.

The pass office manages themes, income norms and the income-limit percentage here; areas,
postcodes and population normally come from the CBS import and are mostly read here.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from zaansepas.lib.money import format_euro, parse_euro

from .models import (
    Area,
    IncomeNorm,
    PolicyTheme,
    PopulationCount,
    PostcodeArea,
    SchemePercentage,
)


class PostcodeInline(admin.TabularInline):
    model = PostcodeArea
    fk_name = "district"
    extra = 0
    fields = ["postcode4", "is_approximate"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "is_approximate"]
    list_filter = ["kind", "is_approximate"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    ordering = ["code"]

    def get_inlines(self, request, obj):
        # Postcodes map to wijken only.
        return [PostcodeInline] if obj is not None and obj.kind == "wijk" else []


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    list_display = ["postcode4", "district", "is_approximate"]
    list_filter = ["is_approximate", "district"]
    search_fields = ["postcode4", "district__name", "district__code"]
    list_select_related = ["district"]
    autocomplete_fields = ["district"]


@admin.register(PopulationCount)
class PopulationCountAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "age_band", "sex", "count", "is_approximate"]
    list_filter = ["year", "area__kind", "age_band", "sex", "is_approximate"]
    search_fields = ["area__name", "area__code"]
    list_select_related = ["area"]
    autocomplete_fields = ["area"]
    ordering = ["area__code", "-year", "age_band", "sex"]


@admin.register(PolicyTheme)
class PolicyThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code", "description"]
    prepopulated_fields = {"code": ["name"]}


class IncomeNormForm(forms.ModelForm):
    """Staff type the norm in euros ("1.401,30"); it is stored in cents."""

    monthly_norm = forms.CharField(
        label=_("norm per maand (euro)"), help_text=_("Netto per maand, zoals 1.401,30.")
    )

    class Meta:
        model = IncomeNorm
        fields = ["household_type", "valid_from", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["monthly_norm"] = format_euro(self.instance.monthly_norm_cents)

    def clean_monthly_norm(self) -> int:
        try:
            cents = parse_euro(self.cleaned_data["monthly_norm"])
        except ValueError as exc:
            raise forms.ValidationError(_("Vul een bedrag in euro in, zoals 1.401,30.")) from exc
        if cents <= 0:
            raise forms.ValidationError(_("De norm moet meer dan € 0 zijn."))
        return cents

    def save(self, commit=True):
        self.instance.monthly_norm_cents = self.cleaned_data["monthly_norm"]
        return super().save(commit)


@admin.register(IncomeNorm)
class IncomeNormAdmin(admin.ModelAdmin):
    form = IncomeNormForm
    fields = ["household_type", "valid_from", "monthly_norm", "note"]
    list_display = ["household_type", "valid_from", "monthly_norm", "note"]
    list_filter = ["household_type", "valid_from"]
    search_fields = ["note"]
    date_hierarchy = "valid_from"
    ordering = ["household_type", "-valid_from"]

    @admin.display(description=_("norm per maand"), ordering="monthly_norm_cents")
    def monthly_norm(self, obj: IncomeNorm) -> str:
        return format_euro(obj.monthly_norm_cents)


@admin.register(SchemePercentage)
class SchemePercentageAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "percentage"]
    ordering = ["-valid_from"]
