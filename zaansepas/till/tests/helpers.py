import datetime as dt
import uuid

from zaansepas.accounts.models import User
from zaansepas.offers.models import Location, Offer, OfferKind, Provider
from zaansepas.passes import actions
from zaansepas.passes.models import MemberRole, PassKind, Tier
from zaansepas.passes.tests.helpers import application_input, make_reference_data, make_user, submit
from zaansepas.till.devices import issue_device_token


def make_provider(kvk="12345678"):
    provider = Provider.objects.create(
        name=f"Aanbieder {kvk}",
        kind="bedrijf",
        kvk_number=kvk,
        iban="NL91ABNA0417164300",
        account_holder="x",
        street="x",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
        contact_name="x",
        contact_email=f"{kvk}@example.org",
        contact_phone="1",
        status="goedgekeurd",
    )
    location = Location.objects.create(
        provider=provider,
        name="Winkel",
        street="x",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
    )
    return provider, location


def make_device(provider, name="kassa 1"):
    """A till device of the provider, issued by a new owner; returns (device, bearer token)."""
    owner = User.objects.create_user(f"eigenaar-{uuid.uuid4().hex[:8]}@example.org")
    return issue_device_token(provider=provider, name=name, actor=owner)


def make_till_staff(provider, email="kassa@bakker.example", password=None):
    """A provider user with the till role only (no owner rights)."""
    from zaansepas.accounts.models import Role
    from zaansepas.accounts.roles import grant_role
    from zaansepas.offers.models import ProviderMember

    staff = User.objects.create_user(email, password)
    grant_role(staff, Role.PROVIDER)
    ProviderMember.objects.create(provider=provider, user=staff, role="kassa")
    return staff


def make_offer(provider, **fields):
    defaults = {
        "title": "Brood",
        "description": "x",
        "kind": OfferKind.FREE,
        "regular_price_cents": 300,
        "valid_from": dt.date(2020, 1, 1),
        "valid_until": dt.date(2099, 12, 31),
        "status": "goedgekeurd",
    }
    return Offer.objects.create(provider=provider, **{**defaults, **fields})


def make_household_passes(children=(), today=None):
    """A household with an adult pass and child passes; returns (adult, [children])."""
    make_reference_data() if not _has_reference() else None
    user = make_user(f"h{uuid.uuid4().hex[:8]}@example.org")
    application = submit(
        user, application_input(route="bijstand", children=list(children)), today=today
    )
    adult = actions.issue_pass(
        application.applicant, kind=PassKind.ADULT, tier=Tier.SOCIAL_ASSISTANCE, today=today
    )
    kids = [
        actions.issue_pass(child, kind=PassKind.CHILD, tier=Tier.SOCIAL_ASSISTANCE, today=today)
        for child in application.household.members.filter(role=MemberRole.CHILD)
    ]
    # Test dates span years; let the passes cover them.
    from zaansepas.passes.models import Pass

    Pass.objects.filter(household=adult.household).update(
        valid_from=dt.date(2020, 1, 1), valid_until=dt.date(2099, 12, 31)
    )
    adult.refresh_from_db()
    for kid in kids:
        kid.refresh_from_db()
    return adult, kids


def _has_reference():
    from zaansepas.city.models import PostcodeArea

    return PostcodeArea.objects.exists()


def key():
    return uuid.uuid4().hex


def in_parallel(calls):
    """Run the calls at the same moment on their own connections (threads released by one
    barrier); returns ("ok", result), ("refused", code) or ("error", repr) per call."""
    import threading

    from django.core.exceptions import ValidationError
    from django.db import connection

    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            outcomes.append(("ok", call()))
        except ValidationError as exc:
            outcomes.append(("refused", exc.code))
        except Exception as exc:  # anything else is a bug the caller's assertion shows
            outcomes.append(("error", repr(exc)))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return outcomes
