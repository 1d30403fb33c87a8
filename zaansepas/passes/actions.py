"""Every change to an issued pass goes through these functions: issue, renew, block,
unblock, replace the card, expire. The application flow that leads to a pass is in
applications.py.

Each one is a single transaction: it either does all of its work or none of it.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .eligibility import (
    CHILD_PASS_MAX_AGE,
    CHILD_PASS_MIN_AGE,
)
from .models import (
    MemberRole,
    Pass,
    PassEvent,
    PassEventKind,
    PassKind,
    PassStatus,
    Person,
)
from .numbers import new_pass_number


class PassError(ValidationError):
    """A request the rules do not allow. The message is Dutch and meant for the user."""


def one_year_from(day: dt.date) -> dt.date:
    """Valid one year from issue: through the day before the same date next year."""
    try:
        same_day_next_year = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        same_day_next_year = day.replace(year=day.year + 1, day=28) + dt.timedelta(days=1)
    return same_day_next_year - dt.timedelta(days=1)


def required_reason(reason: str | None, message) -> str:
    """Every decision about a person's pass is recorded with why; no reason, no change."""
    reason = (reason or "").strip()
    if not reason:
        raise PassError(message, code="reason")
    return reason


def issue_pass(
    person: Person,
    *,
    kind: str,
    tier: str,
    actor=None,
    application=None,
    price_paid_cents: int = 0,
    today: dt.date | None = None,
) -> Pass:
    """Issue a pass to a person, or renew the one they have. Valid one year from today."""
    today = today or timezone.localdate()
    with transaction.atomic():
        if kind == PassKind.CHILD:
            _check_child_pass_allowed(person, today)
        current = (
            Pass.objects.select_for_update().filter(holder=person).order_by("-valid_until").first()
        )
        if current is not None:
            return _renew(
                current,
                tier=tier,
                actor=actor,
                application=application,
                price_paid_cents=price_paid_cents,
                today=today,
                reason=_("verlengd na aanvraag %(ref)s")
                % {"ref": application.reference if application else "-"},
            )
        pass_card = Pass.objects.create(
            number=new_pass_number(),
            holder=person,
            household=person.household,
            kind=kind,
            tier=tier,
            price_paid_cents=price_paid_cents,
            valid_from=today,
            valid_until=one_year_from(today),
            application=application,
        )
        PassEvent.objects.create(
            pass_card=pass_card,
            kind=PassEventKind.ISSUED,
            actor=actor,
            reason=application.reference if application else "",
        )
    return pass_card


def _check_child_pass_allowed(child: Person, today: dt.date) -> None:
    if child.role != MemberRole.CHILD:
        raise PassError(
            _("Een kinderpas is alleen voor kinderen in het huishouden."), code="not_child"
        )
    age = child.age_on(today)
    if not CHILD_PASS_MIN_AGE <= age <= CHILD_PASS_MAX_AGE:
        raise PassError(
            _("Een kinderpas is voor kinderen van 4 tot en met 17 jaar."), code="child_age"
        )
    parent_has_pass = Pass.objects.filter(
        household=child.household,
        holder__role__in=[MemberRole.MAIN, MemberRole.PARTNER],
        kind=PassKind.ADULT,
        status=PassStatus.ACTIVE,
        valid_until__gte=today,
    ).exists()
    if not parent_has_pass:
        raise PassError(
            _("Een kinderpas kan alleen samen met een geldige pas van een ouder."),
            code="no_parent_pass",
        )


def _renew(pass_card: Pass, *, tier, actor, application, price_paid_cents, today, reason) -> Pass:
    start = max(pass_card.valid_until + dt.timedelta(days=1), today)
    pass_card.valid_until = one_year_from(start)
    pass_card.tier = tier
    pass_card.price_paid_cents = price_paid_cents
    if application is not None:
        pass_card.application = application
    if pass_card.status == PassStatus.EXPIRED:
        pass_card.status = PassStatus.ACTIVE
    pass_card.save()
    PassEvent.objects.create(
        pass_card=pass_card, kind=PassEventKind.RENEWED, actor=actor, reason=reason
    )
    return pass_card


def renew_pass(pass_card: Pass, *, actor, reason: str, today: dt.date | None = None) -> Pass:
    """Staff extend a pass by a year (e.g. after a renewal checked outside the system)."""
    reason = required_reason(reason, _("Geef een reden voor het verlengen."))
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Pass.objects.select_for_update().get(pk=pass_card.pk)
        return _renew(
            locked,
            tier=locked.tier,
            actor=actor,
            application=None,
            price_paid_cents=locked.price_paid_cents,
            today=today,
            reason=reason,
        )


def block_pass(pass_card: Pass, *, actor, reason: str) -> Pass:
    """Block a pass (lost, stolen, misuse). Every code of it stops working at once."""
    reason = required_reason(reason, _("Geef een reden voor het blokkeren."))
    with transaction.atomic():
        locked = Pass.objects.select_for_update().get(pk=pass_card.pk)
        if locked.status == PassStatus.BLOCKED:
            raise PassError(_("Deze pas is al geblokkeerd."), code="already_blocked")
        locked.status = PassStatus.BLOCKED
        locked.blocked_reason = reason[:200]
        locked.save(update_fields=["status", "blocked_reason"])
        PassEvent.objects.create(
            pass_card=locked, kind=PassEventKind.BLOCKED, actor=actor, reason=reason[:300]
        )
    return locked


def unblock_pass(pass_card: Pass, *, actor, reason: str) -> Pass:
    reason = required_reason(reason, _("Geef een reden voor het opheffen van de blokkade."))
    with transaction.atomic():
        locked = Pass.objects.select_for_update().get(pk=pass_card.pk)
        if locked.status != PassStatus.BLOCKED:
            raise PassError(_("Deze pas is niet geblokkeerd."), code="not_blocked")
        locked.status = PassStatus.ACTIVE
        locked.blocked_reason = ""
        locked.save(update_fields=["status", "blocked_reason"])
        PassEvent.objects.create(
            pass_card=locked, kind=PassEventKind.UNBLOCKED, actor=actor, reason=reason[:300]
        )
    return locked


def replace_card(pass_card: Pass, *, actor, reason: str) -> Pass:
    """A new card for the same pass: the old card's code dies, and so does every QR shown
    before (a new salt), so a lost card or phone is useless. Lifts a block."""
    reason = required_reason(reason, _("Geef een reden voor de nieuwe pas."))
    from .models import new_code_salt

    with transaction.atomic():
        locked = Pass.objects.select_for_update().get(pk=pass_card.pk)
        if locked.status == PassStatus.EXPIRED:
            raise PassError(
                _("Deze pas is verlopen. Vraag eerst een nieuwe pas aan."), code="expired"
            )
        locked.card_version += 1
        locked.code_salt = new_code_salt()
        locked.status = PassStatus.ACTIVE
        locked.blocked_reason = ""
        locked.save(update_fields=["card_version", "code_salt", "status", "blocked_reason"])
        PassEvent.objects.create(
            pass_card=locked, kind=PassEventKind.CARD_REPLACED, actor=actor, reason=reason[:300]
        )
    return locked


def expire_passes(today: dt.date | None = None) -> int:
    """Mark passes past their end date as expired. Verification checks the date itself too,
    so a pass is never accepted after its last day, whether or not this has run."""
    today = today or timezone.localdate()
    with transaction.atomic():
        due = list(
            Pass.objects.select_for_update().filter(status=PassStatus.ACTIVE, valid_until__lt=today)
        )
        for pass_card in due:
            pass_card.status = PassStatus.EXPIRED
            pass_card.save(update_fields=["status"])
            PassEvent.objects.create(pass_card=pass_card, kind=PassEventKind.EXPIRED)
    return len(due)
