"""Races that happen for real: a double-clicked submit, two reviewers on one application.
Run on PostgreSQL in `make test` (and on SQLite, where IMMEDIATE transactions serialise)."""

import threading
import uuid

import pytest
from django.db import connection

from zaansepas.accounts.models import Role
from zaansepas.passes import actions, applications
from zaansepas.passes.models import Application, Pass

from .helpers import application_input, make_reference_data, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(target, count=2):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(target())
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results, errors


def test_two_copies_of_one_form_at_the_same_moment_make_one_application():
    make_reference_data()
    user = make_user("dubbel@example.org")
    key = uuid.uuid4()

    def submit():
        application, _ = applications.submit_application(
            data=application_input(),
            submitted_by=user,
            submission_key=key,
            channel="online",
            resident_user=user,
        )
        return application.pk

    results, errors = run_together(submit)
    assert not errors, errors
    assert len(set(results)) == 1
    assert Application.objects.count() == 1


def test_two_reviewers_approving_at_once_issue_the_passes_once():
    make_reference_data()
    user = make_user("race@example.org")
    application, _ = applications.submit_application(
        data=application_input(route="bijstand"),
        submitted_by=user,
        submission_key=uuid.uuid4(),
        channel="online",
        resident_user=user,
    )
    first = make_user("a@example.org", Role.PASS_OFFICE)
    second = make_user("b@example.org", Role.PASS_OFFICE)
    reviewers = iter([first, second])
    lock = threading.Lock()

    def approve():
        with lock:
            reviewer = next(reviewers)
        return applications.approve_application(application, actor=reviewer, reason="")

    results, errors = run_together(approve)
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], actions.PassError)
    assert Pass.objects.count() == 1
