"""Role groups and their permissions (DESIGN.md §2). Kept in code so every install agrees."""

from django.contrib.auth.models import Group, Permission

from .models import Role

# role -> "app_label.codename" permissions. Only what exists in the apps built so far.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.RESIDENT: [],
    Role.PROVIDER: [],
    Role.PASS_OFFICE: [
        "passes.review_application",
        "passes.enter_paper_application",
        "passes.manage_pass",
        "passes.view_application",
        "passes.view_pass",
        "passes.view_household",
        "offers.review_provider",
        "offers.view_provider",
        "offers.review_offer",
        "offers.view_offer",
        "wallet.grant_budget",
        "wallet.run_payouts",
    ],
    Role.RESEARCHER: [
        "city.view_area",
        "city.view_populationcount",
        "surveys.manage_survey",
        "surveys.translate_survey",
        "surveys.view_results",
        "surveys.enter_paper_response",
        "research.manage_research",
        "research.view_session",
        "research.view_statement",
        "research.view_interview",
    ],
    Role.PROFESSIONAL: [],
    Role.ADMIN: [
        "city.add_policytheme",
        "city.change_policytheme",
        "city.view_policytheme",
        "city.add_incomenorm",
        "city.change_incomenorm",
        "city.view_incomenorm",
        "city.add_schemepercentage",
        "city.change_schemepercentage",
        "city.view_schemepercentage",
        "city.view_area",
        "city.change_area",
        "city.view_postcodearea",
        "city.change_postcodearea",
        "passes.add_passprice",
        "passes.change_passprice",
        "passes.view_passprice",
        "accounts.view_user",
        "accounts.change_user",
    ],
}


def ensure_role_groups() -> None:
    """Create the role groups and (re)set their permissions. Idempotent."""
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for dotted in perms:
            app_label, codename = dotted.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                wanted.append(perm)
        group.permissions.set(wanted)


def grant_role(user, role: str) -> None:
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    if hasattr(user, "_roles_cache"):
        del user._roles_cache
