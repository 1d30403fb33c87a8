"""The analysis tables as Excel files: the same figures as the pages, under the same
disclosure control. No count from 1 to 9 and no hidden share leaves the site in a file."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from zaansepas.insights.analysis import analyse_survey, crosstab_table, question_tables
from zaansepas.insights.disclosure import MIN_CELL

pytestmark = pytest.mark.django_db

POELENBURG = "WK047906"


@pytest.fixture
def survey(demo_scan):
    return demo_scan


def workbook(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def test_the_frequencies_file_has_the_figures_of_the_page(client, survey):
    url = reverse("insights:tables_xlsx", args=[survey.pk])
    response = client.get(url)
    assert 'filename="tabellen-' in response["Content-Disposition"]
    book = workbook(response)
    assert book.sheetnames == ["Toelichting", "Frequenties", "Gemiddelden"]
    explanation = dict(rows(book["Toelichting"]))
    assert explanation["Ingevulde vragenlijsten"] == 2000
    assert "wijk, leeftijdsgroep en geslacht" in explanation["Weging"]

    analysis = analyse_survey(survey)
    (income,) = [
        t for t in question_tables(analysis, analysis.mask_for()) if t["code"] == "inkomen"
    ]
    lines = [r for r in rows(book["Frequenties"]) if r[0] == "inkomen"]
    assert [line[2] for line in lines[:-1]] == [row["label"] for row in income["rows"]]
    for line, row in zip(lines, income["rows"], strict=False):
        assert line[3] == (None if row["n"].value is None else round(row["n"].value))
        if row["share"].value is not None:
            assert line[4] == pytest.approx(row["share"].value)
            assert line[5] == pytest.approx(row["low"].value)
            assert line[6] == pytest.approx(row["high"].value)
    assert lines[-1][2] == "Totaal (basis)" and lines[-1][3] == income["base"].value


def test_a_small_wijk_file_hides_small_counts_and_says_why(client, survey):
    url = reverse("insights:tables_xlsx", args=[survey.pk]) + f"?wijk={POELENBURG}"
    response = client.get(url)
    assert f"-{POELENBURG.lower()}.xlsx" in response["Content-Disposition"]
    book = workbook(response)
    assert dict(rows(book["Toelichting"]))["Inwoners"] == "Poelenburg"
    frequencies = rows(book["Frequenties"])
    counts = [line[3] for line in frequencies if line[3] is not None]
    assert counts and all(count == 0 or count >= MIN_CELL for count in counts)
    hidden = [line for line in frequencies if line[3] is None and line[2] != "Totaal (basis)"]
    assert hidden and all(line[4] is None and line[7].startswith("verborgen") for line in hidden)
    # Under 30 respondents in the wijk no share is given at all.
    assert all(line[4] is None for line in frequencies)
    assert any("minder dan 30 inwoners" in (line[7] or "") for line in frequencies)


def test_the_crosstab_file_is_the_table_of_the_page_with_dashes_for_hidden_cells(client, survey):
    query = "?rij=inkomen&kolom=_wijk"
    response = client.get(reverse("insights:crosstab_xlsx", args=[survey.pk]) + query)
    assert 'filename="kruistabel-' in response["Content-Disposition"]
    sheet = workbook(response)["Kruistabel"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0].startswith("inkomen: ") and "naar wijk" in values[0][0]
    counts_at = next(i for i, row in enumerate(values) if row[0] == "Aantallen (ongewogen)")
    analysis = analyse_survey(survey)
    table = crosstab_table(analysis, analysis.mask_for(), "inkomen", "_wijk")
    count_rows = values[counts_at + 2 : counts_at + 2 + len(table["rows"])]
    dashes = 0
    for line, row in zip(count_rows, table["rows"], strict=True):
        assert line[0] == row["label"]
        for cell, shown in zip(line[1:], row["cells"], strict=False):
            if shown["n"].value is None:
                assert cell == "–"
                dashes += 1
            else:
                assert cell == round(shown["n"].value)
                assert cell == 0 or cell >= MIN_CELL
    assert dashes > 0
    assert any(row[0] == "Toets op samenhang (Rao–Scott)" for row in values)


def test_a_crosstab_file_that_cannot_be_made_is_explained(client, survey):
    url = reverse("insights:crosstab_xlsx", args=[survey.pk])
    for query in ("?rij=bestaat_niet&kolom=_wijk", "?rij=inkomen&kolom=inkomen", ""):
        response = client.get(url + query)
        assert response.status_code == 400
        assert "deze combinatie kan niet" in response.content.decode()


def test_the_files_are_not_found_for_other_roles(client, survey):
    client.force_login(get_user_model().objects.create_user("bakker@example.nl", "x"))
    assert client.get(reverse("insights:tables_xlsx", args=[survey.pk])).status_code == 404
    url = reverse("insights:crosstab_xlsx", args=[survey.pk]) + "?rij=inkomen"
    assert client.get(url).status_code == 404


def test_a_hidden_base_is_not_given_away_by_the_number_without_an_answer(client, survey):
    """Respondents (shown) minus those without an answer is the base: when the base is
    hidden, the number without an answer is hidden too, on the page and in the file."""
    from zaansepas.surveys.models import Response
    from zaansepas.surveys.tests.survey_fixtures import published_survey

    small = published_survey()
    for i in range(40):  # 40 respondents, 6 of whom answered "tevreden"
        answers = {"kent_pas": "1", "tevreden": "4"} if i < 6 else {"kent_pas": "0"}
        Response.objects.create(
            survey=small, submitted_on="2026-10-01", reference=f"k{i:03d}", answers=answers
        )
    analysis = analyse_survey(small)
    (table,) = [
        t for t in question_tables(analysis, analysis.mask_for()) if t["code"] == "tevreden"
    ]
    assert table["base"].value is None and table["no_answer"] is None
    html = client.get(reverse("insights:analysis", args=[small.pk])).content.decode()
    block = html.split('id="tabel-tevreden"')[1].split("</table>")[0]
    assert "zonder antwoord" not in block and "34" not in block
    book = workbook(client.get(reverse("insights:tables_xlsx", args=[small.pk])))
    (base_line,) = [
        line
        for line in rows(book["Frequenties"])
        if line[:3][0] == "tevreden" and line[2] == "Totaal (basis)"
    ]
    assert base_line[3] is None and "34" not in (base_line[7] or "")
