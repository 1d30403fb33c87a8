"""Statements come from exactly one session or interview, and can be recoded."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from zaansepas.research.actions import (
    add_statement,
    draw_interview_sample,
    recode_statement,
)
from zaansepas.research.models import Statement, StatementKind, TargetGroup
from zaansepas.research.overview import statements_for

from .fixtures import (
    add_respondent,
    make_participant,
    make_researcher,
    make_session,
    make_survey,
    make_themes,
    make_wijk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview():
    survey = make_survey()
    add_respondent(survey, make_wijk())
    return draw_interview_sample(survey, 1, seed=1).interviews[0]


def test_a_statement_needs_exactly_one_source(interview):
    session = make_session()
    user = make_researcher()
    with pytest.raises(ValidationError) as error:
        add_statement(text="Zwemles is te duur", kind="behoefte", entered_by=user)
    assert "één sessie of uit één interview" in error.value.messages[0]
    with pytest.raises(ValidationError):
        add_statement(
            text="Zwemles is te duur",
            kind="behoefte",
            session=session,
            interview=interview,
            entered_by=user,
        )
    assert not Statement.objects.exists()
    add_statement(text="Zwemles is te duur", kind="behoefte", session=session, entered_by=user)
    add_statement(text="Ik ken niemand", kind="drempel", interview=interview, entered_by=user)
    assert Statement.objects.count() == 2


def test_the_database_refuses_a_statement_without_or_with_two_sources(interview):
    session = make_session()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(text="x", kind="behoefte")
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(text="x", kind="behoefte", session=session, interview=interview)


def test_a_participant_must_belong_to_the_session_of_the_statement():
    themes = make_themes()
    session = make_session(themes[0])
    other = make_session(themes[1])
    stranger = make_participant(other)
    with pytest.raises(ValidationError):
        add_statement(
            text="x", kind="citaat", session=session, participant=stranger, entered_by=None
        )
    assert not Statement.objects.exists()


def test_recoding_changes_kind_theme_target_group_and_wijk():
    sport, money = make_themes()
    wijk = make_wijk()
    statement = add_statement(
        text="Een wasmachine die stuk is moet je snel vervangen",
        kind="citaat",
        session=make_session(sport),
        entered_by=None,
    )
    assert statement.theme is None  # not coded yet
    recode_statement(
        statement,
        kind=StatementKind.NEED,
        theme=money,
        target_group=TargetGroup.LOW_INCOME,
        district=wijk,
    )
    statement.refresh_from_db()
    assert (statement.kind, statement.theme, statement.target_group, statement.district) == (
        "behoefte",
        money,
        "laag_inkomen",
        wijk,
    )
    # And back to "not coded": the theme may be emptied again.
    recode_statement(statement, kind="behoefte", theme=None, target_group="", district=None)
    statement.refresh_from_db()
    assert statement.theme is None and not statement.is_coded


@pytest.mark.parametrize(
    "coding, message",
    [
        ({"kind": "wens"}, "soort uitspraak"),
        ({"kind": "behoefte", "target_group": "studenten"}, "doelgroep"),
    ],
)
def test_bad_coding_is_refused_and_nothing_changes(coding, message):
    statement = add_statement(text="x", kind="citaat", session=make_session(), entered_by=None)
    with pytest.raises(ValidationError) as error:
        recode_statement(statement, **coding)
    assert message in error.value.messages[0]
    statement.refresh_from_db()
    assert statement.kind == "citaat"


def test_empty_or_overlong_text_is_refused():
    session = make_session()
    for text in ("", "   ", "x" * 2001):
        with pytest.raises(ValidationError):
            add_statement(text=text, kind="behoefte", session=session, entered_by=None)
    assert not Statement.objects.exists()


def test_statements_without_a_theme_are_found_as_not_coded():
    sport, _money = make_themes()
    session = make_session(sport)
    coded = add_statement(text="a", kind="behoefte", theme=sport, session=session, entered_by=None)
    uncoded = add_statement(text="b", kind="behoefte", session=session, entered_by=None)
    assert list(statements_for({"theme": "geen"})) == [uncoded]
    assert list(statements_for({"theme": str(sport.pk)})) == [coded]
    assert set(statements_for({})) == {coded, uncoded}


def test_a_wijk_must_be_a_wijk():
    from zaansepas.city.models import Area, AreaKind

    city = Area.objects.create(code="GM0479", name="Zaanstad", kind=AreaKind.MUNICIPALITY)
    with pytest.raises(ValidationError):
        add_statement(
            text="x", kind="behoefte", district=city, session=make_session(), entered_by=None
        )
    assert not Statement.objects.exists()
