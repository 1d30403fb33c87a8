"""Builders for the channel, poster and invitation tests: a small published survey with
every question kind and a condition, the wijken of a small city, and a researcher."""

import datetime as dt

from django.utils import timezone

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.models import Area, AreaKind, PostcodeArea
from zaansepas.surveys.models import SurveyStatus
from zaansepas.surveys.spec import age_band_options, create_survey_from_spec, yes_no_options


def nl(text: str, en: str = "") -> dict:
    return {"nl": text, "en": en} if en else {"nl": text}


def options(*labels: str, other: bool = False) -> list[dict]:
    items = [{"code": str(n), "label": nl(label)} for n, label in enumerate(labels, start=1)]
    if other:
        items.append({"code": "anders", "label": nl("Anders, namelijk"), "is_other": True})
    return items


def spec() -> dict:
    uses_pass = {"match": "all", "rules": [{"question": "kent_pas", "op": "eq", "value": "1"}]}
    return {
        "series": "kanalen",
        "languages": ["nl", "en", "tr", "ar"],
        "title": {
            "nl": "Wat heeft u nodig?",
            "en": "What do you need?",
            "tr": "Neye ihtiyacınız var?",
            "ar": "ماذا تحتاج؟",
        },
        "intro": nl("Een korte vragenlijst over de Zaanse Pas."),
        "sections": [
            {
                "title": nl("Over de pas"),
                "questions": [
                    {
                        "code": "kent_pas",
                        "kind": "yes_no",
                        "text": nl("Kent u de Zaanse Pas?"),
                        "options": yes_no_options(),
                    },
                    {
                        "code": "gebruik",
                        "kind": "multiple_choice",
                        "text": nl("Waarvoor gebruikt u de pas?"),
                        "show_if": uses_pass,
                        "options": options("Sport", "Cultuur", other=True),
                    },
                    {
                        "code": "tevreden",
                        "kind": "likert",
                        "text": nl("Ik ben tevreden over de pas."),
                        "options": options(
                            "Oneens", "Beetje oneens", "Neutraal", "Eens", "Heel eens"
                        ),
                    },
                    {
                        "code": "cijfer",
                        "kind": "rating",
                        "text": nl("Welk cijfer geeft u de pas?"),
                        "settings": {"low": nl("heel slecht"), "high": nl("heel goed")},
                    },
                    {
                        "code": "belangrijk",
                        "kind": "ranking",
                        "text": nl("Wat vindt u het belangrijkst?"),
                        "options": options("Korting", "Dichtbij", "Samen met anderen"),
                    },
                    {
                        "code": "drempels",
                        "kind": "matrix",
                        "text": nl("Hoe vaak houdt dit u tegen?"),
                        "options": options("Nooit", "Soms", "Vaak"),
                        "rows": options("De kosten", "De afstand"),
                    },
                ],
            },
            {
                "title": nl("Over u"),
                "questions": [
                    {"code": "info", "kind": "note", "text": nl("Nu een paar vragen over u.")},
                    {"code": "kinderen", "kind": "number", "text": nl("Hoeveel kinderen?")},
                    {"code": "woonplek", "kind": "short_text", "text": nl("Welke straat?")},
                    {"code": "helpen", "kind": "long_text", "text": nl("Wat zou u helpen?")},
                    {"code": "postcode", "kind": "postcode", "text": nl("Wat is uw postcode?")},
                    {
                        "code": "leeftijd",
                        "kind": "age_band",
                        "text": nl("Hoe oud bent u?"),
                        "options": age_band_options(),
                    },
                    {
                        "code": "keuze",
                        "kind": "single_choice",
                        "text": nl("Hoe hoorde u van deze vragenlijst?"),
                        "options": options("Poster", "Buurthuis", other=True),
                    },
                ],
            },
        ],
    }


def make_survey(published: bool = True, series: str = "kanalen"):
    survey = create_survey_from_spec(spec(), series=series)
    if published:
        survey.status = SurveyStatus.PUBLISHED
        survey.published_at = timezone.now()
        survey.closes_at = timezone.now() + dt.timedelta(days=60)
        survey.save()
    return survey


WIJKEN = [
    ("WK047901", "Poelenburg", "1503"),
    ("WK047902", "Kogerveld", "1504"),
    ("WK047903", "Westzaan", "1551"),
]


def make_city():
    """A municipality with three wijken, one postcode each, and a buurt."""
    city = Area.objects.get_or_create(
        code="GM0479", defaults={"name": "Zaanstad", "kind": AreaKind.MUNICIPALITY}
    )[0]
    districts = []
    for code, name, postcode in WIJKEN:
        district = Area.objects.get_or_create(
            code=code, defaults={"name": name, "kind": AreaKind.DISTRICT, "parent": city}
        )[0]
        PostcodeArea.objects.get_or_create(postcode4=postcode, defaults={"district": district})
        districts.append(district)
    Area.objects.get_or_create(
        code="BU04790101",
        defaults={
            "name": "Poelenburg-Noord",
            "kind": AreaKind.NEIGHBOURHOOD,
            "parent": districts[0],
        },
    )
    return districts


def make_researcher(email="onderzoeker@example.org"):
    ensure_role_groups()
    user = User.objects.create_user(email, "geheim-wachtwoord-123")
    grant_role(user, Role.RESEARCHER)
    return user


def make_resident(email="inwoner@example.org"):
    ensure_role_groups()
    user = User.objects.create_user(email, "geheim-wachtwoord-123")
    grant_role(user, Role.RESIDENT)
    return user
