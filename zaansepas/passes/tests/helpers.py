"""Builders for tests: real rows through the real functions, no mocks of our own code."""

import datetime as dt
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.models import (
    Area,
    AreaKind,
    HouseholdType,
    IncomeNorm,
    PostcodeArea,
    SchemePercentage,
)
from zaansepas.passes import actions, applications
from zaansepas.passes.models import PassKind, Tier

NORMS_2025 = {  # approximate monthly norms in cents, deliberately odd to test rounding
    HouseholdType.SINGLE: 140151,
    HouseholdType.SINGLE_PARENT: 140151,
    HouseholdType.COUPLE: 200217,
    HouseholdType.SINGLE_PENSION: 156789,
    HouseholdType.COUPLE_PENSION: 213457,
}


def make_reference_data():
    gm = Area.objects.create(code="GM0479", name="Zaanstad", kind=AreaKind.MUNICIPALITY)
    wijk = Area.objects.create(
        code="WK047901", name="Poelenburg", kind=AreaKind.DISTRICT, parent=gm
    )
    PostcodeArea.objects.create(postcode4="1503", district=wijk)
    for household_type, cents in NORMS_2025.items():
        IncomeNorm.objects.create(
            household_type=household_type, valid_from=dt.date(2025, 1, 1), monthly_norm_cents=cents
        )
    SchemePercentage.objects.create(valid_from=dt.date(2020, 1, 1), percentage=120)
    ensure_role_groups()
    return wijk


def make_user(email, role=Role.RESIDENT, password=None):
    user = User.objects.create_user(email, password)
    grant_role(user, role)
    return user


def pdf_upload(name="loonstrook.pdf", size=None):
    content = b"%PDF-1.4\n% test\n%%EOF\n"
    if size:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def application_input(
    route="inkomen",
    income=120000,
    children=(),
    child_pass_for=(),
    postcode="1503 AB",
    birth=dt.date(1985, 5, 5),
    partner=None,
):
    return applications.ApplicationInput(
        applicant=applications.PersonInput("Youssef", "Benali", birth),
        address=applications.AddressInput("Peperstraat", "12", postcode, "Zaandam"),
        route=route,
        partner=partner,
        children=[applications.PersonInput(name, "Benali", born) for name, born in children],
        child_pass_for=list(child_pass_for),
        monthly_income_cents=income if route == "inkomen" else None,
        evidence=pdf_upload() if route == "inkomen" else None,
        evidence_content_type="application/pdf" if route == "inkomen" else "",
    )


def submit(user, data, today=None):
    application, _ = applications.submit_application(
        data=data,
        submitted_by=user,
        submission_key=uuid.uuid4(),
        channel="online",
        resident_user=user,
        today=today,
    )
    return application


def make_pass(user=None, tier=Tier.LOW_INCOME, today=None):
    """A household with an issued adult pass of the given tier."""
    user = user or make_user(f"r{uuid.uuid4().hex[:8]}@example.org")
    application = submit(user, application_input(route="bijstand"), today=today)
    pass_card = actions.issue_pass(
        application.applicant, kind=PassKind.ADULT, tier=tier, application=application, today=today
    )
    application.status, application.decided_tier = "toegekend", tier
    application.save(update_fields=["status", "decided_tier"])
    return pass_card


__all__ = ["PassKind", "Tier"]
