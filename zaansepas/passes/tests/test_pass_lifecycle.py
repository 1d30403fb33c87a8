"""Child passes, blocking, replacing, renewing: by residents and by the pass office."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from zaansepas.accounts.models import Role
from zaansepas.passes import actions, applications
from zaansepas.passes.codes import make_card_code
from zaansepas.passes.models import MemberRole, Pass, PassEvent, PassKind, Tier
from zaansepas.passes.verification import CheckReason, verify_pass_code

from .helpers import application_input, make_pass, make_reference_data, make_user, submit


@pytest.fixture
def reference(db):
    return make_reference_data()


def years_ago(years):
    return timezone.localdate() - dt.timedelta(days=years * 365 + 40)


def test_a_child_pass_needs_a_parent_pass_and_nothing_is_saved_without_one(reference):
    user = make_user("ouder@example.org")
    application = submit(
        user, application_input(route="bijstand", children=[("Amira", years_ago(9))])
    )
    child = application.household.members.get(role=MemberRole.CHILD)
    with pytest.raises(actions.PassError) as error:
        actions.issue_pass(child, kind=PassKind.CHILD, tier=Tier.SOCIAL_ASSISTANCE)
    assert "pas van een ouder" in error.value.messages[0]
    assert not Pass.objects.exists() and not PassEvent.objects.exists()
    actions.issue_pass(application.applicant, kind=PassKind.ADULT, tier=Tier.SOCIAL_ASSISTANCE)
    assert (
        actions.issue_pass(child, kind=PassKind.CHILD, tier=Tier.SOCIAL_ASSISTANCE).kind == "kind"
    )


def test_a_child_pass_is_refused_when_the_parent_pass_is_blocked(reference):
    user = make_user("ouder2@example.org")
    application = submit(
        user, application_input(route="bijstand", children=[("Sami", years_ago(12))])
    )
    parent_pass = actions.issue_pass(
        application.applicant, kind=PassKind.ADULT, tier=Tier.SOCIAL_ASSISTANCE
    )
    actions.block_pass(parent_pass, actor=None, reason="kwijt")
    child = application.household.members.get(role=MemberRole.CHILD)
    with pytest.raises(actions.PassError):
        actions.issue_pass(child, kind=PassKind.CHILD, tier=Tier.SOCIAL_ASSISTANCE)


def test_a_child_pass_is_only_for_ages_4_to_17(reference):
    user = make_user("ouder3@example.org")
    application = submit(
        user, application_input(route="bijstand", children=[("Baby", years_ago(2))])
    )
    actions.issue_pass(application.applicant, kind=PassKind.ADULT, tier=Tier.SOCIAL_ASSISTANCE)
    child = application.household.members.get(role=MemberRole.CHILD)
    with pytest.raises(actions.PassError):
        actions.issue_pass(child, kind=PassKind.CHILD, tier=Tier.SOCIAL_ASSISTANCE)


def test_a_resident_blocks_a_lost_pass_and_gets_a_new_one(reference, client):
    user = make_user("kwijt@example.org")
    pass_card = make_pass(user)
    old_card = make_card_code(pass_card)
    client.force_login(user)
    client.post(reverse("passes:block_own_pass", args=[pass_card.number]), {"reason": "kwijt"})
    assert verify_pass_code(old_card).reason == CheckReason.BLOCKED
    page = client.get(reverse("passes:my_pass")).content.decode()
    assert "geblokkeerd" in page and "pass-qr" not in page
    client.post(reverse("passes:replace_own_card", args=[pass_card.number]))
    pass_card.refresh_from_db()
    assert verify_pass_code(old_card).reason == CheckReason.REPLACED
    assert verify_pass_code(make_card_code(pass_card)).valid


def test_a_resident_cannot_block_someone_elses_pass(reference, client):
    other = make_pass()
    client.force_login(make_user("nosy@example.org"))
    response = client.post(
        reverse("passes:block_own_pass", args=[other.number]), {"reason": "kwijt"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == "actief"


def test_the_pass_office_blocks_unblocks_and_renews_with_a_reason(reference, client):
    pass_card = make_pass()
    officer = make_user("officer@example.org", Role.PASS_OFFICE)
    client.force_login(officer)
    url = lambda action: reverse("passes:staff_pass_action", args=[pass_card.number, action])  # noqa: E731
    client.post(url("block"), {"reason": ""})
    pass_card.refresh_from_db()
    assert pass_card.status == "actief"  # no reason, no change
    client.post(url("block"), {"reason": "misbruik gemeld"})
    pass_card.refresh_from_db()
    assert pass_card.status == "geblokkeerd"
    client.post(url("unblock"), {"reason": "misverstand"})
    until = pass_card.valid_until
    client.post(url("renew"), {"reason": "verlenging gecontroleerd"})
    pass_card.refresh_from_db()
    assert pass_card.status == "actief" and pass_card.valid_until > until
    kinds = list(pass_card.events.values_list("kind", flat=True))
    assert {"geblokkeerd", "gedeblokkeerd", "verlengd"} <= set(kinds)
    assert pass_card.events.filter(actor=officer).count() == 3


def test_a_second_approved_application_renews_the_existing_pass(reference):
    user = make_user("renew@example.org")
    first = make_pass(user)
    first_until = first.valid_until
    officer = make_user("officer@example.org", Role.PASS_OFFICE)
    application = submit(
        user, application_input(route="bijstand"), today=first_until - dt.timedelta(days=10)
    )
    applications.approve_application(
        application, actor=officer, reason="", today=first_until - dt.timedelta(days=10)
    )
    assert Pass.objects.count() == 1
    first.refresh_from_db()
    assert first.valid_until == actions.one_year_from(first_until + dt.timedelta(days=1))


def test_one_year_from_handles_leap_days():
    assert actions.one_year_from(dt.date(2026, 3, 1)) == dt.date(2027, 2, 28)
    assert actions.one_year_from(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


def test_a_mantelzorger_outside_zaanstad_may_apply_but_others_may_not(reference):
    user = make_user("mantelzorg@example.org")
    application = submit(user, application_input(route="mantelzorg", postcode="9711 AB"))
    assert application.household.district is None and application.proposal == "bevestigen"
    with pytest.raises(actions.PassError):
        submit(
            make_user("buiten@example.org"), application_input(route="bijstand", postcode="9711 AB")
        )


def test_the_qr_endpoint_gives_a_fresh_uncached_code_only_to_the_holder(reference, client):
    user = make_user("qr@example.org")
    pass_card = make_pass(user)
    client.force_login(user)
    response = client.get(reverse("passes:pass_qr", args=[pass_card.number]))
    assert response.json()["svg"].lstrip().startswith("<svg")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    client.force_login(make_user("other@example.org"))
    assert client.get(reverse("passes:pass_qr", args=[pass_card.number])).status_code == 404


def test_the_printable_card_is_a_pdf_for_the_holder_only(reference, client):
    user = make_user("card@example.org")
    pass_card = make_pass(user)
    client.force_login(user)
    response = client.get(reverse("passes:pass_card_pdf", args=[pass_card.number]))
    assert response["Content-Type"] == "application/pdf" and response.content[:5] == b"%PDF-"
    client.force_login(make_user("other2@example.org"))
    assert client.get(reverse("passes:pass_card_pdf", args=[pass_card.number])).status_code == 404


def test_a_main_holder_sees_the_childrens_passes(reference, client):
    user = make_user("gezin@example.org")
    application = submit(
        user, application_input(route="bijstand", children=[("Amira", years_ago(9))])
    )
    parent = actions.issue_pass(
        application.applicant, kind=PassKind.ADULT, tier=Tier.SOCIAL_ASSISTANCE
    )
    child = actions.issue_pass(
        application.household.members.get(role=MemberRole.CHILD),
        kind=PassKind.CHILD,
        tier=Tier.SOCIAL_ASSISTANCE,
    )
    client.force_login(user)
    page = client.get(reverse("passes:my_pass") + f"?pas={child.number}").content.decode()
    heading = page.split('id="pas-kop">')[1].split("<")[0]
    assert heading == "Amira Benali"
    assert parent.holder.first_name in page  # the switch between the household's passes
