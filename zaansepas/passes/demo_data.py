"""Demo residents, households, applications and staff users. Deterministic, idempotent."""

import datetime as dt
import random
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.models import AreaKind, PostcodeArea

from . import actions, applications
from .eligibility import derive_household_type
from .models import Household, MemberRole, PassKind, PassPrice, Person, Route, Tier

DEMO_PASSWORD = "zaanse-pas-demo"
RESIDENT_EMAIL = "inwoner@zaansepas.demo"

STAFF_USERS = [
    ("pasbeheer@zaansepas.demo", "Petra de Vries", [Role.PASS_OFFICE], False),
    ("beheer@zaansepas.demo", "Ahmed Yilmaz", [Role.ADMIN, Role.PASS_OFFICE], True),
    ("onderzoek@zaansepas.demo", "Sanne Bakker", [Role.RESEARCHER], False),
    ("wijkteam@zaansepas.demo", "Fatima el Amrani", [Role.PROFESSIONAL], False),
    ("bakker@zaansepas.demo", "Kees Jansen (Bakkerij De Zaan)", [Role.PROVIDER], False),
]

FIRST_NAMES = [
    "Sanne",
    "Mohamed",
    "Emma",
    "Ayşe",
    "Daan",
    "Fatima",
    "Lucas",
    "Anna",
    "Yusuf",
    "Julia",
    "Piotr",
    "Sophie",
    "Noah",
    "Nour",
    "Mila",
    "Kofi",
    "Lotte",
    "Ibrahim",
    "Eva",
    "Mehmet",
    "Tess",
    "Agnieszka",
    "Bram",
    "Samira",
    "Jan",
    "Priya",
    "Henk",
    "Riya",
    "Wim",
    "Zeynep",
    "Joost",
    "Maria",
    "Kevin",
    "Hanneke",
    "Ali",
    "Ingrid",
]
LAST_NAMES = [
    "de Jong",
    "Jansen",
    "Yılmaz",
    "el Idrissi",
    "Visser",
    "Kowalski",
    "Bakker",
    "Smit",
    "Öztürk",
    "Meijer",
    "de Boer",
    "Mulder",
    "Benali",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Nowak",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Kaya",
    "Dijkstra",
    "Mensah",
    "Koster",
    "Bouzid",
    "Prins",
    "Huisman",
    "Singh",
    "van Dam",
]
STREETS = [
    "Westzijde",
    "Oostzijde",
    "Peperstraat",
    "Vermeerstraat",
    "Rembrandtweg",
    "Zuiddijk",
    "Czaar Peterstraat",
    "Dr. H. Colijnstraat",
    "Lindenlaan",
    "Kerkstraat",
    "Stationsstraat",
    "Provincialeweg",
    "Zaandammerstraat",
    "Dorpsstraat",
    "Rosmolenstraat",
]


def load_demo(stdout=None) -> dict:
    """Load the demo. Safe to run again: what exists is left as it is."""
    from zaansepas.city.demo_data import load_zaanstad_reference_data

    load_zaanstad_reference_data()
    ensure_role_groups()
    PassPrice.objects.get_or_create(
        kind=PassKind.ADULT, valid_from=dt.date(2025, 1, 1), defaults={"price_cents": 2500}
    )
    PassPrice.objects.get_or_create(
        kind=PassKind.CHILD, valid_from=dt.date(2025, 1, 1), defaults={"price_cents": 1000}
    )
    for email, name, roles, superuser in STAFF_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, DEMO_PASSWORD, full_name=name, is_staff=superuser, is_superuser=superuser
            )
        for role in roles:
            grant_role(user, role)
    if not User.objects.filter(email=RESIDENT_EMAIL).exists():
        with transaction.atomic():
            _create_residents()
    from zaansepas.offers.demo_data import load_demo_offers

    offer_counts = load_demo_offers()
    from zaansepas.wallet.demo_data import load_demo_wallet

    wallet_counts = load_demo_wallet()
    return {
        **wallet_counts,
        "households": Household.objects.count(),
        "residents": Person.objects.count(),
        **offer_counts,
    }


def _create_residents() -> None:
    rng = random.Random(479)  # Zaanstad's CBS code: the same demo every time
    today = timezone.localdate()
    postcodes = list(
        PostcodeArea.objects.filter(district__kind=AreaKind.DISTRICT).select_related("district")
    )
    # One household per postcode first, so every wijk has residents.
    order = postcodes + [rng.choice(postcodes) for _ in range(150 - len(postcodes))]
    pass_office = User.objects.get(email="pasbeheer@zaansepas.demo")

    # The named demo resident: a single father under the income limit with two children,
    # a free pass, and child passes (the football-tickets father of the seed text).
    resident = User.objects.create_user(RESIDENT_EMAIL, full_name="Youssef Benali")
    grant_role(resident, Role.RESIDENT)
    household = _household(
        postcodes[0],
        rng,
        "Youssef",
        "Benali",
        dt.date(1986, 4, 12),
        partner=None,
        children=[("Amira", 9), ("Sami", 13)],
        today=today,
    )
    father = household.members.get(role=MemberRole.MAIN)
    father.user = resident
    father.save(update_fields=["user"])
    _issue_all(household, Tier.LOW_INCOME, pass_office, today, include_children=True)

    for index, postcode in enumerate(order):
        last = rng.choice(LAST_NAMES)
        main_age = rng.choice([22, 27, 31, 36, 41, 45, 52, 58, 63, 69, 74, 81])
        has_partner = rng.random() < 0.45
        kid_count = rng.choice([0, 0, 0, 1, 2, 3]) if main_age < 55 else 0
        kids = [(rng.choice(FIRST_NAMES), rng.randint(0, 17)) for _ in range(kid_count)]
        household = _household(
            postcode,
            rng,
            rng.choice(FIRST_NAMES),
            last,
            _birth(today, main_age, rng),
            partner=(
                rng.choice(FIRST_NAMES),
                last,
                _birth(today, main_age + rng.randint(-4, 4), rng),
            )
            if has_partner
            else None,
            children=kids,
            today=today,
        )
        roll = rng.random()
        if index % 10 == 9:
            _pending_application(household, rng, today)
            continue
        tier = (
            Tier.LOW_INCOME
            if roll < 0.35
            else Tier.SOCIAL_ASSISTANCE
            if roll < 0.45
            else Tier.CAREGIVER
            if roll < 0.50
            else Tier.STANDARD
        )
        if rng.random() < 0.15:
            continue  # some residents have no pass yet
        _issue_all(household, tier, pass_office, today, include_children=True)


def _birth(today, age, rng) -> dt.date:
    return today - dt.timedelta(days=age * 365 + rng.randint(10, 350))


def _household(postcode_area, rng, first, last, birth, *, partner, children, today) -> Household:
    main_age = (today - birth).days // 365
    household = Household.objects.create(
        household_type=derive_household_type(
            main_age=main_age, has_partner=partner is not None, has_children=bool(children)
        ),
        street=rng.choice(STREETS),
        house_number=str(rng.randint(1, 240)),
        postcode=f"{postcode_area.postcode4} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"
        f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
        town="Zaandam",
        district=postcode_area.district,
    )
    Person.objects.create(
        household=household,
        role=MemberRole.MAIN,
        first_name=first,
        last_name=last,
        birth_date=birth,
    )
    if partner:
        Person.objects.create(
            household=household,
            role=MemberRole.PARTNER,
            first_name=partner[0],
            last_name=partner[1],
            birth_date=partner[2],
        )
    for name, age in children:
        Person.objects.create(
            household=household,
            role=MemberRole.CHILD,
            first_name=name,
            last_name=last,
            birth_date=_birth(today, age, rng),
        )
    return household


def _issue_all(household, tier, actor, today, include_children) -> None:
    price = 2500 if tier == Tier.STANDARD else 0
    issued_on = today - dt.timedelta(days=random.Random(household.pk).randint(0, 300))
    for person in household.members.exclude(role=MemberRole.CHILD):
        actions.issue_pass(
            person,
            kind=PassKind.ADULT,
            tier=tier,
            actor=actor,
            price_paid_cents=price,
            today=issued_on,
        )
    if include_children:
        for child in household.members.filter(role=MemberRole.CHILD):
            if 4 <= child.age_on(issued_on) <= 17:
                actions.issue_pass(
                    child,
                    kind=PassKind.CHILD,
                    tier=tier,
                    actor=actor,
                    price_paid_cents=1000 if tier == Tier.STANDARD else 0,
                    today=issued_on,
                )


def _pending_application(household, rng, today) -> None:
    """A paper application waiting in the pass office queue."""
    main = household.members.get(role=MemberRole.MAIN)
    partner = household.members.filter(role=MemberRole.PARTNER).first()
    kids = list(household.members.filter(role=MemberRole.CHILD))
    income = rng.choice([98000, 135000, 152000, 171000, 199000, 260000])
    evidence = SimpleUploadedFile(
        "loonstrook.pdf", b"%PDF-1.4\n% demo loonstrook\n%%EOF\n", content_type="application/pdf"
    )
    data = applications.ApplicationInput(
        applicant=applications.PersonInput(main.first_name, main.last_name, main.birth_date),
        address=applications.AddressInput(
            household.street, household.house_number, household.postcode, household.town
        ),
        route=Route.INCOME,
        partner=applications.PersonInput(partner.first_name, partner.last_name, partner.birth_date)
        if partner
        else None,
        children=[applications.PersonInput(k.first_name, k.last_name, k.birth_date) for k in kids],
        child_pass_for=[i for i, k in enumerate(kids) if 4 <= k.age_on(today) <= 17],
        monthly_income_cents=income,
        evidence=evidence,
        evidence_content_type="application/pdf",
    )
    staff = User.objects.get(email="pasbeheer@zaansepas.demo")
    application, _ = applications.submit_application(
        data=data,
        submitted_by=staff,
        submission_key=uuid.uuid4(),
        channel="papier",
        resident_user=None,
        today=today,
    )
    # The paper application made a fresh household; drop the placeholder we built.
    if application.household_id != household.pk:
        household.members.all().delete()
        household.delete()
