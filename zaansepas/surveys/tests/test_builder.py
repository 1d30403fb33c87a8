"""Building a survey: the researcher pages and the checks behind them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from zaansepas.accounts.models import Role
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.surveys import builder
from zaansepas.surveys.models import Choice, Question, Survey, SurveyStatus
from zaansepas.surveys.spec import survey_to_spec

from .survey_fixtures import every_kind_spec, published_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def researcher(client):
    ensure_role_groups()
    user = get_user_model().objects.create_user("onderzoek@example.nl", "x")
    grant_role(user, Role.RESEARCHER)
    client.force_login(user)
    return user


@pytest.fixture
def draft():
    survey = published_survey()
    survey.status = SurveyStatus.DRAFT
    survey.save()
    return survey


def test_a_researcher_creates_a_survey_and_adds_a_question(client, researcher):
    response = client.post(reverse("surveys:staff_list"), {"title": "Sportenquête", "series": ""})
    survey = Survey.objects.get()
    assert response["Location"] == reverse("surveys:staff_detail", args=[survey.pk])
    assert survey.series == "sportenquete"
    section = survey.sections.get()
    client.post(
        reverse("surveys:question_add", args=[survey.pk, section.pk]),
        {"kind": "yes_no", "code": "sport", "text": "Sport u?"},
    )
    question = Question.objects.get()
    # A yes/no question is complete at once: its answers come with it.
    assert list(question.choices.values_list("code", flat=True)) == ["1", "0"]
    page = client.get(reverse("surveys:staff_detail", args=[survey.pk])).content.decode()
    assert "Sport u?" in page


def test_editing_a_question_sets_answers_and_a_condition(client, researcher, draft):
    question = Question.objects.get(survey=draft, code="tevreden")
    response = client.post(
        reverse("surveys:question_edit", args=[draft.pk, question.pk]),
        {
            "code": "tevreden",
            "kind": "single_choice",
            "text": "Bent u tevreden?",
            "options": "j = Ja\nn = Nee\nw = Weet ik niet [geen]",
            "rule1_question": "kent_pas",
            "rule1_op": "eq",
            "rule1_value": "1",
            "match": "all",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == {"nl": "Bent u tevreden?"}
    assert question.show_if == {
        "match": "all",
        "rules": [{"question": "kent_pas", "op": "eq", "value": "1"}],
    }
    assert [(c.code, c.is_exclusive) for c in question.choices.all()] == [
        ("j", False),
        ("n", False),
        ("w", True),
    ]


def test_an_unchanged_dutch_text_keeps_its_translations(client, researcher, draft):
    question = Question.objects.get(survey=draft, code="kent_pas")
    client.post(
        reverse("surveys:question_edit", args=[draft.pk, question.pk]),
        {
            "code": "kent_pas",
            "kind": "yes_no",
            "text": "Kent u de Zaanse Pas?",
            "required": "on",
            "options": "1 = Ja\n0 = Nee",
        },
    )
    question.refresh_from_db()
    assert question.text["tr"] == "Kartı biliyor musunuz?"
    client.post(
        reverse("surveys:question_edit", args=[draft.pk, question.pk]),
        {
            "code": "kent_pas",
            "kind": "yes_no",
            "text": "Kent u de pas?",
            "options": "1 = Ja\n0 = Nee",
        },
    )
    question.refresh_from_db()
    assert question.text == {"nl": "Kent u de pas?"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "Kent Pas"}, "de code moet beginnen met een kleine letter"),
        ({"code": "postcode"}, "komt twee keer voor"),
        ({"kind": "single_choice", "options": "1 = Alleen dit"}, "minstens twee antwoorden"),
        (
            {"rule1_question": "cijfer", "rule1_op": "eq", "rule1_value": "3"},
            "Selecteer een geldige keuze",
        ),
        ({"minimum": "10", "maximum": "2", "kind": "number"}, "minimum is groter dan het maximum"),
        ({"minimum": "tien", "kind": "number"}, "moet een getal zijn"),
    ],
)
def test_a_wrong_edit_is_explained_and_changes_nothing(client, researcher, draft, changes, message):
    question = Question.objects.get(survey=draft, code="tevreden")
    before = survey_to_spec(draft)
    data = {
        "code": "tevreden",
        "kind": "likert",
        "text": "De pas helpt mij.",
        "options": "1 = a\n2 = b\n3 = c\n4 = d\n5 = e",
        **changes,
    }
    response = client.post(reverse("surveys:question_edit", args=[draft.pk, question.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert survey_to_spec(draft) == before


def test_renaming_a_question_updates_the_conditions_that_look_at_it(draft):
    question = Question.objects.get(survey=draft, code="kent_pas")
    builder.update_question(question, {"code": "bekend"})
    assert Question.objects.get(code="gebruik").show_if["rules"][0]["question"] == "bekend"


def test_a_question_another_condition_looks_at_cannot_be_deleted_or_moved_below_it(draft):
    question = Question.objects.get(survey=draft, code="kent_pas")
    with pytest.raises(Exception, match="kijkt ernaar"):
        builder.delete_question(question)
    # kent_pas is in section 1 with gebruik after it; moving it down would break gebruik.
    with pytest.raises(Exception, match="staat er niet vóór"):
        builder.move_question(question, +1)
    assert list(Question.objects.filter(section=question.section).values_list("code", flat=True))[
        :2
    ] == ["kent_pas", "gebruik"]


def test_a_published_survey_is_frozen_and_a_new_version_keeps_the_codes(client, researcher):
    survey = published_survey()
    question = Question.objects.get(survey=survey, code="cijfer")
    response = client.post(
        reverse("surveys:question_edit", args=[survey.pk, question.pk]),
        {"code": "cijfer", "kind": "rating", "text": "Anders"},
    )
    assert response.status_code == 400
    assert "ligt vast" in response.content.decode()
    client.post(reverse("surveys:publish", args=[survey.pk]), {"action": "new_version"})
    new = Survey.objects.get(version=2)
    assert (new.series, new.status) == (survey.series, SurveyStatus.DRAFT)
    old_spec, new_spec = survey_to_spec(survey), survey_to_spec(new)
    assert old_spec == new_spec
    assert (
        Choice.objects.filter(question__survey=new).count()
        == Choice.objects.filter(question__survey=survey).count()
    )


def test_publishing_refuses_an_incomplete_survey(client, researcher):
    client.post(reverse("surveys:staff_list"), {"title": "Leeg", "series": "leeg"})
    survey = Survey.objects.get()
    response = client.post(
        reverse("surveys:publish", args=[survey.pk]), {"action": "publish"}, follow=True
    )
    assert "geen vragen" in response.content.decode()
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT


def test_translations_are_saved_and_counted(client, researcher, draft):
    url = reverse("surveys:translations", args=[draft.pk])
    page = client.get(url + "?taal=tr").content.decode()
    assert "Kartı biliyor musunuz?" in page
    key = f"question:{Question.objects.get(survey=draft, code='cijfer').pk}:text"
    client.post(url, {"taal": "tr", "action": "save", f"t:{key}": "Karta kaç puan verirsiniz?"})
    assert (
        Question.objects.get(survey=draft, code="cijfer").text["tr"] == "Karta kaç puan verirsiniz?"
    )
    page = client.get(url).content.decode()
    assert "teksten ontbreken" in page  # Turkish is still far from complete
    response = client.post(url, {"taal": "tr", "action": "save", "t:question:999999:text": "x"})
    assert response.status_code == 400


def test_a_language_without_interface_words_is_flagged(client, researcher, draft):
    url = reverse("surveys:translations", args=[draft.pk])
    client.post(url, {"action": "add_language", "new_language": "so"})
    draft.refresh_from_db()
    assert "so" in draft.languages
    assert "in het Engels (deze taal heeft ze nog niet)" in client.get(url).content.decode()


def test_pages_of_another_role_are_not_found(client, draft):
    user = get_user_model().objects.create_user("kassa@example.nl", "x")
    client.force_login(user)
    assert client.get(reverse("surveys:staff_detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("surveys:staff_list")).status_code == 404


def test_the_preview_shows_every_question_in_the_chosen_language(client, researcher, draft):
    page = client.get(reverse("surveys:preview", args=[draft.pk]) + "?taal=ar").content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "هل تعرف البطاقة؟" in page
    assert "Alleen als kent_pas is &#x27;Ja&#x27;" in page


def test_every_kind_survey_spec_round_trips(draft):
    spec = survey_to_spec(draft)
    expected = every_kind_spec()
    assert [q["code"] for s in spec["sections"] for q in s["questions"]] == [
        q["code"] for s in expected["sections"] for q in s["questions"]
    ]
