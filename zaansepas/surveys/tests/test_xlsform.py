"""XLSForm import and export: the round trip (import -> export -> import gives the same
survey) on our own every-kind survey, the demo needs scan and public XLSForms from pyxform's
test files; the report of what was skipped; hostile files refused with nothing saved; the
upload and download pages."""

import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from pyxform.xls2xform import convert

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.surveys.demo_survey import needs_scan_spec
from zaansepas.surveys.models import Question, Survey
from zaansepas.surveys.spec import (
    create_survey_from_spec,
    survey_to_spec,
)
from zaansepas.surveys.xlsform import MAX_ROWS, import_xlsform
from zaansepas.surveys.xlsform_export import export_xlsform

from .workbooks import sheets_of, xls_of, xlsx_of
from .xlsform_fixtures import HYPERLINK, every_kind_spec

pytestmark = pytest.mark.django_db

FORMS = Path(__file__).parent / "xlsforms"


def same_survey(spec: dict) -> dict:
    """What must survive a round trip: everything but the series (a new import gets the
    next version in the series it is given)."""
    return {key: value for key, value in spec.items() if key != "series"}


def upload(data: bytes, name: str = "form.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def round_trip(survey: Survey) -> tuple[Survey, list[str]]:
    result = import_xlsform(export_xlsform(survey))
    assert result.errors == [], result.errors
    return result.survey, result.report


# -- round trip ---------------------------------------------------------------------------


def test_every_kind_of_question_survives_export_and_import():
    original = create_survey_from_spec(every_kind_spec())

    copy, report = round_trip(original)

    assert same_survey(survey_to_spec(copy)) == same_survey(survey_to_spec(original))
    assert report == []
    # Into the same series as a new version, so waves stay comparable.
    assert (copy.series, copy.version) == ("alles", 2)


def test_a_second_round_trip_changes_nothing_either():
    first, _ = round_trip(create_survey_from_spec(every_kind_spec()))
    second, report = round_trip(first)

    assert same_survey(survey_to_spec(second)) == same_survey(survey_to_spec(first))
    assert report == []


def test_the_export_is_an_xlsform_pyxform_converts():
    survey = create_survey_from_spec(every_kind_spec())

    result = convert(xlsform=io.BytesIO(export_xlsform(survey)), file_type=".xlsx")

    assert "<h:title>Alle soorten vragen</h:title>" in result.xform
    assert "selected( /" in result.xform or "selected(" in result.xform


def test_a_label_that_looks_like_a_formula_is_text_in_the_export_and_comes_back_unchanged():
    survey = create_survey_from_spec(every_kind_spec())
    data = export_xlsform(survey)

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(name) for name in archive.namelist() if "worksheets" in name]
    assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)
    cell = next(
        cell
        for row in load_workbook(io.BytesIO(data))["survey"].iter_rows()
        for cell in row
        if cell.value == HYPERLINK
    )
    assert cell.data_type == "s" and cell.quotePrefix

    copy, _ = round_trip(survey)
    assert Question.objects.get(survey=copy, code="intro").text == {"nl": HYPERLINK}


def test_the_demo_needs_scan_survives_export_and_import():
    original = create_survey_from_spec(needs_scan_spec())

    copy, report = round_trip(original)

    assert same_survey(survey_to_spec(copy)) == same_survey(survey_to_spec(original))
    assert report == []


# -- public XLSForms ------------------------------------------------------------------------


NO_DUTCH = (
    "Het formulier heeft geen Nederlandse teksten. De teksten in de taal English (en) staan "
    "nu ook als Nederlandse tekst; laat ze vertalen op de pagina Vertalingen."
)
NO_TITLE = (
    "Instellingen: het formulier heeft geen titel (form_title); de vragenlijst heet nu "
    "'Geïmporteerde vragenlijst'."
)
PUBLIC_FORMS = {
    "widgets.csv": {
        "codes": ["my_string", "my_int", "my_decimal", "my_select", "my_select1", "my_output",
                  "numberasstring", "spinner", "spinner_all", "selectadvance", "autocomplete"],
        "report": [
            "Rij 5: soort 'date' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 6: soort 'time' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 9: soort 'trigger' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 11: soort 'geopoint' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 12: soort 'barcode' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 13: soort 'image' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 14: soort 'audio' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 15: soort 'video' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 17: soort 'geopoint' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 18: soort 'dateTime' wordt niet ondersteund; de vraag is overgeslagen.",
            "Rij 16: naam 'numberAsString' past niet in onze regels voor codes; de code is nu "
            "'numberasstring'.",
            "Rij 19: weergave 'minimal' wordt niet gebruikt.",
            "Blad survey, kolom 'default' wordt niet ondersteund; de waarden zijn weggelaten "
            "(rij 4, 7, 8).",
            "Instellingen: 'add_none_option' wordt niet ondersteund en is weggelaten.",
        ],
        "report_starts": [
            "Rij 3: de controle (constraint) '. < 10' wordt niet (helemaal) ondersteund",
            "Rij 10: de voorwaarde (relevant) 'selected(/widgets/branch, 'n')' wordt niet "
            "ondersteund en is weggelaten.",
            "Kolommen zonder taal ('label', 'hint') zijn als Nederlands gelezen.",
        ],
        # The label keeps its ${my_trigger}, so a second import says so again.
        "second_report": [
            "Rij 8: een verwijzing als ${...} in de tekst wordt niet ingevuld; de tekst is "
            "letterlijk overgenomen."
        ],
    },
    "group.md": {
        "codes": ["family_name", "age"],
        "sections": [{}, {"en": "Father", "nl": "Father"}],
        "report": [
            "Rij 4: soort 'phone number' wordt niet ondersteund; de vraag is overgeslagen.",
            NO_DUTCH,
            NO_TITLE,
        ],
    },
    "specify_other.md": {
        "codes": ["sex"],
        "other": ("sex", "other", {"nl": "Anders, namelijk"}),
        "report": [NO_DUTCH, NO_TITLE],
    },
    "loop.md": {
        "codes": ["available_toilet_types"],
        "other": ("available_toilet_types", "other", {"nl": "Anders, namelijk"}),
        "report": [
            "Rij 3-5: een herhaalde groep ('begin loop over toilet_type') wordt niet "
            "ondersteund; de groep en wat erin staat (1 regel) zijn overgeslagen.",
            NO_DUTCH,
            NO_TITLE,
        ],
    },
    "yes_or_no_question.md": {"codes": ["good_day"], "report": [NO_DUTCH, NO_TITLE]},
}  # fmt: skip


@pytest.mark.parametrize("file_format", ["xlsx", "xls"])
@pytest.mark.parametrize("name", sorted(PUBLIC_FORMS))
def test_a_public_xlsform_is_read_with_a_report_and_survives_the_round_trip(name, file_format):
    expected = PUBLIC_FORMS[name]
    sheets = sheets_of(FORMS / name)
    data = xlsx_of(sheets) if file_format == "xlsx" else xls_of(sheets)

    result = import_xlsform(data)

    assert result.errors == []
    spec = survey_to_spec(result.survey)
    codes = [q["code"] for section in spec["sections"] for q in section["questions"]]
    assert codes == expected["codes"]
    for line in expected["report"]:
        assert line in result.report
    for start in expected.get("report_starts", []):
        assert any(line.startswith(start) for line in result.report), start
    if "sections" in expected:
        assert [section["title"] for section in spec["sections"]] == expected["sections"]
    if "other" in expected:
        code, option_code, label = expected["other"]
        question = Question.objects.get(survey=result.survey, code=code)
        other = question.choices.get(code=option_code)
        assert other.is_other and other.label == label

    copy, report = round_trip(result.survey)

    assert same_survey(survey_to_spec(copy)) == same_survey(spec)
    assert report == expected.get("second_report", [])


def test_an_xls_file_is_read_like_an_xlsx():
    sheets = sheets_of(FORMS / "widgets.csv")

    from_xls = import_xlsform(xls_of(sheets))
    from_xlsx = import_xlsform(xlsx_of(sheets))

    assert from_xls.report == from_xlsx.report
    assert same_survey(survey_to_spec(from_xls.survey)) == same_survey(
        survey_to_spec(from_xlsx.survey)
    )


# -- what an import understands -------------------------------------------------------------


def form(survey_rows: list[list], choices: list[list] | None = None, settings=None) -> bytes:
    sheets = {"survey": survey_rows}
    if choices:
        sheets["choices"] = choices
    sheets["settings"] = settings or [
        ["form_title", "form_id", "default_language"],
        ["Proef", "proef", "Nederlands (nl)"],
    ]
    return xlsx_of(sheets)


def imported(data: bytes) -> tuple[dict, list[str]]:
    result = import_xlsform(data)
    assert result.errors == [], result.errors
    return survey_to_spec(result.survey), result.report


def questions(spec: dict) -> dict:
    return {q["code"]: q for section in spec["sections"] for q in section["questions"]}


YES_NO_CHOICES = [["list_name", "name", "label"], ["jn", "ja", "Ja"], ["jn", "nee", "Nee"]]


def test_conditions_of_the_supported_kind_become_show_if_and_others_are_reported():
    spec, report = imported(
        form(
            [
                ["type", "name", "label", "relevant"],
                ["select_one jn", "a", "A?", ""],
                ["integer", "n", "N?", ""],
                ["text", "b", "B?", "${a} = 'ja' and ${n} >= 3"],
                ["text", "c", "C?", "selected(${a}, 'nee') or not(selected(${a}, 'ja'))"],
                ["text", "d", "D?", "${a} = 'ja' and ${n} > 1 or ${n} < 0"],
                ["text", "e", "E?", "${later} = 'x'"],
                ["text", "later", "Later?", "string-length(${a}) > 2"],
            ],
            YES_NO_CHOICES,
        )
    )
    found = questions(spec)

    assert found["b"]["show_if"] == {
        "match": "all",
        "rules": [
            {"question": "a", "op": "eq", "value": "ja"},
            {"question": "n", "op": "ge", "value": 3},
        ],
    }
    assert found["c"]["show_if"] == {
        "match": "any",
        "rules": [
            {"question": "a", "op": "selected", "value": "nee"},
            {"question": "a", "op": "not_selected", "value": "ja"},
        ],
    }
    assert found["d"]["show_if"] is None and found["e"]["show_if"] is None
    assert found["later"]["show_if"] is None
    assert any(
        line.startswith("Rij 6: de voorwaarde (relevant) '${a} = 'ja' and ${n} > 1 or")
        for line in report
    )
    assert any(
        line.startswith("Rij 7: de voorwaarde '${later} = 'x'' kijkt naar 'later'")
        for line in report
    )
    assert any(
        line.startswith("Rij 8: de voorwaarde (relevant) 'string-length(") for line in report
    )


def test_groups_become_sections_nested_groups_are_flattened_and_a_table_becomes_a_matrix():
    spec, report = imported(
        form(
            [
                ["type", "name", "label", "appearance", "required", "constraint", "hint"],
                ["text", "los", "Los?", "", "", "", ""],
                ["begin group", "deel1", "Deel 1", "field-list", "", "", "Over u"],
                ["integer", "leeftijd", "Leeftijd?", "", "yes", ". >= 16 and . <= 120", ""],
                ["begin group", "binnen", "Binnen", "", "", "", ""],
                ["text", "idee", "Idee?", "multiline", "", "", "Vertel"],
                ["end group", "", "", "", "", "", ""],
                ["begin group", "tabel", "Wat vindt u van", "table-list", "", "", ""],
                ["select_one jn", "tabel_bus", "de bus", "", "true()", "", ""],
                ["select_one jn", "tabel_trein", "de trein", "", "true()", "", ""],
                ["end group", "", "", "", "", "", ""],
                ["end group", "", "", "", "", "", ""],
            ],
            YES_NO_CHOICES,
        )
    )
    sections = spec["sections"]

    assert [s["title"] for s in sections] == [{}, {"nl": "Deel 1"}]
    assert sections[1]["intro"] == {"nl": "Over u"}
    found = questions(spec)
    assert [q["code"] for q in sections[1]["questions"]] == ["leeftijd", "idee", "tabel"]
    assert found["leeftijd"]["required"] and found["leeftijd"]["settings"] == {
        "min": 16,
        "max": 120,
    }
    assert found["idee"]["kind"] == "long_text" and found["idee"]["help"] == {"nl": "Vertel"}
    matrix = found["tabel"]
    assert matrix["kind"] == "matrix" and matrix["required"]
    assert [row["code"] for row in matrix["rows"]] == ["bus", "trein"]
    assert [option["code"] for option in matrix["options"]] == ["ja", "nee"]
    assert report == [
        "Rij 5: groep 'binnen' staat in een andere groep; de vragen erin zijn in het onderdeel "
        "eromheen gezet."
    ]  # fmt: skip


def test_language_columns_are_read_by_name_or_code_and_the_default_language_is_used():
    spec, report = imported(
        form(
            [
                ["type", "name", "label", "label::English (en)", "label::Türkçe", "label::ar",
                 "hint::Polish", "label::Klingon"],
                ["text", "a", "Naam?", "Name?", "Adınız?", "اسمك؟", "Imię?", "tlhIngan"],
            ],
            settings=[["form_title", "default_language"], ["Proef", "Nederlands (nl)"]],
        )
    )  # fmt: skip

    assert spec["languages"] == ["nl", "en", "tr", "ar", "pl"]
    question = questions(spec)["a"]
    assert question["text"] == {"nl": "Naam?", "en": "Name?", "tr": "Adınız?", "ar": "اسمك؟"}
    assert question["help"] == {"pl": "Imię?"}
    assert any(
        line.startswith("Blad survey, kolom 'label::Klingon': taal 'Klingon'") for line in report
    )


def test_a_label_with_a_formula_is_stored_as_plain_text():
    spec, _ = imported(form([["type", "name", "label"], ["text", "a", HYPERLINK]]))

    assert questions(spec)["a"]["text"] == {"nl": HYPERLINK}


def test_a_real_formula_cell_is_never_evaluated():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    sheet.append(["type", "name", "label"])
    sheet.append(["text", "a", HYPERLINK])  # openpyxl stores this as a formula
    assert sheet["C2"].data_type == "f"
    buffer = io.BytesIO()
    workbook.save(buffer)

    spec, report = imported(buffer.getvalue())

    # Only a value Excel calculated and saved would be read; there is none, so no text.
    assert questions(spec)["a"]["text"] == {"nl": "a"}
    assert "Rij 2: de vraag heeft geen tekst; de naam 'a' is als tekst gebruikt." in report


# -- hostile and broken files ---------------------------------------------------------------


def refused(data, **kwargs) -> list[str]:
    before = Survey.objects.count()
    result = import_xlsform(data, **kwargs)
    assert result.survey is None
    assert Survey.objects.count() == before
    assert result.errors
    return result.errors


def test_a_file_that_is_not_excel_is_refused():
    assert refused(b"type,name,label\ntext,a,A\n") == [
        "Dit bestand kunnen we niet lezen. Upload een XLSForm als Excel-bestand (.xlsx of .xls)."
    ]


def test_a_corrupt_xlsx_and_a_corrupt_xls_are_refused():
    good = form([["type", "name", "label"], ["text", "a", "A"]])
    assert "Dit bestand kunnen we niet lezen" in refused(good[: len(good) // 2])[0]
    xls = xls_of({"survey": [["type", "name", "label"], ["text", "a", "A"]]})
    assert "Dit bestand kunnen we niet lezen" in refused(xls[:600] + b"\xff" * 600)[0]


def test_a_workbook_without_a_survey_sheet_is_refused():
    data = xlsx_of({"vragen": [["type"], ["text"]], "choices": [["list_name", "name"]]})
    assert refused(data) == [
        "Het blad 'survey' ontbreekt of is leeg. Een XLSForm heeft een blad 'survey' met de vragen."
    ]


def test_a_missing_choice_list_is_refused():
    data = form([["type", "name", "label"], ["select_one kleuren", "kleur", "Kleur?"]])
    assert refused(data) == ["Rij 2: de keuzelijst 'kleuren' staat niet op het blad 'choices'."]


def test_duplicate_question_names_are_refused():
    data = form([["type", "name", "label"], ["text", "a", "A"], ["integer", "a", "Nog een A"]])
    assert refused(data) == [
        "Rij 3: de naam 'a' komt al voor op rij 2. Geef elke vraag een eigen naam."
    ]


def test_duplicate_choice_names_are_refused():
    choices = [["list_name", "name", "label"], ["jn", "ja", "Ja"], ["jn", "ja", "Jawel"]]
    data = form([["type", "name", "label"], ["select_one jn", "a", "A?"]], choices)
    assert "de naam 'ja' komt twee keer voor in keuzelijst 'jn'" in refused(data)[0]


def test_a_form_with_only_unknown_types_is_refused_with_the_report():
    data = form([["type", "name", "label"], ["geopoint", "waar", "Waar?"]])
    result = import_xlsform(data)
    assert result.survey is None and Survey.objects.count() == 0
    assert result.errors == ["De vragenlijst heeft geen vragen."]
    assert result.report == [
        "Rij 2: soort 'geopoint' wordt niet ondersteund; de vraag is overgeslagen."
    ]


def test_an_unclosed_group_is_refused():
    data = form([["type", "name", "label"], ["begin group", "g", "G"], ["text", "a", "A"]])
    assert refused(data) == ["Rij 2: 'begin group' wordt nergens afgesloten met een 'end'-regel."]


def test_a_file_over_five_megabytes_is_refused_before_it_is_read():
    assert refused(upload(b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024))) == [
        "Het bestand is groter dan 5 MB."
    ]


def test_a_zip_that_unpacks_to_something_huge_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert refused(buffer.getvalue()) == ["Het bestand is uitgepakt te groot om te lezen."]


def test_a_sheet_far_over_the_row_limit_is_refused_before_it_is_parsed():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("survey")
    sheet.append(["type", "name", "label"])
    for number in range(12_000):
        sheet.append(["text", f"q{number}", "V"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    assert refused(buffer.getvalue()) == [
        f"Een blad in het bestand is te groot: meer dan {MAX_ROWS} regels kunnen we niet inlezen."
    ]


def test_more_than_the_maximum_number_of_rows_is_refused():
    rows = [["type", "name", "label"]] + [["text", f"q{n}", "V"] for n in range(MAX_ROWS + 1)]
    assert refused(form(rows)) == [f"Het blad 'survey' heeft meer dan {MAX_ROWS} regels."]


# -- pages ----------------------------------------------------------------------------------


def researcher(client, role=Role.RESEARCHER):
    ensure_role_groups()
    user = User.objects.create_user(f"{role}@example.org", "geheim-wachtwoord-123")
    grant_role(user, role)
    client.force_login(user)
    return user


def test_a_researcher_uploads_a_form_and_lands_on_the_new_survey_with_the_report(client):
    researcher(client)
    data = xlsx_of(sheets_of(FORMS / "group.md"))

    response = client.post(
        reverse("surveys:xlsform_import"),
        {"file": upload(data, "vader.xlsx"), "series": "vader-enquete"},
    )

    survey = Survey.objects.get()
    assert (survey.series, survey.version) == ("vader-enquete", 1)
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:staff_detail", args=[survey.pk])
    shown = [str(message) for message in response.wsgi_request._messages]
    assert "Rij 4: soort 'phone number' wordt niet ondersteund; de vraag is overgeslagen." in shown
    # Without a form_title the file name becomes the title.
    assert survey.title["nl"] == "vader"


def test_a_bad_upload_shows_the_reason_on_the_form_and_saves_nothing(client):
    researcher(client)

    response = client.post(
        reverse("surveys:xlsform_import"), {"file": upload(b"geen excel", "x.xlsx")}
    )

    assert response.status_code == 400
    assert "Upload een XLSForm als Excel-bestand" in response.content.decode()
    assert Survey.objects.count() == 0


def test_the_export_downloads_a_workbook_that_imports_to_the_same_survey(client):
    researcher(client)
    survey = create_survey_from_spec(every_kind_spec())

    response = client.get(reverse("surveys:xlsform_export", args=[survey.pk]))

    assert response["Content-Disposition"] == 'attachment; filename="alles-v1.xlsx"'
    copy = import_xlsform(response.content).survey
    assert same_survey(survey_to_spec(copy)) == same_survey(survey_to_spec(survey))


def test_someone_without_the_permission_gets_not_found(client):
    researcher(client, role=Role.PROVIDER)
    survey = create_survey_from_spec(every_kind_spec())
    data = form([["type", "name", "label"], ["text", "a", "A"]])

    assert client.get(reverse("surveys:xlsform_import")).status_code == 404
    posted = client.post(reverse("surveys:xlsform_import"), {"file": upload(data)})
    assert posted.status_code == 404
    assert client.get(reverse("surveys:xlsform_export", args=[survey.pk])).status_code == 404
    assert Survey.objects.count() == 1
