"""submit_form, the shape of a staff form that saves one thing. The page tests show that
bad input is refused; these pin what they do not: the success message, and that a form
that does not validate never reaches the write."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from zaansepas.lib.view_actions import submit_form


class NameForm(forms.Form):
    name = forms.CharField()


def _post(data):
    request = RequestFactory().post("/", data)
    request._messages = CookieStorage(request)
    return request, NameForm(data)


def test_it_saves_says_so_and_redirects():
    request, form = _post({"name": "Anna"})
    saved = []

    response = submit_form(
        request, form, lambda: saved.append(form.cleaned_data["name"]), "Opgeslagen.", "/terug/"
    )

    assert saved == ["Anna"]
    assert (response.status_code, response.url) == (302, "/terug/")
    assert [str(m) for m in get_messages(request)] == ["Opgeslagen."]


def test_it_does_not_write_an_invalid_form():
    request, form = _post({"name": ""})
    saved = []

    response = submit_form(request, form, lambda: saved.append("x"), "Opgeslagen.", "/terug/")

    assert response is None
    assert saved == []
    assert form.errors["name"]
    assert list(get_messages(request)) == []


def test_a_refused_write_puts_its_message_on_the_form():
    request, form = _post({"name": "Anna"})

    def refuse():
        raise ValidationError("Deze naam bestaat al.")

    response = submit_form(request, form, refuse, "Opgeslagen.", "/terug/")

    assert response is None
    assert form.non_field_errors() == ["Deze naam bestaat al."]
    assert list(get_messages(request)) == []
