"""Answering a survey through its short link, page by page, as a respondent would."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from zaansepas.surveys.answering import invitation_token
from zaansepas.surveys.models import (
    ChannelKind,
    FollowUpConsent,
    Invitation,
    Response,
    ResponseDraft,
    SurveyStatus,
)

from .survey_fixtures import make_channel, published_survey

pytestmark = pytest.mark.django_db

PAGE_1 = {"q-kent_pas": "1", "q-gebruik": ["sport", "anders"], "q-gebruik-other": "zwemmen"}


@pytest.fixture
def channel():
    return make_channel(published_survey())


def start(client, channel, language="nl"):
    response = client.post(reverse("surveys:start", args=[channel.code]), {"taal": language})
    assert response.status_code == 302
    return response


def post_page(client, channel, page, data, action="next"):
    return client.post(
        reverse("surveys:page", args=[channel.code, page]), {**data, "action": action}
    )


def page_of(response) -> int:
    return int(re.search(r"/p/(\d+)/", response["Location"]).group(1))


def answer_everything(client, channel):
    start(client, channel)
    # Page 0: kent_pas only ("gebruik" looks at it, so it starts a page of its own).
    response = post_page(client, channel, 0, {"q-kent_pas": "1"})
    assert page_of(response) == 1
    response = post_page(
        client,
        channel,
        1,
        {"q-gebruik": ["sport", "anders"], "q-gebruik-other": "zwemmen", "q-tevreden": "4"},
    )
    response = post_page(
        client,
        channel,
        page_of(response),
        {
            "q-cijfer": "8",
            "q-thema-sport": "3",
            "q-thema-cultuur": "1",
            "q-volgorde-tijd": "1",
            "q-volgorde-geld": "2",
            "q-wens": "Goedkoper zwemmen voor de kinderen",
        },
    )
    return post_page(
        client,
        channel,
        page_of(response),
        {"q-kinderen": "2", "q-postcode": "1503 AB", "q-leeftijd": "25-44", "q-geslacht": "v"},
    )


def test_a_respondent_answers_every_page_and_gets_a_receipt(client, channel):
    response = answer_everything(client, channel)
    assert response["Location"] == reverse("surveys:thanks", args=[channel.code])
    stored = Response.objects.get()
    assert stored.answers == {
        "kent_pas": "1",
        "gebruik": ["sport", "anders"],
        "gebruik.other": "zwemmen",
        "tevreden": "4",
        "cijfer": 8,
        "thema": {"sport": "3", "cultuur": "1"},
        "volgorde": ["tijd", "geld"],
        "wens": "Goedkoper zwemmen voor de kinderen",
        "kinderen": 2,
        "postcode": "1503",
        "leeftijd": "25-44",
        "geslacht": "v",
    }
    assert stored.district.code.startswith("WK0479")
    assert (stored.age_band, stored.sex) == ("25-44", "v")
    assert stored.submitted_on == timezone.localdate()
    assert not ResponseDraft.objects.exists()
    thanks = client.get(response["Location"]).content.decode()
    assert stored.reference in thanks
    # Where to read, later, what the scan found.
    assert f'href="{reverse("insights:public_reports")}"' in thanks


def test_a_question_hidden_by_an_earlier_answer_is_skipped_and_its_answer_dropped(client, channel):
    start(client, channel)
    post_page(client, channel, 0, {"q-kent_pas": "1"})
    post_page(client, channel, 1, {"q-gebruik": ["sport"]})
    # Going back and saying "no" hides "gebruik": its answer must not survive.
    response = post_page(client, channel, 0, {"q-kent_pas": "0"})
    draft = ResponseDraft.objects.get()
    assert "gebruik" not in draft.answers
    # Page 1 still has "tevreden", so it is shown, without "gebruik".
    page = client.get(response["Location"])
    assert "q-gebruik" not in page.content.decode()
    assert "q-tevreden" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"q-kent_pas": "1", "q-gebruik": ["sport", "niets"]}, "samen met een ander antwoord"),
        ({"q-kent_pas": "1", "q-gebruik": ["anders"]}, "Schrijf op wat u bedoelt"),
        (
            {
                "q-kent_pas": "1",
                "q-gebruik": ["sport", "cultuur", "eten", "anders"],
                "q-gebruik-other": "x",
            },
            "hoogstens 3",
        ),
        ({"q-kent_pas": "1", "q-gebruik": ["golf"]}, "Kies een van de antwoorden"),
        ({"q-kent_pas": "1", "q-gebruik": []}, "Geef hier een antwoord"),
        (
            {"q-kent_pas": "1", "q-gebruik": ["sport"], "q-tevreden": "9"},
            "Kies een van de antwoorden",
        ),
    ],
)
def test_a_wrong_answer_on_page_two_is_refused_in_dutch_and_nothing_is_saved(
    client, channel, data, message
):
    start(client, channel)
    post_page(client, channel, 0, {"q-kent_pas": "1"})
    before = ResponseDraft.objects.get().answers
    response = post_page(client, channel, 1, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ResponseDraft.objects.get().answers == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("q-cijfer", "11", "Kies een van de antwoorden"),
        ("q-kinderen", "16", "niet groter zijn dan 15"),
        ("q-kinderen", "-1", "niet kleiner zijn dan 0"),
        ("q-kinderen", "2,5", "heel getal"),
        ("q-kinderen", "twee", "Vul een getal in"),
        ("q-postcode", "1011", "hoort niet bij Zaanstad"),
        ("q-postcode", "15", "4 cijfers"),
        ("q-thema-sport", "7", "Kies een van de antwoorden"),
        ("q-volgorde-geld", "2", "begin bij 1"),
        ("q-woonplaats", "x" * 301, "te lang"),
    ],
)
def test_an_answer_outside_the_question_range_is_refused(client, channel, field, value, message):
    start(client, channel)
    post_page(client, channel, 0, {"q-kent_pas": "0"})
    post_page(client, channel, 1, {})
    post_page(client, channel, 2, {})
    target = 2 if field in ("q-cijfer", "q-thema-sport", "q-volgorde-geld", "q-woonplaats") else 3
    response = post_page(client, channel, target, {"q-postcode": "1503", field: value})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_double_submit_stores_one_response(client, channel):
    answer_everything(client, channel)
    cookie = client.cookies.get(f"zp_v_{channel.code}")
    assert cookie is None or cookie.value == ""
    # The same last page posted again (back button, double click): nothing new.
    response = post_page(client, channel, 3, {"q-postcode": "1503"})
    assert Response.objects.count() == 1
    assert response.status_code == 302


def test_the_resume_link_continues_on_another_device(client, channel, django_user_model):
    start(client, channel)
    post_page(client, channel, 0, {"q-kent_pas": "0"})
    saved = post_page(client, channel, 1, {"q-tevreden": "2"}, action="save")
    link = re.search(r'href="(http[^"]+/verder/[^"]+/)"', saved.content.decode()).group(1)
    other = type(client)()
    response = other.get(link)
    assert response.status_code == 302
    page = other.get(response["Location"])
    assert 'value="2" checked' in page.content.decode()


def test_an_expired_or_unknown_resume_link_says_so(client, channel):
    response = client.get(reverse("surveys:resume", args=[channel.code, "nonsense"]))
    assert response.status_code == 410
    assert "werkt niet meer" in response.content.decode()


def test_a_closed_survey_takes_no_more_answers(client, channel):
    start(client, channel)
    channel.survey.status = SurveyStatus.CLOSED
    channel.survey.save()
    response = post_page(client, channel, 0, {"q-kent_pas": "1"})
    assert response.status_code == 410
    assert "gesloten" in response.content.decode()
    assert client.get(reverse("surveys:landing", args=[channel.code])).status_code == 410


def test_a_survey_in_turkish_shows_turkish_words_and_arabic_runs_right_to_left(client, channel):
    start(client, channel, "tr")
    page = client.get(reverse("surveys:page", args=[channel.code, 0])).content.decode()
    assert 'lang="tr" dir="ltr"' in page
    assert "Kartı biliyor musunuz?" in page
    assert "İleri" in page
    client.post(reverse("surveys:language", args=[channel.code]), {"taal": "ar"})
    page = client.get(reverse("surveys:page", args=[channel.code, 0])).content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "هل تعرف البطاقة؟" in page


def test_a_personal_invitation_works_once(client, channel):
    channel.kind = ChannelKind.INVITATION
    channel.save()
    invitation = Invitation.objects.create(channel=channel, public_id="abcdefgh")
    assert client.get(reverse("surveys:landing", args=[channel.code])).status_code == 403
    url = reverse("surveys:invitation", args=[channel.code, invitation_token(invitation)])
    client.post(url, {"taal": "nl"})
    # The invitation link itself resumes the draft (no separate resume link needed).
    again = client.post(url, {"taal": "nl"})
    assert page_of(again) == 0
    assert ResponseDraft.objects.count() == 1
    answer_everything_from_page_0(client, channel)
    invitation.refresh_from_db()
    assert invitation.used_on == timezone.localdate()
    assert client.get(url).status_code == 410
    forged = reverse("surveys:invitation", args=[channel.code, "abcdefgh.0000"])
    assert client.get(forged).status_code == 404


def answer_everything_from_page_0(client, channel):
    post_page(client, channel, 0, {"q-kent_pas": "0"})
    post_page(client, channel, 1, {})
    post_page(client, channel, 2, {})
    response = post_page(client, channel, 3, {"q-postcode": "1503"})
    assert response["Location"].endswith("/bedankt/")
    return response


def test_follow_up_consent_is_stored_apart_and_can_be_withdrawn(client, channel):
    thanks = answer_everything_from_start(client, channel)
    reference = Response.objects.get().reference
    bad = client.post(reverse("surveys:follow_up", args=[channel.code]), {"name": "Ans"})
    assert bad.status_code == 400
    assert "telefoonnummer of een e-mailadres" in bad.content.decode()
    assert not FollowUpConsent.objects.exists()
    given = client.post(
        reverse("surveys:follow_up", args=[channel.code]),
        {"name": "Ans de Boer", "phone": "06 12345678"},
    )
    assert thanks.status_code == 200
    consent = FollowUpConsent.objects.get()
    assert (consent.reference, consent.name) == (reference, "Ans de Boer")
    link = re.search(r'href="(http[^"]+/intrekken/[^"]+/)"', given.content.decode()).group(1)
    assert client.get(link).status_code == 200
    assert FollowUpConsent.objects.exists()  # a GET (a mail scanner) withdraws nothing
    assert client.post(link).status_code == 200
    assert not FollowUpConsent.objects.exists()
    assert Response.objects.count() == 1


def answer_everything_from_start(client, channel):
    start(client, channel)
    response = answer_everything_from_page_0(client, channel)
    return client.get(response["Location"])


def test_typing_in_other_without_ticking_it_counts_as_choosing_other(client, channel):
    start(client, channel)
    post_page(client, channel, 0, {"q-kent_pas": "1"})
    post_page(client, channel, 1, {"q-gebruik": ["sport"], "q-gebruik-other": "zwemles"})
    answers = ResponseDraft.objects.get().answers
    assert answers["gebruik"] == ["sport", "anders"]
    assert answers["gebruik.other"] == "zwemles"
