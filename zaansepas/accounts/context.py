"""The menu a user sees depends on their roles (DESIGN.md §2)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .models import Role

# (role, label, url name). A user with several roles sees the union, in this order.
MENU = [
    (Role.RESIDENT, _("Mijn pas"), "passes:my_pass"),
    (Role.RESIDENT, _("Aanbod"), "catalogue:list"),
    (Role.RESIDENT, _("Mijn tegoed"), "wallet:wallet"),
    (Role.RESIDENT, _("Mijn tickets"), "catalogue:tickets"),
    (Role.RESIDENT, _("Pas aanvragen"), "passes:apply"),
    (Role.PASS_OFFICE, _("Aanvragen beoordelen"), "passes:review_queue"),
    (Role.PASS_OFFICE, _("Passen zoeken"), "passes:staff_pass_search"),
    (Role.PASS_OFFICE, _("Papieren aanvraag invoeren"), "passes:staff_paper_application"),
    (Role.PASS_OFFICE, _("Aanbieders beoordelen"), "offers:review_queue"),
    (Role.PASS_OFFICE, _("Aanbod beoordelen"), "offers:offer_review_queue"),
    (Role.PASS_OFFICE, _("Regelingen"), "wallet:schemes"),
    (Role.PASS_OFFICE, _("Uitbetalingen"), "wallet:payout_runs"),
    (Role.PROVIDER, _("Mijn aanbod"), "offers:provider_offers"),
    (Role.PROVIDER, _("Overzicht"), "offers:provider_dashboard"),
    (Role.PROVIDER, _("Kassa"), "till:till"),
    (Role.PROVIDER, _("Kassa-apparaten"), "till:devices"),
    (Role.RESEARCHER, _("Vragenlijsten"), "surveys:staff_list"),
    (Role.RESEARCHER, _("Onderzoekssessies"), "research:session_list"),
    (Role.RESEARCHER, _("Groslijsten"), "insights:longlist"),
    (Role.ADMIN, _("Beheer"), "admin:index"),
]
# Pages only a provider's owner may open; till staff would get "not found", so no link.
OWNER_ONLY = {"offers:provider_dashboard", "till:devices"}


def menu_for(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    roles = user.roles
    owner = Role.PROVIDER in roles and _is_provider_owner(user)
    items, seen = [], set()
    for role, label, url_name in MENU:
        if url_name in OWNER_ONLY and not owner:
            continue
        if role in roles and url_name not in seen:
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            seen.add(url_name)
            items.append({"label": label, "url": url, "name": url_name})
    return items


def _is_provider_owner(user) -> bool:
    from zaansepas.offers.access import is_owner, provider_for_user

    return is_owner(user, provider_for_user(user))


def role_menu(request):
    return {
        "menu_items": menu_for(getattr(request, "user", None)) if hasattr(request, "user") else []
    }
