"""The research pages: only for researchers (404 otherwise), contact details of
interviewees only with surveys.view_contact_details, and bad input on every form gets a
Dutch message with nothing saved."""

import pytest
from django.urls import reverse

from zaansepas.accounts.models import Role
from zaansepas.research.actions import add_statement, draw_interview_sample
from zaansepas.research.models import Interview, Participant, Session, Statement

from .fixtures import (
    add_respondent,
    make_participant,
    make_researcher,
    make_session,
    make_survey,
    make_themes,
    make_user,
    make_wijk,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    themes = make_themes()
    session = make_session(themes[0])
    participant = make_participant(
        session, name="Henk", email="henk@example.org", contact_consent=True
    )
    statement = add_statement(
        text="Zwemles is te duur", kind="behoefte", session=session, entered_by=None
    )
    survey = make_survey()
    add_respondent(survey, make_wijk(), name="Fatima Bouzid")
    interview = draw_interview_sample(survey, 1, seed=1).interviews[0]
    return {
        "themes": themes,
        "session": session,
        "participant": participant,
        "statement": statement,
        "survey": survey,
        "interview": interview,
    }


def _urls(w):
    s, i = w["session"].pk, w["interview"].pk
    return [
        ("get", reverse("research:session_list")),
        ("get", reverse("research:session_detail", args=[s])),
        ("post", reverse("research:session_plan")),
        ("post", reverse("research:session_update", args=[s])),
        ("post", reverse("research:participant_add", args=[s])),
        ("post", reverse("research:attendance", args=[s])),
        ("post", reverse("research:session_statement_add", args=[s])),
        ("get", reverse("research:participant_edit", args=[w["participant"].pk])),
        ("get", reverse("research:statement_list")),
        ("get", reverse("research:statement_edit", args=[w["statement"].pk])),
        ("post", reverse("research:statement_recode", args=[w["statement"].pk])),
        ("post", reverse("research:statement_delete", args=[w["statement"].pk])),
        ("get", reverse("research:interview_surveys")),
        ("get", reverse("research:interview_sample", args=[w["survey"].pk])),
        ("get", reverse("research:interview_detail", args=[i])),
        ("post", reverse("research:interview_statement_add", args=[i])),
    ]


@pytest.mark.parametrize(
    "role", [Role.RESIDENT, Role.PASS_OFFICE, Role.PROVIDER, Role.PROFESSIONAL]
)
def test_every_page_is_not_found_for_non_researchers(client, world, role):
    client.force_login(make_user(f"{role}@example.org", role, "surveys.view_contact_details"))
    for method, url in _urls(world):
        response = getattr(client, method)(url)
        assert response.status_code == 404, url
    assert Statement.objects.count() == 1


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    response = client.get(reverse("research:session_list"))
    assert response.status_code == 302


def test_a_missing_object_is_not_found_for_a_researcher(client, world):
    client.force_login(make_researcher())
    assert client.get(reverse("research:session_detail", args=[9999])).status_code == 404
    assert client.get(reverse("research:interview_detail", args=[9999])).status_code == 404


def test_interviewee_contact_details_show_only_with_view_contact_details(client, world):
    sample_url = reverse("research:interview_sample", args=[world["survey"].pk])
    detail_url = reverse("research:interview_detail", args=[world["interview"].pk])

    client.force_login(make_researcher())
    for url in (sample_url, detail_url):
        content = client.get(url).content.decode()
        assert world["interview"].reference in content
        for secret in ("Fatima Bouzid", "06-12345678", "fatima@example.org"):
            assert secret not in content
        assert "Namen en contactgegevens ziet alleen wie daar toestemming voor heeft" in content

    client.force_login(make_researcher("privacy@example.org", "surveys.view_contact_details"))
    for url in (sample_url, detail_url):
        content = client.get(url).content.decode()
        for secret in ("Fatima Bouzid", "06-12345678", "fatima@example.org"):
            assert secret in content


def test_the_session_list_shows_every_theme_with_its_session_or_nog_te_plannen(client, world):
    client.force_login(make_researcher())
    content = client.get(reverse("research:session_list") + "?jaar=2026").content.decode()
    assert "Sport en bewegen" in content and "Geld en basisbehoeften" in content
    assert "nog te plannen" in content
    response = client.post(
        reverse("research:session_plan"), {"theme": world["themes"][1].pk, "year": 2026}
    )
    session = Session.objects.get(theme=world["themes"][1], year=2026)
    assert response.url == reverse("research:session_detail", args=[session.pk])
    assert "nog te plannen" not in client.get(reverse("research:session_list")).content.decode()


def test_a_researcher_enters_attendance_and_a_statement_and_recodes_it(client, world):
    client.force_login(make_researcher())
    session, participant = world["session"], world["participant"]
    other = make_participant(session, name="Karin")
    client.post(reverse("research:attendance", args=[session.pk]), {"attended": [participant.pk]})
    assert set(Participant.objects.filter(attended=True)) == {participant}
    assert other not in Participant.objects.filter(attended=True)

    response = client.post(
        reverse("research:session_statement_add", args=[session.pk]),
        {
            "n-text": "Ik schaamde me om de gratis kaartjes te gebruiken",
            "n-kind": "citaat",
            "n-theme": "",
            "n-participant": participant.pk,
        },
    )
    assert response.status_code == 302
    statement = Statement.objects.get(kind="citaat")
    assert statement.theme is None and statement.participant == participant
    page = client.get(reverse("research:session_detail", args=[session.pk])).content.decode()
    assert "nog niet gecodeerd" in page

    theme = world["themes"][1]
    response = client.post(
        reverse("research:statement_recode", args=[statement.pk]),
        {
            f"s{statement.pk}-kind": "drempel",
            f"s{statement.pk}-theme": theme.pk,
            f"s{statement.pk}-target_group": "gezinnen",
            "next": reverse("research:statement_list"),
        },
    )
    assert response.url == reverse("research:statement_list")
    statement.refresh_from_db()
    assert (statement.kind, statement.theme, statement.target_group) == (
        "drempel",
        theme,
        "gezinnen",
    )


def test_the_statement_overview_filters(client, world):
    client.force_login(make_researcher())
    session = world["session"]
    add_statement(text="Samen koken in de buurt", kind="aanbodidee", theme=world["themes"][0],
                  session=session, entered_by=None)  # fmt: skip
    url = reverse("research:statement_list")
    content = client.get(url, {"theme": "geen"}).content.decode()
    assert "Zwemles is te duur" in content and "Samen koken" not in content
    content = client.get(url, {"kind": "aanbodidee", "source": "sessie"}).content.decode()
    assert "Samen koken" in content and "Zwemles" not in content
    assert "Zwemles" not in client.get(url, {"source": "interview"}).content.decode()


def _bad_posts(w):
    s = w["session"]
    st = w["statement"]
    i = w["interview"]
    return [
        ("research:session_update", [s.pk], {"status": "gehouden", "date": ""}, "heeft een datum"),
        (
            "research:session_update",
            [s.pk],
            {"status": "gehouden", "date": "2099-01-01"},
            "toekomst",
        ),
        (
            "research:participant_add",
            [s.pk],
            {"p-kind": "vrager", "p-name": "Ans", "p-email": "ans@example.org"},
            "Zonder toestemming",
        ),
        (
            "research:participant_add",
            [s.pk],
            {"p-kind": "vrager", "p-name": "", "p-contact_consent": "on", "p-email": "fout"},
            "Er ging iets mis",
        ),
        (
            "research:participant_edit",
            [w["participant"].pk],
            {"kind": "vrager", "name": "Henk", "email": "henk@example.org"},
            "Zonder toestemming",
        ),
        ("research:attendance", [s.pk], {"attended": ["99999"]}, "hoort niet bij deze sessie"),
        ("research:attendance", [s.pk], {"attended": ["twee"]}, "klopt niet"),
        (
            "research:session_statement_add",
            [s.pk],
            {"n-text": "  ", "n-kind": "behoefte"},
            "Er ging iets mis",
        ),
        (
            "research:session_statement_add",
            [s.pk],
            {"n-text": "Iets", "n-kind": "wens"},
            "Er ging iets mis",
        ),
        ("research:statement_recode", [st.pk], {f"s{st.pk}-kind": "wens"}, "Er ging iets mis"),
        (
            "research:statement_recode",
            [st.pk],
            {f"s{st.pk}-kind": "behoefte", f"s{st.pk}-theme": "99999"},
            "Er ging iets mis",
        ),
        ("research:statement_edit", [st.pk], {"text": "", "kind": "behoefte"}, "Er ging iets mis"),
        ("research:interview_sample", [w["survey"].pk], {"size": "0"}, "Er ging iets mis"),
        ("research:interview_sample", [w["survey"].pk], {"size": "5"}, "niets getrokken"),
        ("research:interview_sample", [w["survey"].pk], {"size": "veel"}, "Er ging iets mis"),
        (
            "research:interview_detail",
            [i.pk],
            {"status": "gehouden", "held_on": ""},
            "heeft een datum",
        ),
        ("research:interview_detail", [i.pk], {"status": "weg"}, "Er ging iets mis"),
        (
            "research:interview_statement_add",
            [i.pk],
            {"n-text": "", "n-kind": "behoefte"},
            "Er ging iets mis",
        ),
    ]


def _snapshot():
    return (
        list(Session.objects.values()),
        list(Participant.objects.values()),
        list(Statement.objects.values()),
        list(Interview.objects.values()),
    )


def test_bad_input_on_every_form_gets_a_dutch_message_and_saves_nothing(client, world):
    client.force_login(make_researcher())
    before = _snapshot()
    for name, args, data, message in _bad_posts(world):
        response = client.post(reverse(name, args=args), data)
        assert response.status_code == 400, (name, data)
        assert message in response.content.decode(), (name, data)
        assert _snapshot() == before, (name, data)


def test_a_bad_filter_gets_a_dutch_message_instead_of_a_list(client, world):
    client.force_login(make_researcher())
    response = client.get(reverse("research:statement_list"), {"kind": "wens"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Er ging iets mis" in content and "Zwemles is te duur" not in content


def test_planning_a_second_session_for_a_theme_in_a_year_is_refused(client, world):
    client.force_login(make_researcher())
    response = client.post(
        reverse("research:session_plan"),
        {"theme": world["themes"][0].pk, "year": 2026},
        follow=True,
    )
    assert "Er is al een sessie over Sport en bewegen in 2026" in response.content.decode()
    assert Session.objects.count() == 1


def test_the_researcher_menu_has_the_sessions(world):
    from zaansepas.accounts.context import menu_for

    items = {item["name"]: item for item in menu_for(make_researcher())}
    assert items["research:session_list"]["label"] == "Onderzoekssessies"
    assert "research:session_list" not in {
        item["name"] for item in menu_for(make_user("pas@example.org", Role.PASS_OFFICE))
    }
