"""A researcher's survey pages in a real browser, on a phone (360 px) and a desktop (1280 px):
axe-core finds no WCAG 2.1 AA problems on the survey list, the builder, translations, the
Arabic preview, paper entry, channels, the response dashboard (with the demo's 2,000
responses), downloads, the codebook and the XLSForm import; and a question is edited in
place with htmx, without a page load.

Each page is loaded once and checked at both widths by resizing the window: the media
queries switch as on a real screen, and it halves the slow part (loading axe-core)."""

import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from browser_tests.survey_helpers import (
    assert_no_sideways_scroll,
    demo_survey,
    tab_to,
    type_text,
)
from browser_tests.test_till import log_in_as
from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.surveys.demo_data import UNDER_REPRESENTED
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.models import Question
from zaansepas.surveys.spec import create_survey_from_spec
from zaansepas.surveys.tests.survey_fixtures import every_kind_spec

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}


def make_researcher() -> User:
    ensure_role_groups()
    user = User.objects.create_user("onderzoeker@example.org", "een-lang-wachtwoord")
    grant_role(user, Role.RESEARCHER)
    return user


def researcher_pages(survey) -> list[tuple[str, str, str]]:
    """(name, path, something the page must show) for every researcher page of a survey."""
    base = f"/onderzoek/vragenlijsten/{survey.pk}"
    return [
        ("list", "/onderzoek/vragenlijsten/", needs_scan_spec()["title"]["nl"]),
        ("builder", f"{base}/", "behoefte_thema"),
        ("translations", f"{base}/vertalen/", "Hoe ver is elke taal?"),
        ("translations-tr", f"{base}/vertalen/?taal=tr", "Vertalen naar het"),
        ("preview-ar", f"{base}/voorbeeld/?taal=ar", "هل تعرف بطاقة Zaanse Pas؟"),
        ("paper", f"{base}/papier/", "Een papieren vragenlijst invoeren"),
        ("channels", f"{base}/kanalen/", "Bibliotheek Zaanstad"),
        ("monitor", f"{base}/respons/", "Per wijk"),
        ("downloads", f"{base}/downloads/", "Antwoorden downloaden"),
        ("codebook", f"{base}/codeboek/", "behoefte_thema"),
        ("xlsform-import", "/onderzoek/vragenlijsten/importeren/", "XLSForm"),
    ]


def axe_at_both_widths(page, name: str) -> list[str]:
    """axe-core on the page as a phone and as a desktop shows it, and nothing to scroll
    sideways; the problems found."""
    problems = []
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        try:
            assert_no_axe_violations(page)
            assert_no_sideways_scroll(page)
        except AssertionError as problem:
            problems.append(f"{name} at {size['width']} px: {problem}")
        screenshot(page, f"survey-staff-{name}-{size['width']}")
    page.set_viewport_size(PHONE)
    return problems


def test_every_researcher_page_has_no_axe_violations_on_phone_and_desktop(page, live_server):
    survey, _code = demo_survey(responses=2000)
    log_in_as(page, make_researcher(), live_server)
    problems = []
    for name, path, shown in researcher_pages(survey):
        page.goto(path)
        expect(page.locator("main")).to_contain_text(shown)
        if name == "preview-ar":
            preview = page.locator(".zp-preview")
            expect(preview).to_have_attribute("lang", "ar")
            expect(preview).to_have_attribute("dir", "rtl")
        if name == "monitor":
            # The dashboard has the demo's content: the wijken that answer too little
            flagged = page.locator("#tabel-wijk .zp-monitor__flagged")
            for wijk in UNDER_REPRESENTED:
                expect(flagged.filter(has_text=wijk)).to_have_count(1)
        problems += axe_at_both_widths(page, name)
    assert not problems, "\n\n".join(problems)


def open_question_form(page, survey, question):
    page.goto(f"/onderzoek/vragenlijsten/{survey.pk}/")
    # A marker on the window survives htmx swaps but not a page load.
    page.evaluate("() => { window.zpNoReload = true; }")
    main = page.locator("main")
    main.get_by_role("link", name=f"Bewerk vraag {question.code}").click()
    form = main.locator("#vraag-form")
    expect(form.get_by_role("heading")).to_have_text(f"Vraag {question.code} bewerken")
    expect(main.get_by_role("link", name=f"Bewerk vraag {question.code}")).to_have_count(0)
    return form


def test_a_question_is_edited_in_place_without_a_page_load(page, live_server):
    survey = create_survey_from_spec(every_kind_spec())  # a draft: it can still change
    question = Question.objects.get(survey=survey, code="tevreden")
    log_in_as(page, make_researcher(), live_server)
    main = page.locator("main")
    form = open_question_form(page, survey, question)
    text = form.locator('textarea[name="text"]')
    expect(text).to_have_value("De pas helpt mij.")

    # A mistake: the error shows inside the form, which stays in place
    text.fill("")
    form.get_by_role("button", name="Vraag opslaan").click()
    expect(form.locator(".utrecht-form-field-error-message")).to_be_visible()
    expect(main.locator("#vraag-form")).to_have_count(1)
    expect(text).to_have_attribute("aria-invalid", "true")
    screenshot(page, "survey-staff-edit-error")

    text.fill("De pas helpt mij echt.")
    form.get_by_role("button", name="Vraag opslaan").click()
    card = main.locator(f"#vraag-{question.pk}")
    expect(card).to_contain_text("De pas helpt mij echt.")
    expect(main.locator("#vraag-form")).to_have_count(0)
    expect(page.locator("#zp-messages")).to_contain_text("Vraag tevreden is opgeslagen.")
    assert page.evaluate("() => window.zpNoReload === true"), "the page was loaded anew"
    problems = axe_at_both_widths(page, "builder-edited")
    assert not problems, "\n\n".join(problems)
    question.refresh_from_db()
    assert question.text["nl"] == "De pas helpt mij echt."


def test_the_question_edited_in_place_has_no_axe_violations(page, live_server):
    survey = create_survey_from_spec(every_kind_spec())
    question = Question.objects.get(survey=survey, code="tevreden")
    log_in_as(page, make_researcher(), live_server)
    form = open_question_form(page, survey, question)
    problems = axe_at_both_widths(page, "builder-edit")
    form.locator('textarea[name="text"]').fill("")
    form.get_by_role("button", name="Vraag opslaan").click()
    expect(form.locator(".utrecht-form-field-error-message")).to_be_visible()
    problems += axe_at_both_widths(page, "builder-edit-error")
    assert not problems, "\n\n".join(problems)


def test_the_keyboard_focus_stays_at_the_question_saved_in_place(page, live_server):
    survey = create_survey_from_spec(every_kind_spec())
    question = Question.objects.get(survey=survey, code="tevreden")
    log_in_as(page, make_researcher(), live_server)
    page.goto(f"/onderzoek/vragenlijsten/{survey.pk}/")
    tab_to(page, name=f"Bewerk vraag {question.code}")
    page.keyboard.press("Enter")
    expect(page.locator("#vraag-form")).to_be_visible()
    type_text(page, 'textarea[name="text"]', " Echt.")
    tab_to(page, name="Vraag opslaan")
    page.keyboard.press("Enter")
    expect(page.locator(f"#vraag-{question.pk}")).to_contain_text("Echt.")
    # The focus moves once htmx has swapped the list in; wait for it, as a user would.
    page.wait_for_function(
        "(id) => document.activeElement === document.getElementById(id)", arg=f"vraag-{question.pk}"
    )
    page.keyboard.press("Tab")
    assert page.evaluate(
        "(id) => document.getElementById(id).contains(document.activeElement)",
        f"vraag-{question.pk}",
    ), "Tab after saving should stay at the saved question"
