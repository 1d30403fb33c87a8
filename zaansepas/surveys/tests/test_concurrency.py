"""Respondents and staff doing the same thing at the same moment (PostgreSQL in `make
test`): one draft, one response, one consent, whatever the timing."""

import pytest
from django.http import QueryDict

from zaansepas.surveys.answering import (
    give_follow_up_consent,
    invitation_token,
    save_page,
    start_response,
    submit_response,
)
from zaansepas.surveys.models import (
    ChannelKind,
    FollowUpConsent,
    Invitation,
    Response,
    ResponseDraft,
)
from zaansepas.till.tests.helpers import in_parallel

from .survey_fixtures import make_channel, published_survey

pytestmark = pytest.mark.django_db(transaction=True)


def form(**fields) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data[name] = value
    return data


def ready_draft(channel):
    draft, token = start_response(channel, "nl")
    for page, data in enumerate([{"q-kent_pas": "0"}, {}, {}, {"q-postcode": "1503"}]):
        assert save_page(draft, page, form(**data)) == {}
    return token


def test_ten_parallel_submits_of_one_draft_store_one_response():
    channel = make_channel(published_survey())
    token = ready_draft(channel)
    outcomes = in_parallel([lambda: submit_response(channel, token) for _ in range(10)])
    assert [kind for kind, _ in outcomes] == ["ok"] * 10
    stored = [result for _, result in outcomes if result.response is not None]
    assert len(stored) == 1
    assert Response.objects.count() == 1
    assert not ResponseDraft.objects.exists()


def test_an_invitation_opened_ten_times_at_once_has_one_draft_and_one_response():
    channel = make_channel(published_survey(), kind=ChannelKind.INVITATION)
    invitation = Invitation.objects.create(channel=channel, public_id="gelijktijdig")
    outcomes = in_parallel(
        [lambda: start_response(channel, "nl", invitation=invitation) for _ in range(10)]
    )
    assert [kind for kind, _ in outcomes] == ["ok"] * 10
    assert ResponseDraft.objects.count() == 1
    token = invitation_token(invitation)
    assert {result[1] for _, result in outcomes} == {token}


def test_parallel_consents_for_one_receipt_store_one():
    channel = make_channel(published_survey())
    token = ready_draft(channel)
    reference = submit_response(channel, token).response.reference
    outcomes = in_parallel(
        [
            lambda i=i: give_follow_up_consent(
                channel.survey, reference, f"Naam {i}", "0612345678", ""
            )
            for i in range(8)
        ]
    )
    assert sorted(kind for kind, _ in outcomes) == ["ok"] + ["refused"] * 7
    assert FollowUpConsent.objects.count() == 1


def test_many_respondents_at_once_all_arrive():
    channel = make_channel(published_survey())
    tokens = [ready_draft(channel) for _ in range(20)]
    outcomes = in_parallel([lambda t=t: submit_response(channel, t) for t in tokens])
    references = {result.response.reference for kind, result in outcomes if kind == "ok"}
    assert len(references) == 20
    assert set(Response.objects.values_list("reference", flat=True)) == references
