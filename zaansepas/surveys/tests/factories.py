"""Test surveys built from a spec, answered through the real answering functions."""

from django.http import QueryDict
from django.utils import timezone

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.models import Area, AreaKind, PostcodeArea
from zaansepas.surveys import answering
from zaansepas.surveys.definition import definition_for
from zaansepas.surveys.models import Channel, ChannelKind, Survey, SurveyStatus
from zaansepas.surveys.spec import age_band_options, create_survey_from_spec, yes_no_options


def nl(text: str, en: str = "") -> dict:
    return {"nl": text, "en": en} if en else {"nl": text}


def options(*codes_and_labels, other: str = "") -> list[dict]:
    items = [{"code": code, "label": nl(label)} for code, label in codes_and_labels]
    if other:
        items.append({"code": other, "label": nl("Anders, namelijk"), "is_other": True})
    return items


def question(code: str, kind: str, text: str, **extra) -> dict:
    return {"code": code, "kind": kind, "text": nl(text, extra.pop("en", "")), **extra}


def every_kind_spec() -> dict:
    """One question of every kind, an "other" option, an option code with '-', a
    condition (q_vervoer only when q_auto is yes) and a question about sex."""
    likert = options(*[(str(n), f"punt {n}") for n in range(1, 6)])
    sexes = options(("m", "Man"), ("v", "Vrouw"), ("x", "Anders of zeg ik liever niet"))
    needs = options(("sport", "Sport"), ("cul-tuur", "Cultuur"), other="anders")
    has_car = {"match": "all", "rules": [{"question": "q_auto", "op": "eq", "value": "1"}]}
    return {
        "series": "alles",
        "languages": ["nl", "en"],
        "title": nl("Alle soorten vragen", "Every kind of question"),
        "sections": [
            {
                "title": nl("Over u"),
                "questions": [
                    question("intro", "note", "Welkom"),
                    question("q_postcode", "postcode", "Wat is uw postcode?"),
                    question(
                        "q_leeftijd", "age_band", "Hoe oud bent u?", options=age_band_options()
                    ),
                    question(
                        "q_geslacht",
                        "single_choice",
                        "Wat is uw geslacht?",
                        demographic="sex",
                        options=sexes,
                    ),
                    question(
                        "q_kanaal",
                        "single_choice",
                        "Hoe hoorde u van de pas?",
                        en="How did you hear of the pass?",
                        options=options(("1", "Via de krant"), ("2", "Via buren"), other="3"),
                    ),
                ],
            },
            {
                "title": nl("Uw mening"),
                "questions": [
                    question(
                        "q_nodig",
                        "multiple_choice",
                        "Wat heeft u nodig?",
                        options=needs,
                    ),
                    question("q_tevreden", "likert", "Hoe tevreden bent u?", options=likert),
                    question(
                        "q_cijfer",
                        "rating",
                        "Welk cijfer geeft u de pas?",
                        settings={"low": nl("heel slecht"), "high": nl("heel goed")},
                    ),
                    question("q_kinderen", "number", "Hoeveel kinderen?", settings={"min": 0}),
                    question(
                        "q_bedrag", "number", "Hoeveel geeft u uit?", settings={"decimals": 2}
                    ),
                    question("q_auto", "yes_no", "Heeft u een auto?", options=yes_no_options()),
                    question(
                        "q_vervoer",
                        "short_text",
                        "Welke auto?",
                        show_if=has_car,
                    ),
                    question(
                        "q_rang",
                        "ranking",
                        "Wat is het belangrijkst?",
                        options=options(("geld", "Geld"), ("tijd", "Tijd"), ("rust", "Rust")),
                    ),
                    question(
                        "q_grid",
                        "matrix",
                        "Wat vindt u van",
                        options=options(("1", "slecht"), ("2", "goed")),
                        rows=options(("bus", "de bus"), ("trein", "de trein")),
                    ),
                    question("q_idee", "long_text", "Wat zou u het meest helpen?"),
                ],
            },
        ],
    }


def make_district(code: str = "WK047901", name: str = "Poelenburg", postcode: str = "1503"):
    municipality, _ = Area.objects.get_or_create(
        code="GM0479", defaults={"name": "Zaanstad", "kind": AreaKind.MUNICIPALITY}
    )
    district = Area.objects.create(
        code=code, name=name, kind=AreaKind.DISTRICT, parent=municipality
    )
    PostcodeArea.objects.create(postcode4=postcode, district=district)
    return district


def make_open_survey(spec: dict | None = None, **fields):
    spec = spec or every_kind_spec()
    # Each call a new version, so a test can have several surveys of the same spec.
    version = Survey.objects.filter(series=spec["series"]).count() + 1
    survey = create_survey_from_spec(spec, version=version)
    survey.status = SurveyStatus.PUBLISHED
    survey.published_at = timezone.now()
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.save()
    return survey


def make_channel(survey, kind=ChannelKind.MEDIUM, name="Poster", code=None):
    return Channel.objects.create(
        survey=survey, kind=kind, name=name, code=code or f"c{Channel.objects.count() + 1}x"
    )


def form(fields: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [str(value)])
    return data


def respond(channel, fields: dict, language: str = "nl"):
    """Fill in every page with `fields` (form field names as the answering pages post them)
    and submit: the path a respondent's browser takes, minus HTTP."""
    draft, token = answering.start_response(channel, language)
    data = form(fields)
    for index in range(len(definition_for(channel.survey).pages)):
        errors = answering.save_page(draft, index, data)
        assert not errors, errors
    submitted = answering.submit_response(channel, token)
    assert submitted.response is not None, submitted.missing
    return submitted.response


FULL_ANSWER = {
    "q-q_postcode": "1503 AB",
    "q-q_leeftijd": "25-44",
    "q-q_geslacht": "v",
    "q-q_kanaal": "3",
    "q-q_kanaal-other": '=HYPERLINK("http://x")',
    "q-q_nodig": ["sport", "anders"],
    "q-q_nodig-other": "Zwemles",
    "q-q_tevreden": "4",
    "q-q_cijfer": "8",
    "q-q_kinderen": "2",
    "q-q_bedrag": "12,50",
    "q-q_auto": "1",
    "q-q_vervoer": "Een oude Fiat",
    "q-q_rang-tijd": "1",
    "q-q_rang-geld": "2",
    "q-q_grid-bus": "1",
    "q-q_grid-trein": "2",
    "q-q_idee": 'Goedkoper zwemmen;\nen "meer" bussen',
}

# Skips what may be skipped; q_auto = no hides q_vervoer.
SHORT_ANSWER = {"q-q_leeftijd": "65+", "q-q_auto": "0", "q-q_geslacht": "m"}


def make_researcher(email="onderzoek@example.org", role=Role.RESEARCHER):
    ensure_role_groups()
    user = User.objects.create_user(email, "geheim-wachtwoord-123")
    grant_role(user, role)
    return user
