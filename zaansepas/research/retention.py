"""The daily job that makes research data forget people (DESIGN.md §3): participants'
contact details after their retention date, their names a year after the session, and the
consent (name and contact details) behind a follow-up interview once it is done.

Why names go too: a statement is tied to the participant who made it, so as long as the
name is there the statement is not anonymous. A year after the session the results event
is long past; what stays is what the analysis needs: the kind of participant, the
organisation, attendance and the statements, now under "Deelnemer 12 (naam gewist)"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.surveys.models import FollowUpConsent
from zaansepas.surveys.retention import add_months

from .models import Interview, Participant

# A participant's name is kept this long after the session (the end of the scan year when
# the session has no date), or until their contact details go if that is later.
PARTICIPANT_NAME_RETENTION_MONTHS = 12


@dataclass
class Deleted:
    participants: int = 0
    consents: int = 0
    names: int = 0


def delete_expired_contact_details(today: dt.date | None = None) -> Deleted:
    """Wipe participants' email and phone after their retention date, and their names after
    the name retention; delete the FollowUpConsent of interviews that are done and past
    their retention (interviews never held a copy, so nothing else holds them)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        participants = (
            Participant.objects.filter(contact_retention_until__lt=today)
            .exclude(email="", phone="")
            .update(email="", phone="", contact_deleted_on=today)
        )
        names = delete_expired_names(today)
        consents = 0
        expired = Interview.objects.filter(
            contact_retention_until__lt=today, contact_deleted_on__isnull=True
        )
        for interview in expired.select_related("survey"):
            deleted, _by_model = FollowUpConsent.objects.filter(
                survey=interview.survey, reference=interview.reference
            ).delete()
            consents += deleted
        expired.update(contact_deleted_on=today)
    return Deleted(participants=participants, consents=consents, names=names)


def delete_expired_names(today: dt.date) -> int:
    """Replace the name of every participant past the name retention by a number."""
    # The session ended before `cutoff` means its names are past retention today.
    cutoff = add_months(today, -PARTICIPANT_NAME_RETENTION_MONTHS)
    expired = (
        Participant.objects.filter(name_deleted_on__isnull=True)
        .filter(
            Q(session__date__lt=cutoff)
            | Q(session__date__isnull=True, session__year__lt=cutoff.year)
        )
        .exclude(contact_retention_until__gte=today)
    )
    wiped = 0
    for participant in expired.only("pk"):
        name = _("Deelnemer %(number)d (naam gewist)") % {"number": participant.pk}
        wiped += Participant.objects.filter(pk=participant.pk).update(
            name=name, name_deleted_on=today
        )
    return wiped
