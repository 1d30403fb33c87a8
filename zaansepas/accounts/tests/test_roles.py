import pytest

from zaansepas.accounts.context import menu_for
from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role


@pytest.fixture
def roles(db):
    ensure_role_groups()


def user_with(role):
    user = User.objects.create_user(f"{role}@example.org")
    grant_role(user, role)
    return User.objects.get(pk=user.pk)  # fresh: permission caches empty


def test_every_role_of_the_design_exists_as_a_group(roles):
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


def test_the_pass_office_may_review_and_a_resident_may_not(roles):
    office = user_with(Role.PASS_OFFICE)
    assert office.has_perm("passes.review_application") and office.has_perm("passes.manage_pass")
    assert not user_with(Role.RESIDENT).has_perm("passes.review_application")
    assert not user_with(Role.PROVIDER).has_perm("passes.manage_pass")


def test_the_menu_follows_the_role(roles):
    resident = {item["name"] for item in menu_for(user_with(Role.RESIDENT))}
    office = {item["name"] for item in menu_for(user_with(Role.PASS_OFFICE))}
    assert "passes:my_pass" in resident and "passes:review_queue" not in resident
    assert "passes:review_queue" in office and "passes:my_pass" not in office


@pytest.mark.django_db
def test_migrate_alone_gives_the_pass_office_its_permissions():
    # The test database was built by `migrate`; no explicit set-up call here.
    from django.contrib.auth.models import Group

    perms = set(
        Group.objects.get(name=Role.PASS_OFFICE).permissions.values_list("codename", flat=True)
    )
    assert {"review_application", "manage_pass", "enter_paper_application"} <= perms
