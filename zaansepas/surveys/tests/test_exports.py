"""Response exports: the documented column layout in CSV, XLSX and SPSS .sav."""

import csv
import datetime as dt
import io

import openpyxl
import pyreadstat
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from zaansepas.accounts.models import Role
from zaansepas.surveys import exports
from zaansepas.surveys.models import ChannelKind, Response
from zaansepas.surveys.spec import create_survey_from_spec

from .factories import (
    FULL_ANSWER,
    SHORT_ANSWER,
    make_channel,
    make_district,
    make_open_survey,
    make_researcher,
    nl,
    options,
    question,
    respond,
)

# docs/survey-exports.md: the base columns, then per question in survey order.
DOCUMENTED_COLUMNS = [
    "respons_id", "datum", "kanaal", "kanaal_soort", "taal", "wijk", "wijk_bron",
    "leeftijdsgroep", "geslacht", "pas_soort",
    "q_postcode", "q_leeftijd", "q_geslacht", "q_kanaal", "q_kanaal_anders",
    "q_nodig_sport", "q_nodig_cul_tuur", "q_nodig_anders", "q_nodig_anders_2",
    "q_tevreden", "q_cijfer", "q_kinderen", "q_bedrag", "q_auto", "q_vervoer",
    "q_rang_geld", "q_rang_tijd", "q_rang_rust", "q_grid_bus", "q_grid_trein", "q_idee",
]  # fmt: skip


@pytest.fixture
def answered(db):
    make_district()
    survey = make_open_survey()
    channel = make_channel(survey, ChannelKind.DISTRICT, "Poelenburg", code="pb1")
    full = respond(channel, FULL_ANSWER)
    short = respond(channel, SHORT_ANSWER, language="en")
    return survey, full, short


def read_csv(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def csv_rows(survey, labels=False, language="nl"):
    layout = exports.export_layout(survey)
    return read_csv("".join(exports.stream_csv(layout, labels, language)))


def by_postcode(rows, postcode="1503"):
    return next(row for row in rows if row["q_postcode"] == postcode)


def test_csv_has_one_row_per_response_and_the_documented_columns(answered):
    survey, _full, _short = answered
    layout = exports.export_layout(survey)
    text = "".join(exports.stream_csv(layout))
    header = text[1:].split("\r\n", 1)[0].split(";")
    assert header == DOCUMENTED_COLUMNS
    assert len(read_csv(text)) == Response.objects.filter(survey=survey).count() == 2


def test_csv_codes_hold_one_value_per_question_option_and_row(answered):
    survey, _full, _short = answered
    row = by_postcode(csv_rows(survey))
    assert row["wijk"] == "WK047901"
    assert row["wijk_bron"] == "postcode"
    assert row["leeftijdsgroep"] == row["q_leeftijd"] == "25-44"
    assert row["geslacht"] == row["q_geslacht"] == "v"
    assert row["kanaal"] == "pb1" and row["kanaal_soort"] == "wijk"
    assert (row["q_nodig_sport"], row["q_nodig_cul_tuur"], row["q_nodig_anders"]) == ("1", "0", "1")
    assert row["q_nodig_anders_2"] == "Zwemles"
    assert (row["q_rang_tijd"], row["q_rang_geld"], row["q_rang_rust"]) == ("1", "2", "")
    assert (row["q_grid_bus"], row["q_grid_trein"]) == ("1", "2")
    assert row["q_cijfer"] == "8" and row["q_kinderen"] == "2"
    assert row["q_bedrag"] == "12,50"  # decimal comma, as Dutch Excel reads it
    assert row["q_idee"] == 'Goedkoper zwemmen;\nen "meer" bussen'
    assert row["datum"] == str(Response.objects.first().submitted_on)


def test_unanswered_and_hidden_questions_are_empty_not_zero(answered):
    survey, _full, _short = answered
    row = next(row for row in csv_rows(survey) if row["q_auto"] == "0")
    # Not answered at all: every option column empty, not 0 ("not chosen").
    assert row["q_nodig_sport"] == row["q_nodig_cul_tuur"] == row["q_nodig_anders"] == ""
    # Hidden by its condition (no car): empty too.
    assert row["q_vervoer"] == ""
    assert row["q_cijfer"] == row["q_rang_geld"] == row["q_grid_bus"] == ""
    assert row["wijk"] == "" and row["taal"] == "en"


def test_csv_labels_show_the_texts_in_the_chosen_language(answered):
    survey, _full, _short = answered
    row = by_postcode(csv_rows(survey, labels=True))
    assert row["q_geslacht"] == "Vrouw"
    assert row["q_kanaal"] == "Anders, namelijk"
    assert row["q_nodig_sport"] == "gekozen" and row["q_nodig_cul_tuur"] == "niet gekozen"
    assert row["q_grid_bus"] == "slecht"
    assert row["wijk"] == "WK047901 Poelenburg"
    assert row["q_leeftijd"] == "25 tot 45 jaar"
    assert row["q_cijfer"] == "8"  # numbers stay numbers
    english = by_postcode(csv_rows(survey, labels=True, language="en"))
    assert english["q_auto"] == "Yes"
    assert english["taal"] == "Nederlands"  # a language is named in its own language


def test_text_cells_cannot_run_as_spreadsheet_formulas(answered):
    survey, _full, _short = answered
    for labels in (False, True):
        row = by_postcode(csv_rows(survey, labels=labels))
        assert row["q_kanaal_anders"] == '\'=HYPERLINK("http://x")'


def test_respons_id_is_a_sequence_number_not_the_uuid_or_the_receipt(answered):
    survey, full, short = answered
    text = "".join(exports.stream_csv(exports.export_layout(survey)))
    rows = read_csv(text)
    assert sorted(row["respons_id"] for row in rows) == ["1", "2"]
    for response in (full, short):
        assert str(response.id) not in text and response.id.hex not in text
        assert response.reference not in text


def read_xlsx(survey, labels):
    handle = exports.open_xlsx(exports.export_layout(survey), labels)
    book = openpyxl.load_workbook(handle)
    rows = list(book["antwoorden"].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]], book


def test_xlsx_has_the_same_columns_with_real_numbers_and_safe_text(answered):
    survey, _full, _short = answered
    rows, book = read_xlsx(survey, labels=False)
    assert list(rows[0]) == DOCUMENTED_COLUMNS
    row = next(row for row in rows if row["q_postcode"] == "1503")
    assert row["q_cijfer"] == 8 and row["q_bedrag"] == 12.5
    assert row["q_nodig_sport"] == 1 and row["q_nodig_cul_tuur"] == 0
    assert row["q_geslacht"] == "v"
    assert row["q_kanaal_anders"] == '\'=HYPERLINK("http://x")'
    variables = {row[0]: row[1] for row in book["variabelen"].iter_rows(values_only=True)}
    assert variables["q_nodig_cul_tuur"] == "Wat heeft u nodig? [Cultuur]"


def test_xlsx_labels_hold_the_option_texts(answered):
    survey, _full, _short = answered
    rows, _book = read_xlsx(survey, labels=True)
    row = next(row for row in rows if row["q_postcode"] == "1503")
    assert row["q_tevreden"] == "punt 4"
    assert row["kanaal_soort"] == "wijk"
    assert row["q_nodig_sport"] == "gekozen"


def read_sav(survey, tmp_path, language="nl"):
    path = tmp_path / "antwoorden.sav"
    exports.write_sav(exports.export_layout(survey), str(path), language)
    return pyreadstat.read_sav(str(path), user_missing=True)


def test_sav_reads_back_with_variable_and_value_labels(answered, tmp_path):
    survey, _full, _short = answered
    frame, meta = read_sav(survey, tmp_path)
    assert meta.column_names == DOCUMENTED_COLUMNS
    labels = meta.column_names_to_labels
    assert labels["q_geslacht"] == "Wat is uw geslacht?"
    assert labels["q_nodig_cul_tuur"] == "Wat heeft u nodig? [Cultuur]"
    assert labels["q_grid_trein"] == "Wat vindt u van [de trein]"
    values = meta.variable_value_labels
    # Whole-number codes keep their number; others are numbered 1..n in option order.
    assert values["q_kanaal"] == {1: "Via de krant", 2: "Via buren", 3: "Anders, namelijk"}
    assert values["q_geslacht"] == {1: "Man", 2: "Vrouw", 3: "Anders of zeg ik liever niet"}
    assert values["q_auto"] == {1: "Ja", 0: "Nee"}
    assert values["q_nodig_sport"] == {0: "niet gekozen", 1: "gekozen"}
    assert values["wijk"] == {47901: "WK047901 Poelenburg"}
    # Age bands carry the same numbers in the derived column and in the question.
    assert values["leeftijdsgroep"][3] == values["q_leeftijd"][3] == "25 tot 45 jaar"
    assert values["q_cijfer"] == {0: "heel slecht", 10: "heel goed"}
    assert meta.variable_measure["q_tevreden"] == "ordinal"
    assert meta.variable_measure["q_geslacht"] == "nominal"
    assert meta.variable_measure["q_bedrag"] == "scale"
    assert meta.original_variable_types["datum"].startswith("DATE")


def test_sav_values_are_the_numbers_the_labels_describe(answered, tmp_path):
    survey, _full, _short = answered
    frame, _meta = read_sav(survey, tmp_path)
    full = frame[frame["q_postcode"] == "1503"].iloc[0]
    assert full["q_geslacht"] == 2 and full["q_kanaal"] == 3
    assert full["q_kanaal_anders"] == '=HYPERLINK("http://x")'  # SPSS runs no formulas
    assert full["q_bedrag"] == 12.5 and full["q_rang_tijd"] == 1
    assert full["leeftijdsgroep"] == 3
    short = frame[frame["q_auto"] == 0].iloc[0]
    assert short["q_nodig_sport"] != short["q_nodig_sport"]  # NaN: system missing
    assert short["q_vervoer"] == ""


def test_sav_labels_follow_the_chosen_language(answered, tmp_path):
    survey, _full, _short = answered
    _frame, meta = read_sav(survey, tmp_path, language="en")
    assert meta.column_names_to_labels["q_kanaal"] == "How did you hear of the pass?"
    assert meta.variable_value_labels["q_auto"] == {1: "Yes", 0: "No"}


def test_column_names_are_valid_and_unique_spss_names(db, tmp_path):
    spec = {
        "title": nl("Namen"),
        "sections": [
            {
                "questions": [
                    question("to", "single_choice", "Gereserveerd woord",
                             options=options(("a", "A"), ("b", "B"))),
                    question("datum", "short_text", "Zelfde naam als een vaste kolom"),
                    question("q", "multiple_choice", "Streepjes",
                             options=options(("a-b", "streep"), ("a_b", "laag"), ("1x", "cijfer"))),
                    question("q_a", "multiple_choice", "Botst met q + a_b",
                             options=options(("b", "B"), ("c", "C"))),
                    question("x" * 32, "multiple_choice", "Lang",
                             options=options(("y" * 32, "Y"), ("y" * 31 + "z", "Z"))),
                ]
            }
        ],
    }  # fmt: skip
    survey = create_survey_from_spec(spec)
    names = [column.name for column in exports.export_layout(survey).columns]
    assert len({name.lower() for name in names}) == len(names)
    for name in names:
        assert name[0].isalpha() and len(name.encode()) <= 64
        assert name.replace("_", "").isalnum()
    assert "to_v" in names and "datum_2" in names
    assert names.count("q_a_b") == 1 and "q_a_b_2" in names
    # The file SPSS would open is written and read back with these names.
    path = tmp_path / "namen.sav"
    exports.write_sav(exports.export_layout(survey), str(path))
    _frame, meta = pyreadstat.read_sav(str(path))
    assert meta.column_names == names


def test_long_question_texts_keep_the_option_label_in_the_variable_label(db, tmp_path):
    long_text = "Heel lange vraag " * 40
    spec = {
        "title": nl("Lang"),
        "sections": [
            {
                "questions": [
                    question("q", "multiple_choice", long_text,
                             options=options(("a", "Eerste keuze"), ("b", "Tweede"))),
                ]
            }
        ],
    }  # fmt: skip
    survey = create_survey_from_spec(spec)
    path = tmp_path / "lang.sav"
    exports.write_sav(exports.export_layout(survey), str(path))
    _frame, meta = pyreadstat.read_sav(str(path))
    label = meta.column_names_to_labels["q_a"]
    assert label.endswith("[Eerste keuze]") and label.startswith("Heel lange vraag")
    assert len(label.encode()) <= 256


# --- pages and files over HTTP ----------------------------------------------------------


def test_researcher_downloads_every_format_as_an_attachment(answered, client):
    survey, _full, _short = answered
    client.force_login(make_researcher())
    csv_response = client.get(reverse("surveys:export", args=[survey.pk, "csv-codes"]))
    assert csv_response.streaming  # rows are written as they are read
    text = b"".join(csv_response.streaming_content).decode("utf-8")
    assert len(read_csv(text)) == 2
    expected = {
        "csv-labels": b"\xef\xbb\xbfrespons_id;",
        "xlsx-codes": b"PK",
        "xlsx-labels": b"PK",
        "sav": b"$FL2",
        "codebook-pdf": b"%PDF",
    }
    for fmt, start in expected.items():
        response = client.get(reverse("surveys:export", args=[survey.pk, fmt]))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body.startswith(start), fmt
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Cache-Control"] == "private, no-store"


def test_labels_language_comes_from_taal_and_must_be_a_survey_language(answered, client):
    survey, _full, _short = answered
    client.force_login(make_researcher())
    url = reverse("surveys:export", args=[survey.pk, "csv-labels"])
    english = b"".join(client.get(url, {"taal": "en"}).streaming_content).decode()
    assert ";Yes;" in english
    unknown = b"".join(client.get(url, {"taal": "xx<script>"}).streaming_content).decode()
    assert ";Ja;" in unknown


def test_unknown_format_is_not_found(answered, client):
    survey, _full, _short = answered
    client.force_login(make_researcher())
    assert client.get(reverse("surveys:export", args=[survey.pk, "pdf-alles"])).status_code == 404


def test_people_without_view_results_get_no_files(answered, client):
    survey, _full, _short = answered
    client.force_login(make_researcher("balie@example.org", Role.PASS_OFFICE))
    for name, args in (
        ("surveys:downloads", [survey.pk]),
        ("surveys:codebook", [survey.pk]),
        ("surveys:export", [survey.pk, "csv-codes"]),
        ("surveys:export", [survey.pk, "sav"]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404
    client.logout()
    response = client.get(reverse("surveys:export", args=[survey.pk, "csv-codes"]))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_downloads_page_shows_the_count_the_retention_date_and_every_file(answered, client):
    survey, _full, _short = answered
    survey.closed_at = timezone.make_aware(dt.datetime(2026, 3, 31, 12))
    survey.retention_months = 11
    survey.save()
    client.force_login(make_researcher())
    page = client.get(reverse("surveys:downloads", args=[survey.pk])).content.decode()
    assert '<dd id="response-count">2</dd>' in page
    assert "29 februari 2027" not in page and "28 februari 2027" in page
    for fmt in ("csv-codes", "csv-labels", "xlsx-codes", "xlsx-labels", "sav", "codebook-pdf"):
        assert reverse("surveys:export", args=[survey.pk, fmt]) in page
    assert reverse("surveys:codebook", args=[survey.pk]) in page


def test_a_survey_without_responses_exports_empty_files_with_all_columns(db, tmp_path):
    survey = make_open_survey()
    layout = exports.export_layout(survey)
    assert read_csv("".join(exports.stream_csv(layout))) == []
    rows, _book = read_xlsx(survey, labels=True)
    assert rows == []
    frame, meta = read_sav(survey, tmp_path)
    assert len(frame) == 0 and meta.column_names == DOCUMENTED_COLUMNS


def test_export_queries_do_not_grow_with_the_number_of_responses(answered):
    survey, _full, _short = answered

    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            layout = exports.export_layout(survey)
            list(exports.stream_csv(layout))
        return len(captured)

    before = count_queries()
    channel = survey.channels.first()
    for _ in range(5):
        respond(channel, FULL_ANSWER)
    assert count_queries() == before
