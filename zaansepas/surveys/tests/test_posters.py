"""Posters, flyers and the paper questionnaire are real PDFs with the right content."""

import re
import zlib

import pytest
from django.urls import reverse

from zaansepas.surveys.channels import create_channel, short_url, short_url_for_print
from zaansepas.surveys.models import ChannelKind
from zaansepas.surveys.posters import (
    paper_questionnaire_document,
    poster_context,
    poster_document,
    render_paper_questionnaire,
)

from .channel_fixtures import make_researcher, make_survey
from .qr_decode import decode_svg

pytestmark = pytest.mark.django_db

A4_POINTS = (595.28, 841.89)
A5_POINTS = (419.53, 595.28)


def layout_text(document) -> str:
    """The text WeasyPrint laid out on the pages, with whitespace made single."""
    parts: list[str] = []

    def walk(box):
        if getattr(box, "text", None):
            parts.append(box.text)
        for child in getattr(box, "children", ()):
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return " ".join(" ".join(parts).split())


def pdf_objects(pdf: bytes) -> bytes:
    """Every stream of the PDF, unpacked: page dictionaries and links live in them."""
    unpacked = []
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            unpacked.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            unpacked.append(stream.group(1))
    return b"\n".join([pdf, *unpacked])


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf_objects(pdf))
    return [(round(float(w), 2), round(float(h), 2)) for w, h in boxes]


@pytest.fixture
def channel():
    return create_channel(make_survey(), ChannelKind.PARTNER, "Bibliotheek Zaandam")


@pytest.mark.parametrize(("paper", "size"), [("a4", A4_POINTS), ("a5", A5_POINTS)])
def test_poster_and_flyer_are_one_page_pdfs_with_title_text_and_short_link(channel, paper, size):
    document = poster_document(channel, paper)
    pdf = document.write_pdf()
    assert pdf.startswith(b"%PDF-")
    assert page_sizes(pdf) == [size]
    text = layout_text(document)
    assert "Wat heeft u nodig?" in text
    assert "Vul de vragenlijst in. Het duurt ongeveer 5 minuten." in text
    assert "Uw antwoorden zijn anoniem." in text
    assert short_url_for_print(channel) in text
    # The printed link is also a real link in the PDF (for a flyer shared digitally).
    assert f"/URI ({short_url(channel)})".encode() in pdf_objects(pdf)


def test_the_poster_qr_code_decodes_to_the_absolute_short_link(channel):
    context = poster_context(channel, "a4")
    assert decode_svg(context["qr"]) == short_url(channel)
    assert short_url(channel).startswith("http")
    assert short_url(channel).endswith(f"/v/{channel.code}/")


def test_the_poster_repeats_its_text_in_the_survey_languages(channel):
    text = layout_text(poster_document(channel, "a4"))
    assert "What do you need?" in text
    assert "Fill in the questionnaire." in text
    assert "Neye ihtiyacınız var?" in text
    assert "ماذا تحتاج؟" in text


def test_a_researcher_downloads_the_poster_as_pdf(client, channel):
    client.force_login(make_researcher())
    response = client.get(
        reverse("surveys:channel_poster", args=[channel.survey.pk, channel.pk, "a5"])
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert page_sizes(response.content) == [A5_POINTS]
    bad = reverse("surveys:channel_poster", args=[channel.survey.pk, channel.pk, "a3"])
    assert client.get(bad).status_code == 404


def test_the_paper_questionnaire_holds_every_question_option_and_condition():
    survey = make_survey()
    document = paper_questionnaire_document(survey)
    text = layout_text(document)
    for question in survey.questions.prefetch_related("choices"):
        assert question.text["nl"] in text, question.code
        for choice in question.choices.all():
            assert choice.label["nl"] in text, (question.code, choice.code)
    assert "Over de pas" in text and "Over u" in text
    # "gebruik" (question 2) is only for those who know the pass (question 1, yes).
    assert "2. Waarvoor gebruikt u de pas? Alleen invullen als u bij vraag 1 'Ja' koos." in text
    # The note is not numbered; the questions after it go on counting.
    assert "7. Hoeveel kinderen?" in text
    pdf = render_paper_questionnaire(survey)
    assert pdf.startswith(b"%PDF-")
    assert len(page_sizes(pdf)) >= 2
    assert set(page_sizes(pdf)) == {A4_POINTS}
