"""The demo needs scan: a valid, fully translated survey with every question kind, and
2,000 synthetic responses that the survey itself would have accepted."""

import time

import pytest

from zaansepas.city.demo_data import THEMES, load_zaanstad_reference_data
from zaansepas.city.models import PolicyTheme
from zaansepas.surveys.answering import missing_required, respondent_facts
from zaansepas.surveys.definition import (
    SINGLE_CODE_KINDS,
    definition_for,
    drop_hidden_answers,
)
from zaansepas.surveys.demo_data import create_demo_survey
from zaansepas.surveys.demo_survey import LANGUAGES, needs_scan_spec
from zaansepas.surveys.models import (
    Channel,
    ChannelKind,
    DistrictTarget,
    FollowUpConsent,
    QuestionKind,
    Response,
    SurveyStatus,
)
from zaansepas.surveys.spec import check_spec


def _questions(spec):
    return [q for section in spec["sections"] for q in section["questions"]]


def _respondent_texts(spec):
    """(where, texts) for every text a respondent reads."""
    yield "title", spec["title"]
    yield "intro", spec["intro"]
    yield "thanks", spec["thanks"]
    for n, section in enumerate(spec["sections"]):
        yield f"section {n} title", section["title"]
        yield f"section {n} intro", section["intro"]
        for q in section["questions"]:
            yield q["code"], q["text"]
            if q["help"]:
                yield f"{q['code']} help", q["help"]
            for key in ("low", "high"):
                if key in q["settings"]:
                    yield f"{q['code']} {key}", q["settings"][key]
            for item in q["options"] + q["rows"]:
                yield f"{q['code']}/{item['code']}", item["label"]


def test_the_demo_spec_is_a_valid_survey_with_every_question_kind():
    spec = needs_scan_spec()
    assert check_spec(spec) == []
    assert {q["kind"] for q in _questions(spec)} == {kind.value for kind in QuestionKind}
    assert 28 <= len(_questions(spec)) <= 32
    codes = {q["code"] for q in _questions(spec)}
    assert {"kent_pas", "barriere", "postcode", "leeftijd", "geslacht"} <= codes


def test_every_respondent_text_of_the_demo_spec_is_in_all_five_languages():
    spec = needs_scan_spec()
    assert spec["languages"] == ["nl", "en", "tr", "ar", "pl"] == LANGUAGES
    missing = [
        (where, language)
        for where, texts in _respondent_texts(spec)
        for language in LANGUAGES
        if not (texts.get(language) or "").strip()
    ]
    assert missing == []


def test_the_demo_spec_asks_sex_with_the_population_codes_and_age_in_population_bands():
    by_code = {q["code"]: q for q in _questions(needs_scan_spec())}
    sex = by_code["geslacht"]
    assert sex["demographic"] == "sex"
    assert [o["code"] for o in sex["options"]] == ["m", "v", "x"]
    assert [o["code"] for o in by_code["leeftijd"]["options"]] == ["15-24", "25-44", "45-64", "65+"]
    assert by_code["kinderen"]["settings"]["min"] == 0
    assert by_code["kinderen"]["settings"]["max"] == 15
    assert by_code["heeft_pas"]["show_if"]["rules"][0]["question"] == "kent_pas"


@pytest.mark.django_db
def test_the_demo_matrix_rows_are_the_policy_themes():
    load_zaanstad_reference_data()
    by_code = {q["code"]: q for q in _questions(needs_scan_spec())}
    rows = [row["code"] for row in by_code["behoefte_thema"]["rows"]]
    assert rows == [code for code, _name, _description in THEMES]
    assert set(rows) == set(PolicyTheme.objects.values_list("code", flat=True))


@pytest.fixture
def demo(db):
    load_zaanstad_reference_data()
    started = time.monotonic()
    counts = create_demo_survey()
    counts["seconds"] = time.monotonic() - started
    return counts


def test_the_demo_survey_is_published_with_2000_responses_and_its_channels(demo):
    survey = demo["survey"]
    assert demo["seconds"] < 10
    assert survey.status == SurveyStatus.PUBLISHED
    assert survey.published_at < survey.closes_at
    assert demo["responses"] == 2000
    channels = Channel.objects.filter(survey=survey)
    wijk_channels = channels.filter(kind=ChannelKind.DISTRICT)
    assert wijk_channels.count() == 15
    assert not wijk_channels.filter(district__isnull=True).exists()
    names = set(channels.values_list("name", flat=True))
    assert {"Bibliotheek Zaanstad", "Voedselbank Zaanstreek", "Poster", "Facebook", "Papier"} <= (
        names
    )
    for code in channels.values_list("code", flat=True):
        assert len(code) <= 12 and not set(code) & set("0o1li")
    # The README sends demo visitors to this link: the codes come from a fixed seed.
    assert channels.get(name="Poster").code == "hjju2m"
    assert DistrictTarget.objects.filter(survey=survey).count() == 15
    consents = FollowUpConsent.objects.filter(survey=survey)
    assert 80 <= consents.count() <= 120
    references = set(Response.objects.filter(survey=survey).values_list("reference", flat=True))
    assert set(consents.values_list("reference", flat=True)) <= references


def test_running_the_demo_again_adds_nothing(demo):
    again = create_demo_survey()
    assert again["survey"] == demo["survey"]
    assert Response.objects.count() == 2000
    assert Channel.objects.count() == demo["channels"]


def _value_ok(question, value) -> bool:
    options = {option.code for option in question.options}
    kind = question.kind
    if kind in SINGLE_CODE_KINDS:
        return isinstance(value, str) and value in options
    if kind == QuestionKind.MULTIPLE:
        exclusive = {o.code for o in question.options if o.is_exclusive}
        in_order = [o.code for o in question.options if o.code in value]
        return (
            isinstance(value, list)
            and value
            and set(value) <= options
            and value == in_order
            and (not set(value) & exclusive or len(value) == 1)
        )
    if kind == QuestionKind.RANKING:
        return isinstance(value, list) and len(set(value)) == len(value) and set(value) <= options
    if kind == QuestionKind.MATRIX:
        rows = {row.code for row in question.rows}
        return isinstance(value, dict) and set(value) <= rows and set(value.values()) <= options
    if kind == QuestionKind.RATING:
        return type(value) is int and 0 <= value <= 10
    if kind == QuestionKind.NUMBER:
        low, high = question.settings["min"], question.settings["max"]
        return type(value) is int and low <= value <= high
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return isinstance(value, str) and value.strip() != ""
    if kind == QuestionKind.POSTCODE:
        return isinstance(value, str) and len(value) == 4 and value.isdigit()
    return False


def test_demo_answers_are_what_the_survey_would_have_stored(demo):
    survey = demo["survey"]
    definition = definition_for(survey)
    responses = list(Response.objects.filter(survey=survey).select_related("channel"))
    texts = set()
    for response in responses:
        answers = response.answers
        assert drop_hidden_answers(definition, answers) == answers
        assert missing_required(definition, answers) == []
        for code, value in answers.items():
            if code.endswith(".other"):
                question = definition.by_code[code.removesuffix(".other")]
                chosen = answers[question.code]
                chosen = chosen if isinstance(chosen, list) else [chosen]
                assert any(question.option(c).is_other for c in chosen), code
                continue
            question = definition.by_code[code]
            assert _value_ok(question, value), (code, value)
            if question.kind == QuestionKind.LIKERT:
                texts.add(value)
        if "meest_helpen" in answers:
            texts.add(answers["meest_helpen"])
    assert len(texts) > 300  # open answers vary


def test_demo_facts_match_what_answering_derives(demo):
    """District, age band and sex as the submit action would have set them (a sample,
    because the real derivation asks the database per postcode)."""
    survey = demo["survey"]
    definition = definition_for(survey)
    responses = Response.objects.filter(survey=survey).select_related("channel")
    for response in list(responses.order_by("reference"))[:150]:
        facts = respondent_facts(definition, response.answers, response.channel, {})
        assert facts == {
            "district_id": response.district_id,
            "age_band": response.age_band,
            "sex": response.sex,
            "attributes": response.attributes,
        }


def test_demo_languages_are_mostly_dutch_with_every_survey_language(demo):
    languages = list(Response.objects.values_list("language", flat=True))
    assert set(languages) == set(LANGUAGES)
    assert languages.count("nl") / len(languages) > 0.75
