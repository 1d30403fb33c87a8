"""The seed data of the till and wallet benchmarks: one provider with live offers of every
kind, passes in households, and a device (with its token) per simulated till."""

import datetime as dt
import random

TILLS = 16  # concurrent simulated tills, and pgbench clients
PASSES = 4_000
HOUSEHOLDS = 2_500  # so some passes share a household (and its lock and limits)


def seed():
    """One provider, its offers and counters, passes in households, one device per till.
    Returns (provider, offers, passes, tokens)."""
    from zaansepas.accounts.models import User
    from zaansepas.lib.checkdigit import add_check_digit
    from zaansepas.offers.models import (
        Location,
        Offer,
        OfferGroup,
        OfferKind,
        Period,
        Provider,
    )
    from zaansepas.passes.models import Household, MemberRole, Pass, PassKind, Person, Tier
    from zaansepas.till.devices import issue_device_token
    from zaansepas.till.models import OfferCounter

    rng = random.Random(7)
    today = dt.date.today()
    owner = User.objects.create_user("eigenaar@bakkerij.bench")
    provider = Provider.objects.create(
        name="Bakkerij en Buurthuis De Zaan",
        kind="bedrijf",
        kvk_number="87654321",
        iban="NL91ABNA0417164300",
        account_holder="De Zaan",
        street="Westzijde",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
        contact_name="Kees",
        contact_email="kees@bakkerij.bench",
        contact_phone="0751234567",
        status="goedgekeurd",
    )
    Location.objects.create(
        provider=provider,
        name="Winkel",
        street="Westzijde",
        house_number="1",
        postcode="1506 AB",
        town="Zaandam",
    )
    culture = OfferGroup.objects.create(name="Eén cultuuruitje", picks=1, period=Period.YEAR)
    common = {
        "provider": provider,
        "description": "Benchmarkaanbod",
        "valid_from": today - dt.timedelta(days=30),
        "valid_until": today + dt.timedelta(days=335),
        "status": "goedgekeurd",
    }
    specs = [
        {
            "title": "Krentenbol",
            "kind": OfferKind.FREE,
            "regular_price_cents": 150,
            "per_pass_limit": 1,
            "per_pass_period": Period.DAY,
        },
        {
            "title": "Koffie",
            "kind": OfferKind.FIXED_PRICE,
            "regular_price_cents": 350,
            "pass_price_cents": 100,
            "per_pass_limit": 2,
            "per_pass_period": Period.WEEK,
        },
        {
            "title": "Taart",
            "kind": OfferKind.AMOUNT_OFF,
            "regular_price_cents": 1500,
            "amount_off_cents": 500,
            "per_household_limit": 3,
            "per_household_period": Period.MONTH,
        },
        {
            "title": "Boodschappen",
            "kind": OfferKind.CATEGORY,
            "percent_off": 10,
            "discount_cap_cents": 1000,
            "category_label": "boodschappen",
        },
        {
            "title": "Bioscoop",
            "kind": OfferKind.FIXED_PRICE,
            "regular_price_cents": 1200,
            "pass_price_cents": 500,
            "global_quota": 10_000_000,
        },
        {
            "title": "Zwemmen",
            "kind": OfferKind.PERCENT_OFF,
            "regular_price_cents": 600,
            "percent_off": 50,
        },
        {
            "title": "Fietsreparatie",
            "kind": OfferKind.AMOUNT_OFF,
            "regular_price_cents": 2500,
            "amount_off_cents": 1000,
            "per_pass_limit": 4,
            "per_pass_period": Period.MONTH,
            "per_household_limit": 8,
            "per_household_period": Period.MONTH,
        },
        {"title": "Museum", "kind": OfferKind.FREE, "regular_price_cents": 1250, "group": culture},
        {
            "title": "Theater",
            "kind": OfferKind.PERCENT_OFF,
            "regular_price_cents": 2000,
            "percent_off": 50,
            "group": culture,
        },
        {
            "title": "Brood",
            "kind": OfferKind.PERCENT_OFF,
            "regular_price_cents": 300,
            "percent_off": 30,
            "per_pass_limit": 3,
            "per_pass_period": Period.WEEK,
        },
    ]
    offers = [Offer.objects.create(**common, **spec) for spec in specs]
    OfferCounter.objects.bulk_create([OfferCounter(offer=o) for o in offers])

    types = ["alleenstaand", "alleenstaande_ouder", "samenwonend", "alleenstaand_aow"]
    households = Household.objects.bulk_create(
        [
            Household(
                household_type=rng.choice(types),
                street="Bench",
                house_number=str(i + 1),
                postcode="1503 AB",
                town="Zaandam",
            )
            for i in range(HOUSEHOLDS)
        ],
        batch_size=2000,
    )
    # Every household has a main holder; some a partner too; the rest of the passes are
    # children's, in random households.
    partners = rng.sample(households, (PASSES - HOUSEHOLDS) * 2 // 3)
    children = [rng.choice(households) for _ in range(PASSES - HOUSEHOLDS - len(partners))]
    members = (
        [(h, MemberRole.MAIN, rng.randint(18, 80)) for h in households]
        + [(h, MemberRole.PARTNER, rng.randint(18, 80)) for h in partners]
        + [(h, MemberRole.CHILD, rng.randint(4, 17)) for h in children]
    )
    people = Person.objects.bulk_create(
        [
            Person(
                household=household,
                role=role,
                first_name="Bench",
                last_name=str(i),
                birth_date=today - dt.timedelta(days=age * 365 + rng.randint(30, 330)),
            )
            for i, (household, role, age) in enumerate(members)
        ],
        batch_size=2000,
    )
    tiers = [Tier.STANDARD, Tier.STANDARD, Tier.LOW_INCOME, Tier.SOCIAL_ASSISTANCE]
    Pass.objects.bulk_create(
        [
            Pass(
                number=add_check_digit(str(200_000_000 + i)),
                holder=person,
                household=person.household,
                kind=PassKind.CHILD if person.role == MemberRole.CHILD else PassKind.ADULT,
                tier=rng.choice(tiers),
                valid_from=today - dt.timedelta(days=100),
                valid_until=today + dt.timedelta(days=265),
            )
            for i, person in enumerate(people)
        ],
        batch_size=2000,
    )
    passes = list(Pass.objects.order_by("pk").only("pk", "number", "code_salt", "household"))
    tokens = [
        issue_device_token(provider=provider, name=f"kassa {n + 1}", actor=owner)[1]
        for n in range(TILLS)
    ]
    return provider, offers, passes, tokens
