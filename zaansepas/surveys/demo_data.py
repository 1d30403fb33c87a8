"""The demo needs scan, published five weeks ago, with its channels, target counts per wijk,
2,000 synthetic responses and a few consents for a follow-up conversation.

The responses are spread unevenly on purpose, so the monitoring dashboard has something to
show: Poelenburg, Pelders- en Hoornseveld and Zaandam-Oost/Kogerveld answer far less than
their share of the population (UNDER_REPRESENTED), Krommenie and Koog aan de Zaan far more
(OVER_REPRESENTED); the other wijken are near their share. Young people answer less and
women more, as in most surveys. Answers are consistent with the survey: required questions
answered, hidden questions ("show if") left out, values in the formats of answers.py, a
postcode that lies in the respondent's wijk, and the district, age band and sex of each
response derived from the answers as answering.respondent_facts does.

Everything comes from one seeded random generator: the same demo on every install. It is
idempotent like the rest of `manage.py demo`: when the demo survey exists, nothing is added.

The survey is published with the builder's publish action, then its dates are moved back:
the demo shows a survey five weeks into its fieldwork.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import unicodedata
import uuid

from django.db import transaction
from django.utils import timezone

from zaansepas.city.models import Area, AreaKind, PostcodeArea

from .builder import publish_survey
from .demo_answer_texts import (
    FIRST_NAMES,
    HELP_CORE,
    HELP_ENDINGS,
    HELP_OPENERS,
    HELP_SHORT,
    LAST_NAMES,
    OTHER_BARRIER,
    OTHER_DAY,
    OTHER_HEARD,
    OTHER_HOUSEHOLD,
    OTHER_INFO,
    OTHER_LANGUAGE,
    OTHER_OFFER,
    REMARKS,
    WHY_NOT_USED,
)
from .demo_survey import SERIES, needs_scan_spec
from .models import (
    Channel,
    ChannelKind,
    DistrictTarget,
    FollowUpConsent,
    Response,
    Survey,
)
from .monitoring import adult_population
from .spec import create_survey_from_spec

SEED = 2026
RESPONSE_COUNT = 2000
FIELDWORK_DAYS = 35
# Readable on a poster: lower case, none of 0/o, 1/l/i (as the channel pages make them).
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 6

# Response per resident (15+) relative to the city, by wijk name; the rest is near 1.
UNDER_REPRESENTED = {
    "Poelenburg": 0.3,
    "Pelders- en Hoornseveld": 0.35,
    "Zaandam-Oost/Kogerveld": 0.4,
}
OVER_REPRESENTED = {"Krommenie": 1.9, "Koog aan de Zaan": 2.1}
# Wijken with many low incomes in the demo: more money worries in their answers.
LOW_INCOME_WIJKEN = {
    "Poelenburg",
    "Pelders- en Hoornseveld",
    "Zaandam-Oost/Kogerveld",
    "Rosmolenwijk",
    "Zaandam-Zuid",
}

PARTNERS = ("Bibliotheek Zaanstad", "Voedselbank Zaanstreek")
MEDIA = ("Poster", "Facebook")
PAPER = "Papier"


def _typo(rng: random.Random, text: str) -> str:
    """Text as typed in a hurry on a phone: two letters swapped, one dropped, or no capital."""
    words = text.split(" ")
    candidates = [n for n, word in enumerate(words) if len(word) > 4 and word.isalpha()]
    if not candidates:
        return text.lower()
    n = rng.choice(candidates)
    word = words[n]
    at = rng.randrange(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.45:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif kind < 0.8:
        word = word[:at] + word[at + 1 :]
    else:
        return text.lower()
    words[n] = word
    return " ".join(words)


def help_answer(rng: random.Random) -> str:
    """An answer to "Wat zou u het meest helpen?"; sometimes one word, sometimes two needs."""
    if rng.random() < 0.12:
        return rng.choice(HELP_SHORT)
    core = rng.choice(HELP_CORE)
    if rng.random() < 0.18:
        second = rng.choice(HELP_CORE)
        if second == core:  # "kinderopvang en kinderopvang": take the next need instead
            second = HELP_CORE[(HELP_CORE.index(core) + 1) % len(HELP_CORE)]
        core = f"{core} en {second}"
    opener = rng.choice(HELP_OPENERS)
    text = f"{opener}{core}{rng.choice(HELP_ENDINGS)}"
    if not opener:
        text = text[0].upper() + text[1:]
    return _typo(rng, text) if rng.random() < 0.12 else text


# ---------------------------------------------------------------------------------------


def _channel_codes(rng: random.Random, count: int) -> list[str]:
    taken = set(Channel.objects.values_list("code", flat=True))
    codes: list[str] = []
    while len(codes) < count:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def _weighted(rng: random.Random, pairs: list[tuple[object, float]]):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _day_weights(days: int) -> list[float]:
    """Fieldwork as it goes: a start, a post on Facebook in week 2, posters in week 3, a
    reminder in week 4; fewer answers at the weekend."""
    weights = []
    for day in range(days):
        weight = 1.0 + 3.0 * max(0, 4 - day) / 4
        for bump_day, size in ((9, 2.5), (16, 1.8), (24, 2.2)):
            if 0 <= day - bump_day < 4:
                weight += size * (4 - (day - bump_day)) / 4
        if day % 7 in (5, 6):
            weight *= 0.6
        weights.append(weight)
    return weights


def _persona(rng: random.Random, wijk_name: str) -> dict:
    low_income = rng.random() < (0.55 if wijk_name in LOW_INCOME_WIJKEN else 0.28)
    age = _weighted(rng, [("15-24", 7), ("25-44", 33), ("45-64", 34), ("65+", 26)])
    return {
        "low_income": low_income,
        "age": age,
        "sex": _weighted(rng, [("v", 56), ("m", 40), ("x", 4)]),
        "language": _weighted(rng, [("nl", 86), ("tr", 5), ("ar", 4), ("en", 3), ("pl", 2)]),
    }


def _household(rng: random.Random, age: str) -> str:
    table = {
        "15-24": [("ouders", 50), ("alleen", 28), ("partner", 12), ("alleen_kinderen", 5)],
        "25-44": [
            ("partner_kinderen", 40),
            ("alleen_kinderen", 15),
            ("partner", 20),
            ("alleen", 20),
        ],
        "45-64": [
            ("partner_kinderen", 28),
            ("partner", 35),
            ("alleen", 25),
            ("alleen_kinderen", 9),
        ],
        "65+": [("partner", 50), ("alleen", 46)],
    }
    pairs = [*table[age], ("anders", 3)]
    return _weighted(rng, pairs)


def _pick_some(rng: random.Random, codes: list[str], low: int, high: int) -> list[str]:
    """Some codes, in the order the survey lists them (as the answer reader stores them)."""
    chosen = set(rng.sample(codes, rng.randint(low, high)))
    return [code for code in codes if code in chosen]


def _answers(rng: random.Random, person: dict, postcode: str | None) -> dict:
    """One respondent's answers, in question order, respecting every "show if"."""
    a: dict = {}
    low = person["low_income"]
    a["kent_pas"] = "1" if rng.random() < (0.75 if low else 0.62) else "0"
    if a["kent_pas"] == "1":
        if rng.random() < 0.95:
            a["heeft_pas"] = "1" if rng.random() < (0.7 if low else 0.4) else "0"
        heard = ["familie", "school", "wijkteam", "gemeente", "social", "poster", "anders"]
        if rng.random() < 0.9:
            a["hoe_gehoord"] = _pick_some(rng, heard, 1, 2)
            if "anders" in a["hoe_gehoord"]:
                a["hoe_gehoord.other"] = rng.choice(OTHER_HEARD)
    if a.get("heeft_pas") == "1":
        use = [("nooit", 12), ("jaarlijks", 35), ("maandelijks", 35), ("wekelijks", 18)]
        a["gebruik_pas"] = _weighted(rng, use)
        if a["gebruik_pas"] == "nooit" and rng.random() < 0.6:
            a["waarom_niet"] = rng.choice(WHY_NOT_USED)
        if a["gebruik_pas"] != "nooit":
            mood = rng.choice([2, 3, 3, 4, 4, 4, 4, 5, 5, 5])
            a["tevreden_pas"] = str(mood)
            a["cijfer_pas"] = max(0, min(10, mood * 2 - 1 + rng.choice([-1, 0, 0, 1, 1, 2])))
    if a.get("heeft_pas") != "1" and rng.random() < 0.93:
        buy = [("ja", 22 if not low else 10), ("misschien", 35), ("nee", 28), ("weet_niet", 15)]
        a["kopen_pas"] = _weighted(rng, buy)

    need_weights = [("niet", 3), ("beetje", 4), ("veel", 4 if low else 2), ("weet_niet", 1)]
    themes = [
        "meedoen-ontmoeten",
        "sport-bewegen",
        "cultuur-vrije-tijd",
        "gezondheid-zorg",
        "werk-leren-taal",
        "geld-basisbehoeften",
    ]
    a["behoefte_thema"] = {theme: _weighted(rng, need_weights) for theme in themes}
    offers = [
        "sportclub",
        "zwemles",
        "sport_volwassenen",
        "cultuur",
        "muziekles",
        "computerhulp",
        "taalles",
        "samen_eten",
        "ouderen",
        "geldhulp",
        "vervoer",
        "spullen",
        "anders",
    ]
    if rng.random() < 0.92:
        if rng.random() < 0.06:
            a["zou_gebruiken"] = ["geen"]
        else:
            a["zou_gebruiken"] = _pick_some(rng, offers, 1, 4)
            if "anders" in a["zou_gebruiken"]:
                a["zou_gebruiken.other"] = rng.choice(OTHER_OFFER)
    if rng.random() < 0.6:
        ranked = themes[:]
        rng.shuffle(ranked)
        a["belangrijkst"] = ranked if rng.random() < 0.5 else ranked[:3]
    if rng.random() < 0.72:
        a["meest_helpen"] = help_answer(rng)

    if rng.random() < 0.9:
        a["mee_gedaan"] = "1" if rng.random() < 0.45 else "0"
    if rng.random() < 0.15:
        a["barriere"] = ["geen"]
    else:
        barriers = [
            ("kosten", 45 if low else 20),
            ("afstand", 12),
            ("schaamte", 10 if low else 3),
            ("onbekend", 30),
            ("geen_tijd", 22),
            ("taal", 12 if person["language"] != "nl" else 3),
            ("gezondheid", 14 if person["age"] == "65+" else 5),
            ("alleen", 10),
            ("oppas", 6),
            ("online", 8 if person["age"] == "65+" else 2),
            ("anders", 3),
        ]
        chosen = {_weighted(rng, barriers) for _ in range(rng.randint(1, 3))}
        a["barriere"] = [code for code, _w in barriers if code in chosen]
        if "anders" in chosen:
            a["barriere.other"] = rng.choice(OTHER_BARRIER)
    if rng.random() < 0.9:
        info = [("brief", 25), ("email", 20), ("whatsapp", 20), ("app", 15)]
        a["info_kanaal"] = _weighted(rng, [*info, ("persoonlijk", 15), ("anders", 3)])
        if a["info_kanaal"] == "anders":
            a["info_kanaal.other"] = rng.choice(OTHER_INFO)
    statements = {}
    for row in ("hulp_vragen", "meedoen", "thuis"):
        if rng.random() < 0.93:
            statements[row] = _weighted(rng, [("oneens", 2), ("neutraal", 3), ("eens", 5)])
    if statements:
        a["stellingen"] = statements
    if rng.random() < 0.9:
        a["tevreden_buurt"] = _weighted(rng, [("1", 1), ("2", 3), ("3", 6), ("4", 7), ("5", 2)])
    if rng.random() < 0.88:
        a["vrijwilliger"] = "1" if rng.random() < 0.3 else "0"
    if rng.random() < 0.88:
        older = person["age"] == "65+"
        a["hulp_digitaal"] = "1" if rng.random() < (0.4 if older else 0.12) else "0"

    if postcode:
        a["postcode"] = postcode
    if rng.random() < 0.95:
        a["leeftijd"] = person["age"]
    if rng.random() < 0.94:
        a["geslacht"] = person["sex"]
    a["huishouden"] = _household(rng, person["age"])
    if a["huishouden"] == "anders":
        a["huishouden.other"] = rng.choice(OTHER_HOUSEHOLD)
    if a["huishouden"] in ("alleen_kinderen", "partner_kinderen") and rng.random() < 0.95:
        a["kinderen"] = _weighted(rng, [(1, 30), (2, 38), (3, 18), (4, 8), (5, 4), (6, 2)])
    if rng.random() < 0.88:
        if low:
            income = [("tot_1500", 45), ("1500_2000", 35), ("2000_3000", 10)]
        else:
            income = [("1500_2000", 8), ("2000_3000", 30), ("3000_4000", 30), ("vanaf_4000", 22)]
        a["inkomen"] = _weighted(rng, [*income, ("onbekend", 8)])
    if rng.random() < 0.9:
        scale = [("1", 3), ("2", 5), ("3", 2)] if low else [("2", 1), ("3", 3), ("4", 5), ("5", 2)]
        a["rondkomen"] = _weighted(rng, scale)
    if rng.random() < 0.9:
        day = {
            "15-24": [("school", 60), ("werk", 30), ("werk_zoeken", 8)],
            "25-44": [("werk", 62), ("zorg", 14), ("werk_zoeken", 10), ("gezondheid", 6)],
            "45-64": [("werk", 58), ("zorg", 10), ("werk_zoeken", 8), ("gezondheid", 14)],
            "65+": [("pensioen", 85), ("zorg", 6), ("gezondheid", 5)],
        }[person["age"]]
        a["dagbesteding"] = _weighted(rng, [*day, ("anders", 2)])
        if a["dagbesteding"] == "anders":
            a["dagbesteding.other"] = rng.choice(OTHER_DAY)
    if rng.random() < 0.92:
        spoken = person["language"] if rng.random() < 0.8 else "nl"
        if person["language"] == "nl" and rng.random() < 0.08:
            spoken = "anders"
        a["taal_thuis"] = spoken
        if spoken == "anders":
            a["taal_thuis.other"] = rng.choice(OTHER_LANGUAGE)
    if rng.random() < 0.1:
        a["opmerking"] = rng.choice(REMARKS)
    return a


def _reference(rng: random.Random, taken: set[str]) -> str:
    while True:
        reference = f"{rng.getrandbits(64):016x}"
        if reference not in taken:
            taken.add(reference)
            return reference


def _create_channels(survey, wijken, rng) -> dict[str, list[Channel]]:
    specs = [(ChannelKind.DISTRICT, wijk.name, wijk) for wijk in wijken]
    specs += [(ChannelKind.PARTNER, name, None) for name in PARTNERS]
    specs += [(ChannelKind.MEDIUM, name, None) for name in MEDIA]
    specs.append((ChannelKind.PAPER, PAPER, None))
    codes = _channel_codes(rng, len(specs))
    channels = Channel.objects.bulk_create(
        [
            Channel(survey=survey, kind=kind, name=name, district=district, code=code)
            for (kind, name, district), code in zip(specs, codes, strict=True)
        ]
    )
    by_kind: dict[str, list[Channel]] = {}
    for channel in channels:
        by_kind.setdefault(channel.kind, []).append(channel)
    return by_kind


def _channel_for(rng: random.Random, by_kind, wijk_channel: Channel | None) -> Channel:
    roll = rng.random()
    if roll < 0.5 and wijk_channel is not None:
        return wijk_channel
    if roll < 0.6:
        return by_kind[ChannelKind.PARTNER][0]  # the library
    if roll < 0.68:
        return by_kind[ChannelKind.PARTNER][1]  # the food bank
    if roll < 0.78:
        return by_kind[ChannelKind.MEDIUM][0]  # posters
    if roll < 0.95:
        return by_kind[ChannelKind.MEDIUM][1]  # Facebook
    return by_kind[ChannelKind.PAPER][0]


@transaction.atomic
def create_demo_survey(response_count: int = RESPONSE_COUNT) -> dict:
    """Create the demo needs scan with channels, targets, responses and consents. Safe to
    run again: when the demo survey exists nothing is added. Needs the city's reference
    data (wijken, postcodes, population) loaded first."""
    existing = Survey.objects.filter(series=SERIES).first()
    if existing is not None:
        return _counts(existing)
    rng = random.Random(SEED)
    now = timezone.now()
    today = timezone.localdate()
    first_day = today - dt.timedelta(days=FIELDWORK_DAYS)

    survey = publish_survey(create_survey_from_spec(needs_scan_spec()))
    survey.published_at = now - dt.timedelta(days=FIELDWORK_DAYS)
    survey.closes_at = now + dt.timedelta(days=14)
    survey.save(update_fields=["published_at", "closes_at", "updated_at"])

    wijken = list(Area.objects.filter(kind=AreaKind.DISTRICT).order_by("code"))
    if not wijken:
        return _counts(survey)
    postcodes: dict[int, list[str]] = {}
    for postcode4, district_id in PostcodeArea.objects.values_list("postcode4", "district_id"):
        postcodes.setdefault(district_id, []).append(postcode4)
    _year, population = adult_population()
    adults = {wijk.id: sum(population.get(wijk.id, {}).values()) for wijk in wijken}
    city_adults = sum(adults.values()) or 1

    by_kind = _create_channels(survey, wijken, rng)
    wijk_channels = {channel.district_id: channel for channel in by_kind[ChannelKind.DISTRICT]}

    # Targets: 2,400 responses in all, by population share, rounded to tens.
    DistrictTarget.objects.bulk_create(
        [
            DistrictTarget(
                survey=survey,
                district=wijk,
                target=max(20, int(round(2400 * adults[wijk.id] / city_adults, -1))),
            )
            for wijk in wijken
        ]
    )

    factors = {**UNDER_REPRESENTED, **OVER_REPRESENTED}
    weights = [adults[wijk.id] * factors.get(wijk.name, rng.uniform(0.85, 1.15)) for wijk in wijken]
    day_weights = _day_weights(FIELDWORK_DAYS + 1)
    references: set[str] = set(Response.objects.values_list("reference", flat=True))
    responses = []
    for _n in range(response_count):
        wijk = rng.choices(wijken, weights=weights)[0]
        person = _persona(rng, wijk.name)
        channel = _channel_for(rng, by_kind, wijk_channels.get(wijk.id))
        if channel.kind == ChannelKind.PAPER:
            person["language"] = "nl"
        has_postcode = postcodes.get(wijk.id) and rng.random() < 0.88
        postcode = rng.choice(postcodes[wijk.id]) if has_postcode else None
        answers = _answers(rng, person, postcode)
        day = first_day + dt.timedelta(days=rng.choices(range(len(day_weights)), day_weights)[0])
        responses.append(
            Response(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                survey=survey,
                channel=channel,
                language=person["language"],
                submitted_on=day,
                answers=answers,
                reference=_reference(rng, references),
                **_facts(answers, channel, postcode, wijk),
            )
        )
    Response.objects.bulk_create(responses, batch_size=500)
    _create_consents(rng, survey, responses)
    return _counts(survey)


def _facts(answers: dict, channel: Channel, postcode: str | None, wijk: Area) -> dict:
    """District, age band and sex as answering.respondent_facts derives them: the wijk of
    the postcode, else the wijk of the channel; the age band and sex as answered."""
    district_id, source = None, ""
    if postcode:
        district_id, source = wijk.id, "postcode"  # the postcode was drawn from this wijk
    elif channel.district_id:
        district_id, source = channel.district_id, "kanaal"
    return {
        "district_id": district_id,
        "age_band": answers.get("leeftijd", ""),
        "sex": answers.get("geslacht", ""),
        "attributes": {"wijk_bron": source} if source else {},
    }


def _create_consents(rng: random.Random, survey: Survey, responses: list[Response]) -> None:
    """About 5% agreed to a follow-up conversation; fake names, example addresses."""
    chosen = rng.sample(responses, len(responses) // 20)
    consents = []
    for response in chosen:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        mailbox = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode().lower()
        by_phone = rng.random() < 0.6
        token = f"{rng.getrandbits(128):032x}"
        consents.append(
            FollowUpConsent(
                survey=survey,
                reference=response.reference,
                name=f"{first} {last}",
                phone=f"06-{rng.randrange(10_000_000, 99_999_999)}" if by_phone else "",
                email=(
                    ""
                    if by_phone and rng.random() < 0.7
                    else f"{mailbox}.{rng.randrange(100, 999)}@example.org"
                ),
                withdraw_token_hash=hashlib.sha256(token.encode()).hexdigest(),
                given_on=response.submitted_on,
            )
        )
    FollowUpConsent.objects.bulk_create(consents)


def _counts(survey: Survey) -> dict:
    return {
        "survey": survey,
        "channels": survey.channels.count(),
        "responses": survey.responses.count(),
        "consents": survey.consents.count(),
    }
