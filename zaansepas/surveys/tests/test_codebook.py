"""The codebook: every export column with its question, kind, values and condition."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from zaansepas.surveys import exports
from zaansepas.surveys.codebook import codebook_groups, describe_condition, render_codebook_pdf

from .factories import make_channel, make_district, make_open_survey, make_researcher, respond


@pytest.fixture
def survey(db):
    make_district()
    survey = make_open_survey()
    respond(make_channel(survey), {"q-q_leeftijd": "65+", "q-q_auto": "0"})
    return survey


def pdf_text(data: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "codeboek.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_codebook_lists_every_export_column_once(survey):
    layout = exports.export_layout(survey)
    listed = [column.name for group in codebook_groups(layout) for column in group.columns]
    assert listed == [column.name for column in layout.columns]


def test_codebook_groups_columns_per_question_with_section_and_kind(survey):
    groups = {group.code: group for group in codebook_groups(exports.export_layout(survey))}
    needs = groups["q_nodig"]
    assert needs.text == "Wat heeft u nodig?"
    assert needs.section == "Uw mening"
    assert needs.kind == "meer antwoorden kiezen"
    assert [c.name for c in needs.columns] == [
        "q_nodig_sport", "q_nodig_cul_tuur", "q_nodig_anders", "q_nodig_anders_2"
    ]  # fmt: skip
    flag = needs.columns[1]
    assert flag.label == "Wat heeft u nodig? [Cultuur]"
    assert [(v.code, v.spss, v.label) for v in flag.values] == [
        ("0", 0, "niet gekozen"), ("1", 1, "gekozen")
    ]  # fmt: skip
    sex = groups["q_geslacht"].columns[0]
    assert [(v.code, v.spss) for v in sex.values] == [("m", 1), ("v", 2), ("x", 3)]
    assert groups["q_tevreden"].columns[0].measure == "ordinaal"
    assert "intro" not in groups  # a note has no column


def test_show_if_conditions_are_written_out_in_words(survey):
    groups = {group.code: group for group in codebook_groups(exports.export_layout(survey))}
    assert groups["q_vervoer"].condition == "Alleen gesteld als q_auto is 'Ja' (1)."
    assert groups["q_auto"].condition == ""
    definition = exports.export_layout(survey).definition
    either = {
        "match": "any",
        "rules": [
            {"question": "q_nodig", "op": "selected", "value": "sport"},
            {"question": "q_cijfer", "op": "lt", "value": 6},
        ],
    }
    assert describe_condition(definition, either) == (
        "Alleen gesteld als bij q_nodig is 'Sport' (sport) gekozen of q_cijfer is kleiner dan '6'."
    )


def test_codebook_page_shows_columns_values_and_conditions(survey, client):
    client.force_login(make_researcher())
    page = client.get(reverse("surveys:codebook", args=[survey.pk])).content.decode()
    for name in ("respons_id", "wijk", "q_nodig_cul_tuur", "q_grid_trein", "q_idee"):
        assert f"<code>{name}</code>" in page
    assert "WK047901 Poelenburg" in page
    assert "Alleen gesteld als q_auto is &#x27;Ja&#x27; (1)." in page
    assert 'aria-current="page"' in page and reverse("surveys:downloads", args=[survey.pk]) in page


def test_codebook_pdf_holds_the_same_columns_and_texts(survey, tmp_path):
    text = pdf_text(render_codebook_pdf(exports.export_layout(survey)), tmp_path)
    assert "Codeboek" in text and "Alle soorten vragen" in text
    for name in ("respons_id", "q_nodig_cul_tuur", "q_rang_rust", "q_grid_bus"):
        assert name in text
    assert "Alleen gesteld als q_auto is 'Ja' (1)." in " ".join(text.split())
