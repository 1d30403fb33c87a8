"""Channels: short codes, one link per wijk, validation, and the researcher's channels page."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from zaansepas.city.models import Area, AreaKind
from zaansepas.surveys import channels
from zaansepas.surveys.channels import (
    CODE_ALPHABET,
    create_channel,
    create_district_channels,
    deactivate_channel,
    short_url,
)
from zaansepas.surveys.models import Channel, ChannelKind, SurveyStatus

from .channel_fixtures import make_city, make_researcher, make_resident, make_survey

pytestmark = pytest.mark.django_db

LOOK_ALIKES = set("0o1li") | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_channel_codes_are_unique_short_and_easy_to_type():
    survey = make_survey()
    codes = [create_channel(survey, ChannelKind.MEDIUM, f"Flyer {n}").code for n in range(300)]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) == 6
        assert set(code) <= set(CODE_ALPHABET)
        assert not set(code) & LOOK_ALIKES


def test_a_code_that_is_taken_is_drawn_again(monkeypatch):
    survey = make_survey()
    create_channel(survey, ChannelKind.MEDIUM, "Eerste")
    taken = Channel.objects.get().code
    # The random source gives the taken code once, then another one.
    draws = iter(list(taken) + list("abcdef"))
    monkeypatch.setattr(channels.secrets, "choice", lambda alphabet: next(draws))
    channel = create_channel(survey, ChannelKind.MEDIUM, "Tweede")
    assert channel.code == "abcdef"
    assert Channel.objects.count() == 2


def test_district_channels_are_made_once_per_wijk():
    districts = make_city()
    survey = make_survey()
    made = create_district_channels(survey)
    assert {c.district for c in made} == set(districts)
    assert {c.name for c in made} == {d.name for d in districts}
    assert all(c.kind == ChannelKind.DISTRICT for c in made)
    assert create_district_channels(survey) == []
    new = Area.objects.create(
        code="WK047904", name="Krommenie", kind=AreaKind.DISTRICT, parent=districts[0].parent
    )
    again = create_district_channels(survey)
    assert [c.district for c in again] == [new]
    assert Channel.objects.filter(survey=survey, kind=ChannelKind.DISTRICT).count() == 4
    # The buurt of the city got no channel.
    assert not Channel.objects.filter(district__kind=AreaKind.NEIGHBOURHOOD).exists()


def test_a_channel_can_be_added_to_a_published_survey_without_changing_it():
    survey = make_survey(published=True)
    before = (survey.status, survey.updated_at, survey.version)
    channel = create_channel(survey, ChannelKind.PARTNER, "Voedselbank Zaandam")
    survey.refresh_from_db()
    assert channel.is_active and channel.survey == survey
    assert (survey.status, survey.updated_at, survey.version) == before
    assert survey.status == SurveyStatus.PUBLISHED


@pytest.mark.parametrize(
    ("kind", "name", "district", "message"),
    [
        ("partner", "", None, "Geef het kanaal een naam."),
        ("partner", "x" * 121, None, "De naam is te lang"),
        ("onbekend", "Bibliotheek", None, "Kies een soort kanaal."),
        ("wijk", "Poelenburg", None, "Kies bij een wijkkanaal de wijk."),
        ("wijk", "Noord", "BU04790101", "Kies een wijk, geen buurt of gemeente."),
    ],
)
def test_bad_channel_input_is_refused_in_dutch(kind, name, district, message):
    make_city()
    survey = make_survey()
    area = Area.objects.get(code=district) if district else None
    with pytest.raises(ValidationError) as refused:
        create_channel(survey, kind, name, area)
    assert any(message in text for text in refused.value.messages)
    assert not Channel.objects.exists()


def test_a_deactivated_link_no_longer_opens_the_survey(client):
    survey = make_survey()
    channel = create_channel(survey, ChannelKind.MEDIUM, "Poster station")
    deactivate_channel(channel)
    channel.refresh_from_db()
    assert not channel.is_active
    assert client.get(reverse("surveys:landing", args=[channel.code])).status_code == 404


# --- The page ------------------------------------------------------------------------------


def _page(survey):
    return reverse("surveys:channels", args=[survey.pk])


def test_the_page_lists_channels_with_their_absolute_short_link_and_responses(client):
    make_city()
    survey = make_survey()
    create_district_channels(survey)
    partner = create_channel(survey, ChannelKind.PARTNER, "Bibliotheek Zaandam")
    client.force_login(make_researcher())
    html = client.get(_page(survey)).content.decode()
    assert short_url(partner) in html
    assert short_url(partner).startswith("http")
    for channel in Channel.objects.filter(survey=survey):
        assert channel.name in html
        assert reverse("surveys:channel_poster", args=[survey.pk, channel.pk, "a4"]) in html
    assert 'class="utrecht-table-container" tabindex="0" role="region"' in html
    assert reverse("surveys:paper_questionnaire", args=[survey.pk]) in html


def test_a_researcher_adds_a_channel_and_a_link_per_wijk_from_the_page(client):
    districts = make_city()
    survey = make_survey()
    client.force_login(make_researcher())
    response = client.post(
        reverse("surveys:channel_add", args=[survey.pk]),
        {"kind": "wijk", "name": "Poelenburg flyers", "district": districts[0].pk},
    )
    assert response.status_code == 302
    channel = Channel.objects.get()
    assert (channel.kind, channel.district) == (ChannelKind.DISTRICT, districts[0])
    assert short_url(channel) in str(list(get_messages(response.wsgi_request))[0])
    client.post(reverse("surveys:channel_districts", args=[survey.pk]))
    # Poelenburg already had one; the other two wijken get theirs.
    assert Channel.objects.filter(kind=ChannelKind.DISTRICT).count() == 3


def test_a_bad_channel_from_the_page_saves_nothing_and_says_why(client):
    survey = make_survey()
    client.force_login(make_researcher())
    response = client.post(
        reverse("surveys:channel_add", args=[survey.pk]), {"kind": "wijk", "name": "Zonder wijk"}
    )
    assert response.status_code == 302
    assert not Channel.objects.exists()
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Kies bij een wijkkanaal de wijk." in texts


def test_switching_a_link_off_and_on_from_the_page(client):
    survey = make_survey()
    channel = create_channel(survey, ChannelKind.MEDIUM, "Facebook")
    client.force_login(make_researcher())
    url = reverse("surveys:channel_toggle", args=[survey.pk, channel.pk])
    client.post(url, {"active": "0"})
    channel.refresh_from_db()
    assert not channel.is_active
    client.post(url, {"active": "1"})
    channel.refresh_from_db()
    assert channel.is_active


def test_pages_of_another_survey_channel_are_not_found(client):
    survey, other = make_survey(), make_survey(series="ander")
    foreign = create_channel(other, ChannelKind.MEDIUM, "Ander kanaal")
    client.force_login(make_researcher())
    url = reverse("surveys:channel_poster", args=[survey.pk, foreign.pk, "a4"])
    assert client.get(url).status_code == 404


def test_channel_pages_are_not_found_for_someone_who_is_not_a_researcher(client):
    survey = make_survey()
    channel = create_channel(survey, ChannelKind.INVITATION, "Brief")
    client.force_login(make_resident())
    gets = [
        reverse("surveys:channels", args=[survey.pk]),
        reverse("surveys:channel_poster", args=[survey.pk, channel.pk, "a4"]),
        reverse("surveys:paper_questionnaire", args=[survey.pk]),
        reverse("surveys:invitations_merge", args=[survey.pk, channel.pk]),
    ]
    posts = [
        reverse("surveys:channel_add", args=[survey.pk]),
        reverse("surveys:channel_districts", args=[survey.pk]),
        reverse("surveys:channel_toggle", args=[survey.pk, channel.pk]),
        reverse("surveys:invitations_upload", args=[survey.pk, channel.pk]),
        reverse("surveys:invitations_send", args=[survey.pk, channel.pk]),
        reverse("surveys:invitations_remind", args=[survey.pk, channel.pk]),
        reverse("surveys:panel_invite", args=[survey.pk, channel.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"kind": "medium", "name": "x"}).status_code == 404, url
    assert Channel.objects.count() == 1
