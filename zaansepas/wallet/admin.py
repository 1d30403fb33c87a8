"""The ledger in the admin is read-only: no one adds, changes or deletes a posting by hand.
Corrections are reversing transfers, made through wallet/ledger.py."""

from django.contrib import admin

from zaansepas.lib.admin import ReadOnlyAdmin

from .models import Account, Entry, Scheme, Transfer


class EntryInline(admin.TabularInline):
    model = Entry
    fields = ("account", "amount_cents")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Transfer)
class TransferAdmin(ReadOnlyAdmin):
    list_display = ("key", "kind", "memo", "created_at")
    list_filter = ("kind",)
    search_fields = ("key", "memo")
    inlines = [EntryInline]


@admin.register(Account)
class AccountAdmin(ReadOnlyAdmin):
    list_display = ("key", "kind", "balance_cents", "expires_on")
    list_filter = ("kind",)
    search_fields = ("key",)


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
