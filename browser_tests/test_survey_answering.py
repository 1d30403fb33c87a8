"""A resident answers the demo needs scan on a cheap phone (360 px): with the keyboard only,
in Dutch and in Arabic (right to left); without JavaScript; saving halfway on the phone and
going on from the resume link on a computer, where the matrix is a grid. axe-core checks
every kind of survey page on the way: landing, each question page (together they hold every
question kind), errors, saved, thanks with the consent form, consent given, withdraw, and
the messages for a closed survey and for invitations.

The journeys check axe as they go (as the till test does): fewer runs of the slow part
(a fresh survey, browser context and database flush per test) for the same coverage."""

import re

import pytest
from playwright.sync_api import expect

from browser_tests import assert_no_axe_violations, screenshot
from browser_tests.survey_helpers import (
    assert_focus_visible,
    assert_no_sideways_scroll,
    choose,
    demo_survey,
    press_button,
    rank,
    tab_to,
    tick,
    type_text,
)
from zaansepas.city.models import PostcodeArea
from zaansepas.surveys.answering import invitation_token
from zaansepas.surveys.chrome import say
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.models import (
    Channel,
    ChannelKind,
    FollowUpConsent,
    Invitation,
    QuestionKind,
    Response,
    SurveyStatus,
)

pytestmark = pytest.mark.django_db(transaction=True)

# The rows of the demo's needs matrix (the city's policy themes).
THEMES = [
    "meedoen-ontmoeten",
    "sport-bewegen",
    "cultuur-vrije-tijd",
    "gezondheid-zorg",
    "werk-leren-taal",
    "geld-basisbehoeften",
]
WITHDRAW_URL = re.compile(r"/v/intrekken/[^/]+/$")


def demo_text(code: str, language: str) -> str:
    """A question's text in the demo spec, as the respondent should read it."""
    for section in needs_scan_spec()["sections"]:
        for question in section["questions"]:
            if question["code"] == code:
                return question["text"][language]
    raise KeyError(code)


def a_zaanstad_postcode() -> str:
    return PostcodeArea.objects.order_by("postcode4").values_list("postcode4", flat=True)[0]


def on_step(page, language: str, step: int, total: int) -> None:
    expect(page.locator(".zp-progress")).to_contain_text(
        say(language, "step", current=step, total=total)
    )


def check_page(page) -> None:
    """What every survey page must pass: axe-core, and it fits the phone's width."""
    assert_no_axe_violations(page)
    assert_no_sideways_scroll(page)


def answer_with_mouse(page, fields: dict) -> None:
    """Fill a page the quick way, for tests that are not about the keyboard."""
    main = page.locator("main")
    for field, value in fields.items():
        if field.startswith("#"):
            main.locator(field).fill(value)
        else:
            for one in value if isinstance(value, list) else [value]:
                main.locator(f'input[name="{field}"][value="{one}"]').check()


def next_page(page, language="nl") -> None:
    page.locator("main").get_by_role("button", name=say(language, "next"), exact=True).click()


def test_a_resident_completes_the_demo_survey_in_dutch_with_the_keyboard_only(page):
    survey, code = demo_survey()
    postcode = a_zaanstad_postcode()
    page.goto(f"/v/{code}/")
    expect(page.locator(".zp-survey")).to_have_attribute("lang", "nl")
    check_page(page)
    screenshot(page, "survey-answer-00-landing")

    tab_to(page, name="Beginnen")
    assert_focus_visible(page)
    press_button(page, "Beginnen")
    # Page 1: the pass (a note and a yes/no question)
    on_step(page, "nl", 1, 6)
    check_page(page)
    choose(page, "q-kent_pas", "1")
    assert_focus_visible(page)
    press_button(page, "Volgende")
    # Page 2: shown because the resident knows the pass; multiple choice with "anders"
    on_step(page, "nl", 2, 7)
    expect(page.locator("main")).to_contain_text(demo_text("hoe_gehoord", "nl"))
    check_page(page)
    choose(page, "q-heeft_pas", "1")
    tick(page, "q-hoe_gehoord", "social")
    assert_focus_visible(page)
    tick(page, "q-hoe_gehoord", "anders")
    type_text(page, "#q-hoe_gehoord-anders", "Via de buurvrouw")
    assert_focus_visible(page)
    press_button(page, "Volgende")
    # Page 3: single choice
    check_page(page)
    choose(page, "q-gebruik_pas", "maandelijks")
    press_button(page, "Volgende")
    # Page 4: Likert and a mark from 0 to 10
    check_page(page)
    choose(page, "q-tevreden_pas", "4")
    choose(page, "q-cijfer_pas", "8")
    assert_focus_visible(page)
    press_button(page, "Volgende")
    # Page 5: needs per theme (a required matrix), offers, ranking, an open answer
    check_page(page)
    screenshot(page, "survey-answer-05-matrix")
    for theme, level in zip(THEMES, ["veel", "beetje", "niet", "veel", "weet_niet", "veel"]):
        choose(page, f"q-behoefte_thema-{theme}", level)
    assert_focus_visible(page)
    tick(page, "q-zou_gebruiken", "zwemles")
    tick(page, "q-zou_gebruiken", "vervoer")
    rank(page, "q-belangrijkst-geld-basisbehoeften", 1)
    assert_focus_visible(page)
    rank(page, "q-belangrijkst-sport-bewegen", 2)
    type_text(page, "#q-meest_helpen", "Goedkopere zwemles voor mijn kinderen")
    press_button(page, "Volgende")
    # Page 6: barriers (required, with "anders, namelijk") and a smaller matrix
    check_page(page)
    tick(page, "q-barriere", "kosten")
    tick(page, "q-barriere", "anders")
    type_text(page, "#q-barriere-anders", "Geen fiets")
    choose(page, "q-stellingen-meedoen", "eens")
    press_button(page, "Volgende")
    # Page 7: about you: postcode, age band, household
    check_page(page)
    type_text(page, "#q-postcode", postcode)
    assert_focus_visible(page)
    choose(page, "q-leeftijd", "25-44")
    choose(page, "q-huishouden", "partner_kinderen")
    press_button(page, "Volgende")
    # Page 8: the number of children is asked because there are children
    on_step(page, "nl", 8, 8)
    check_page(page)
    type_text(page, "#q-kinderen", "2")
    choose(page, "q-inkomen", "tot_1500")
    press_button(page, "Versturen")

    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
    response = Response.objects.get(survey=survey)
    expect(page.get_by_role("status")).to_contain_text(response.reference)
    check_page(page)
    screenshot(page, "survey-answer-09-thanks")
    answers = response.answers
    assert answers["kent_pas"] == "1"
    assert answers["heeft_pas"] == "1"
    assert answers["hoe_gehoord"] == ["social", "anders"]
    assert answers["hoe_gehoord.other"] == "Via de buurvrouw"
    assert answers["gebruik_pas"] == "maandelijks"
    assert answers["tevreden_pas"] == "4"
    assert answers["cijfer_pas"] == 8
    assert answers["behoefte_thema"] == {
        "meedoen-ontmoeten": "veel",
        "sport-bewegen": "beetje",
        "cultuur-vrije-tijd": "niet",
        "gezondheid-zorg": "veel",
        "werk-leren-taal": "weet_niet",
        "geld-basisbehoeften": "veel",
    }
    assert answers["zou_gebruiken"] == ["zwemles", "vervoer"]
    assert answers["belangrijkst"] == ["geld-basisbehoeften", "sport-bewegen"]
    assert answers["meest_helpen"] == "Goedkopere zwemles voor mijn kinderen"
    assert answers["barriere"] == ["kosten", "anders"]
    assert answers["barriere.other"] == "Geen fiets"
    assert answers["stellingen"] == {"meedoen": "eens"}
    assert answers["postcode"] == postcode
    assert answers["leeftijd"] == "25-44"
    assert answers["huishouden"] == "partner_kinderen"
    assert answers["kinderen"] == 2
    assert answers["inkomen"] == "tot_1500"
    assert "kopen_pas" not in answers  # hidden: the resident has a pass
    assert response.language == "nl"
    # The pages axe checked on the way hold every kind of question there is.
    shown_kinds = {
        question["kind"]
        for section in needs_scan_spec()["sections"]
        for question in section["questions"]
        if question["code"] not in {"waarom_niet", "kopen_pas"}  # hidden on this path
    }
    assert shown_kinds == set(QuestionKind.values)

    # The follow-up consent with the keyboard: first a wrong e-mail address, then right.
    type_text(page, "#vervolg-naam", "Fatma Yilmaz")
    type_text(page, "#vervolg-email", "fatma-at-example")
    press_button(page, "Ja, u mag mij benaderen")
    expect(page.locator("#vervolg-email-fout")).to_have_text(say("nl", "error_email"))
    expect(page.locator("#vervolg-naam")).to_have_value("Fatma Yilmaz")
    check_page(page)
    screenshot(page, "survey-answer-10-consent-error")
    tab_to(page, "#vervolg-email")
    page.keyboard.press("Control+a")
    page.keyboard.press("Backspace")
    type_text(page, "#vervolg-telefoon", "06 12345678")
    assert_focus_visible(page)
    press_button(page, "Ja, u mag mij benaderen")
    expect(page.get_by_role("status")).to_have_text(say("nl", "consent_given"))
    withdraw_link = page.locator(".zp-resume-link a")
    expect(withdraw_link).to_have_attribute("href", WITHDRAW_URL)
    check_page(page)
    consent = FollowUpConsent.objects.get(survey=survey)
    assert (consent.reference, consent.name) == (response.reference, "Fatma Yilmaz")
    assert (consent.phone, consent.email) == ("06 12345678", "")

    # Withdrawing it later, from the link, with the keyboard
    page.goto(withdraw_link.get_attribute("href"))
    expect(page.get_by_role("heading", level=1)).to_have_text(say("nl", "withdraw_title"))
    check_page(page)
    press_button(page, say("nl", "withdraw_button"))
    expect(page.get_by_role("status")).to_have_text(say("nl", "withdrawn"))
    check_page(page)
    assert not FollowUpConsent.objects.filter(survey=survey).exists()
    assert Response.objects.filter(survey=survey).count() == 1  # the answers stay


def test_a_resident_answers_in_arabic_right_to_left_with_the_keyboard_only(page):
    survey, code = demo_survey()
    page.goto(f"/v/{code}/")
    tab_to(page, name="العربية")
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    wrapper = page.locator(".zp-survey")
    expect(wrapper).to_have_attribute("lang", "ar")
    expect(wrapper).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(needs_scan_spec()["title"]["ar"])
    check_page(page)

    press_button(page, say("ar", "start"))
    expect(wrapper).to_have_attribute("dir", "rtl")
    on_step(page, "ar", 1, 6)
    expect(page.locator("main")).to_contain_text(demo_text("kent_pas", "ar"))
    choose(page, "q-kent_pas", "0")
    press_button(page, say("ar", "next"))
    # Does not know the pass: straight on to "would you buy it?"
    expect(page.locator("main")).to_contain_text(demo_text("kopen_pas", "ar"))
    choose(page, "q-kopen_pas", "misschien")
    press_button(page, say("ar", "next"))
    expect(page.locator("main")).to_contain_text(demo_text("behoefte_thema", "ar"))
    check_page(page)
    screenshot(page, "survey-answer-ar-matrix")
    for theme in THEMES:
        choose(page, f"q-behoefte_thema-{theme}", "beetje")
    assert_focus_visible(page)
    type_text(page, "#q-meest_helpen", "دروس اللغة الهولندية")
    press_button(page, say("ar", "next"))
    tick(page, "q-barriere", "taal")
    assert_focus_visible(page)
    press_button(page, say("ar", "next"))
    choose(page, "q-huishouden", "alleen")
    press_button(page, say("ar", "next"))
    on_step(page, "ar", 6, 6)
    choose(page, "q-taal_thuis", "ar")
    press_button(page, say("ar", "submit"))

    expect(page.get_by_role("heading", level=1)).to_have_text(say("ar", "thanks_title"))
    expect(wrapper).to_have_attribute("dir", "rtl")
    expect(page.locator("#vervolg-titel")).to_have_text(say("ar", "consent_title"))
    response = Response.objects.get(survey=survey)
    assert response.language == "ar"
    assert response.answers["kent_pas"] == "0"
    assert response.answers["kopen_pas"] == "misschien"
    assert response.answers["behoefte_thema"] == dict.fromkeys(THEMES, "beetje")
    assert response.answers["barriere"] == ["taal"]
    assert response.answers["meest_helpen"] == "دروس اللغة الهولندية"
    assert response.answers["taal_thuis"] == "ar"
    screenshot(page, "survey-answer-ar-thanks")


def test_saving_on_the_phone_and_going_on_on_a_computer_where_the_matrix_is_a_grid(
    page, desktop_page
):
    survey, code = demo_survey()
    main = page.locator("main")
    page.goto(f"/v/{code}/")
    main.get_by_role("button", name="Beginnen").click()
    # A required question left empty: the error summary and the message at the question
    next_page(page)
    expect(page.locator("#fouten")).to_contain_text(say("nl", "error_required"))
    expect(main.locator("#q-kent_pas-fout")).to_have_text(say("nl", "error_required"))
    assert_no_axe_violations(page)
    screenshot(page, "survey-answer-errors")
    answer_with_mouse(page, {"q-kent_pas": "1"})
    next_page(page)
    answer_with_mouse(page, {"q-heeft_pas": "1", "q-hoe_gehoord": ["school", "anders"]})
    main.locator("#q-hoe_gehoord-anders").fill("Op het werk")
    main.get_by_role("button", name="Opslaan en later verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(say("nl", "saved_title"))
    assert_no_axe_violations(page)
    screenshot(page, "survey-answer-saved")
    resume_link = main.locator(".zp-resume-link a").get_attribute("href")
    assert f"/v/{code}/verder/" in resume_link

    computer = desktop_page  # a fresh browser context: nothing but the link
    computer.goto(resume_link)
    on_computer = computer.locator("main")
    on_step(computer, "nl", 2, 8)  # has a pass: the questions about it now count
    expect(on_computer.locator('input[name="q-heeft_pas"][value="1"]')).to_be_checked()
    expect(on_computer.locator('input[name="q-hoe_gehoord"][value="school"]')).to_be_checked()
    expect(on_computer.locator('input[name="q-hoe_gehoord"][value="anders"]')).to_be_checked()
    expect(on_computer.locator('input[name="q-hoe_gehoord"][value="social"]')).not_to_be_checked()
    expect(on_computer.locator("#q-hoe_gehoord-anders")).to_have_value("Op het werk")
    on_computer.get_by_role("button", name="Vorige").click()
    expect(on_computer.locator('input[name="q-kent_pas"][value="1"]')).to_be_checked()
    next_page(computer)
    next_page(computer)
    answer_with_mouse(computer, {"q-gebruik_pas": "nooit"})
    next_page(computer)
    expect(on_computer).to_contain_text(demo_text("waarom_niet", "nl"))
    next_page(computer)

    # On the wide screen the matrix is a grid: the options once in a header row, the
    # radios' own labels kept for screen readers but hidden from sight.
    matrix = on_computer.locator(".zp-matrix").first
    expect(matrix).to_contain_text(demo_text("behoefte_thema", "nl"))
    expect(matrix.locator(".zp-matrix__head")).to_be_visible()
    expect(matrix.locator(".zp-matrix__head")).to_contain_text("Een beetje")
    label = matrix.locator(".zp-matrix__option label").first
    expect(label).to_have_text("Niet nodig")
    assert label.bounding_box()["width"] <= 1
    assert_no_axe_violations(computer)
    screenshot(computer, "survey-answer-matrix-wide")
    # On the phone it is one small fieldset per row, with the labels beside the radios.
    page.goto(f"/v/{code}/p/4/")  # the phone still holds the same draft
    narrow = main.locator(".zp-matrix").first
    expect(narrow.locator(".zp-matrix__head")).to_be_hidden()
    assert narrow.locator(".zp-matrix__option label").first.bounding_box()["width"] > 20
    assert not Response.objects.filter(survey=survey).exists()


def test_the_survey_works_without_javascript(make_page):
    page = make_page(java_script_enabled=False)
    survey, code = demo_survey()
    main = page.locator("main")
    page.goto(f"/v/{code}/")
    main.get_by_role("button", name="Beginnen").click()
    answer_with_mouse(page, {"q-kent_pas": "1"})
    next_page(page)
    # The first page's answer decided what comes next, on the server
    answer_with_mouse(page, {"q-heeft_pas": "0"})
    next_page(page)
    expect(main).to_contain_text(demo_text("kopen_pas", "nl"))
    answer_with_mouse(page, {"q-kopen_pas": "ja"})
    next_page(page)
    answer_with_mouse(page, {f"q-behoefte_thema-{theme}": "niet" for theme in THEMES})
    main.locator('select[name="q-belangrijkst-werk-leren-taal"]').select_option("1")
    next_page(page)
    answer_with_mouse(page, {"q-barriere": ["geen"]})
    next_page(page)
    answer_with_mouse(page, {"q-huishouden": "partner"})
    next_page(page)
    main.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")
    response = Response.objects.get(survey=survey)
    expect(page.get_by_role("status")).to_contain_text(response.reference)
    assert response.answers["kopen_pas"] == "ja"
    assert response.answers["belangrijkst"] == ["werk-leren-taal"]
    assert response.answers["barriere"] == ["geen"]


def test_invitation_and_closed_survey_pages_have_no_axe_violations(page):
    survey, code = demo_survey()
    channel = Channel.objects.create(
        survey=survey, kind=ChannelKind.INVITATION, name="Uitnodigingen", code="uitnod23"
    )
    invitation = Invitation.objects.create(channel=channel, public_id="abcdefgh", language="tr")

    page.goto(f"/v/{channel.code}/u/{invitation_token(invitation)}/")
    expect(page.locator(".zp-survey")).to_have_attribute("lang", "tr")  # as invited
    expect(page.get_by_role("button", name=say("tr", "start"))).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, "survey-answer-invitation")
    page.goto(f"/v/{channel.code}/")  # the invitation channel without a token
    expect(page.get_by_role("status")).to_have_text(say("nl", "invitation_only"))
    assert_no_axe_violations(page)

    survey.status = SurveyStatus.CLOSED
    survey.save(update_fields=["status"])
    page.goto(f"/v/{code}/")
    expect(page.get_by_role("status")).to_have_text(say("nl", "closed"))
    assert_no_axe_violations(page)
    screenshot(page, "survey-answer-closed")
