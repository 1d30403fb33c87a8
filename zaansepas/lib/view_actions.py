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
