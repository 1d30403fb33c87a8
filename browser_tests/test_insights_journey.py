"""Issue 6's researcher journey in a real browser: filter the analysis by wijk, open a
crosstab, code a session statement that had no theme yet, merge two longlist items, open
the gap view, download the results report as PDF and choose its questions; axe-core finds
no WCAG 2.1 AA problems on these pages (and the report) at 360 and 1280 px."""

import pytest
from playwright.sync_api import expect

from browser_tests.survey_helpers import demo_survey
from browser_tests.test_survey_staff_pages import axe_at_both_widths, make_researcher
from browser_tests.test_till import log_in_as
from zaansepas.insights.demo_data import create_demo_longlists
from zaansepas.insights.models import ListKind, LonglistItem
from zaansepas.research.demo_data import create_demo_research
from zaansepas.research.models import Statement

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_researcher_filters_by_wijk_opens_a_crosstab_and_codes_a_statement(page, live_server):
    survey, _code = demo_survey(responses=2000)
    create_demo_research()
    log_in_as(page, make_researcher(), live_server)
    problems = []

    page.goto(f"/onderzoek/vragenlijsten/{survey.pk}/analyse/")
    expect(page.get_by_text("Effectieve steekproefomvang")).to_be_visible()
    page.get_by_label("Alleen inwoners van wijk").select_option(label="Poelenburg")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("status").filter(has_text="uit Poelenburg")).to_be_visible()
    # Few residents: small cells are hidden, and the reason is there for screen readers.
    expect(page.locator("#tabel-inkomen")).to_contain_text("verborgen")
    problems += axe_at_both_widths(page, "analysis-poelenburg")

    page.get_by_role("link", name="Maak een kruistabel").click()
    page.get_by_label("Vraag (regels)").select_option("inkomen")
    page.get_by_label("Uitgesplitst naar (kolommen)").select_option("_leeftijd")
    page.get_by_label("Alleen inwoners van wijk").select_option("")
    page.get_by_role("button", name="Maak kruistabel").click()
    expect(page.locator("#kruistabel")).to_be_visible()
    expect(page.get_by_text("Toets op samenhang (Rao–Scott)")).to_be_visible()
    problems += axe_at_both_widths(page, "crosstab")

    uncoded = Statement.objects.filter(theme__isnull=True).first()
    page.goto("/onderzoek/uitspraken/")
    page.get_by_role("link", name="Toon de uitspraken zonder thema").click()
    item = page.locator(f"#uitspraak-{uncoded.pk}")
    item.get_by_label("Thema").select_option(label="Meedoen en ontmoeten")
    item.get_by_role("button", name="Codering opslaan").click()
    uncoded.refresh_from_db()
    assert uncoded.theme is not None and uncoded.theme.name == "Meedoen en ontmoeten"
    problems += axe_at_both_widths(page, "statements")

    create_demo_longlists()
    page.get_by_role("link", name="Groslijsten").first.click()
    survivor = LonglistItem.objects.filter(kind=ListKind.NEED, merged_into__isnull=True).first()
    page.goto(f"/onderzoek/groslijsten/{survivor.pk}/")
    problems += axe_at_both_widths(page, "longlist-item")
    merge_box = page.locator('input[name="items"]').first
    other_pk = int(merge_box.get_attribute("value"))
    merge_box.check()
    page.get_by_role("button", name="Samenvoegen").click()
    assert LonglistItem.objects.get(pk=other_pk).merged_into_id == survivor.pk
    page.goto("/onderzoek/groslijsten/gaten/")
    expect(page.locator("#gaten")).to_be_visible()
    problems += axe_at_both_widths(page, "longlist-gaps")

    page.goto(f"/onderzoek/vragenlijsten/{survey.pk}/analyse/")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    page.goto(f"/onderzoek/vragenlijsten/{survey.pk}/resultaten/")
    problems += axe_at_both_widths(page, "report")

    # Choose the report's questions: only "Hoe vaak gebruikt u de Zaanse Pas?" from now on.
    page.get_by_role("link", name="Vragen in dit rapport kiezen").click()
    problems += axe_at_both_widths(page, "report-questions")
    for box in page.locator("input[name=vraag]:checked").all()[::-1]:
        box.uncheck()  # from the last one: each locator points at "the n-th checked box"
    page.get_by_label("gebruik_pas Hoe vaak gebruikt u de Zaanse Pas?").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De vragen voor het rapport zijn opgeslagen.")).to_be_visible()
    page.goto(f"/onderzoek/vragenlijsten/{survey.pk}/resultaten/")
    figures = page.locator("section[aria-labelledby=vragenlijst] h3")
    expect(figures).to_have_text(["Hoe vaak gebruikt u de Zaanse Pas?"])
    assert not problems, "\n\n".join(problems)


def test_a_researcher_finds_names_and_codes_themes_in_open_answers(page, live_server):
    from zaansepas.insights.models import AnswerCoding, AnswerTheme

    survey, _code = demo_survey(responses=600)
    log_in_as(page, make_researcher(), live_server)
    problems = []

    page.goto(f"/onderzoek/vragenlijsten/{survey.pk}/analyse/")
    page.get_by_role("link", name="Thema's in de open antwoorden").click()
    problems += axe_at_both_widths(page, "open-questions")
    page.get_by_role("link", name="Wat zou u het meest helpen?").click()
    page.get_by_label("Aantal thema's").fill("6")
    page.get_by_role("button", name="Zoek thema's").click()
    expect(page.get_by_text("De thema's zijn gevonden.")).to_be_visible()
    assert AnswerTheme.objects.count() == 6
    problems += axe_at_both_widths(page, "themes")

    first = page.locator(".zp-theme").first
    first.locator("summary").click()
    first.get_by_label("Naam").fill("Contact en samen eten")
    first.get_by_role("button", name="Naam opslaan").click()
    expect(page.get_by_role("heading", name="Contact en samen eten")).to_be_visible()
    renamed = AnswerTheme.objects.get(name="Contact en samen eten")

    page.locator(".zp-theme").first.get_by_role("link", name="Antwoorden bekijken").click()
    expect(page.get_by_role("heading", name="Antwoorden in het thema")).to_be_visible()
    problems += axe_at_both_widths(page, "theme-answers")
    answer = page.locator(".zp-answer").first
    answer.get_by_role("combobox").select_option("geen")
    answer.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het antwoord is gecodeerd.")).to_be_visible()
    assert AnswerCoding.objects.filter(by_hand=True, theme__isnull=True).count() == 1

    page.get_by_role("link", name="Wat zou u het meest helpen?").click()
    heading = page.get_by_role("heading", name="Contact en samen eten")
    theme = page.locator(".zp-theme").filter(has=heading)
    theme.locator("summary").click()
    theme.get_by_role("button", name="Op de groslijst").click()
    expect(page.get_by_role("heading", name="Contact en samen eten", level=1)).to_be_visible()
    item = LonglistItem.objects.get(answer_themes=renamed)
    expect(page.locator("#bewijs")).to_contain_text("in het thema “Contact en samen eten”")
    problems += axe_at_both_widths(page, f"longlist-item-{item.pk}")
    assert not problems, "\n\n".join(problems)
