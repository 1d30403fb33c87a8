"""Longlists (groslijsten): building a draft from statements, evidence, merging, status,
linking offers, the gap view, and the pages' permission checks."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from zaansepas.insights.longlists import (
    active_items,
    build_longlist_from_statements,
    create_item,
    evidence_for,
    gap_view,
    link_offers,
    merge_items,
    set_status,
    update_item,
)
from zaansepas.insights.models import LonglistItem
from zaansepas.offers.models import Offer
from zaansepas.offers.tests.test_offer_pages import make_provider
from zaansepas.research.actions import add_statement, draw_interview_sample
from zaansepas.research.tests.fixtures import (
    add_respondent,
    make_researcher,
    make_session,
    make_survey,
    make_themes,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes():
    return make_themes()


@pytest.fixture
def researcher():
    return make_researcher()


def say(session_or_interview, text, kind="behoefte", theme=None, group="", user=None):
    source = (
        {"session": session_or_interview}
        if hasattr(session_or_interview, "facilitator")
        else {"interview": session_or_interview}
    )
    return add_statement(
        text=text, kind=kind, theme=theme, target_group=group, entered_by=user, **source
    )


def make_offer(title="Zwemles met korting", theme=None):
    offer = Offer.objects.create(
        provider=make_provider(),
        title=title,
        description="Tien lessen",
        kind="korting",
        valid_from=dt.date(2026, 1, 1),
        valid_until=dt.date(2026, 12, 31),
    )
    if theme:
        offer.themes.add(theme)
    return offer


@pytest.fixture
def interview():
    survey = make_survey()
    add_respondent(survey)
    return draw_interview_sample(survey, 1, seed=1).interviews[0]


def test_the_draft_folds_repeats_per_kind_and_theme_and_skips_listed_statements(themes, interview):
    sport, money = themes
    session = make_session(sport)
    say(session, "Zwemles is te duur.", theme=sport, group="kinderen_jongeren")
    say(session, "zwemles is  te duur", theme=sport, group="gezinnen")
    say(interview, "Zwemles is te duur!", theme=sport)
    say(session, "Zwemles is te duur", theme=money)  # other theme: its own item
    say(session, "Zwemles is te duur", kind="aanbodidee", theme=sport)  # other list
    say(session, "Ik schaam me", kind="citaat", theme=sport)  # not a need or idea
    say(make_session(sport, year=2025), "Zwemles is te duur", theme=sport)  # other year

    items = build_longlist_from_statements(2026)

    assert len(items) == 3
    swim = next(i for i in items if i.kind == "behoefte" and sport in i.themes.all())
    assert swim.title == "Zwemles is te duur."
    assert swim.statements.count() == 3
    assert swim.target_groups == ["kinderen_jongeren", "gezinnen"]
    evidence = evidence_for(swim)
    assert (evidence.statements, evidence.sessions, evidence.interviews) == (3, 1, 1)
    # Rebuilding adds nothing: every statement is on an item already.
    assert build_longlist_from_statements(2026) == []


def test_evidence_shows_quotes_first(themes):
    session = make_session(themes[0])
    need = say(session, "Zwemles is te duur", theme=themes[0])
    quote = say(session, "Ik schaamde me bij de kassa", kind="citaat", theme=themes[0])
    item = create_item(year=2026, kind="behoefte", title="Zwemles", statements=[need, quote])
    assert [s.pk for s in evidence_for(item).quotes] == [quote.pk, need.pk]


def test_merging_moves_the_evidence_and_hides_the_merged_item(themes, interview):
    sport, money = themes
    session = make_session(sport)
    offer = make_offer()
    a = create_item(
        year=2026,
        kind="behoefte",
        title="Zwemles",
        themes=[sport],
        target_groups=["kinderen_jongeren"],
        statements=[say(session, "Zwemles is te duur", theme=sport)],
    )
    b = create_item(
        year=2026,
        kind="behoefte",
        title="Zwemdiploma",
        themes=[money],
        target_groups=["gezinnen", "kinderen_jongeren"],
        statements=[say(interview, "Het diploma kost 600 euro", theme=money)],
    )
    link_offers(b, [offer])
    c = create_item(year=2026, kind="behoefte", title="Nog een zwem-item")
    merge_items(c, [b])  # c absorbs b; merging c into a must carry b along

    merge_items(a, [c])

    a.refresh_from_db()
    evidence = evidence_for(a)
    assert (evidence.statements, evidence.sessions, evidence.interviews) == (2, 1, 1)
    assert set(a.themes.all()) == {sport, money}
    assert a.target_groups == ["kinderen_jongeren", "gezinnen"]
    assert list(a.offers.all()) == [offer]
    assert set(LonglistItem.objects.filter(merged_into=a)) == {b, c}
    assert [item.pk for item in active_items(2026, "behoefte")] == [a.pk]


def test_bad_merges_are_refused_and_change_nothing(themes):
    a = create_item(year=2026, kind="behoefte", title="Zwemles")
    b = create_item(year=2026, kind="behoefte", title="Zwemdiploma", themes=[themes[0]])
    idea = create_item(year=2026, kind="aanbodidee", title="Gratis zwemles")
    old = create_item(year=2025, kind="behoefte", title="Zwemles 2025")

    for survivor, others, message in [
        (a, [a], "met zichzelf"),
        (a, [], "minstens één"),
        (a, [b, idea], "dezelfde groslijst"),
        (a, [old], "dezelfde groslijst"),
    ]:
        with pytest.raises(ValidationError) as error:
            merge_items(survivor, others)
        assert message in error.value.messages[0]
    # Checked before anything moves: nothing changed.
    assert not a.themes.exists()
    assert not LonglistItem.objects.filter(merged_into__isnull=False).exists()

    merge_items(a, [b])
    with pytest.raises(ValidationError, match="al samengevoegd"):
        merge_items(LonglistItem.objects.get(pk=b.pk), [a])


def test_the_database_refuses_an_item_merged_into_itself():
    item = create_item(year=2026, kind="behoefte", title="Zwemles")
    with pytest.raises(IntegrityError), transaction.atomic():
        LonglistItem.objects.filter(pk=item.pk).update(merged_into=item)


def test_status_and_bad_input(themes):
    item = create_item(year=2026, kind="behoefte", title="Zwemles")
    set_status(item, "verkend")
    assert LonglistItem.objects.get(pk=item.pk).status == "verkend"
    with pytest.raises(ValidationError, match="bestaat niet"):
        set_status(item, "klaar")
    with pytest.raises(ValidationError, match="titel"):
        update_item(item, title="  ")
    with pytest.raises(ValidationError, match="doelgroep"):
        create_item(year=2026, kind="behoefte", title="x", target_groups=["marsmannetjes"])
    with pytest.raises(ValidationError):
        create_item(year=2026, kind="drempel", title="x")
    assert LonglistItem.objects.get(pk=item.pk).title == "Zwemles"


def test_the_gap_view_lists_needs_without_offer_by_theme_and_group(themes):
    sport, money = themes
    open_need = create_item(
        year=2026, kind="behoefte", title="Zwemles", themes=[sport], target_groups=["gezinnen"]
    )
    linked = create_item(year=2026, kind="behoefte", title="Voetbal", themes=[sport])
    link_offers(linked, [make_offer()])
    exists = create_item(year=2026, kind="behoefte", title="Voedselbank", themes=[money])
    set_status(exists, "aanbod_bestaat")
    no_theme = create_item(year=2026, kind="behoefte", title="Iets zonder thema")
    create_item(year=2026, kind="aanbodidee", title="Gratis zwemles", themes=[sport])
    create_item(year=2025, kind="behoefte", title="Oud", themes=[sport])

    view = gap_view(2026)

    assert view.total == 2
    assert [(theme, [i.pk for i in items]) for theme, items in view.themes] == [
        (sport, [open_need.pk]),
        (None, [no_theme.pk]),
    ]
    assert view.counts == {(sport.pk, "gezinnen"): 1, (None, ""): 1}


def test_survey_evidence_must_name_a_closed_question_and_answer():
    from zaansepas.city.demo_data import load_zaanstad_reference_data
    from zaansepas.surveys.demo_data import create_demo_survey

    load_zaanstad_reference_data()
    survey = create_demo_survey()["survey"]
    item = create_item(year=2026, kind="behoefte", title="Sport")
    for question, option in [
        ("bestaat_niet", "veel"),
        ("behoefte_thema", "veel"),  # a matrix needs its row
        ("behoefte_thema.sport-bewegen", "heel_veel"),
    ]:
        with pytest.raises(ValidationError):
            update_item(
                item,
                title="Sport",
                survey=survey,
                survey_question=question,
                survey_option=option,
            )
    assert not LonglistItem.objects.get(pk=item.pk).survey_id

    update_item(
        item,
        title="Sport",
        survey=survey,
        survey_question="behoefte_thema.sport-bewegen",
        survey_option="veel",
    )
    share = evidence_for(item).survey
    assert share.weighted and share.problem == ""
    assert 0 < share.low < share.share < share.high < 1
    assert share.base >= 30


def test_longlist_pages_are_not_found_for_other_roles(client):
    item = create_item(year=2026, kind="behoefte", title="Zwemles")
    client.force_login(make_user("inwoner@example.org", "inwoner"))
    for url in [
        reverse("insights:longlist"),
        reverse("insights:longlist_item", args=[item.pk]),
        reverse("insights:longlist_gaps"),
    ]:
        assert client.get(url).status_code == 404
    response = client.post(reverse("insights:longlist_merge", args=[item.pk]), {"items": [item.pk]})
    assert response.status_code == 404


def test_a_researcher_merges_two_items_and_opens_the_gap_view(client, themes):
    sport = themes[0]
    session = make_session(sport)
    say(session, "Zwemles is te duur", theme=sport, group="gezinnen")
    say(session, "Het zwemdiploma kost 600 euro", theme=sport, group="kinderen_jongeren")
    client.force_login(make_researcher())
    client.post(reverse("insights:longlist_build") + "?year=2026")
    a, b = LonglistItem.objects.order_by("id")
    page = client.get(reverse("insights:longlist") + "?year=2026&kind=behoefte").content.decode()
    assert "2 items." in page and "Zwemles is te duur" in page

    response = client.post(reverse("insights:longlist_merge", args=[a.pk]), {"items": [b.pk]})
    assert response.status_code == 302
    page = client.get(reverse("insights:longlist_item", args=[a.pk])).content.decode()
    assert "genoemd in 1 sessie" in page and "2 uitspraken" in page
    assert "Het zwemdiploma kost 600 euro" in page  # a quote from the merged item
    page = client.get(reverse("insights:longlist") + "?year=2026").content.decode()
    assert "1 item." in page

    gaps = client.get(reverse("insights:longlist_gaps") + "?year=2026").content.decode()
    assert "1 behoefte zonder aanbod." in gaps and "Sport en bewegen" in gaps


def test_merging_unknown_or_itself_on_the_page_explains_and_changes_nothing(client):
    a = create_item(year=2026, kind="behoefte", title="Zwemles")
    client.force_login(make_researcher())
    for posted in [{"items": ["99999"]}, {"items": ["abc"]}, {"items": [str(a.pk)]}, {}]:
        response = client.post(reverse("insights:longlist_merge", args=[a.pk]), posted, follow=True)
        assert response.status_code == 200
        page = response.content.decode()
        assert "bestaat niet" in page or "zichzelf" in page or "minstens één" in page
    assert not LonglistItem.objects.filter(merged_into__isnull=False).exists()


def test_linking_an_offer_on_the_page_takes_the_need_out_of_the_gap_view(client, themes):
    item = create_item(year=2026, kind="behoefte", title="Zwemles", themes=[themes[0]])
    offer = make_offer("Zwemles met korting")
    client.force_login(make_researcher())
    page = client.get(reverse("insights:longlist_item", args=[item.pk]) + "?aanbod=zwem")
    assert "Zwemles met korting" in page.content.decode()
    client.post(reverse("insights:longlist_item_offers", args=[item.pk]), {"offers": [offer.pk]})
    assert list(item.offers.all()) == [offer]
    assert gap_view(2026).total == 0
    client.post(reverse("insights:longlist_item_status", args=[item.pk]), {"status": "bla"})
    assert LonglistItem.objects.get(pk=item.pk).status == "nieuw"
    response = client.post(
        reverse("insights:longlist_item_update", args=[item.pk]),
        {"title": "Zwemles", "survey_question": "behoefte_thema.sport-bewegen"},
    )
    assert response.status_code == 400
    assert "Kies ook de vragenlijst" in response.content.decode()
