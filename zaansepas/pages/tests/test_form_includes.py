"""includes/form_field.html and includes/form_errors.html, as other apps will use them."""

import re

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation


class ApplicationForm(forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals in uw paspoort.")
    email = forms.EmailField(label="E-mailadres", required=False)
    district = forms.ChoiceField(label="Wijk", choices=[("", "Kies"), ("zd", "Zaandam")])
    household = forms.ChoiceField(
        label="Met hoeveel mensen woont u?",
        widget=forms.RadioSelect,
        choices=[("1", "Alleen"), ("2", "Met 2 mensen")],
    )
    note = forms.CharField(label="Opmerking", widget=forms.Textarea, required=False)
    evidence = forms.FileField(label="Bewijs", required=False)
    agree = forms.BooleanField(label="Ik heb alles goed ingevuld")
    step = forms.CharField(widget=forms.HiddenInput, required=False)


PAGE = Template(
    "{% include 'includes/form_errors.html' with form=form %}"
    "{% for field in form %}{% include 'includes/form_field.html' with field=field %}{% endfor %}"
)


def render(form) -> str:
    with translation.override("nl"):
        return PAGE.render(Context({"form": form}))


@pytest.fixture
def invalid_html():
    form = ApplicationForm(data={"email": "geen-adres"})
    assert not form.is_valid()
    return render(form)


def test_a_clean_form_has_labels_help_text_and_utrecht_inputs_but_no_errors():
    html = render(ApplicationForm())
    assert 'role="alert"' not in html
    assert '<label class="utrecht-form-label" for="id_name">Naam</label>' in html
    assert 'id="id_name_helptext">Zoals in uw paspoort.</div>' in html
    assert re.search(r'<input type="text" name="name" class="utrecht-textbox[^"]*"', html)
    assert 'aria-describedby="id_name_helptext"' in html
    assert re.search(
        r'<select name="district" class="utrecht-select utrecht-select--html-select"', html
    )
    assert 'class="utrecht-textarea utrecht-textarea--html-textarea"' in html
    assert "(niet verplicht)" in html  # e-mail is optional and says so
    assert '<input type="hidden" name="step" id="id_step">' in html


def test_radio_buttons_are_a_fieldset_with_a_legend():
    html = render(ApplicationForm())
    fieldset = re.search(r"<fieldset.*?</fieldset>", html, re.S).group(0)
    assert "<legend" in fieldset
    assert "Met hoeveel mensen woont u?" in fieldset
    assert fieldset.count('type="radio"') == 2
    assert 'class="utrecht-radio-button utrecht-radio-button--html-input"' in fieldset
    assert 'for="id_household_0">Alleen</label>' in fieldset


def test_single_checkbox_has_its_label_next_to_it():
    html = render(ApplicationForm())
    assert "utrecht-form-field--checkbox" in html
    assert re.search(r'<input type="checkbox" name="agree" class="utrecht-checkbox[^"]*"', html)
    assert 'for="id_agree">Ik heb alles goed ingevuld</label>' in html


def test_errors_are_dutch_linked_to_their_input_and_marked_invalid(invalid_html):
    html = invalid_html
    assert 'id="id_name_error"' in html
    assert "Dit veld is verplicht." in html
    assert "Voer een geldig e-mailadres in." in html
    name_input = re.search(r'<input type="text" name="name"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="id_name_helptext id_name_error"' in name_input
    assert "utrecht-form-field--invalid" in html
    # Utrecht's select needs the class to look invalid.
    assert re.search(r'<select name="district" class="[^"]*utrecht-select--invalid', html)


def test_error_summary_lists_each_error_with_a_link_to_its_field(invalid_html):
    summary = re.search(
        r'<div class="utrecht-alert[^"]*zp-error-summary" role="alert".*?</ul>', invalid_html, re.S
    ).group(0)
    assert "Er ging iets mis" in summary
    assert 'href="#id_name">Naam: Dit veld is verplicht.</a>' in summary
    assert 'href="#id_email">E-mailadres: Voer een geldig e-mailadres in.</a>' in summary
    # A radio list links to its first option; a label ending in "?" gets no extra colon.
    assert (
        'href="#id_household_0">Met hoeveel mensen woont u? Dit veld is verplicht.</a>' in summary
    )
    assert 'href="#id_agree">' in summary


def test_radio_errors_are_described_on_the_fieldset(invalid_html):
    fieldset_open = re.search(r"<fieldset[^>]*>", invalid_html).group(0)
    assert 'aria-describedby="id_household_error"' in fieldset_open
    assert "utrecht-form-fieldset--invalid" in fieldset_open
