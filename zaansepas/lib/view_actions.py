"""The shape of a staff form that changes one thing: do it, say how it went, go back."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect


def act_and_redirect(request, action, done: str, to):
    """Call `action()`; show `done` when it worked, or the Dutch messages of the
    ValidationError it raised (which must have changed nothing); then redirect to `to` (a
    URL, or a model or view name with args, as `redirect` takes them)."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(to)


def submit_form(request, form, write, done: str, to):
    """Validate the bound `form`, then call `write()` (it runs only on a valid form, so it
    may read `form.cleaned_data`); when both accept, show `done` and return the redirect to
    `to`. Otherwise return None with the errors on the form (a ValidationError from `write`,
    which must have changed nothing, as a non-field error): the caller renders the form
    again, with status 400, so that nothing the user typed is lost."""
    if not form.is_valid():
        return None
    try:
        write()
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, done)
    return redirect(to)
