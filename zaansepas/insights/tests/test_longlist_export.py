"""The longlists of a scan year as an Excel file: both lists with each item's evidence, and
the gap view; for researchers only."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from zaansepas.insights.longlists import create_item, link_offers, merge_items
from zaansepas.insights.tests.test_longlists import make_offer, say
from zaansepas.research.tests.fixtures import make_researcher, make_session, make_themes, make_user

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(client, year=2026):
    response = client.get(reverse("insights:longlist_xlsx") + f"?year={year}")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert f'filename="groslijsten-{year}.xlsx"' in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def by_title(sheet) -> dict[str, dict]:
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}


def test_both_lists_with_their_evidence_and_the_gaps(client):
    sport, money = make_themes()
    session = make_session(sport)
    swimming = create_item(
        year=2026,
        kind="behoefte",
        title="Zwemles is te duur",
        themes=[sport],
        target_groups=["gezinnen"],
        statements=[
            say(session, "Zwemles kost te veel voor ons gezin", kind="citaat", theme=sport),
            say(session, "Zwemles is te duur", theme=sport),
        ],
    )
    duplicate = create_item(year=2026, kind="behoefte", title="Dubbel", themes=[sport])
    merge_items(swimming, [duplicate])
    food = create_item(year=2026, kind="behoefte", title="Eten aan het eind van de maand")
    link_offers(food, [make_offer("Voedselpakket", theme=money)])
    create_item(year=2026, kind="aanbodidee", title="Gratis proefles judo", themes=[sport])
    create_item(year=2025, kind="behoefte", title="Van vorig jaar", themes=[sport])
    client.force_login(make_researcher())

    book = download(client)

    assert book.sheetnames == ["Behoeften", "Aanbodideeën", "Gaten"]
    needs = by_title(book["Behoeften"])
    assert set(needs) == {"Zwemles is te duur", "Eten aan het eind van de maand"}
    row = needs["Zwemles is te duur"]
    assert row["Thema's"] == sport.name and row["Doelgroepen"] == "gezinnen"
    assert (row["Uitspraken"], row["Sessies"], row["Interviews"]) == (2, 1, 0)
    assert row["Citaten"].startswith("Zwemles kost te veel voor ons gezin")
    assert row["Status"] == "nieuw"
    assert needs["Eten aan het eind van de maand"]["Aanbod op de pas"] == "Voedselpakket"
    assert set(by_title(book["Aanbodideeën"])) == {"Gratis proefles judo"}
    gaps = list(book["Gaten"].iter_rows(values_only=True))
    assert gaps[1][:2] == ("Thema", "gezinnen")
    assert gaps[2][:2] == (sport.name, 1)  # the swimming need; the food need has an offer
    assert gaps[-1][-2:] == ("Totaal behoeften zonder aanbod", 1)


def test_only_researchers_get_the_file_and_a_bad_year_means_this_year(client):
    client.force_login(make_user("bakker@example.org"))
    assert client.get(reverse("insights:longlist_xlsx")).status_code == 404
    client.force_login(make_researcher())
    response = client.get(reverse("insights:longlist_xlsx") + "?year=twintig")
    this_year = timezone.localdate().year
    assert f'filename="groslijsten-{this_year}.xlsx"' in response["Content-Disposition"]


def test_an_item_with_a_survey_share_gives_the_share_and_which_answer_it_is(client):
    from zaansepas.insights.longlists import update_item
    from zaansepas.insights.report import report_year
    from zaansepas.insights.tests.test_report import add_responses
    from zaansepas.surveys.builder import publish_survey
    from zaansepas.surveys.demo_survey import needs_scan_spec
    from zaansepas.surveys.spec import create_survey_from_spec

    survey = publish_survey(create_survey_from_spec(needs_scan_spec()))
    add_responses(survey)  # 60 respondents, 40 of whom name the costs as a barrier
    year = report_year(survey)
    item = create_item(year=year, kind="behoefte", title="Meedoen kost te veel")
    update_item(
        item, title=item.title, survey=survey, survey_question="barriere", survey_option="kosten"
    )
    client.force_login(make_researcher())
    row = by_title(download(client, year)["Behoeften"])["Meedoen kost te veel"]
    assert row["Aandeel inwoners (gewogen)"] == pytest.approx(40 / 60, abs=0.15)
    assert "bij ‘Wat houdt u tegen om mee te doen?’, 95%-interval" in row["Over dat aandeel"]


def test_text_typed_by_people_is_never_run_as_a_formula(client):
    sport, _money = make_themes()
    session = make_session(sport)
    create_item(
        year=2026,
        kind="behoefte",
        title='=HYPERLINK("http://example.org","klik")',
        statements=[say(session, "-1 euro per les zou helpen", kind="citaat", theme=sport)],
    )
    client.force_login(make_researcher())
    (row,) = by_title(download(client)["Behoeften"]).values()
    assert row["Titel"] == '\'=HYPERLINK("http://example.org","klik")'
    assert row["Citaten"] == "'-1 euro per les zou helpen"
