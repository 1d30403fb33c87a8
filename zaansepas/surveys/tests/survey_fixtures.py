"""A small survey with every question kind, for the answering tests."""

import datetime as dt

from django.utils import timezone

from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.surveys.models import Channel, ChannelKind, SurveyStatus
from zaansepas.surveys.spec import age_band_options, create_survey_from_spec, yes_no_options


def t(nl, en=None, tr=None, ar=None):
    texts = {"nl": nl}
    for code, text in (("en", en), ("tr", tr), ("ar", ar)):
        if text:
            texts[code] = text
    return texts


def every_kind_spec() -> dict:
    likert = [
        {"code": str(n), "label": t(label, en)}
        for n, (label, en) in enumerate(
            [
                ("Helemaal oneens", "Strongly disagree"),
                ("Oneens", "Disagree"),
                ("Neutraal", "Neutral"),
                ("Eens", "Agree"),
                ("Helemaal eens", "Strongly agree"),
            ],
            start=1,
        )
    ]
    return {
        "series": "proef",
        "languages": ["nl", "en", "tr", "ar"],
        "title": t("Proefvragenlijst", "Test survey", "Deneme anketi", "استبيان تجريبي"),
        "intro": t("Een korte vragenlijst.", "A short questionnaire."),
        "thanks": t("Dank voor het invullen.", "Thanks for answering."),
        "sections": [
            {
                "title": t("Over de pas", "About the pass", "Kart hakkında", "عن البطاقة"),
                "questions": [
                    {
                        "code": "kent_pas",
                        "kind": "yes_no",
                        "text": t(
                            "Kent u de Zaanse Pas?",
                            "Do you know the pass?",
                            "Kartı biliyor musunuz?",
                            "هل تعرف البطاقة؟",
                        ),
                        "required": True,
                        "options": yes_no_options(),
                    },
                    {
                        "code": "gebruik",
                        "kind": "multiple_choice",
                        "text": t("Waarvoor gebruikt u de pas?", "What do you use it for?"),
                        "required": True,
                        "show_if": {
                            "match": "all",
                            "rules": [{"question": "kent_pas", "op": "eq", "value": "1"}],
                        },
                        "settings": {"max_choices": 3},
                        "options": [
                            {"code": "sport", "label": t("Sport", "Sport")},
                            {"code": "cultuur", "label": t("Cultuur", "Culture")},
                            {"code": "eten", "label": t("Eten", "Food")},
                            {"code": "anders", "label": t("Anders", "Other"), "is_other": True},
                            {"code": "niets", "label": t("Niets", "Nothing"), "is_exclusive": True},
                        ],
                    },
                    {
                        "code": "tevreden",
                        "kind": "likert",
                        "text": t("De pas helpt mij.", "The pass helps me."),
                        "options": likert,
                    },
                ],
            },
            {
                "title": t("Uw mening", "Your opinion"),
                "questions": [
                    {
                        "code": "cijfer",
                        "kind": "rating",
                        "text": t("Welk cijfer geeft u de pas?", "Which mark do you give?"),
                        "settings": {
                            "low": t("heel slecht", "very bad"),
                            "high": t("heel goed", "very good"),
                        },
                    },
                    {
                        "code": "thema",
                        "kind": "matrix",
                        "text": t("Hoe belangrijk is dit voor u?", "How important is this?"),
                        "options": [
                            {"code": "1", "label": t("Niet", "Not")},
                            {"code": "2", "label": t("Een beetje", "A little")},
                            {"code": "3", "label": t("Heel", "Very")},
                        ],
                        "rows": [
                            {"code": "sport", "label": t("Sport", "Sport")},
                            {"code": "cultuur", "label": t("Cultuur", "Culture")},
                        ],
                    },
                    {
                        "code": "volgorde",
                        "kind": "ranking",
                        "text": t("Wat is het belangrijkst?", "What matters most?"),
                        "options": [
                            {"code": "geld", "label": t("Geld", "Money")},
                            {"code": "tijd", "label": t("Tijd", "Time")},
                            {"code": "vervoer", "label": t("Vervoer", "Transport")},
                        ],
                    },
                    {
                        "code": "uitleg",
                        "kind": "note",
                        "text": t("Nu nog wat over uzelf.", "Now about you."),
                    },
                    {
                        "code": "wens",
                        "kind": "long_text",
                        "text": t("Wat zou u het meest helpen?", "What would help you most?"),
                    },
                    {"code": "woonplaats", "kind": "short_text", "text": t("Straatnaam", "Street")},
                ],
            },
            {
                "title": t("Over u", "About you"),
                "questions": [
                    {
                        "code": "kinderen",
                        "kind": "number",
                        "text": t(
                            "Hoeveel kinderen wonen bij u?", "How many children live with you?"
                        ),
                        "settings": {"min": 0, "max": 15},
                    },
                    {
                        "code": "postcode",
                        "kind": "postcode",
                        "text": t("Wat is uw postcode?", "What is your postcode?"),
                        "required": True,
                    },
                    {
                        "code": "leeftijd",
                        "kind": "age_band",
                        "text": t("Hoe oud bent u?", "How old are you?"),
                        "options": age_band_options(),
                    },
                    {
                        "code": "geslacht",
                        "kind": "single_choice",
                        "demographic": "sex",
                        "text": t("Wat is uw geslacht?", "What is your sex?"),
                        "options": [
                            {"code": "m", "label": t("Man", "Man")},
                            {"code": "v", "label": t("Vrouw", "Woman")},
                            {"code": "x", "label": t("Anders of zeg ik liever niet", "Other")},
                        ],
                    },
                ],
            },
        ],
    }


def published_survey(spec=None, **fields):
    """The every-kind survey, published, with the city reference data it needs."""
    load_zaanstad_reference_data()
    survey = create_survey_from_spec(spec or every_kind_spec())
    survey.status = SurveyStatus.PUBLISHED
    survey.published_at = timezone.now() - dt.timedelta(days=1)
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.save()
    return survey


def make_channel(survey, kind=ChannelKind.MEDIUM, code="abc234", **fields) -> Channel:
    return Channel.objects.create(
        survey=survey, kind=kind, name=fields.pop("name", "Poster"), code=code, **fields
    )
