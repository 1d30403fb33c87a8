from django.contrib import admin

from .models import Location, Offer, OfferGroup, OpeningHours, Provider, ProviderMember


class MemberInline(admin.TabularInline):
    model = ProviderMember
    extra = 0
    autocomplete_fields = ["user"]


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0
    fields = ["name", "street", "house_number", "postcode", "town", "district", "is_active"]


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "town", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "kvk_number", "contact_email"]
    # Approving goes through the pass office page, which records who decided and why.
    readonly_fields = ["status", "decision_reason", "decided_by", "decided_at", "submission_key"]
    inlines = [MemberInline, LocationInline]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "provider", "town", "district", "is_active"]
    list_filter = ["district", "is_active"]
    search_fields = ["name", "provider__name"]
    inlines = [OpeningHoursInline]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "provider", "kind", "status", "below_norm", "valid_until"]
    list_filter = ["status", "kind", "below_norm", "themes"]
    search_fields = ["title", "provider__name"]
    # Review goes through actions.approve_offer/reject_offer, which record who and why.
    readonly_fields = ["status", "below_norm", "review_reason", "reviewed_by", "reviewed_at"]
    filter_horizontal = ["themes", "locations"]


@admin.register(OfferGroup)
class OfferGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "picks", "period"]
