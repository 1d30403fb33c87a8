"""Anonymity (DESIGN.md §3, issue 5): no response row links to a user, IP address or user
agent, and consent records appear in no export."""

import io
import zipfile

import openpyxl
import pyreadstat
import pytest
from django.conf import settings
from django.db import models
from django.urls import reverse

from zaansepas.surveys import answering
from zaansepas.surveys.definition import definition_for
from zaansepas.surveys.models import (
    ChannelKind,
    FollowUpConsent,
    Invitation,
    Response,
    ResponseDraft,
)

from .factories import (
    FULL_ANSWER,
    form,
    make_channel,
    make_district,
    make_open_survey,
    make_researcher,
    respond,
)
from .test_codebook import pdf_text

FORMATS = ("csv-codes", "csv-labels", "xlsx-codes", "xlsx-labels", "sav", "codebook-pdf")
NAME, PHONE, EMAIL = "Zwaantje Quackenbosch", "0698765432", "zwaantje.q@voorbeeld.nl"


def test_response_has_no_field_that_could_identify_a_person():
    fields = Response._meta.get_fields()
    related = {f.name: f.related_model for f in fields if f.is_relation}
    assert set(related) == {"survey", "channel", "district"}
    user_model = settings.AUTH_USER_MODEL.lower()
    for model in related.values():
        assert model._meta.label_lower not in (user_model, "passes.pass", "passes.passholder")
        assert model not in (Invitation, ResponseDraft, FollowUpConsent)
    names = {f.name for f in fields}
    for forbidden in ("user", "ip", "agent", "address", "email", "phone", "name", "token"):
        assert not any(forbidden in name for name in names), forbidden
    assert not any(isinstance(f, models.GenericIPAddressField) for f in fields)
    # The day only, never the time of day.
    assert not any(isinstance(f, models.DateTimeField) for f in fields)
    assert isinstance(Response._meta.get_field("submitted_on"), models.DateField)


def test_a_submitted_panel_response_keeps_attributes_but_not_the_invitation(db):
    make_district()
    survey = make_open_survey()
    channel = make_channel(survey, ChannelKind.PANEL, "Panel")
    invitation = Invitation.objects.create(
        channel=channel,
        public_id="p0000000000001",
        email=EMAIL,
        merge_fields={"naam": NAME},
        attributes={"wijk": "WK047901", "tier": "minima"},
    )
    draft, token = answering.start_response(channel, "nl", invitation)
    data = form({"q-q_leeftijd": "45-64", "q-q_auto": "0"})
    for index in range(len(definition_for(survey).pages)):
        assert not answering.save_page(draft, index, data)
    response = answering.submit_response(channel, token).response

    stored = Response.objects.filter(pk=response.pk).values().get()
    text = repr(stored)
    for secret in (EMAIL, NAME, invitation.public_id, token, draft.token_hash):
        assert secret not in text
    assert stored["attributes"] == {"wijk": "WK047901", "tier": "minima", "wijk_bron": "panel"}
    assert set(stored["answers"]) == {"q_leeftijd", "q_auto"}
    assert not ResponseDraft.objects.filter(pk=draft.pk).exists()
    invitation.refresh_from_db()
    assert invitation.used_on is not None  # whether it was used, not which response


@pytest.fixture
def consented(db):
    make_district()
    survey = make_open_survey()
    channel = make_channel(survey)
    references = []
    for _ in range(3):
        response = respond(channel, FULL_ANSWER)
        answering.give_follow_up_consent(survey, response.reference, NAME, PHONE, EMAIL)
        references.append(response.reference)
    assert FollowUpConsent.objects.filter(survey=survey).count() == 3
    return survey, references


def download(client, survey, fmt) -> bytes:
    response = client.get(reverse("surveys:export", args=[survey.pk, fmt]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def readable_texts(fmt: str, data: bytes, tmp_path) -> list[str]:
    """The file as its bytes and as the text a program reading it would see."""
    texts = [data.decode("utf-8", errors="replace"), data.decode("latin-1")]
    if fmt.startswith("xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            texts += [archive.read(name).decode() for name in archive.namelist()]
        book = openpyxl.load_workbook(io.BytesIO(data))
        texts += [repr(list(sheet.iter_rows(values_only=True))) for sheet in book]
    if fmt == "sav":
        path = tmp_path / "antwoorden.sav"
        path.write_bytes(data)
        frame, meta = pyreadstat.read_sav(str(path))
        texts += [frame.to_csv(), repr(meta.column_names_to_labels), repr(meta.value_labels)]
    if fmt == "codebook-pdf":
        texts.append(pdf_text(data, tmp_path))
    return texts


def test_consent_records_are_absent_from_every_export(consented, client, tmp_path):
    survey, references = consented
    client.force_login(make_researcher())
    for fmt in FORMATS:
        for text in readable_texts(fmt, download(client, survey, fmt), tmp_path):
            for secret in (NAME, "Quackenbosch", PHONE, EMAIL, *references):
                assert secret not in text, (fmt, secret)
    page = client.get(reverse("surveys:codebook", args=[survey.pk])).content.decode()
    for secret in (NAME, PHONE, EMAIL, *references):
        assert secret not in page


def test_exports_carry_no_response_key_or_receipt(consented, client):
    survey, references = consented
    client.force_login(make_researcher())
    keys = [str(pk) for pk in Response.objects.values_list("id", flat=True)]
    keys += [key.replace("-", "") for key in keys]
    for fmt in ("csv-codes", "csv-labels"):
        text = download(client, survey, fmt).decode("utf-8-sig")
        assert not any(key in text for key in keys + references)
