# ruff: noqa: E501  (statements are prose: they read better unwrapped)
"""The demo's qualitative research: six sessions of this year's needs scan (one per policy
theme; four held, two still planned), their invitation lists with attendance, about a
hundred coded statements in the words residents and providers use, and a drawn sample of
follow-up interviews of which a few are held.

The statements echo the stories behind the Zaanse Pas (see the needs-scan proposal): the
father who did not use the free football tickets because he was ashamed, the participation
kitchen where people blossom by cooking together, the give-away shop that replaces a broken
washing machine within the week. A few are left without a theme on purpose, so the pages
show "nog niet gecodeerd".

Idempotent like the rest of `manage.py demo`: when any session exists, nothing is added.
Run after the survey demo: the interviews are drawn from its consents.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from zaansepas.accounts.models import User
from zaansepas.city.models import Area, AreaKind, PolicyTheme
from zaansepas.surveys.demo_survey import SERIES
from zaansepas.surveys.models import Survey

from .actions import (
    add_participant,
    add_statement,
    draw_interview_sample,
    plan_session,
    record_attendance,
    update_interview,
)
from .models import Interview, Session, SessionStatus, Statement

RESEARCHER_EMAIL = "onderzoek@zaansepas.demo"
INTERVIEW_SAMPLE = 12
SEED = 2026
SAME = "="  # a statement coded with its session's own theme

KIND = {"b": "behoefte", "a": "aanbodidee", "d": "drempel", "c": "citaat"}

# theme code -> the session: days from today (negative: held), place, facilitator,
# specialists, participants (kind, name, organisation, email, phone, attended), and
# statements (kind, target group, wijk name or None, text, theme: SAME, None or a code).
# fmt: off
SESSIONS: dict[str, dict] = {
    "meedoen-ontmoeten": {
        "days": -40,
        "time": dt.time(19, 30),
        "place": "Buurthuis De Poelenburcht, Poelenburg",
        "facilitator": "Sanne Bakker (onderzoek gemeente)",
        "specialists": "Karin Mol (sociaal domein, gemeente)\nRachid Amrani (opbouwwerk, DOCK)",
        "participants": [
            ("vrager", "Moeder van drie, Poelenburg", "", "", "", True),
            ("vrager", "Alleenstaande man, 70 jaar", "", "", "06-18273645", True),
            ("vrager", "Vrijwilliger buurtkamer", "", "buurtkamer.demo@example.org", "", True),
            ("vrager", "Jonge vader, Rosmolenwijk", "", "", "", False),
            ("aanbieder", "Coördinator participatiekeuken", "DOCK Zaanstad", "", "", True),
            ("aanbieder", "Eigenaar lunchroom", "Lunchroom aan de Zaan", "", "", True),
            ("professional", "Wijkcoach", "Wijkteam Poelenburg", "", "", True),
            ("organisatie", "Bestuurslid", "Huurdersvereniging Zaandam-Oost", "", "", False),
        ],
        "statements": [
            ("c", "iedereen", "Poelenburg", "Mensen bloeien echt op als ze samen koken en eten; je ziet ze na drie weken anders binnenkomen.", SAME),
            ("a", "iedereen", "Poelenburg", "Een participatiekeuken in elke wijk, met een maaltijd voor een paar euro op de pas.", SAME),
            ("b", "ouderen", None, "Ik ben sinds mijn vrouw is overleden veel alleen; ik wil gewoon een plek waar ik koffie kan drinken met anderen.", SAME),
            ("d", "ouderen", None, "Alleen binnenstappen bij een activiteit waar je niemand kent, dat durf ik niet.", SAME),
            ("a", "ouderen", None, "Een maatje dat de eerste keer met je meegaat naar een activiteit.", SAME),
            ("b", "gezinnen", "Poelenburg", "Contact met andere moeders in de buurt, nu zit ik de hele dag binnen met de kleine.", SAME),
            ("a", "nieuwkomers", "Poelenburg", "Een inloopochtend voor nieuwe Zaankanters met koffie, taal oefenen en uitleg over de buurt.", SAME),
            ("d", "laag_inkomen", None, "Een kopje koffie in het buurthuis kost 1,50; met drie kinderen ga je dan niet.", "geld-basisbehoeften"),
            ("a", "iedereen", None, "Aanschuiftafels: bij gewone restaurants een paar plekken per week voor mensen met de pas.", SAME),
            ("c", "iedereen", None, "Je moet het niet 'voor arme mensen' noemen, dan komt niemand.", SAME),
            ("b", "kinderen_jongeren", "Zaandam-Oost/Kogerveld", "Jongeren hebben geen plek om te zijn; op straat hangen is het enige wat overblijft.", SAME),
            ("a", "kinderen_jongeren", "Zaandam-Oost/Kogerveld", "Een jongerenplek die 's avonds open is, gerund met de jongeren zelf.", SAME),
            ("d", "iedereen", None, "Activiteiten zijn vaak overdag; wie werkt kan nooit.", SAME),
            ("a", "iedereen", None, "Lunchroom biedt eens per maand een gratis soepmiddag voor de buurt, betaald uit de pasomzet.", SAME),
            ("b", "mantelzorgers", None, "Als mantelzorger kom ik nergens meer; even een middag eruit zou al veel schelen.", "gezondheid-zorg"),
            ("d", "nieuwkomers", None, "De folders zijn alleen in het Nederlands, mijn buurvrouw begrijpt er niets van.", SAME),
            ("a", "iedereen", None, "Vrijwilligerswerk belonen met tegoed op de pas.", SAME),
            ("c", "iedereen", "Poelenburg", "Hier in de buurt weet iedereen alles van elkaar, dus je laat niet zien dat je het moeilijk hebt.", SAME),
            ("b", "ouderen", "Westzaan", "In Westzaan is bijna niks; de bus naar Zaandam gaat maar een keer per uur.", SAME),
            ("d", "beperking", None, "Het buurthuis heeft geen lift, dus met mijn rollator kan ik niet naar boven.", SAME),
            ("a", "gezinnen", None, "Een buurtbarbecue in de zomer waar aanbieders van de pas zich voorstellen.", SAME),
            ("b", "iedereen", None, "Weten wat er in de wijk te doen is, op één plek, ook op papier.", None),
            ("c", "iedereen", None, "De wijkcoach zegt: de pas kan een breekijzer zijn om mensen te leren kennen die we nu niet zien.", None),
        ],
    },
    "sport-bewegen": {
        "days": -33,
        "time": dt.time(19, 0),
        "place": "Kantine voetbalvereniging, Krommenie",
        "facilitator": "Sanne Bakker (onderzoek gemeente)",
        "specialists": "Joost Visser (sportbeleid, gemeente)\nLinda de Boer (buurtsportcoach)",
        "participants": [
            ("vrager", "Vader van een zoon van 9", "", "", "06-29384756", True),
            ("vrager", "Moeder, Pelders- en Hoornseveld", "", "", "", True),
            ("vrager", "Jongere, 17 jaar", "", "", "", True),
            ("aanbieder", "Penningmeester", "Voetbalvereniging Krommenie (demo)", "penningmeester.demo@example.org", "", True),
            ("aanbieder", "Manager", "Zwembad in Zaandam (demo)", "", "", True),
            ("aanbieder", "Eigenaar", "Sportschool Zaandijk (demo)", "", "", False),
            ("professional", "Buurtsportcoach", "Gemeente Zaanstad", "", "", True),
            ("organisatie", "Medewerker", "Jeugdfonds Sport & Cultuur", "", "", True),
        ],
        "statements": [
            ("c", "gezinnen", None, "De vader wilde al zo lang met zijn zoontje naar een wedstrijd in het grote stadion. Er lagen gratis kaartjes klaar, maar hij nam ze niet: hij schaamde zich.", SAME),
            ("d", "laag_inkomen", None, "Gratis kaartjes ophalen bij een loket waar iedereen je ziet staan, dat doe je niet.", SAME),
            ("a", "gezinnen", None, "Kaartjes gewoon in de app op de pas zetten, zodat niemand ziet dat ze gratis zijn.", SAME),
            ("b", "kinderen_jongeren", "Pelders- en Hoornseveld", "Zwemles voor mijn dochter; het diploma kost meer dan 600 euro.", SAME),
            ("a", "kinderen_jongeren", None, "Zwemles in blokken, met de eerste tien lessen gratis op de kinderpas.", SAME),
            ("d", "kinderen_jongeren", None, "De contributie is het probleem niet alleen: schoenen, tenue en uitwedstrijden kosten ook.", SAME),
            ("a", "kinderen_jongeren", None, "Een ruilkast met voetbalschoenen en scheenbeschermers bij de club.", SAME),
            ("b", "kinderen_jongeren", "Krommenie", "Mijn zoon wil op voetbal maar er is een wachtlijst van een jaar.", SAME),
            ("c", "kinderen_jongeren", None, "Ik wil gewoon sporten met mijn vrienden, niet op een apart uurtje voor 'minima'.", SAME),
            ("a", "iedereen", None, "Club biedt op de pas een proefmaand aan; wie blijft, betaalt de helft het eerste jaar.", SAME),
            ("b", "ouderen", None, "Bewegen voor ouderen dichtbij huis, zoals stoelyoga of wandelvoetbal.", SAME),
            ("b", "iedereen", None, "Zwemmen alleen voor vrouwen, op een vaste avond.", SAME),
            ("d", "beperking", None, "Mijn zoon met autisme past niet in een gewone groep; aangepast sporten is ver weg en duur.", SAME),
            ("a", "beperking", None, "Aangepast zwemmen op de pas, met vervoer erbij.", SAME),
            ("d", "gezinnen", None, "Het Jeugdfonds kennen ouders niet, en de aanvraag loopt via school of het wijkteam.", SAME),
            ("a", "gezinnen", None, "De pas kan de aanvraag bij het Jeugdfonds vervangen: één keer aanvragen en klaar.", SAME),
            ("b", "iedereen", None, "Goedkoop sporten 's avonds, overdag werk ik.", SAME),
            ("a", "iedereen", None, "Sportschool geeft daluren met korting op de pas.", SAME),
            ("c", "iedereen", None, "Als club willen we best meedoen, maar dan moet de administratie niet ingewikkeld zijn.", SAME),
            ("d", "iedereen", None, "Aanbieders weten niet wat de pas is of wat het ze oplevert.", SAME),
            ("b", "kinderen_jongeren", "Poelenburg", "Een veilig trapveldje met verlichting, nu is het na zessen donker.", SAME),
            ("a", "kinderen_jongeren", None, "Buurtsportcoach organiseert gratis sport in de herfstvakantie.", SAME),
            ("b", "gezinnen", None, "Samen met de kinderen fietsen of zwemmen, iets wat we als gezin kunnen doen.", None),
            ("c", "kinderen_jongeren", None, "Bij de club hoor je erbij, daar gaat het eigenlijk om.", None),
        ],
    },
    "cultuur-vrije-tijd": {
        "days": 4,
        "time": dt.time(15, 0),
        "place": "Bibliotheek Zaanstad, Zaandam",
        "facilitator": "Sanne Bakker (onderzoek gemeente)",
        "specialists": "Marieke Smit (cultuurbeleid, gemeente)",
        "participants": [
            ("vrager", "Moeder van twee, Zaandam-Zuid", "", "", "", False),
            ("vrager", "Oudere vrouw, Koog aan de Zaan", "", "", "", False),
            ("aanbieder", "Programmeur", "Theater in Zaandam (demo)", "", "", False),
            ("aanbieder", "Medewerker educatie", "Museum in Zaandam (demo)", "", "", False),
            ("organisatie", "Coördinator", "Bibliotheek Zaanstad", "", "", False),
        ],
        "statements": [],
    },
    "gezondheid-zorg": {
        "days": 11,
        "time": dt.time(10, 0),
        "place": "Wijkcentrum, Wormerveer",
        "facilitator": "Sanne Bakker (onderzoek gemeente)",
        "specialists": "Henk Meijer (Wmo en mantelzorg, gemeente)",
        "participants": [
            ("vrager", "Mantelzorger van haar moeder", "", "", "", False),
            ("vrager", "Man met een beperking, Wormerveer", "", "", "", False),
            ("professional", "Praktijkondersteuner", "Huisartsenpraktijk (demo)", "", "", False),
            ("organisatie", "Consulent", "Mantelzorgsteunpunt (demo)", "", "", False),
        ],
        "statements": [],
    },
    "werk-leren-taal": {
        "days": -26,
        "time": dt.time(13, 30),
        "place": "Taalhuis, Zaandam-Centrum",
        "facilitator": "Sanne Bakker (onderzoek gemeente)",
        "specialists": "Nadia Haddou (volwasseneneducatie, gemeente)\nEmre Kaya (werkgeversservicepunt)",
        "participants": [
            ("vrager", "Vrouw, 34 jaar, in Nederland sinds 2022", "", "", "", True),
            ("vrager", "Man, 58 jaar, werkzoekend", "", "", "06-47382910", True),
            ("vrager", "Moeder, alleenstaand", "", "", "", True),
            ("aanbieder", "Docent", "Computercursus in de wijk (demo)", "", "", True),
            ("aanbieder", "Eigenaar", "Installatiebedrijf Assendelft (demo)", "", "", True),
            ("professional", "Taalcoach", "Taalhuis Zaanstad", "", "", True),
            ("organisatie", "Vrijwilliger", "Digi-café bibliotheek", "", "", False),
        ],
        "statements": [
            ("b", "nieuwkomers", "Zaandam-Centrum", "Nederlandse les overdag, met kinderopvang erbij; anders kan ik niet.", SAME),
            ("d", "nieuwkomers", None, "De lessen zijn in Zaandam, ik woon in Assendelft en de bus is duur.", SAME),
            ("a", "nieuwkomers", None, "Taalcafés in de wijk, met korting op koffie voor pashouders.", SAME),
            ("b", "ouderen", None, "Hulp met DigiD en de bank-app; mijn kinderen hebben geen tijd.", SAME),
            ("a", "ouderen", None, "Digi-café in elke bibliotheek, met vrijwilligers die het rustig uitleggen.", SAME),
            ("c", "ouderen", None, "Alles moet tegenwoordig via de telefoon, en dan voel je je dom.", SAME),
            ("b", "laag_inkomen", None, "Een cursus Excel of boekhouden die ik kan betalen, voor een betere baan.", SAME),
            ("a", "laag_inkomen", None, "Cursussen bij het ROC met korting op de pas, ook voor wie geen uitkering heeft.", SAME),
            ("b", "kinderen_jongeren", "Poelenburg", "Huiswerkbegeleiding, ik kan mijn kinderen niet helpen met wiskunde.", SAME),
            ("a", "kinderen_jongeren", None, "Studenten die huiswerkbegeleiding geven in het buurthuis, betaald uit het sponsorfonds.", SAME),
            ("b", "kinderen_jongeren", None, "Een bijbaantje of stage voor jongeren in de wijk.", SAME),
            ("a", "kinderen_jongeren", "Assendelft", "Installatiebedrijf biedt twee snuffelstages per jaar voor jongeren met de pas.", SAME),
            ("d", "iedereen", None, "Wie werk vindt, verliest toeslagen en soms ook de gratis pas; dan ga je erop achteruit.", SAME),
            ("b", "laag_inkomen", None, "Een laptop voor school; nu maakt mijn dochter haar werkstuk op mijn telefoon.", SAME),
            ("a", "kinderen_jongeren", None, "Laptops van bedrijven opknappen en via de pas uitlenen aan scholieren.", SAME),
            ("c", "nieuwkomers", None, "Ik was verpleegkundige in mijn land; hier weet niemand wat ik kan.", SAME),
            ("d", "nieuwkomers", None, "Formulieren van de gemeente zijn te moeilijk, ook voor mensen die goed Nederlands spreken.", SAME),
            ("b", "iedereen", None, "Eén vast aanspreekpunt bij de gemeente in plaats van steeds iemand anders.", None),
            ("a", "iedereen", None, "Fietsles voor volwassenen, dan kan ik zelf naar mijn werk.", SAME),
            ("c", "laag_inkomen", None, "Een cursus volgen is niet alleen geld; je moet ook iemand hebben die op de kinderen past.", SAME),
        ],
    },
    "geld-basisbehoeften": {
        "days": -12,
        "time": dt.time(10, 0),
        "place": "Zaanse Weggeefhuis, Zaandam",
        "facilitator": "Sanne Bakker (onderzoek gemeente)",
        "specialists": "Ahmed Yilmaz (minimabeleid, gemeente)\nPetra de Vries (schuldhulpverlening)",
        "participants": [
            ("vrager", "Moeder van vier, Zaandam-Zuid", "", "", "", True),
            ("vrager", "Man, 45 jaar, met schulden", "", "", "", True),
            ("vrager", "Oudere vrouw met AOW", "", "", "06-56473829", True),
            ("aanbieder", "Coördinator", "Zaanse Weggeefhuis", "weggeefhuis.demo@example.org", "", True),
            ("aanbieder", "Filiaalmanager", "Supermarkt in Zaandam (demo)", "", "", True),
            ("aanbieder", "Eigenaar", "Fietsenmaker Wormerveer (demo)", "", "", False),
            ("professional", "Schuldhulpverlener", "Gemeente Zaanstad", "", "", True),
            ("organisatie", "Vrijwilliger", "Voedselbank Zaanstreek", "", "", True),
        ],
        "statements": [
            ("c", "laag_inkomen", None, "Op zaterdagochtend staat er iemand in tranen bij ons: de wasmachine is stuk. Met vier kinderen kun je geen week wachten.", SAME),
            ("a", "laag_inkomen", None, "Noodhulp van het Weggeefhuis op de pas: een opgeknapte wasmachine binnen de week.", SAME),
            ("b", "gezinnen", "Zaandam-Zuid", "Een wasmachine of koelkast vervangen als die kapot gaat; sparen lukt niet.", SAME),
            ("d", "laag_inkomen", None, "Bijzondere bijstand aanvragen duurt weken en je moet eerst zelf betalen.", SAME),
            ("b", "laag_inkomen", None, "Korting op groente en fruit; gezond eten is duur.", SAME),
            ("a", "laag_inkomen", None, "Supermarkt geeft 10% op groente en fruit voor pashouders, aan de kassa niet te zien.", SAME),
            ("c", "laag_inkomen", None, "Aan de kassa wil je niet dat de mensen achter je zien dat je met een minimapas betaalt.", SAME),
            ("d", "laag_inkomen", None, "De wachtlijst van de voedselbank is lang en je moet steeds weer bewijzen dat je het nodig hebt.", SAME),
            ("b", "kinderen_jongeren", None, "Kleding en schoenen voor de kinderen, ze groeien zo snel.", SAME),
            ("a", "kinderen_jongeren", None, "Een kledingbon op de kinderpas aan het begin van het schooljaar.", SAME),
            ("b", "laag_inkomen", None, "Hulp bij post en rekeningen, voordat het schulden worden.", SAME),
            ("a", "laag_inkomen", None, "Een budgetcoach via de pas, zonder dat je eerst naar het loket moet.", SAME),
            ("d", "laag_inkomen", None, "Ik schaam me om hulp te vragen; ik heb altijd gewerkt.", SAME),
            ("b", "ouderen", None, "Vervoer naar het ziekenhuis; een taxi kan ik niet betalen.", SAME),
            ("a", "iedereen", None, "Fietsenmaker repareert fietsen met korting; een fiets is je vervoer naar werk en school.", SAME),
            ("b", "laag_inkomen", None, "Korting op de energierekening of hulp met isoleren.", SAME),
            ("c", "laag_inkomen", None, "Het is niet dat ik niks wil, het is dat alles steeds net te duur is.", SAME),
            ("a", "laag_inkomen", None, "Menstruatieproducten gratis op school en in het buurthuis.", SAME),
            ("d", "iedereen", None, "Mensen met een inkomen net boven de grens krijgen niks, terwijl ze het even moeilijk hebben.", SAME),
            ("b", "gezinnen", None, "Een tegoed voor de kinderen dat je zelf kunt besteden, niet alleen bonnen.", SAME),
            ("a", "laag_inkomen", None, "Repaircafé in de wijk, gekoppeld aan het Weggeefhuis.", SAME),
            ("b", "laag_inkomen", None, "Een goedkope tandarts; ik loop al een jaar met kiespijn.", "gezondheid-zorg"),
            ("c", "laag_inkomen", None, "Toen de wasmachine weer draaide, kon ik eindelijk weer slapen.", None),
        ],
    },
}

# Held interviews: (notes, statements as (kind, target group, text, theme code or None)).
HELD_INTERVIEWS = [
    (
        "Telefonisch, 25 minuten. Kent de pas via school. Gebruikt hem voor zwemles van de "
        "kinderen; wist niet dat er ook aanbod voor volwassenen is.",
        [
            ("b", "gezinnen", "Een overzicht van wat er voor het hele gezin is, niet alleen voor de kinderen.", "cultuur-vrije-tijd"),
            ("d", "iedereen", "Het aanbod staat alleen in de app; op papier zou ik het eerder lezen.", "meedoen-ontmoeten"),
            ("c", "gezinnen", "Zwemles was het eerste waar de pas echt iets voor ons deed.", "sport-bewegen"),
        ],
    ),
    (
        "Bij de respondent thuis, 40 minuten. Mantelzorger voor haar man. Weinig tijd, "
        "komt nauwelijks buiten.",
        [
            ("b", "mantelzorgers", "Een dagje uit met korting, en iemand die dan bij mijn man blijft.", "gezondheid-zorg"),
            ("a", "mantelzorgers", "Respijtzorg op de pas: een middag vervanging boeken zoals je een kaartje koopt.", "gezondheid-zorg"),
            ("d", "mantelzorgers", "Activiteiten zijn altijd op de momenten dat ik moet zorgen.", None),
        ],
    ),
    (
        "Telefonisch, 20 minuten. Geen pas, verdient net te veel. Zou de pas kopen als er "
        "korting op de bioscoop en de sportschool op zit.",
        [
            ("b", "iedereen", "Korting op de bioscoop en op sport, dan is de pas het geld waard.", "cultuur-vrije-tijd"),
            ("c", "iedereen", "Voor 25 euro koop ik hem als ik het er in twee maanden uit heb.", "geld-basisbehoeften"),
        ],
    ),
    (
        "In de bibliotheek, 35 minuten, met een tolk Turks. Woont drie jaar in Zaanstad.",
        [
            ("b", "nieuwkomers", "Informatie in het Turks over wat er is en hoe je de pas aanvraagt.", "werk-leren-taal"),
            ("d", "nieuwkomers", "Ik wist niet dat ik de pas mocht aanvragen; ik dacht dat het alleen voor Nederlanders was.", "meedoen-ontmoeten"),
            ("a", "nieuwkomers", "Een bijeenkomst in de moskee of het buurthuis waar iemand de pas uitlegt.", "meedoen-ontmoeten"),
        ],
    ),
]
# fmt: on
OTHER_STATUSES = ["benaderd", "benaderd", "geweigerd", "onbereikbaar"]


@transaction.atomic
def create_demo_research() -> dict:
    """Create the demo sessions, statements and interviews. Safe to run again."""
    if Session.objects.exists():
        return _counts()
    themes = {theme.code: theme for theme in PolicyTheme.objects.all()}
    if not themes:
        return _counts()
    wijken = {area.name: area for area in Area.objects.filter(kind=AreaKind.DISTRICT)}
    researcher = User.objects.filter(email=RESEARCHER_EMAIL).first()
    today = timezone.localdate()
    for code, spec in SESSIONS.items():
        if code in themes:
            _create_session(themes, wijken, researcher, today, code, spec)
    _create_interviews(themes, researcher, today)
    return _counts()


def _create_session(themes, wijken, researcher, today, code, spec) -> None:
    date = today + dt.timedelta(days=spec["days"])
    held = date <= today
    session = plan_session(
        themes[code],
        today.year,
        date=date,
        start_time=spec["time"],
        place=spec["place"],
        facilitator=spec["facilitator"],
        specialists=spec["specialists"],
        status=SessionStatus.HELD if held else SessionStatus.PLANNED,
        notes="Verslag en uitspraken ingevoerd door de gespreksleider." if held else "",
    )
    present = []
    participants = {}
    for kind, name, organisation, email, phone, attended in spec["participants"]:
        consent = bool(email or phone)
        participant = add_participant(
            session,
            kind=kind,
            name=name,
            organisation=organisation,
            email=email,
            phone=phone,
            contact_consent=consent,
            consent_on=min(date, today) if consent else None,
        )
        participants[kind] = participants.get(kind) or participant
        if held and attended:
            present.append(participant.pk)
    if held:
        record_attendance(session, present)
    by_kind = {"aanbodidee": "aanbieder", "citaat": "vrager"}
    for kind, group, wijk, text, theme in spec["statements"]:
        said_by = participants.get(by_kind.get(KIND[kind], ""))
        add_statement(
            text=text,
            kind=KIND[kind],
            theme=themes[code] if theme == SAME else themes.get(theme) if theme else None,
            target_group=group,
            district=wijken.get(wijk) if wijk else None,
            session=session,
            participant=said_by if said_by and said_by.attended else None,
            entered_by=researcher,
        )


def _create_interviews(themes, researcher, today) -> None:
    survey = Survey.objects.filter(series=SERIES).order_by("-version").first()
    if survey is None or Interview.objects.filter(survey=survey).exists():
        return
    available = survey.consents.count()
    if available == 0:
        return
    sample = draw_interview_sample(survey, min(INTERVIEW_SAMPLE, available), seed=SEED)
    interviews = sample.interviews
    for n, (interview, (notes, statements)) in enumerate(
        zip(interviews, HELD_INTERVIEWS, strict=False)
    ):
        update_interview(
            interview,
            status="gehouden",
            interviewer="Sanne Bakker",
            held_on=today - dt.timedelta(days=14 - 3 * n),
            notes=notes,
        )
        for kind, group, text, theme in statements:
            add_statement(
                text=text,
                kind=KIND[kind],
                theme=themes.get(theme) if theme else None,
                target_group=group,
                district=interview.district,
                interview=interview,
                entered_by=researcher,
            )
    for interview, status in zip(interviews[len(HELD_INTERVIEWS) :], OTHER_STATUSES, strict=False):
        update_interview(interview, status=status, interviewer="Sanne Bakker")


def _counts() -> dict:
    return {
        "sessions": Session.objects.count(),
        "held": Session.objects.filter(status=SessionStatus.HELD).count(),
        "statements": Statement.objects.count(),
        "uncoded": Statement.objects.filter(theme__isnull=True).count(),
        "interviews": Interview.objects.count(),
        "interviews_held": Interview.objects.filter(status="gehouden").count(),
    }
