"""Admin: read-only views of households, applications and passes (changes go through the
pass office pages, which record who did what and why); prices are edited here."""

from django.contrib import admin

from zaansepas.lib.admin import ReadOnlyAdmin

from .models import Application, Household, Pass, PassEvent, PassPrice, Person


class PersonInline(admin.TabularInline):
    model = Person
    fields = ["role", "first_name", "last_name", "birth_date", "user"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Household)
class HouseholdAdmin(ReadOnlyAdmin):
    list_display = ["id", "postcode", "house_number", "household_type", "district"]
    list_filter = ["household_type", "district"]
    search_fields = ["postcode", "members__last_name"]
    inlines = [PersonInline]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["reference", "applicant", "route", "proposal", "status", "submitted_at"]
    list_filter = ["status", "route", "proposal", "channel"]
    search_fields = ["reference", "applicant__last_name"]
    exclude = ["evidence", "submission_key"]


class PassEventInline(admin.TabularInline):
    model = PassEvent
    fields = ["at", "kind", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Pass)
class PassAdmin(ReadOnlyAdmin):
    list_display = ["number", "holder", "kind", "tier", "status", "valid_until"]
    list_filter = ["status", "kind", "tier"]
    search_fields = ["number", "holder__last_name"]
    exclude = ["code_salt"]
    inlines = [PassEventInline]


@admin.register(PassPrice)
class PassPriceAdmin(admin.ModelAdmin):
    list_display = ["kind", "valid_from", "price_cents"]
