"""Functional administrators create staff and provider accounts here and give them roles."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff", "last_login"]
    list_filter = ["is_active", "is_staff", "groups"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Gegevens"), {"fields": ["full_name", "oidc_subject"]}),
        (_("Rollen en rechten"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Datums"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "password1", "password2", "groups"],
            },
        ),
    ]
    readonly_fields = ["oidc_subject", "last_login", "date_joined"]
    filter_horizontal = ["groups"]
