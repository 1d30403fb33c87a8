"""Demo providers, their offers and a short history of redemptions. Deterministic, idempotent.

load_demo_offers() builds about sixty approved providers all over Zaanstad (shops, clubs,
culture and social initiatives) with locations, opening hours and about 250 offers of every
kind and limit. Bakkerij De Zaan is the provider of the till demo: its owner is
bakker@zaansepas.demo and kassa@zaansepas.demo works its till at /kassa/.

The history (redemptions over the past sixty days) goes through the real redemption engine,
oldest first, so every limit holds exactly as it would have at the till. Nothing is
redeemed today: the daily limits of the demo passes are still free for a demo.

The names, addresses, KvK numbers and bank accounts are invented. The IBANs have valid
check digits (and the account numbers pass the old Dutch eleven test) but belong to no one.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from stdnum import iban as stdnum_iban

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import grant_role
from zaansepas.city.demo_data import district_code
from zaansepas.city.models import Area, AreaKind, PolicyTheme
from zaansepas.offers.reservations import bookable_days, reserve_offer
from zaansepas.offers.targeting import SENIOR_AGE, needs_ticket, takes_reservation
from zaansepas.passes.demo_data import DEMO_PASSWORD, FIRST_NAMES, LAST_NAMES, RESIDENT_EMAIL
from zaansepas.passes.models import Pass, PassKind, PassStatus, Person
from zaansepas.till.models import Redemption
from zaansepas.till.redemption import redeem_offer

from .demo_specs import (
    _KEY_NAMESPACE,
    BAKER_EMAIL,
    BANKS,
    CARERS,
    EVERYONE,
    FAMILY_HISTORY,
    FAMILY_TICKETS,
    GROUPS,
    HISTORY_ATTEMPTS,
    HISTORY_DAYS,
    HOURS,
    KIDS,
    LOW_DISCOUNT_REASONS,
    LOW_INCOME,
    PASS_OFFICE_EMAIL,
    PROVIDERS,
    SECTORS,
    SENIORS,
    SOCIAL,
    SPORT,
    STREETS,
    THEME_CODES,
    TILL_EMAIL,
    TILL_NAME,
    TOWNS,
    OfferSpec,
    Sector,
)
from .models import (
    Location,
    MemberRole,
    Offer,
    OfferGroup,
    OfferKind,
    OfferStatus,
    OpeningHours,
    Period,
    Provider,
    ProviderMember,
    ProviderStatus,
)
from .pricing import below_discount_norm, check_offer_terms


def dutch_iban(bank: str, account: str) -> str:
    """An NL IBAN for a bank code and a 10-digit account, with mod-97 check digits."""
    rearranged = f"{bank}{account}NL00"
    digits = "".join(str(int(char, 36)) for char in rearranged)
    check = 98 - int(digits) % 97
    return f"NL{check:02d}{bank}{account}"


def _elfproef_account(rng: random.Random) -> str:
    """A 10-digit account number (leading zero) that passes the old Dutch eleven test."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        if sum(d * w for d, w in zip(digits, range(9, 0, -1), strict=True)) % 11 == 0:
            return "0" + "".join(map(str, digits))


def _iban(rng: random.Random) -> str:
    while True:
        number = dutch_iban(rng.choice(BANKS), _elfproef_account(rng))
        if stdnum_iban.is_valid(number):
            return number


def _provider_key(index: int) -> uuid.UUID:
    return uuid.uuid5(_KEY_NAMESPACE, f"demo-provider-{index}")


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def _postcode(rng: random.Random, postcode4: str) -> str:
    while True:
        letters = rng.choice("ABCDEGHJKLMNPRTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
        if letters not in ("SA", "SD", "SS"):
            return f"{postcode4} {letters}"


def _at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


# --- Loading -----------------------------------------------------------------------------------


def load_demo_offers(rng_seed: int = 479) -> dict:
    """Load the demo providers, offers and history. When they exist, only report counts."""
    baker, till_user = _ensure_till_users()
    first = Provider.objects.filter(submission_key=_provider_key(0)).first()
    if first is None:
        with transaction.atomic():
            first = _build(random.Random(rng_seed), baker, till_user)
    ProviderMember.objects.get_or_create(
        provider=first, user=baker, defaults={"role": MemberRole.OWNER}
    )
    ProviderMember.objects.get_or_create(
        provider=first, user=till_user, defaults={"role": MemberRole.TILL}
    )
    return {
        "providers": Provider.objects.count(),
        "locations": Location.objects.count(),
        "offers": Offer.objects.count(),
        "redemptions": Redemption.objects.count(),
    }


def _ensure_till_users() -> tuple[User, User]:
    baker = User.objects.filter(email=BAKER_EMAIL).first()
    if baker is None:
        baker = User.objects.create_user(
            BAKER_EMAIL, DEMO_PASSWORD, full_name="Kees Jansen (Bakkerij De Zaan)"
        )
    till_user = User.objects.filter(email=TILL_EMAIL).first()
    if till_user is None:
        till_user = User.objects.create_user(TILL_EMAIL, DEMO_PASSWORD, full_name=TILL_NAME)
    grant_role(baker, Role.PROVIDER)
    grant_role(till_user, Role.PROVIDER)
    return baker, till_user


@dataclass
class _Built:
    provider: Provider
    sector_key: str
    sector: Sector
    locations: list[Location]
    owner: User


@dataclass
class _Made:
    offer: Offer
    built: _Built
    spec: OfferSpec
    locations: list[Location]


def _build(rng: random.Random, baker: User, till_user: User) -> Provider:
    today = timezone.localdate()
    reviewer = User.objects.filter(email=PASS_OFFICE_EMAIL).first()
    built = _build_providers(rng, baker, reviewer, today)
    made = _build_offers(rng, built, reviewer, today)
    _build_history(rng, made, today, till_user)
    _book_places(rng, made, today)
    return built[0].provider


def _build_providers(rng, baker, reviewer, today) -> list[_Built]:
    wijken = {a.code: a for a in Area.objects.filter(kind=AreaKind.DISTRICT)}
    postcodes = {
        code: list(area.postcodes.values_list("postcode4", flat=True))
        for code, area in wijken.items()
    }
    taken_kvk = set(Provider.objects.values_list("kvk_number", flat=True))
    joined = today - dt.timedelta(days=rng.randint(400, 600))
    built = []
    hours_rows = []
    for index, (name, kind, sector_key, numbers) in enumerate(PROVIDERS):
        sector = SECTORS[sector_key]
        while True:
            kvk = str(rng.randint(10_000_000, 99_999_999))
            if kvk not in taken_kvk:
                taken_kvk.add(kvk)
                break
        addresses = []
        for number in numbers:
            area = wijken.get(district_code(number)) or (
                rng.choice(list(wijken.values())) if wijken else None
            )
            pc4s = postcodes.get(area.code) if area else None
            addresses.append(
                {
                    "street": rng.choice(STREETS[number]),
                    "house_number": str(rng.randint(1, 180)) + rng.choice(["", "", "", "a"]),
                    "postcode": _postcode(rng, rng.choice(pc4s) if pc4s else "1500"),
                    "town": TOWNS.get(number, "Zaandam"),
                    "district": area,
                }
            )
        if index == 0:
            owner, contact = baker, "Kees Jansen"
        else:
            contact = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            email = f"{_slug(name)}@aanbieder.zaansepas.demo"
            owner = User.objects.filter(email=email).first() or User.objects.create_user(
                email, None, full_name=contact
            )
            grant_role(owner, Role.PROVIDER)
        created = _at(joined + dt.timedelta(days=index // 3), 9 + index % 8, 5 * (index % 12))
        holder = {SPORT: "Vereniging ", SOCIAL: "Stichting "}.get(kind, "")
        provider = Provider.objects.create(
            name=name,
            kind=kind,
            kvk_number=kvk,
            iban=_iban(rng),
            account_holder=(holder + name)[:70],
            contact_name=contact,
            contact_email=owner.email,
            contact_phone=(
                f"075 {rng.randint(600, 699)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                if rng.random() < 0.7
                else f"06 {rng.randint(10_000_000, 99_999_999)}"
            ),
            website=f"https://www.{_slug(name)}.example" if rng.random() < 0.6 else "",
            description=sector.description,
            status=ProviderStatus.APPROVED,
            decision_reason="",
            decided_by=reviewer,
            decided_at=created + dt.timedelta(days=rng.randint(2, 9)),
            submission_key=_provider_key(index),
            created_at=created,
            **{k: v for k, v in addresses[0].items() if k != "district"},
        )
        ProviderMember.objects.get_or_create(
            provider=provider, user=owner, defaults={"role": MemberRole.OWNER}
        )
        locations = []
        for address in addresses:
            label = name if len(addresses) == 1 else f"{name} {address['town']}"
            if len(addresses) > 1 and addresses[0]["town"] == addresses[1]["town"]:
                label = f"{name} {address['street']}"
            location = Location.objects.create(provider=provider, name=label[:120], **address)
            locations.append(location)
            for weekdays, periods in HOURS[sector.hours]:
                for weekday in weekdays:
                    for opens, closes in periods:
                        hours_rows.append(
                            OpeningHours(
                                location=location,
                                weekday=weekday,
                                opens=dt.time.fromisoformat(opens),
                                closes=dt.time.fromisoformat(closes),
                            )
                        )
        built.append(_Built(provider, sector_key, sector, locations, owner))
    OpeningHours.objects.bulk_create(hours_rows)
    return built


def _valid_from(rng: random.Random, today: dt.date) -> dt.date:
    """A start on the first of a month at least 70 days ago, mostly 1 January."""
    latest = today - dt.timedelta(days=70)
    starts = [dt.date(today.year, month, 1) for month in (1, 1, 1, 3, 5)]
    starts = [d for d in starts if d <= latest] or [latest.replace(day=1)]
    return rng.choice(starts)


def _build_offers(rng, built, reviewer, today) -> list[_Made]:
    themes = {t.code: t for t in PolicyTheme.objects.all()}
    groups = {
        key: OfferGroup.objects.get_or_create(
            name=name, defaults={"picks": 1, "period": Period.YEAR}
        )[0]
        for key, name in GROUPS.items()
    }
    sector_count: dict[str, int] = {}
    for _name, _kind, sector_key, _numbers in PROVIDERS:
        sector_count[sector_key] = sector_count.get(sector_key, 0) + 1
    end_this_year = dt.date(today.year, 12, 31)
    end_next_year = dt.date(today.year + 1, 12, 31)
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    now = timezone.now()

    made: list[_Made] = []
    for item in built:
        specs = list(item.sector.offers)
        if sector_count[item.sector_key] > 1:  # shops of one sort differ a little
            specs = rng.sample(specs, min(4, len(specs)))
        for spec in specs:
            valid_from = next_month if spec.submitted else _valid_from(rng, today)
            created = _at(valid_from - dt.timedelta(days=rng.randint(7, 40)), rng.randint(9, 16))
            if spec.submitted:
                created = now - dt.timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 8))
            offer = Offer(
                provider=item.provider,
                title=spec.title,
                description=spec.description,
                kind=spec.kind,
                for_everyone=spec.target == EVERYONE,
                for_children=spec.target == KIDS,
                for_seniors=spec.target == SENIORS,
                for_low_income=spec.target == LOW_INCOME,
                for_caregivers=spec.target == CARERS,
                regular_price_cents=spec.regular,
                percent_off=spec.percent,
                amount_off_cents=spec.amount_off,
                pass_price_cents=spec.pass_price,
                discount_cap_cents=spec.cap,
                category_label=spec.category,
                valid_from=valid_from,
                valid_until=end_this_year if spec.this_year_only else end_next_year,
                per_pass_limit=spec.per_pass[0] if spec.per_pass else None,
                per_pass_period=spec.per_pass[1] if spec.per_pass else Period.YEAR,
                per_household_limit=spec.per_household[0] if spec.per_household else None,
                per_household_period=spec.per_household[1] if spec.per_household else Period.YEAR,
                global_quota=spec.quota,
                capacity_per_date=spec.capacity,
                group=groups[spec.group] if spec.group else None,
                created_at=created,
            )
            check_offer_terms(offer)  # a demo offer the provider form would refuse is a bug
            offer.below_norm = below_discount_norm(offer)
            if spec.submitted:
                offer.status = OfferStatus.SUBMITTED
            else:
                offer.status = OfferStatus.APPROVED
                offer.reviewed_by = reviewer
                offer.reviewed_at = created + dt.timedelta(days=rng.randint(1, 6))
                if offer.below_norm:
                    offer.review_reason = LOW_DISCOUNT_REASONS.get(
                        spec.title, "Kleine korting, maar vaak te gebruiken."
                    )
            where = item.locations
            if len(where) > 1 and rng.random() < 0.3:
                where = [rng.choice(where)]  # only at one of the two
            made.append(_Made(offer, item, spec, where))

    for m in made:
        m.offer.save()  # not bulk: save() keeps the catalogue's search index
    theme_links, location_links = [], []
    for m in made:
        for letter in m.spec.themes:
            theme = themes.get(THEME_CODES[letter])
            if theme is not None:
                theme_links.append(
                    Offer.themes.through(offer_id=m.offer.pk, policytheme_id=theme.pk)
                )
        location_links.extend(
            Offer.locations.through(offer_id=m.offer.pk, location_id=loc.pk) for loc in m.locations
        )
    Offer.themes.through.objects.bulk_create(theme_links)
    Offer.locations.through.objects.bulk_create(location_links)
    return made


def _opening_table(sector: Sector) -> dict[int, list[tuple[dt.time, dt.time]]]:
    table: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for weekdays, periods in HOURS[sector.hours]:
        for weekday in weekdays:
            table.setdefault(weekday, []).extend(
                (dt.time.fromisoformat(o), dt.time.fromisoformat(c)) for o, c in periods
            )
    return table


def _moment(rng, table, first: dt.date, last: dt.date) -> dt.datetime | None:
    """A moment on a day from first to last (inclusive) when the location is open."""
    if first > last:
        return None
    for _try in range(8):
        day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
        if day.weekday() in table:
            opens, closes = rng.choice(table[day.weekday()])
            start = opens.hour * 60 + opens.minute
            minute = rng.randint(start, closes.hour * 60 + closes.minute - 1)
            return _at(day, minute // 60, minute % 60)
    return None


def _build_history(rng, made: list[_Made], today: dt.date, till_user: User) -> None:
    """Redemptions over the past weeks, through the redemption engine, oldest first."""
    passes = list(
        Pass.objects.filter(status=PassStatus.ACTIVE)
        .select_related("holder", "household")
        .order_by("pk")
    )
    if not passes:
        return
    adults = [p for p in passes if p.kind == PassKind.ADULT]
    pools = {
        EVERYONE: passes,
        KIDS: [p for p in passes if p.kind == PassKind.CHILD],
        SENIORS: [p for p in adults if p.holder.age_on(today) >= SENIOR_AGE],
    }
    first_day = today - dt.timedelta(days=HISTORY_DAYS)
    yesterday = today - dt.timedelta(days=1)
    tables = {id(m.built): _opening_table(m.built.sector) for m in made}
    usable = [
        m
        for m in made
        if m.offer.status == OfferStatus.APPROVED
        and not needs_ticket(m.offer)
        and pools.get(m.spec.target)
    ]
    weights = [m.built.sector.weight for m in usable]

    def window(m: _Made, pass_card: Pass) -> tuple[dt.date, dt.date]:
        return (
            max(first_day, pass_card.valid_from, m.offer.valid_from),
            min(yesterday, pass_card.valid_until, m.offer.valid_until),
        )

    attempts = []
    for m in rng.choices(usable, weights, k=HISTORY_ATTEMPTS):
        location = rng.choice(m.locations)
        pool = pools[m.spec.target]
        if m.spec.target == EVERYONE and rng.random() < 0.85:
            pool = adults
        nearby = [p for p in pool if p.household.district_id == location.district_id]
        pass_card = rng.choice(nearby if nearby and rng.random() < 0.6 else pool)
        when = _moment(rng, tables[id(m.built)], *window(m, pass_card))
        if when is not None:
            attempts.append((when, m, location, pass_card))

    by_title = {}
    for m in usable:
        by_title.setdefault(m.spec.title, m)
    family_home = (
        Person.objects.filter(user__email=RESIDENT_EMAIL).values_list("household_id", flat=True)
    ).first()
    family = [p for p in passes if family_home and p.household_id == family_home]
    for pass_card in family:
        for title, days_ago in FAMILY_HISTORY.get(pass_card.holder.first_name, ()):
            m = by_title.get(title)
            if m is None:
                continue
            day = today - dt.timedelta(days=days_ago)
            first, last = window(m, pass_card)
            when = _moment(
                rng, tables[id(m.built)], max(first, day - dt.timedelta(days=3)), min(last, day)
            )
            if when is not None:
                attempts.append((when, m, m.locations[0], pass_card))

    attempts.sort(key=lambda attempt: attempt[0])
    for number, (when, m, location, pass_card) in enumerate(attempts, start=1):
        actor = m.built.owner
        if m.built.sector_key == "bakkerij_demo" and number % 3:
            actor = till_user
        amount = rng.randint(300, 4500) if m.offer.kind == OfferKind.CATEGORY else None
        try:
            redeem_offer(
                offer_id=m.offer.pk,
                pass_id=pass_card.pk,
                provider_id=m.offer.provider_id,
                location_id=location.pk,
                idempotency_key=f"demo-geschiedenis-{number:04d}",
                amount_cents=amount,
                actor=actor,
                now=when,
            )
        except ValidationError:
            continue  # a limit said no, as it would have at the till


def _book_places(rng, made: list[_Made], today: dt.date) -> None:
    """Open tickets for the coming days: the demo family has a meal ticket and a place at
    the children's sport, and other holders fill some places so days show what is left."""
    live = [
        m for m in made if m.offer.status == OfferStatus.APPROVED and takes_reservation(m.offer)
    ]
    passes = list(Pass.objects.filter(status=PassStatus.ACTIVE).select_related("holder"))
    family_home = (
        Person.objects.filter(user__email=RESIDENT_EMAIL).values_list("household_id", flat=True)
    ).first()
    family = [p for p in passes if p.household_id == family_home]
    wanted = [(p, m) for p in family for m in live if m.spec.title in FAMILY_TICKETS]
    for m in rng.sample(live, min(len(live), 15)):
        wanted += [(p, m) for p in rng.sample(passes, min(len(passes), rng.randint(1, 6)))]
    for number, (pass_card, m) in enumerate(wanted):
        days = [day for day, left in bookable_days(m.offer, today) if left != 0]
        if not days:
            continue
        try:
            reserve_offer(
                offer_id=m.offer.pk,
                pass_id=pass_card.pk,
                service_date=rng.choice(days[:7]),
                request_key=uuid.UUID(int=number + 1),
            )
        except ValidationError:
            continue  # this pass doesn't fit, or a limit said no: as it would on the site
