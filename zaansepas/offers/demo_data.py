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
from zaansepas.passes.demo_data import DEMO_PASSWORD, FIRST_NAMES, LAST_NAMES, RESIDENT_EMAIL
from zaansepas.passes.models import Pass, PassKind, PassStatus, Person
from zaansepas.till.models import Redemption
from zaansepas.till.redemption import SENIOR_AGE, needs_ticket, redeem_offer

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
    ProviderKind,
    ProviderMember,
    ProviderStatus,
)
from .pricing import below_discount_norm, check_offer_terms

BAKER_EMAIL = "bakker@zaansepas.demo"
TILL_EMAIL = "kassa@zaansepas.demo"
TILL_NAME = "Lisa de Boer (kassa Bakkerij De Zaan)"
PASS_OFFICE_EMAIL = "pasbeheer@zaansepas.demo"

# Stable submission keys mark the demo providers: the first one present means "loaded".
_KEY_NAMESPACE = uuid.UUID("5f0c7a52-4d1e-4b8e-9a47-047900000479")

HISTORY_DAYS = 60
HISTORY_ATTEMPTS = 310  # tuned so that about 300 pass every limit

DAG, WEEK, MAAND, JAAR, PASJAAR, TOTAAL = (
    Period.DAY,
    Period.WEEK,
    Period.MONTH,
    Period.YEAR,
    Period.PASS_YEAR,
    Period.LIFETIME,
)

# Letters for the six policy themes of the city demo loader.
THEME_CODES = {
    "M": "meedoen-ontmoeten",
    "S": "sport-bewegen",
    "C": "cultuur-vrije-tijd",
    "G": "gezondheid-zorg",
    "W": "werk-leren-taal",
    "B": "geld-basisbehoeften",
}

GROUPS = {"sport": "1 sport per jaar", "cultuur": "1 cultuur per jaar"}

# Target groups. Offers only for low incomes or carers go by ticket, never by a scan.
EVERYONE, KIDS, SENIORS, LOW_INCOME, CARERS = "iedereen", "kinderen", "65plus", "minima", "zorg"


@dataclass(frozen=True)
class OfferSpec:
    title: str
    description: str
    kind: str
    themes: str  # letters of THEME_CODES
    regular: int | None = None
    percent: int | None = None
    amount_off: int | None = None
    pass_price: int | None = None
    cap: int | None = None
    category: str = ""
    capacity: int | None = None
    target: str = EVERYONE
    per_pass: tuple[int, str] | None = None
    per_household: tuple[int, str] | None = None
    quota: int | None = None
    group: str = ""  # a key of GROUPS
    submitted: bool = False  # left waiting in the pass office's review queue
    this_year_only: bool = False


def pct_off(title, text, regular, percent, themes, **kw) -> OfferSpec:
    return OfferSpec(
        title, text, OfferKind.PERCENT_OFF, themes, regular=regular, percent=percent, **kw
    )


def euro_off(title, text, regular, amount, themes, **kw) -> OfferSpec:
    return OfferSpec(
        title, text, OfferKind.AMOUNT_OFF, themes, regular=regular, amount_off=amount, **kw
    )


def fixed(title, text, regular, pass_price, themes, **kw) -> OfferSpec:
    return OfferSpec(
        title, text, OfferKind.FIXED_PRICE, themes, regular=regular, pass_price=pass_price, **kw
    )


def free(title, text, regular, themes, **kw) -> OfferSpec:
    return OfferSpec(title, text, OfferKind.FREE, themes, regular=regular, **kw)


def category(title, text, label, themes, *, percent=None, amount=None, cap=None, **kw):
    return OfferSpec(
        title,
        text,
        OfferKind.CATEGORY,
        themes,
        category=label,
        percent=percent,
        amount_off=amount,
        cap=cap,
        **kw,
    )


def place(title, text, capacity, themes, *, regular=None, pass_price=None, **kw) -> OfferSpec:
    return OfferSpec(
        title,
        text,
        OfferKind.PLACE,
        themes,
        capacity=capacity,
        regular=regular,
        pass_price=pass_price,
        **kw,
    )


# --- Opening hours ---------------------------------------------------------------------------

MA_VR, DI_VR, MA_DO = (0, 1, 2, 3, 4), (1, 2, 3, 4), (0, 1, 2, 3)
ZA, ZO, ZA_ZO = (5,), (6,), (5, 6)

# pattern -> [(weekdays, [(opens, closes), ...])]; two periods on a day is a lunch break.
HOURS: dict[str, list[tuple[tuple[int, ...], list[tuple[str, str]]]]] = {
    "bakker": [(MA_VR, [("07:30", "18:00")]), (ZA, [("07:30", "17:00")])],
    "winkel": [
        ((0,), [("13:00", "18:00")]),
        (DI_VR, [("09:00", "18:00")]),
        (ZA, [("09:00", "17:00")]),
    ],
    "slager": [(DI_VR, [("08:00", "18:00")]), (ZA, [("08:00", "16:00")])],
    "werkplaats": [
        (DI_VR, [("09:00", "12:30"), ("13:30", "18:00")]),
        (ZA, [("09:00", "16:00")]),
    ],
    "kapper": [
        ((1, 2, 4), [("09:00", "17:30")]),
        ((3,), [("09:00", "20:00")]),
        (ZA, [("08:30", "16:00")]),
    ],
    "horeca": [((2, 3, 4, 5, 6), [("10:00", "22:00")])],
    "theater": [((2, 3, 4, 5), [("18:30", "23:00")]), (ZO, [("13:00", "17:30")])],
    "film": [((0, 1, 2, 3, 4, 5, 6), [("13:00", "23:00")])],
    "museum": [((1, 2, 3, 4, 5, 6), [("10:00", "17:00")])],
    "bieb": [
        ((0,), [("13:00", "20:00")]),
        (DI_VR, [("10:00", "18:00")]),
        (ZA, [("10:00", "16:00")]),
    ],
    "les": [(MA_VR, [("14:00", "21:30")]), (ZA, [("09:00", "13:00")])],
    "zwembad": [(MA_VR, [("07:00", "21:30")]), (ZA_ZO, [("09:00", "17:00")])],
    "club": [
        (MA_VR, [("17:30", "22:00")]),
        (ZA, [("08:30", "17:00")]),
        (ZO, [("10:00", "14:00")]),
    ],
    "sportschool": [(MA_VR, [("07:00", "22:00")]), (ZA_ZO, [("09:00", "15:00")])],
    "repair": [((2,), [("19:00", "21:30")]), (ZA, [("10:00", "13:00")])],
    "keuken": [((1, 3), [("17:30", "20:00")]), ((4,), [("12:00", "14:00")])],
    "weggeef": [((2, 4), [("10:00", "12:30"), ("13:00", "16:00")]), (ZA, [("10:00", "13:00")])],
    "kledingbank": [((1,), [("10:00", "13:00")]), ((3,), [("13:00", "16:00")])],
    "speelgoedbank": [((2,), [("13:00", "17:00")]), (ZA, [("10:00", "13:00")])],
    "spreekuur": [(MA_DO, [("09:30", "12:00"), ("13:00", "16:00")])],
    "buurthuis": [
        (MA_VR, [("09:00", "12:30"), ("13:30", "17:00")]),
        ((2,), [("19:00", "22:00")]),
    ],
    "boerderij": [((0, 1, 2, 3, 4, 5, 6), [("10:00", "16:30")])],
    "moestuin": [((2, 5), [("10:00", "15:00")])],
    "buurtsport": [((0, 2, 4), [("15:00", "17:30")]), (ZA, [("10:00", "12:00")])],
    "taalcafe": [((1, 3), [("19:00", "21:00")]), (ZA, [("10:00", "12:00")])],
}


@dataclass(frozen=True)
class Sector:
    description: str  # what the provider does, in B1 Dutch
    hours: str  # a key of HOURS
    weight: int  # how often pass holders come here, for the history
    offers: tuple[OfferSpec, ...]


# --- Offers per sector -------------------------------------------------------------------------

SECTORS: dict[str, Sector] = {
    "bakkerij_demo": Sector(
        "Echte bakker sinds 1952. Elke dag vers brood, krentenbollen en taart.",
        "bakker",
        9,
        (
            free(
                "Gratis krentenbol voor kinderen",
                "Kinderen met een Zaanse Pas krijgen een verse krentenbol. Eén keer per week.",
                95,
                "B",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            pct_off(
                "Brood met 25% korting",
                "Een heel brood naar keuze, vers uit de oven. U betaalt een kwart minder.",
                360,
                25,
                "B",
                per_pass=(1, DAG),
            ),
            fixed(
                "Taart voor € 5",
                "Een vruchtentaart of appeltaart voor 6 personen voor € 5. Eén keer per maand.",
                1595,
                500,
                "BM",
                per_pass=(1, MAAND),
            ),
            category(
                "20% op alles",
                "20% korting op alles in de winkel. U krijgt maximaal € 5 korting per keer.",
                "Alles in de winkel",
                "B",
                percent=20,
                cap=500,
                per_pass=(1, DAG),
            ),
        ),
    ),
    "bakkerij": Sector(
        "Bakker in de buurt. Brood, broodjes, koek en taart, elke dag vers.",
        "bakker",
        6,
        (
            pct_off(
                "Volkorenbrood met 25% korting",
                "Een heel volkorenbrood, vers uit de oven. U betaalt een kwart minder.",
                345,
                25,
                "BG",
                per_pass=(1, DAG),
            ),
            fixed(
                "Zes krentenbollen voor € 2",
                "Zes verse krentenbollen voor € 2 in plaats van € 3,60.",
                360,
                200,
                "B",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis koek voor kinderen",
                "Kinderen krijgen een koek bij de kassa.",
                75,
                "B",
                target=KIDS,
                per_pass=(1, DAG),
            ),
            category(
                "25% korting op brood en broodjes",
                "Een kwart korting op al het brood en alle broodjes. Maximaal € 3 korting.",
                "Brood en broodjes",
                "B",
                percent=25,
                cap=300,
                per_pass=(2, WEEK),
            ),
            fixed(
                "Verjaardagstaart voor € 7,50",
                "Een taart voor 8 personen, voor een verjaardag of feest. Bestel een dag van "
                "tevoren.",
                1850,
                750,
                "BM",
                per_pass=(1, JAAR),
                per_household=(2, JAAR),
            ),
            euro_off(
                "€ 1 korting op een zak broodjes",
                "Tien witte of bruine bolletjes met € 1 korting.",
                395,
                100,
                "B",
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "slager": Sector(
        "Slager met vlees uit de regio, kip, vleeswaren en kant-en-klare maaltijden.",
        "slager",
        4,
        (
            pct_off(
                "Gehakt met 25% korting",
                "Half-om-half gehakt, 500 gram. U betaalt 25% minder.",
                450,
                25,
                "B",
                per_pass=(2, WEEK),
            ),
            category(
                "25% op vlees en vleeswaren",
                "Een kwart korting op vlees en vleeswaren. Maximaal € 4 korting per keer.",
                "Vlees en vleeswaren",
                "B",
                percent=25,
                cap=400,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Soepvlees voor € 3",
                "Genoeg soepvlees voor een pan soep voor 4 personen.",
                595,
                300,
                "BG",
                per_pass=(1, WEEK),
            ),
            euro_off(
                "€ 2 korting op een kippakket",
                "Kipfilet en kippendijen voor een paar dagen, met € 2 korting.",
                795,
                200,
                "B",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis plakje worst voor kinderen",
                "Kinderen krijgen een plakje worst bij de toonbank.",
                25,
                "B",
                target=KIDS,
                per_pass=(1, DAG),
            ),
            fixed(
                "Barbecuepakket voor € 10",
                "Vlees voor een barbecue met 4 personen. Op is op.",
                1750,
                1000,
                "BM",
                per_pass=(1, MAAND),
                quota=100,
            ),
        ),
    ),
    "fietsenmaker": Sector(
        "Fietsenmaker voor reparatie, onderhoud en tweedehands fietsen.",
        "werkplaats",
        3,
        (
            fixed(
                "Fiets nakijken voor € 10",
                "Wij kijken uw fiets helemaal na: remmen, licht, banden en ketting.",
                3500,
                1000,
                "SB",
                per_pass=(1, JAAR),
            ),
            euro_off(
                "Band plakken met € 5 korting",
                "Een lekke band? Wij plakken hem met € 5 korting.",
                1000,
                500,
                "SB",
                per_pass=(2, MAAND),
            ),
            free(
                "Gratis fietslampjes",
                "Een setje fietslampjes, voor en achter. Zo bent u goed te zien in het donker.",
                995,
                "SG",
                per_pass=(1, PASJAAR),
                quota=80,
            ),
            category(
                "25% korting op fietsonderdelen",
                "Een kwart korting op onderdelen, zoals een band, zadel of rem. Maximaal € 15.",
                "Fietsonderdelen",
                "SB",
                percent=25,
                cap=1500,
                per_pass=(1, MAAND),
            ),
            fixed(
                "Tweedehands kinderfiets voor € 25",
                "Een goede, nagekeken kinderfiets. Op is op.",
                8500,
                2500,
                "SB",
                target=KIDS,
                per_household=(2, JAAR),
                quota=20,
            ),
            pct_off(
                "Nieuw fietsslot met 30% korting",
                "Een stevig kettingslot. Zo blijft uw fiets van u.",
                3995,
                30,
                "B",
                per_pass=(1, TOTAAL),
            ),
            fixed(
                "Nieuwe ketting voor € 12,50",
                "Wij zetten een nieuwe ketting op uw fiets. Onderdeel en werk samen € 12,50.",
                2500,
                1250,
                "SB",
                per_pass=(1, JAAR),
            ),
        ),
    ),
    "kapper": Sector(
        "Kapsalon voor dames, heren en kinderen. Met of zonder afspraak.",
        "kapper",
        3,
        (
            fixed(
                "Knippen voor kinderen voor € 7,50",
                "Kinderen tot en met 17 jaar knippen wij voor € 7,50.",
                1650,
                750,
                "B",
                target=KIDS,
                per_pass=(1, MAAND),
            ),
            euro_off(
                "Knippen met € 5 korting",
                "Wassen en knippen met € 5 korting.",
                1950,
                500,
                "B",
                per_pass=(1, MAAND),
            ),
            fixed(
                "Knippen voor 65-plussers voor € 12",
                "Voor 65-plussers: wassen en knippen voor € 12.",
                1950,
                1200,
                "BG",
                target=SENIORS,
                per_pass=(1, MAAND),
            ),
            pct_off(
                "Föhnen of opsteken met 30% korting",
                "Voor een feest of een bijzondere dag. U betaalt 30% minder.",
                3000,
                30,
                "B",
                per_pass=(1, MAAND),
            ),
            fixed(
                "Knippen voor een sollicitatie voor € 5",
                "Heeft u een sollicitatiegesprek? Dan knippen wij u voor € 5.",
                2250,
                500,
                "WB",
                per_pass=(2, PASJAAR),
            ),
            fixed(
                "Baard trimmen voor € 6",
                "Uw baard netjes bijgewerkt voor € 6.",
                1200,
                600,
                "B",
                per_pass=(1, MAAND),
            ),
        ),
    ),
    "groenteboer": Sector(
        "Groente en fruit van het seizoen, veel uit de Noord-Hollandse polder.",
        "winkel",
        6,
        (
            category(
                "25% korting op groente en fruit",
                "Een kwart korting op alle groente en al het fruit. Maximaal € 5 per dag.",
                "Groente en fruit",
                "GB",
                percent=25,
                cap=500,
                per_pass=(1, DAG),
            ),
            fixed(
                "Soeppakket voor € 1,50",
                "Alle groente voor een pan soep voor 4 personen.",
                350,
                150,
                "GB",
                per_pass=(2, WEEK),
            ),
            free(
                "Gratis stuk fruit voor kinderen",
                "Kinderen mogen een appel, peer of banaan uitkiezen.",
                50,
                "G",
                target=KIDS,
                per_pass=(1, DAG),
            ),
            fixed(
                "Fruitschaal voor € 2,50",
                "Een schaal met fruit van het seizoen.",
                495,
                250,
                "GB",
                per_pass=(1, WEEK),
            ),
            pct_off(
                "Aardappelen met 40% korting",
                "Een zak aardappelen van 5 kilo met 40% korting.",
                499,
                40,
                "B",
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "toko": Sector(
        "Toko met Surinaamse en Aziatische producten en verse maaltijden om mee te nemen.",
        "winkel",
        4,
        (
            category(
                "25% korting op rijst, bonen en kruiden",
                "Een kwart korting op rijst, bonen en kruiden. Maximaal € 4 korting.",
                "Rijst, bonen en kruiden",
                "B",
                percent=25,
                cap=400,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Roti-maaltijd voor € 4",
                "Roti met kip of met groente, om mee te nemen.",
                850,
                400,
                "BM",
                per_pass=(1, WEEK),
            ),
            euro_off(
                "€ 2 korting op een zak rijst van 5 kilo",
                "Een grote zak rijst met € 2 korting.",
                799,
                200,
                "B",
                per_pass=(1, MAAND),
            ),
            free(
                "Gratis kop soep bij de roti-maaltijd",
                "Bij een maaltijd krijgt u een kop soep erbij.",
                250,
                "BM",
                per_pass=(1, WEEK),
            ),
            pct_off(
                "Verse kousenband met 25% korting",
                "Een bak verse kousenband met een kwart korting.",
                300,
                25,
                "GB",
                per_pass=(2, WEEK),
            ),
        ),
    ),
    "kringloop": Sector(
        "Kringloopwinkel met tweedehands kleding, meubels, boeken en huisraad.",
        "winkel",
        3,
        (
            category(
                "50% korting op kleding",
                "De helft van de prijs voor kleding. Maximaal € 10 korting per keer.",
                "Kleding",
                "B",
                percent=50,
                cap=1000,
                per_pass=(2, MAAND),
            ),
            category(
                "25% korting op meubels",
                "Een kwart korting op meubels. Maximaal € 25 korting.",
                "Meubels",
                "B",
                percent=25,
                cap=2500,
                per_household=(2, JAAR),
            ),
            free(
                "Gratis boek of spelletje voor kinderen",
                "Kinderen mogen een boek of spelletje uitzoeken.",
                200,
                "C",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            category(
                "€ 5 korting op huishoudelijke spullen",
                "€ 5 korting op pannen, borden, lampen en andere spullen voor in huis.",
                "Huishoudelijke spullen",
                "B",
                amount=500,
                per_pass=(1, MAAND),
            ),
            fixed(
                "Rugzak met schoolspullen voor € 2",
                "Een rugzak met schriften, pennen en een etui. Op is op.",
                1200,
                200,
                "WB",
                target=KIDS,
                per_pass=(1, JAAR),
                quota=60,
                this_year_only=True,
            ),
        ),
    ),
    "opticien": Sector(
        "Opticien voor brillen, lenzen en oogmeting.",
        "winkel",
        2,
        (
            fixed(
                "Oogmeting voor € 5",
                "Wij meten uw ogen en geven advies.",
                2500,
                500,
                "G",
                per_pass=(1, JAAR),
            ),
            pct_off(
                "10% korting op een nieuwe bril",
                "Een complete bril met montuur en glazen, met 10% korting.",
                18900,
                10,
                "G",
                per_pass=(1, PASJAAR),
            ),
            fixed(
                "Kinderbril voor € 25",
                "Een stevige kinderbril met glazen.",
                9900,
                2500,
                "G",
                target=KIDS,
                per_pass=(1, JAAR),
            ),
            pct_off(
                "Leesbril met 50% korting",
                "Een leesbril uit de winkel voor de halve prijs.",
                1995,
                50,
                "G",
                per_pass=(1, JAAR),
            ),
        ),
    ),
    "drogist": Sector(
        "Drogist voor verzorging, babyspullen en medicijnen zonder recept.",
        "winkel",
        3,
        (
            category(
                "25% korting op babyspullen",
                "Een kwart korting op luiers en babyverzorging. Maximaal € 5 korting.",
                "Luiers en babyverzorging",
                "GB",
                percent=25,
                cap=500,
                per_pass=(1, WEEK),
            ),
            category(
                "15% korting op verzorging",
                "15% korting op shampoo, zeep en tandpasta.",
                "Shampoo, zeep en tandpasta",
                "GB",
                percent=15,
                submitted=True,
            ),
            fixed(
                "Tandenborstel en tandpasta voor € 1",
                "Een kindertandenborstel met tandpasta voor € 1.",
                450,
                100,
                "G",
                target=KIDS,
                per_pass=(2, JAAR),
            ),
            free(
                "Gratis menstruatiepakket",
                "Maandverband of tampons voor een maand. Vraag het bij de kassa.",
                499,
                "GB",
                per_pass=(1, MAAND),
                quota=200,
            ),
        ),
    ),
    "schoenmaker": Sector(
        "Schoenmaker en sleutelservice. Ook kleding verstellen.",
        "werkplaats",
        2,
        (
            euro_off(
                "Nieuwe hakken met € 5 korting",
                "Nieuwe hakken onder uw schoenen met € 5 korting.",
                1800,
                500,
                "B",
                per_pass=(2, JAAR),
            ),
            pct_off(
                "Schoenen laten repareren met 30% korting",
                "Een nieuwe zool of een naad maken. U betaalt 30% minder.",
                3500,
                30,
                "B",
                per_pass=(2, JAAR),
            ),
            fixed(
                "Sleutel bijmaken voor € 2",
                "Een extra huissleutel voor € 2.",
                550,
                200,
                "B",
                per_pass=(2, MAAND),
            ),
            fixed(
                "Nieuwe rits in uw jas voor € 10",
                "Is de rits van uw jas kapot? Wij zetten er een nieuwe in.",
                2500,
                1000,
                "B",
                per_pass=(1, JAAR),
            ),
        ),
    ),
    "boekwinkel": Sector(
        "Boekhandel met kinderboeken, romans, lesboeken en woordenboeken.",
        "winkel",
        2,
        (
            category(
                "25% korting op kinderboeken",
                "Een kwart korting op alle kinderboeken. Maximaal € 5 korting.",
                "Kinderboeken",
                "CW",
                percent=25,
                cap=500,
                per_pass=(1, MAAND),
            ),
            category(
                "25% korting op lesboeken en woordenboeken",
                "Voor school of een cursus. Maximaal € 10 korting.",
                "Lesboeken en woordenboeken",
                "WC",
                percent=25,
                cap=1000,
                per_pass=(2, JAAR),
            ),
            free(
                "Gratis leesboek voor kinderen",
                "Kinderen mogen een leesboek uitzoeken. Op is op.",
                1299,
                "C",
                target=KIDS,
                per_pass=(1, PASJAAR),
                quota=75,
            ),
            fixed(
                "Schoolagenda voor € 3",
                "Een agenda voor het nieuwe schooljaar.",
                995,
                300,
                "W",
                target=KIDS,
                per_pass=(1, JAAR),
                this_year_only=True,
            ),
        ),
    ),
    "horeca": Sector(
        "Eetcafé aan de Zaan. Koffie, lunch en een betaalbaar dagmenu.",
        "horeca",
        3,
        (
            fixed(
                "Koffie met appeltaart voor € 4",
                "Een kop koffie of thee met een punt appeltaart.",
                475,
                400,
                "M",
                per_pass=(1, WEEK),
            ),
            fixed(
                "Dagmenu voor € 7,50",
                "Soep, een hoofdgerecht en koffie.",
                1650,
                750,
                "MB",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis kinderijsje",
                "Kinderen krijgen een ijsje met twee bolletjes.",
                250,
                "M",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Pannenkoek voor € 3",
                "Een pannenkoek naar keuze voor € 3.",
                750,
                300,
                "MB",
                per_pass=(2, MAAND),
            ),
            pct_off(
                "Lunch met 25% korting voor 65-plussers",
                "Voor 65-plussers: een lunch naar keuze met een kwart korting.",
                1200,
                25,
                "M",
                target=SENIORS,
                per_pass=(2, MAAND),
            ),
        ),
    ),
    "computerwinkel": Sector(
        "Computerwinkel met reparatie van laptops en telefoons en opgeknapte apparaten.",
        "winkel",
        2,
        (
            fixed(
                "Laptop schoonmaken en sneller maken voor € 15",
                "Wij maken uw laptop of computer schoon en weer snel.",
                4500,
                1500,
                "W",
                per_pass=(1, JAAR),
            ),
            pct_off(
                "10% korting op een opgeknapte laptop",
                "Een nagekeken laptop met een half jaar garantie, met 10% korting.",
                29900,
                10,
                "WB",
                per_household=(1, TOTAAL),
                submitted=True,
            ),
            fixed(
                "Telefoonscherm vervangen voor € 35",
                "Een gebroken scherm van uw telefoon vervangen voor € 35.",
                8900,
                3500,
                "B",
                per_pass=(1, PASJAAR),
            ),
            category(
                "25% korting op opladers en snoeren",
                "Een kwart korting op opladers, snoeren en hoesjes. Maximaal € 5.",
                "Opladers, snoeren en hoesjes",
                "B",
                percent=25,
                cap=500,
                per_pass=(2, JAAR),
            ),
        ),
    ),
    "theater": Sector(
        "Theater in het centrum van Zaandam. Toneel, muziek, dans, cabaret en "
        "familievoorstellingen.",
        "theater",
        3,
        (
            fixed(
                "Voorstelling naar keuze voor € 5",
                "Kies een voorstelling uit ons programma. Op is op.",
                2800,
                500,
                "C",
                per_pass=(4, JAAR),
                quota=300,
            ),
            free(
                "Gratis familievoorstelling voor kinderen",
                "Kinderen gaan gratis naar een familievoorstelling.",
                1250,
                "C",
                target=KIDS,
                per_pass=(2, JAAR),
                quota=150,
            ),
            fixed(
                "Theaterabonnement: 4 voorstellingen voor € 20",
                "Vier voorstellingen in één jaar. U kiest ze zelf.",
                11000,
                2000,
                "CM",
                group="cultuur",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Kijkje achter de schermen voor € 2,50",
                "Een rondleiding door het theater: het toneel, de kleedkamers en de zolder.",
                1000,
                250,
                "CM",
                per_pass=(1, TOTAAL),
            ),
            pct_off(
                "Nieuwjaarsconcert met 50% korting",
                "Het nieuwjaarsconcert van het Zaans Harmonieorkest voor de halve prijs.",
                3500,
                50,
                "C",
                per_pass=(1, JAAR),
                quota=100,
            ),
            fixed(
                "Dansvoorstelling voor jongeren voor € 3",
                "Een dansvoorstelling door en voor jongeren.",
                1800,
                300,
                "C",
                target=KIDS,
                per_pass=(2, JAAR),
            ),
        ),
    ),
    "kindertheater": Sector(
        "Klein theater voor kinderen en gezinnen, met poppenkast en theaterles.",
        "museum",
        3,
        (
            free(
                "Gratis kindervoorstelling",
                "Kinderen gaan één keer per maand gratis naar een voorstelling.",
                950,
                "C",
                target=KIDS,
                per_pass=(1, MAAND),
            ),
            fixed(
                "Voorstelling voor ouders voor € 2",
                "Gaat u mee met uw kind? Dan betaalt u € 2.",
                950,
                200,
                "CM",
                per_pass=(4, MAAND),
                per_household=(6, MAAND),
            ),
            fixed(
                "Theaterles voor kinderen: 10 lessen voor € 10",
                "Toneelspelen, zingen en verkleden. Tien lessen op woensdagmiddag.",
                9500,
                1000,
                "C",
                target=KIDS,
                group="cultuur",
                per_pass=(1, JAAR),
            ),
            place(
                "Poppenkast op woensdagmiddag",
                "Een voorstelling van de poppenkast. Reserveer een plek.",
                40,
                "CM",
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "film": Sector(
        "Filmhuis met drie zalen. Films voor volwassenen en kinderen.",
        "film",
        4,
        (
            fixed(
                "Film naar keuze voor € 3",
                "Kies een film uit ons programma.",
                1150,
                300,
                "C",
                per_pass=(2, MAAND),
            ),
            free(
                "Gratis kinderfilm op zondag",
                "Kinderen kijken op zondag gratis naar een kinderfilm.",
                800,
                "C",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Filmochtend voor 65-plussers voor € 2,50",
                "Een film in de ochtend met koffie, voor 65-plussers.",
                1000,
                250,
                "CM",
                target=SENIORS,
                per_pass=(2, MAAND),
            ),
            fixed(
                "Filmkaart: 5 films voor € 12,50",
                "Een kaart voor vijf films, een jaar geldig.",
                5000,
                1250,
                "C",
                group="cultuur",
                per_pass=(1, JAAR),
            ),
            free(
                "Gratis popcorn bij uw film",
                "Bij een film krijgt u een bakje popcorn.",
                350,
                "C",
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "poppodium": Sector(
        "Poppodium in een oud pakhuis. Concerten, open podium en oefenruimtes.",
        "theater",
        2,
        (
            fixed(
                "Concertkaart voor € 7,50",
                "Een kaartje voor een concert naar keuze. Op is op.",
                2200,
                750,
                "C",
                per_pass=(4, JAAR),
                quota=120,
            ),
            free(
                "Gratis naar het open podium",
                "Elke week spelen beginnende muzikanten. Kom luisteren of speel mee.",
                500,
                "CM",
                per_pass=(1, WEEK),
            ),
            fixed(
                "Oefenruimte 2 uur voor € 5",
                "Oefen met uw band in onze oefenruimte.",
                3000,
                500,
                "CW",
                per_pass=(1, WEEK),
            ),
            fixed(
                "Workshop dj voor jongeren voor € 5",
                "Leer draaien als een dj. Vier lessen.",
                4500,
                500,
                "CW",
                target=KIDS,
                per_pass=(1, PASJAAR),
                quota=30,
                submitted=True,
            ),
        ),
    ),
    "museum": Sector(
        "Museum over de Zaanstreek: molens, fabrieken en het leven langs de Zaan.",
        "museum",
        2,
        (
            free(
                "Gratis naar het museum",
                "Bekijk het museum gratis, twee keer per jaar.",
                1500,
                "C",
                per_pass=(2, JAAR),
            ),
            free(
                "Gratis toegang voor kinderen",
                "Kinderen gaan gratis naar het museum.",
                750,
                "C",
                target=KIDS,
                per_pass=(3, JAAR),
            ),
            fixed(
                "Rondleiding met gids voor € 2",
                "Een gids vertelt u alles over de Zaanstreek.",
                1250,
                200,
                "CM",
                per_pass=(1, JAAR),
                quota=200,
            ),
            fixed(
                "Jaarkaart van het museum voor € 5",
                "Een jaar lang zo vaak u wilt naar het museum.",
                3500,
                500,
                "C",
                group="cultuur",
                per_pass=(1, PASJAAR),
            ),
            euro_off(
                "€ 5 korting op een gezinskaartje",
                "Een kaartje voor 2 volwassenen en 2 kinderen met € 5 korting.",
                2000,
                500,
                "CM",
                per_household=(1, MAAND),
            ),
            free(
                "Gratis kinderactiviteit in de vakantie",
                "In de schoolvakanties: knutselen, speuren en spelen in het museum.",
                500,
                "C",
                target=KIDS,
                per_pass=(1, WEEK),
                quota=100,
            ),
        ),
    ),
    "kindermuseum": Sector(
        "Museum voor kinderen van 4 tot 12 jaar. Zelf proeven doen en ontdekken.",
        "museum",
        3,
        (
            free(
                "Gratis toegang voor kinderen",
                "Kinderen gaan gratis naar het museum, vier keer per jaar.",
                1150,
                "C",
                target=KIDS,
                per_pass=(4, JAAR),
            ),
            fixed(
                "Toegang voor volwassenen voor € 3",
                "Gaat u mee met uw kind? Dan betaalt u € 3.",
                1250,
                300,
                "C",
                per_pass=(4, JAAR),
            ),
            place(
                "Proefjesmiddag op woensdag",
                "Samen proeven doen met water, licht en magneten. Reserveer een plek.",
                20,
                "CW",
                target=KIDS,
                per_pass=(1, MAAND),
            ),
            fixed(
                "Kinderfeestje voor € 25",
                "Een kinderfeest voor 8 kinderen, met een proef en limonade.",
                14500,
                2500,
                "CM",
                per_household=(1, JAAR),
                quota=25,
            ),
        ),
    ),
    "bibliotheek": Sector(
        "Bibliotheek met boeken, cursussen en hulp met taal en de computer.",
        "bieb",
        4,
        (
            free(
                "Gratis lid van de bibliotheek",
                "Een jaar gratis boeken lenen. Kinderen zijn altijd al gratis lid.",
                5500,
                "CW",
                per_pass=(1, PASJAAR),
            ),
            free(
                "Gratis naar een lezing",
                "Kom luisteren naar een schrijver of een spreker.",
                750,
                "CW",
                per_pass=(2, MAAND),
            ),
            place(
                "Taalspreekuur: hulp met Nederlands",
                "Oefenen met lezen, schrijven en praten. Een vrijwilliger helpt u.",
                10,
                "W",
                per_pass=(2, WEEK),
            ),
            place(
                "Digitaal spreekuur: hulp met DigiD en formulieren",
                "Hulp bij DigiD, een formulier van de gemeente of een e-mail.",
                8,
                "WB",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis voorlezen en knutselen",
                "Voorlezen en knutselen voor kinderen op woensdagmiddag.",
                300,
                "C",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Cursus Klik & Tik voor € 5",
                "Leer werken met de computer: muis, toetsenbord, internet en e-mail.",
                3500,
                500,
                "W",
                per_pass=(1, TOTAAL),
            ),
        ),
    ),
    "muziekschool": Sector(
        "Muziekschool voor jong en oud. Les op bijna elk instrument, ook zingen.",
        "les",
        2,
        (
            fixed(
                "Muziekles voor kinderen: 20 lessen voor € 25",
                "Twintig lessen op een instrument naar keuze. Een instrument kunt u lenen.",
                39500,
                2500,
                "C",
                target=KIDS,
                group="cultuur",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Proefles voor € 1",
                "Probeer een instrument uit in een les van een half uur.",
                1500,
                100,
                "C",
                per_pass=(1, TOTAAL),
            ),
            fixed(
                "Instrument huren voor € 5 per maand",
                "Huur een gitaar, viool of keyboard voor € 5 per maand.",
                2500,
                500,
                "C",
                per_pass=(1, MAAND),
            ),
            fixed(
                "Zingen in het buurtkoor voor € 2",
                "Zingen met anderen uit de buurt. Ervaring is niet nodig.",
                800,
                200,
                "CM",
                per_pass=(1, WEEK),
            ),
            pct_off(
                "Muziekles voor volwassenen met 50% korting",
                "Een les van een half uur voor de halve prijs.",
                3200,
                50,
                "C",
                per_pass=(4, MAAND),
            ),
        ),
    ),
    "dansschool": Sector(
        "Dansschool voor stijldansen, streetdance en dansen voor 65-plussers.",
        "les",
        2,
        (
            fixed(
                "Danscursus van 10 lessen voor € 15",
                "Tien lessen stijldansen, salsa of zumba.",
                12000,
                1500,
                "SC",
                group="cultuur",
                per_pass=(1, JAAR),
            ),
            free(
                "Gratis proefles",
                "Kom een keer gratis meedansen.",
                1200,
                "S",
                per_pass=(1, TOTAAL),
            ),
            fixed(
                "Streetdance voor kinderen voor € 2",
                "Streetdance voor kinderen, € 2 per les.",
                800,
                200,
                "SC",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Dansen voor 65-plussers voor € 2",
                "Rustig dansen op muziek van vroeger.",
                700,
                200,
                "SM",
                target=SENIORS,
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "creatief": Sector(
        "Creatief centrum met cursussen tekenen, schilderen, keramiek en knutselen.",
        "les",
        2,
        (
            fixed(
                "Schildercursus van 8 lessen voor € 10",
                "Acht lessen schilderen, voor beginners en gevorderden.",
                12000,
                1000,
                "CM",
                group="cultuur",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Knutselmiddag voor kinderen voor € 1",
                "Knutselen met papier, klei en verf op woensdagmiddag.",
                600,
                100,
                "C",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            category(
                "25% korting op teken- en schilderspullen",
                "Een kwart korting op papier, potloden en verf. Maximaal € 7,50.",
                "Teken- en schilderspullen",
                "C",
                percent=25,
                cap=750,
                per_pass=(1, MAAND),
            ),
            place(
                "Open atelier op vrijdag voor € 1",
                "Werk aan uw eigen schilderij of tekening, met koffie en hulp.",
                12,
                "CM",
                regular=500,
                pass_price=100,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Workshop keramiek voor € 7,50",
                "Maak uw eigen kom of beker van klei.",
                3500,
                750,
                "C",
                per_pass=(1, PASJAAR),
                quota=40,
                submitted=True,
            ),
        ),
    ),
    "kinderboerderij": Sector(
        "Kinderboerderij met geiten, schapen, kippen en een speeltuin.",
        "boerderij",
        3,
        (
            free(
                "Gratis pony rijden voor kinderen",
                "Een rondje op de pony, twee keer per maand.",
                300,
                "CS",
                target=KIDS,
                per_pass=(2, MAAND),
            ),
            fixed(
                "Kinderfeestje op de boerderij voor € 15",
                "Een kinderfeest voor 8 kinderen met dieren voeren en limonade.",
                9500,
                1500,
                "CM",
                per_household=(1, JAAR),
            ),
            free(
                "Gratis zakje dierenvoer",
                "Een zakje voer voor de geiten en de kippen.",
                150,
                "C",
                per_pass=(1, DAG),
            ),
            place(
                "Een middag dierenverzorger",
                "Help mee met voeren en schoonmaken. Voor kinderen. Reserveer een plek.",
                6,
                "CM",
                target=KIDS,
                per_pass=(1, MAAND),
            ),
        ),
    ),
    "zwembad": Sector(
        "Zwembad met wedstrijdbad, recreatiebad en zwemles voor kinderen en volwassenen.",
        "zwembad",
        5,
        (
            fixed(
                "Recreatief zwemmen voor € 1,50",
                "Vrij zwemmen in het recreatiebad met de glijbaan.",
                650,
                150,
                "S",
                per_pass=(2, WEEK),
            ),
            fixed(
                "Zwemles voor kinderen: diploma A voor € 50",
                "Zwemles tot en met diploma A, met afzwemmen.",
                52500,
                5000,
                "SG",
                target=KIDS,
                per_pass=(1, TOTAAL),
            ),
            fixed(
                "Baantjes zwemmen voor € 1",
                "Zwem baantjes in het wedstrijdbad.",
                550,
                100,
                "SG",
                per_pass=(3, WEEK),
            ),
            free(
                "Gratis zwemmen voor kinderen",
                "Kinderen zwemmen gratis in het recreatiebad.",
                450,
                "S",
                target=KIDS,
                per_pass=(1, DAG),
            ),
            fixed(
                "Aquajoggen voor 65-plussers voor € 2",
                "Rustig bewegen in het water, goed voor uw gewrichten.",
                900,
                200,
                "SG",
                target=SENIORS,
                per_pass=(2, WEEK),
            ),
            fixed(
                "10-badenkaart voor € 10",
                "Tien keer zwemmen voor € 10.",
                5500,
                1000,
                "S",
                per_pass=(1, MAAND),
            ),
            fixed(
                "Aquarobics voor € 2,50",
                "Een uur sporten in het water op muziek.",
                1000,
                250,
                "SG",
                per_pass=(2, WEEK),
            ),
        ),
    ),
    "voetbal": Sector(
        "Voetbalvereniging met teams voor jongens, meiden, heren, dames en 50-plussers.",
        "club",
        2,
        (
            fixed(
                "Voetbal voor kinderen: een jaar contributie voor € 25",
                "Een jaar voetballen bij de jeugd, met training en wedstrijden.",
                19500,
                2500,
                "SM",
                target=KIDS,
                group="sport",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Voetbal voor volwassenen: een jaar contributie voor € 50",
                "Een jaar voetballen bij de senioren of in een recreatieteam.",
                24500,
                5000,
                "SM",
                group="sport",
                per_pass=(1, JAAR),
            ),
            free(
                "Gratis voetbalschoenen voor kinderen",
                "Uit de schoenenkast van de club. Op is op.",
                4500,
                "SB",
                target=KIDS,
                per_household=(2, JAAR),
                quota=30,
            ),
            free(
                "Vier keer gratis meetrainen",
                "Probeer het eerst: vier keer gratis meetrainen.",
                1000,
                "S",
                per_pass=(1, TOTAAL),
            ),
            place(
                "Walking football",
                "Voetballen in wandeltempo. Voor iedereen die wil bewegen.",
                20,
                "SG",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis contributie voor kinderen uit gezinnen met een laag inkomen",
                "Een jaar gratis voetballen. U krijgt een ticket in de app.",
                19500,
                "SM",
                target=LOW_INCOME,
                per_pass=(1, JAAR),
            ),
        ),
    ),
    "hockey": Sector(
        "Hockeyclub voor jeugd en volwassenen, met trimhockey en G-hockey.",
        "club",
        2,
        (
            fixed(
                "Hockey voor kinderen: een jaar contributie voor € 30",
                "Een jaar hockeyen, met training en wedstrijden.",
                27500,
                3000,
                "SM",
                target=KIDS,
                group="sport",
                per_pass=(1, JAAR),
            ),
            free(
                "Gratis hockeystick lenen",
                "Leen een stick voor een heel seizoen.",
                4500,
                "SB",
                target=KIDS,
                per_pass=(1, JAAR),
                quota=40,
            ),
            free(
                "Vier gratis proeftrainingen",
                "Vier keer gratis meetrainen.",
                1200,
                "S",
                per_pass=(1, TOTAAL),
            ),
            fixed(
                "Trimhockey: een jaar voor € 40",
                "Hockey voor volwassenen op woensdagavond, zonder wedstrijden.",
                22500,
                4000,
                "SM",
                group="sport",
                per_pass=(1, JAAR),
                submitted=True,
            ),
        ),
    ),
    "tennis": Sector(
        "Tennisvereniging met zes banen en een tennisschool.",
        "club",
        2,
        (
            fixed(
                "Tennis: een jaar lid voor € 35",
                "Een jaar lid, zo vaak spelen als u wilt.",
                21000,
                3500,
                "SM",
                group="sport",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Tennisles voor kinderen: 10 lessen voor € 10",
                "Tien lessen in een groepje van vier kinderen.",
                15000,
                1000,
                "S",
                target=KIDS,
                per_pass=(1, JAAR),
            ),
            fixed(
                "Tennisbaan een uur huren voor € 2,50",
                "Huur een baan voor een uur.",
                1500,
                250,
                "S",
                per_pass=(2, WEEK),
            ),
            free(
                "Gratis racket lenen",
                "Leen een racket en ballen.",
                2500,
                "S",
                per_pass=(1, MAAND),
            ),
        ),
    ),
    "budo": Sector(
        "Sportschool voor judo, karate en kickboksen.",
        "club",
        2,
        (
            fixed(
                "Judo voor kinderen: een jaar voor € 30",
                "Een jaar judo, twee keer per week.",
                30000,
                3000,
                "SG",
                target=KIDS,
                group="sport",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Kickboksen: een jaar voor € 40",
                "Een jaar kickboksen voor volwassenen.",
                36000,
                4000,
                "SG",
                group="sport",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Weerbaarheidstraining voor meiden voor € 5",
                "Leer opkomen voor uzelf. Acht lessen.",
                9500,
                500,
                "SG",
                target=KIDS,
                per_pass=(1, TOTAAL),
                quota=30,
            ),
            free(
                "Gratis proefles",
                "Kom een keer gratis meedoen.",
                1000,
                "S",
                per_pass=(1, TOTAAL),
            ),
        ),
    ),
    "atletiek": Sector(
        "Atletiekvereniging met een baan, looptrainingen en een wandelgroep.",
        "club",
        2,
        (
            fixed(
                "Atletiek voor kinderen: een jaar voor € 25",
                "Rennen, springen en werpen. Een jaar lid.",
                17500,
                2500,
                "S",
                target=KIDS,
                group="sport",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Hardlopen voor beginners: 10 weken voor € 10",
                "In tien weken leert u vijf kilometer hardlopen.",
                6500,
                1000,
                "SG",
                per_pass=(1, PASJAAR),
            ),
            free(
                "Gratis meedoen aan de Zaanloop",
                "Loop mee met de Zaanloop: 5 of 10 kilometer.",
                1500,
                "S",
                per_pass=(1, JAAR),
                quota=100,
            ),
            place(
                "Wandelgroep op dinsdagochtend",
                "Samen een uur wandelen, daarna koffie.",
                25,
                "SMG",
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "turnen": Sector(
        "Turnvereniging voor kinderen, volwassenen en 65-plussers.",
        "club",
        2,
        (
            fixed(
                "Turnen voor kinderen: een jaar voor € 20",
                "Een jaar turnen, één keer per week.",
                18500,
                2000,
                "S",
                target=KIDS,
                group="sport",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Gym voor 65-plussers: een jaar voor € 25",
                "Rustig bewegen in de gymzaal, één keer per week.",
                16000,
                2500,
                "SG",
                target=SENIORS,
                group="sport",
                per_pass=(1, JAAR),
            ),
            free(
                "Gratis proefles freerunning",
                "Springen, klimmen en rennen. Probeer het een keer.",
                800,
                "S",
                target=KIDS,
                per_pass=(1, TOTAAL),
            ),
            place(
                "Ouder-en-kindgym op zaterdag",
                "Samen met uw kind bewegen in de gymzaal.",
                15,
                "SM",
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "sportschool": Sector(
        "Sportschool met fitness, groepslessen en beweeglessen voor 65-plussers.",
        "sportschool",
        3,
        (
            fixed(
                "Fitness voor € 10 per maand",
                "Een maand sporten zo vaak u wilt.",
                3500,
                1000,
                "SG",
                per_pass=(1, MAAND),
            ),
            free(
                "Gratis proefweek",
                "Een week gratis sporten.",
                1500,
                "S",
                per_pass=(1, TOTAAL),
            ),
            fixed(
                "Groepsles voor € 2",
                "Spinning, bodyshape of yoga.",
                900,
                200,
                "SG",
                per_pass=(2, WEEK),
            ),
            fixed(
                "Personal training voor € 10",
                "Een uur training met een eigen trainer.",
                5000,
                1000,
                "SG",
                per_pass=(1, PASJAAR),
                quota=50,
            ),
            fixed(
                "Beweegles voor 65-plussers voor € 1",
                "Een rustige les om fit te blijven.",
                500,
                100,
                "SG",
                target=SENIORS,
                per_pass=(2, WEEK),
            ),
        ),
    ),
    "kano": Sector(
        "Kanovereniging aan het water. Kanoën, suppen en les.",
        "club",
        2,
        (
            fixed(
                "Kanoën op de Zaan: 2 uur voor € 5",
                "Huur een kano voor twee uur.",
                2000,
                500,
                "SC",
                per_pass=(2, MAAND),
            ),
            fixed(
                "Kanoles voor kinderen: 6 lessen voor € 10",
                "Zes lessen kanoën. Een zwemdiploma is nodig.",
                7500,
                1000,
                "S",
                target=KIDS,
                per_pass=(1, JAAR),
            ),
            fixed(
                "Kano: een jaar lid voor € 30",
                "Een jaar lid, met gebruik van de kano's van de club.",
                19000,
                3000,
                "SM",
                group="sport",
                per_pass=(1, JAAR),
            ),
            free(
                "Gratis suppen op de open dag",
                "Probeer suppen op onze open dag.",
                1500,
                "S",
                per_pass=(1, JAAR),
                quota=60,
                this_year_only=True,
            ),
        ),
    ),
    "buurtsport": Sector(
        "Buurtsportcoaches die sporten en bewegen organiseren in de wijk.",
        "buurtsport",
        3,
        (
            place(
                "Sporten op het pleintje na school",
                "Voetbal, basketbal en spelletjes met de buurtsportcoach.",
                30,
                "SM",
                target=KIDS,
                per_pass=(1, DAG),
            ),
            place(
                "Wandelen met een beweegmaatje",
                "Samen wandelen in de buurt, in uw eigen tempo.",
                10,
                "SGM",
                per_pass=(2, WEEK),
            ),
            free(
                "Gratis sportdag in de vakantie",
                "Een dag sporten en spelen in de schoolvakantie.",
                500,
                "S",
                target=KIDS,
                per_pass=(1, WEEK),
                quota=120,
            ),
            place(
                "Bootcamp in het park",
                "Een uur buiten sporten met een trainer.",
                20,
                "SG",
                regular=500,
                pass_price=0,
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "repair": Sector(
        "Repair café: vrijwilligers helpen u kapotte spullen te maken. Met koffie.",
        "repair",
        3,
        (
            place(
                "Kapotte spullen laten maken",
                "Neem uw kapotte lamp, broodrooster of fiets mee. Samen maken we het.",
                15,
                "BM",
                per_pass=(1, MAAND),
            ),
            free(
                "Gratis onderdeel bij een reparatie",
                "Een klein onderdeel, zoals een stekker of een zekering, krijgt u gratis.",
                500,
                "B",
                per_pass=(1, JAAR),
                quota=40,
            ),
            place(
                "Naaien en verstellen",
                "Een vrijwilliger helpt u met een naaimachine.",
                8,
                "BM",
                per_pass=(1, MAAND),
            ),
            free(
                "Gratis koffie en koek",
                "Even zitten en praten met een kop koffie.",
                250,
                "M",
                per_pass=(1, DAG),
            ),
        ),
    ),
    "keuken": Sector(
        "Aanschuiftafel: samen koken en samen eten met mensen uit de buurt.",
        "keuken",
        5,
        (
            place(
                "Aanschuiven bij de maaltijd voor € 3",
                "Een warme maaltijd met soep en toetje. Reserveer een plek.",
                24,
                "MB",
                regular=1000,
                pass_price=300,
                per_pass=(1, WEEK),
            ),
            place(
                "Gratis aanschuiven voor kinderen",
                "Kinderen eten gratis mee. Reserveer een plek.",
                10,
                "MB",
                regular=600,
                pass_price=0,
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            place(
                "Samen koken en eten voor € 2",
                "Kook mee met de kok en eet daarna samen.",
                12,
                "MG",
                regular=800,
                pass_price=200,
                per_pass=(1, WEEK),
            ),
            place(
                "Gratis maaltijd voor wie het krap heeft",
                "Een gratis warme maaltijd. U krijgt een ticket in de app.",
                10,
                "MB",
                regular=1000,
                pass_price=0,
                target=LOW_INCOME,
                per_pass=(2, MAAND),
            ),
            fixed(
                "Maaltijd om mee te nemen voor € 2,50",
                "Een verse maaltijd in een bakje, om thuis op te warmen.",
                800,
                250,
                "B",
                per_pass=(2, WEEK),
                quota=200,
            ),
        ),
    ),
    "weggeefwinkel": Sector(
        "Weggeefwinkel: alles is gratis. Breng wat u over heeft, neem mee wat u nodig heeft.",
        "weggeef",
        4,
        (
            place(
                "Spullen uitzoeken in de weggeefwinkel",
                "Zoek gratis kleding, boeken of huisraad uit.",
                40,
                "BM",
                per_pass=(1, WEEK),
                per_household=(2, WEEK),
            ),
            place(
                "Kinderkleding uitzoeken",
                "Gratis kleding voor kinderen van 0 tot 16 jaar.",
                20,
                "B",
                per_household=(1, MAAND),
            ),
            free(
                "Gratis schoolspullen voor kinderen",
                "Een pakket met schriften, pennen en een etui. Op is op.",
                1500,
                "WB",
                target=KIDS,
                per_pass=(1, JAAR),
                quota=80,
            ),
            place(
                "Babyuitzet ophalen",
                "Kleding, een dekentje en verzorging voor uw baby. U krijgt een ticket in de app.",
                3,
                "B",
                target=LOW_INCOME,
                per_household=(1, TOTAAL),
            ),
        ),
    ),
    "kledingbank": Sector(
        "Kledingbank met nette tweedehands kleding voor volwassenen en kinderen.",
        "kledingbank",
        4,
        (
            place(
                "Winkelen bij de kledingbank",
                "Zoek gratis kleding uit. Eén keer per maand per huishouden.",
                15,
                "B",
                per_household=(1, MAAND),
            ),
            place(
                "Winterjas uitzoeken",
                "Een warme winterjas voor de winter.",
                10,
                "B",
                per_pass=(1, JAAR),
                this_year_only=True,
            ),
            place(
                "Kledingpakket voor het hele gezin",
                "Een pakket kleding voor iedereen in uw gezin. U krijgt een ticket in de app.",
                8,
                "B",
                target=LOW_INCOME,
                per_household=(1, MAAND),
            ),
            place(
                "Schoenen voor kinderen uitzoeken",
                "Een paar schoenen voor uw kind.",
                10,
                "B",
                target=KIDS,
                per_pass=(2, JAAR),
            ),
        ),
    ),
    "speelgoedbank": Sector(
        "Speelgoedbank met goed speelgoed en cadeaus voor kinderen.",
        "speelgoedbank",
        3,
        (
            place(
                "Speelgoed uitzoeken voor uw kind",
                "Zoek gratis speelgoed uit voor uw kind.",
                20,
                "BC",
                per_household=(2, JAAR),
            ),
            place(
                "Verjaardagscadeau voor uw kind",
                "Een nieuw cadeau voor de verjaardag van uw kind. U krijgt een ticket in de app.",
                10,
                "B",
                target=LOW_INCOME,
                per_household=(1, JAAR),
            ),
            place(
                "Sinterklaascadeau voor uw kind",
                "Een cadeau voor Sinterklaas. Reserveer een plek.",
                25,
                "BC",
                per_pass=(1, JAAR),
                per_household=(3, JAAR),
                this_year_only=True,
            ),
            free(
                "Gratis spelletje lenen",
                "Leen een bordspel of puzzel voor twee weken.",
                1500,
                "CM",
                per_pass=(2, MAAND),
            ),
        ),
    ),
    "computerhulp": Sector(
        "Digicafé: vrijwilligers helpen met de computer, tablet en telefoon.",
        "spreekuur",
        3,
        (
            place(
                "Hulp met uw computer, tablet of telefoon",
                "Stel uw vraag aan een vrijwilliger. Neem uw apparaat mee.",
                12,
                "W",
                per_pass=(1, WEEK),
            ),
            place(
                "Cursus veilig internetten",
                "Leer hoe u oplicht-berichten herkent en veilig betaalt.",
                10,
                "W",
                per_pass=(1, TOTAAL),
            ),
            fixed(
                "Opgeknapte laptop voor € 25",
                "Een nagekeken laptop, klaar voor gebruik. Op is op.",
                25000,
                2500,
                "WB",
                per_household=(1, TOTAAL),
                quota=40,
            ),
            free(
                "Gratis hulp bij DigiD aanvragen",
                "Wij helpen u DigiD aan te vragen en te gebruiken.",
                2500,
                "WB",
                per_pass=(1, JAAR),
            ),
            fixed(
                "Tweedehands telefoon voor € 15",
                "Een nagekeken smartphone. U krijgt een ticket in de app.",
                9900,
                1500,
                "WB",
                target=LOW_INCOME,
                per_household=(1, TOTAAL),
                quota=25,
            ),
        ),
    ),
    "taal": Sector(
        "Taalhuis: Nederlands leren en oefenen, met hulp van vrijwilligers.",
        "taalcafe",
        3,
        (
            place(
                "Nederlands oefenen aan de taaltafel",
                "Praat Nederlands met anderen aan tafel. Een vrijwilliger helpt.",
                16,
                "WM",
                per_pass=(2, WEEK),
            ),
            fixed(
                "Taalcursus Nederlands: 12 lessen voor € 10",
                "Twaalf lessen Nederlands in een kleine groep.",
                18000,
                1000,
                "W",
                per_pass=(1, JAAR),
            ),
            place(
                "Hulp bij het lezen van brieven",
                "Neem uw brieven mee. Wij lezen ze samen met u.",
                8,
                "WB",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis lesboek Nederlands",
                "Een lesboek om thuis te oefenen. Op is op.",
                2995,
                "W",
                per_pass=(1, TOTAAL),
                quota=60,
            ),
            fixed(
                "Examentraining inburgering voor € 5",
                "Oefen voor het inburgeringsexamen.",
                7500,
                500,
                "W",
                per_pass=(1, PASJAAR),
            ),
        ),
    ),
    "buurthuis": Sector(
        "Buurthuis voor koffie, activiteiten en ontmoeten in de wijk.",
        "buurthuis",
        4,
        (
            free(
                "Gratis koffieochtend",
                "Koffie of thee met iets lekkers. Iedereen is welkom.",
                200,
                "M",
                per_pass=(1, DAG),
            ),
            place(
                "Spelletjesmiddag voor 65-plussers",
                "Sjoelen, klaverjassen en bingo.",
                20,
                "M",
                target=SENIORS,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Yoga in de buurt voor € 2",
                "Een rustige les yoga in het buurthuis.",
                800,
                200,
                "SG",
                per_pass=(1, WEEK),
            ),
            place(
                "Jongereninloop op woensdagavond",
                "Tafeltennis, muziek en praten met de jongerenwerker.",
                30,
                "M",
                target=KIDS,
                per_pass=(1, WEEK),
            ),
            fixed(
                "Buurtmaaltijd voor € 3,50",
                "Samen eten met de buurt.",
                900,
                350,
                "MB",
                per_pass=(1, WEEK),
            ),
        ),
    ),
    "huiswerk": Sector(
        "Huiswerkklas en bijles voor kinderen op de basisschool en middelbare school.",
        "les",
        2,
        (
            place(
                "Huiswerkbegeleiding na school",
                "Maak uw huiswerk met hulp van een begeleider.",
                15,
                "W",
                target=KIDS,
                per_pass=(2, WEEK),
            ),
            fixed(
                "Bijles rekenen: 10 lessen voor € 10",
                "Tien bijlessen rekenen of wiskunde.",
                20000,
                1000,
                "W",
                target=KIDS,
                per_pass=(1, JAAR),
            ),
            fixed(
                "Examentraining voor € 15",
                "Oefenen voor het eindexamen, in kleine groepjes.",
                17500,
                1500,
                "W",
                target=KIDS,
                per_pass=(1, JAAR),
                quota=25,
            ),
            free(
                "Gratis rekenmachine voor school",
                "Een rekenmachine voor de middelbare school. Op is op.",
                1999,
                "W",
                target=KIDS,
                per_pass=(1, TOTAAL),
                quota=50,
            ),
        ),
    ),
    "geldhulp": Sector(
        "Budgetcafé: vrijwilligers helpen met geldzaken, brieven en toeslagen.",
        "spreekuur",
        2,
        (
            place(
                "Spreekuur: hulp met uw geldzaken",
                "Samen kijken we naar uw rekeningen en brieven.",
                8,
                "B",
                per_pass=(2, MAAND),
            ),
            place(
                "Workshop rondkomen met uw geld",
                "Tips om geld te besparen en overzicht te houden.",
                15,
                "BW",
                per_pass=(1, JAAR),
            ),
            place(
                "Hulp bij belastingaangifte en toeslagen",
                "Wij helpen u met de aangifte en het aanvragen van toeslagen.",
                6,
                "B",
                per_pass=(1, JAAR),
                submitted=True,
            ),
            free(
                "Gratis ordner voor uw papieren",
                "Een map met tabbladen, zodat u uw papieren goed bewaart.",
                995,
                "B",
                per_pass=(1, TOTAAL),
            ),
        ),
    ),
    "moestuin": Sector(
        "Buurtmoestuin: samen groente kweken en oogsten.",
        "moestuin",
        2,
        (
            fixed(
                "Eigen moestuinbak voor € 5 per jaar",
                "Een eigen bak in de moestuin, met zaden en gereedschap.",
                3500,
                500,
                "GM",
                per_household=(1, JAAR),
                quota=30,
            ),
            place(
                "Samen tuinieren",
                "Help mee in de tuin. U neemt groente mee naar huis.",
                15,
                "GM",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis groente uit de tuin",
                "Een tas met groente uit de tuin.",
                300,
                "GB",
                per_pass=(1, WEEK),
            ),
            place(
                "Tuinieren voor kinderen",
                "Zaaien, water geven en oogsten. Reserveer een plek.",
                12,
                "GC",
                target=KIDS,
                per_pass=(1, WEEK),
                submitted=True,
            ),
        ),
    ),
    "mantelzorg": Sector(
        "Steunpunt voor mantelzorgers: advies, ontmoeting en even tijd voor uzelf.",
        "spreekuur",
        2,
        (
            place(
                "Mantelzorgcafé",
                "Even bijpraten met andere mantelzorgers.",
                20,
                "GM",
                per_pass=(1, WEEK),
            ),
            free(
                "Gratis massage voor mantelzorgers",
                "Een uur massage, even tijd voor uzelf. U krijgt een ticket in de app.",
                4500,
                "G",
                target=CARERS,
                per_pass=(1, JAAR),
                quota=50,
            ),
            free(
                "Verwendag voor mantelzorgers",
                "Een dag met lunch, een workshop en een cadeau. U krijgt een ticket in de app.",
                3500,
                "GM",
                target=CARERS,
                per_pass=(1, JAAR),
                quota=60,
                this_year_only=True,
            ),
            place(
                "Cursus goed zorgen voor uzelf",
                "Hoe houdt u het vol? Vier bijeenkomsten met andere mantelzorgers.",
                12,
                "G",
                per_pass=(1, TOTAAL),
            ),
        ),
    ),
}

# Reasons the pass office gave for approving an offer with less discount than the norm.
LOW_DISCOUNT_REASONS = {
    "20% op alles": "Geldt voor alles in de winkel, elke dag. Samen met de andere aanbiedingen "
    "van deze bakker de moeite waard.",
    "10% korting op een nieuwe bril": "Een bril is duur. 10% is hier toch een flink bedrag.",
    "Koffie met appeltaart voor € 4": "Het gaat om ontmoeten. Het eetcafé is een vaste "
    "plek voor ouderen in Koog.",
}


# --- Providers ---------------------------------------------------------------------------------

BUSINESS, CULTURE, SPORT, SOCIAL = (
    ProviderKind.BUSINESS,
    ProviderKind.CULTURE,
    ProviderKind.SPORT,
    ProviderKind.SOCIAL,
)

# (name, kind, sector, wijk numbers of the locations; see city.demo_data.DISTRICTS)
PROVIDERS: tuple[tuple[str, str, str, tuple[int, ...]], ...] = (
    ("Bakkerij De Zaan", BUSINESS, "bakkerij_demo", (1, 9)),
    ("Bakkerij Kaptein", BUSINESS, "bakkerij", (13,)),
    ("Turkse Bakkerij Anadolu", BUSINESS, "bakkerij", (6,)),
    ("Slagerij Dekker", BUSINESS, "slager", (11,)),
    ("Keurslager Van der Veen", BUSINESS, "slager", (14,)),
    ("Fietsenmakerij De Spaak", BUSINESS, "fietsenmaker", (7,)),
    ("Rijwielhandel Molenaar", BUSINESS, "fietsenmaker", (13, 12)),
    ("Fietsherstel Westzaan", BUSINESS, "fietsenmaker", (15,)),
    ("Kapsalon Knip & Zo", BUSINESS, "kapper", (6,)),
    ("Barbier De Kam", BUSINESS, "kapper", (1,)),
    ("Kapsalon Haarmooi", BUSINESS, "kapper", (12,)),
    ("Groente & Fruit Het Kalf", BUSINESS, "groenteboer", (8,)),
    ("Toko Sari", BUSINESS, "toko", (5,)),
    ("Kringloopwinkel De Tweede Ronde", BUSINESS, "kringloop", (2, 12)),
    ("Brillenhuis Zaanstreek", BUSINESS, "opticien", (1,)),
    ("Drogisterij De Vijzel", BUSINESS, "drogist", (10,)),
    ("Schoenmakerij Hak & Zool", BUSINESS, "schoenmaker", (3,)),
    ("Boekhandel Het Leesteken", BUSINESS, "boekwinkel", (11,)),
    ("Eetcafé De Molenwiek", BUSINESS, "horeca", (9,)),
    ("ZaanPC Computerhulp & Reparatie", BUSINESS, "computerwinkel", (4,)),
    ("Schouwburg Het Zaanpodium", CULTURE, "theater", (1,)),
    ("Kindertheater De Speelkamer", CULTURE, "kindertheater", (2,)),
    ("Filmhuis De Lichtbak", CULTURE, "film", (1,)),
    ("Poppodium De Pakhuiszolder", CULTURE, "poppodium", (12,)),
    ("Molenmuseum De Wieken", CULTURE, "museum", (9,)),
    ("Industriemuseum Het Pakhuis", CULTURE, "museum", (11,)),
    ("Kindermuseum De Ontdekfabriek", CULTURE, "kindermuseum", (3,)),
    ("Bibliotheek Zaanstreek", CULTURE, "bibliotheek", (1, 13)),
    ("Muziekschool De Toonladder", CULTURE, "muziekschool", (3, 12)),
    ("Dansschool Swing & Co", CULTURE, "dansschool", (8,)),
    ("Creatief Centrum De Kleurdoos", CULTURE, "creatief", (4,)),
    ("Kinderboerderij De Hooiberg", CULTURE, "kinderboerderij", (5,)),
    ("Zwembad De Zaanbron", SPORT, "zwembad", (7,)),
    ("Zwembad Het Golfje", SPORT, "zwembad", (13,)),
    ("VV Zaanvogels", SPORT, "voetbal", (3,)),
    ("SV Poelenburg Boys", SPORT, "voetbal", (6,)),
    ("FC Assendelft '32", SPORT, "voetbal", (14,)),
    ("Mixed Hockeyclub Zaanstreek", SPORT, "hockey", (10,)),
    ("Tennisvereniging De Lob", SPORT, "tennis", (11,)),
    ("Budo Centrum Zaanstad", SPORT, "budo", (4,)),
    ("Atletiekvereniging Zaanspurt", SPORT, "atletiek", (9,)),
    ("Turnvereniging Salto", SPORT, "turnen", (5,)),
    ("Sportschool FitZaan", SPORT, "sportschool", (1, 12)),
    ("Kanovereniging De Peddel", SPORT, "kano", (15,)),
    ("Beweegmaatjes Zaanstad", SPORT, "buurtsport", (6, 2)),
    ("Repair Café Rosmolenwijk", SOCIAL, "repair", (4,)),
    ("Repair Café Wormerveer", SOCIAL, "repair", (12,)),
    ("Aanschuiftafel De Lange Tafel", SOCIAL, "keuken", (6,)),
    ("Buurtkeuken Het Fornuis", SOCIAL, "keuken", (7,)),
    ("Weggeefwinkel Geef & Neem", SOCIAL, "weggeefwinkel", (2,)),
    ("Kledingbank Zaanstreek", SOCIAL, "kledingbank", (3,)),
    ("Speelgoedbank De Blije Doos", SOCIAL, "speelgoedbank", (5,)),
    ("Digicafé Zaanstad", SOCIAL, "computerhulp", (1, 13)),
    ("Taalhuis Zaanstad", SOCIAL, "taal", (1,)),
    ("Taalcafé De Babbelaar", SOCIAL, "taal", (6,)),
    ("Buurthuis De Kolk", SOCIAL, "buurthuis", (8,)),
    ("Huiswerkklas De Leerplek", SOCIAL, "huiswerk", (7,)),
    ("Budgetcafé Rond met Geld", SOCIAL, "geldhulp", (14,)),
    ("Moestuin De Groene Zaan", SOCIAL, "moestuin", (10,)),
    ("Mantelzorgpunt Zaanstad", SOCIAL, "mantelzorg", (11,)),
)

TOWNS = {
    9: "Koog aan de Zaan",
    10: "Koog aan de Zaan",
    11: "Zaandijk",
    12: "Wormerveer",
    13: "Krommenie",
    14: "Assendelft",
    15: "Westzaan",
}  # wijken 1 to 8 are in Zaandam

STREETS = {
    1: ("Gedempte Gracht", "Westzijde", "Oostzijde", "Rozengracht", "Damstraat", "Vinkenstraat"),
    2: ("Peperstraat", "Zuiddijk", "Wilhelminastraat", "Vincent van Goghweg"),
    3: ("Westzanerdijk", "Vermeerstraat", "Klauwershoek", "Botenmakersstraat"),
    4: ("Rosmolenstraat", "Heijermansstraat", "Texelstraat"),
    5: ("Pelikaanweg", "Zwaluwstraat", "Hoornseveldweg"),
    6: ("Ferdinand Bolstraat", "Frans Halsstraat", "Jan Steenstraat", "Pieter Lastmankade"),
    7: ("Kogerveldweg", "Heijermansplein", "Sluispolderweg"),
    8: ("Kalf", "Kalverringdijk", "Noorderveenweg"),
    9: ("Lagedijk", "Breestraat", "Raadhuisstraat"),
    10: ("Westerkoogweg", "Boschjesstraat", "Vlaanderenstraat"),
    11: ("Lagedijk", "Guisweg", "Stationsstraat", "Hoogstraat"),
    12: ("Zaanweg", "Marktstraat", "Krommenieërweg", "Zaandammerstraat"),
    13: ("Zuiderhoofdstraat", "Noorderhoofdstraat", "Rosariumlaan", "Heiligeweg"),
    14: ("Dorpsstraat", "Saendelverlaan", "Kaaikhof"),
    15: ("J.J. Allanstraat", "Kerkbuurt", "Zuideinde"),
}

BANKS = ("INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB")


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


# --- History -----------------------------------------------------------------------------------

# The named demo family (passes/demo_data.py): what they used lately, (title, days ago).
FAMILY_HISTORY = {
    "Youssef": (
        ("Brood met 25% korting", 3),
        ("Aanschuiven bij de maaltijd voor € 3", 10),
        ("Film naar keuze voor € 3", 16),
        ("Winkelen bij de kledingbank", 22),
    ),
    "Amira": (
        ("Gratis krentenbol voor kinderen", 9),
        ("Gratis kindervoorstelling", 25),
        ("Gratis zwemmen voor kinderen", 31),
    ),
    "Sami": (
        ("Voetbal voor kinderen: een jaar contributie voor € 25", 41),
        ("Gratis krentenbol voor kinderen", 2),
    ),
}


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
