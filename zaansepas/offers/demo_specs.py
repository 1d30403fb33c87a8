"""The fixed tables behind the demo offers: who the demo providers are, where they are,
when they open, and (in demo_sectors.json) what each kind of provider offers.

Data, not logic: demo_data.py turns these into providers, offers and history.
"""

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from .models import Period, ProviderKind

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


# --- Offers per sector (demo_sectors.json) ---------------------------------------------------


def _spec(row: dict) -> OfferSpec:
    for limit in ("per_pass", "per_household"):
        if limit in row:
            row[limit] = tuple(row[limit])
    return OfferSpec(**row)


def _load_sectors() -> dict[str, Sector]:
    raw = json.loads((Path(__file__).with_name("demo_sectors.json")).read_text(encoding="utf-8"))
    return {
        key: Sector(
            value["description"],
            value["hours"],
            value["weight"],
            tuple(_spec(row) for row in value["offers"]),
        )
        for key, value in raw.items()
    }


SECTORS: dict[str, Sector] = _load_sectors()


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

# Offers the demo family has an open ticket for (offers/demo_data.py _book_places).
FAMILY_TICKETS = {
    "Gratis maaltijd voor wie het krap heeft",
    "Sporten op het pleintje na school",
}
