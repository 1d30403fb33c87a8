"""Helpers for the stored open-answer themes tests (their fixtures are in conftest.py)."""

from __future__ import annotations

from zaansepas.surveys.models import Response

QUESTION = "meest_helpen"  # the demo needs scan's open question


def add_answers(survey, texts, start=0):
    """One response per text; None makes a response that skipped the question."""
    responses = []
    for i, text in enumerate(texts, start=start):
        answers = {"heeft_pas": "0"}
        if text is not None:
            answers[QUESTION] = text
        responses.append(
            Response.objects.create(
                survey=survey, submitted_on="2026-10-01", reference=f"r{i:05d}", answers=answers
            )
        )
    return responses


def members(theme) -> set:
    return set(theme.codings.values_list("response_id", flat=True))
