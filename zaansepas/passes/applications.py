"""The application flow: apply, review, decide, pay, and the passes that follow.

Each function is a single transaction: it either does all of its work or none of it.
Views only parse input, call one of these, and render. Changes to an issued pass
(block, replace, renew, expire) live in actions.py.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zaansepas.city.lookups import InvalidPostcode, district_for_postcode, normalise_postcode

from . import notifications
from .actions import PassError, issue_pass, required_reason
from .eligibility import (
    CHILD_PASS_MAX_AGE,
    CHILD_PASS_MIN_AGE,
    derive_household_type,
    propose,
)
from .models import (
    FREE_TIERS,
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    Household,
    MemberRole,
    Pass,
    PassKind,
    Person,
    Proposal,
    Route,
    Tier,
)
from .pricing import price_on


@dataclass(frozen=True)
class PersonInput:
    first_name: str
    last_name: str
    birth_date: dt.date


@dataclass(frozen=True)
class AddressInput:
    street: str
    house_number: str
    postcode: str
    town: str = ""


@dataclass(frozen=True)
class ApplicationInput:
    applicant: PersonInput
    address: AddressInput
    route: str
    partner: PersonInput | None = None
    include_partner: bool = False
    children: list[PersonInput] = field(default_factory=list)
    child_pass_for: list[int] = field(default_factory=list)  # indexes into children
    monthly_income_cents: int | None = None
    evidence: object | None = None  # an uploaded file, already checked by uploads.check_evidence
    evidence_content_type: str = ""
    note: str = ""


def _check_application(data: ApplicationInput, today: dt.date):
    """Rules that span fields. Returns (normalised postcode, district or None)."""
    try:
        postcode = normalise_postcode(data.address.postcode, require_letters=True)
        district = district_for_postcode(postcode)
    except InvalidPostcode as exc:
        raise PassError(str(exc), code="postcode") from exc
    if district is None and data.route != Route.CAREGIVER:
        raise PassError(
            _(
                "Dit adres ligt niet in Zaanstad. De Zaanse Pas is voor inwoners van Zaanstad. "
                "Alleen mantelzorgers die iemand in Zaanstad helpen, kunnen de pas krijgen als "
                "zij ergens anders wonen."
            ),
            code="outside",
        )
    if data.route == Route.INCOME and data.monthly_income_cents is None:
        raise PassError(_("Vul uw netto inkomen per maand in."), code="income")
    if data.route == Route.INCOME and not data.evidence:
        raise PassError(_("Stuur een bewijs van uw inkomen mee."), code="evidence")
    if data.include_partner and data.partner is None:
        raise PassError(_("Vul de gegevens van uw partner in."), code="partner")
    for person in [data.applicant, data.partner, *data.children]:
        if person and person.birth_date > today:
            raise PassError(_("Een geboortedatum ligt in de toekomst."), code="birth_date")
    if data.applicant.birth_date > today.replace(year=today.year - 16):
        raise PassError(_("U moet 16 jaar of ouder zijn om een pas aan te vragen."), code="age")
    for index in data.child_pass_for:
        if index >= len(data.children):
            raise PassError(_("Kies alleen kinderen die u heeft ingevuld."), code="children")
        child = data.children[index]
        age = _age(child.birth_date, today)
        if not CHILD_PASS_MIN_AGE <= age <= CHILD_PASS_MAX_AGE:
            raise PassError(
                _(
                    "%(name)s is %(age)s jaar. Een kinderpas is voor kinderen van 4 tot en met 17 "
                    "jaar."
                )
                % {"name": child.first_name, "age": age},
                code="child_age",
            )
    return postcode, district


def _age(birth_date: dt.date, today: dt.date) -> int:
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def _upsert_person(household, role, data: PersonInput, user=None) -> Person:
    person = household.members.filter(
        role=role, first_name=data.first_name, birth_date=data.birth_date
    ).first()
    if role in (MemberRole.MAIN, MemberRole.PARTNER):
        person = household.members.filter(role=role).first()
    if person is None:
        person = Person(household=household, role=role)
    person.first_name = data.first_name
    person.last_name = data.last_name
    person.birth_date = data.birth_date
    if user is not None:
        person.user = user
    person.save()
    return person


def submit_application(
    *,
    data: ApplicationInput,
    submitted_by,
    submission_key,
    channel,
    resident_user=None,
    today: dt.date | None = None,
) -> tuple[Application, bool]:
    """Record an application with its automatic proposal.

    Returns (application, created). Sending the same form twice (same submission_key)
    returns the first application and creates nothing.
    `resident_user` is the account of the main holder: the submitter for online
    applications, possibly None for a paper application without an email address.
    """
    today = today or timezone.localdate()
    existing = Application.objects.filter(submission_key=submission_key).first()
    if existing:
        return existing, False
    postcode, district = _check_application(data, today)
    household_type = derive_household_type(
        main_age=_age(data.applicant.birth_date, today),
        has_partner=data.partner is not None,
        has_children=any(_age(c.birth_date, today) < 18 for c in data.children),
    )
    # The stored reasoning is the Dutch record; pages re-explain it in the reader's language.
    with translation.override("nl"):
        proposal = propose(
            route=data.route,
            household_type=household_type,
            monthly_income_cents=data.monthly_income_cents,
            on_date=today,
        )
    try:
        with transaction.atomic():
            # Again inside the transaction: a copy of this form sent a moment earlier may
            # have committed while we checked the rules (SQLite: we waited for its lock).
            existing = Application.objects.filter(submission_key=submission_key).first()
            if existing:
                return existing, False
            household = _household_of(resident_user)
            running = (
                household.applications.filter(status__in=OPEN_STATUSES).first()
                if household
                else None
            )
            if running and running.submission_key == submission_key:
                return running, False  # the twin committed between our two checks
            if running:
                raise PassError(
                    _(
                        "U heeft al een aanvraag die nog loopt. Wacht op het besluit of neem "
                        "contact op met de Zaanse Pas."
                    ),
                    code="open_application",
                )
            if household is None:
                household = Household()
            household.household_type = household_type
            household.street = data.address.street
            household.house_number = data.address.house_number
            household.postcode = postcode
            household.town = data.address.town
            household.district = district
            household.save()
            applicant = _upsert_person(household, MemberRole.MAIN, data.applicant, resident_user)
            if data.partner:
                _upsert_person(household, MemberRole.PARTNER, data.partner)
            children = [_upsert_person(household, MemberRole.CHILD, c) for c in data.children]
            price = 0
            if proposal.proposal == Proposal.PAID and data.route == Route.PAID:
                price = price_on(PassKind.ADULT, today)
                if data.include_partner:
                    price += price_on(PassKind.ADULT, today)
                price += price_on(PassKind.CHILD, today) * len(data.child_pass_for)
            application = Application(
                submission_key=submission_key,
                household=household,
                applicant=applicant,
                include_partner=data.include_partner,
                submitted_by=submitted_by,
                channel=channel,
                route=data.route,
                household_type=household_type,
                monthly_income_cents=data.monthly_income_cents,
                evidence_content_type=data.evidence_content_type,
                resident_note=data.note,
                proposal=proposal.proposal,
                proposed_tier=proposal.tier,
                proposal_reasoning=proposal.reasoning_text,
                norm_cents=proposal.norm_cents,
                norm_percentage=proposal.percentage,
                price_cents=price,
                status=(
                    ApplicationStatus.AWAITING_PAYMENT
                    if data.route == Route.PAID
                    else ApplicationStatus.SUBMITTED
                ),
            )
            if data.evidence:
                application.evidence.save(data.evidence.name, data.evidence, save=False)
            application.save()
            application.children.set([children[i] for i in data.child_pass_for])
    except IntegrityError:
        # Two copies of the same form raced past the first check; the other one won.
        existing = Application.objects.filter(submission_key=submission_key).first()
        if existing:
            return existing, False
        raise
    return application, True


def _household_of(user):
    if user is None:
        return None
    person = (
        Person.objects.filter(user=user, role=MemberRole.MAIN).select_related("household").first()
    )
    return person.household if person else None


def _lock_open_application(application: Application) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED):
        raise PassError(_("Over deze aanvraag is al een besluit genomen."), code="decided")
    return locked


def approve_application(
    application: Application, *, actor, reason: str, today: dt.date | None = None
) -> list[Pass]:
    """Grant a free pass: record the decision, issue the passes, write the letter."""
    from .letters import render_decision_letter

    today = today or timezone.localdate()
    reason = (reason or "").strip()
    with transaction.atomic():
        application = _lock_open_application(application)
        tier = application.proposed_tier
        if tier not in FREE_TIERS:
            # The proposal said "buy the pass", but the reviewer grants it free anyway
            # (e.g. special circumstances). That needs a reason on the record.
            if not reason:
                raise PassError(
                    _(
                        "Het voorstel was een betaalde pas. Geef een reden als u toch een "
                        "gratis pas toekent."
                    ),
                    code="reason",
                )
            tier = Tier.LOW_INCOME
        application.status = ApplicationStatus.APPROVED
        application.decided_tier = tier
        if not reason:
            with translation.override("nl"):  # the record and the letter are Dutch
                reason = _("U voldoet aan de voorwaarden voor een gratis pas.")
        application.decision_reason = reason
        application.decided_by = actor
        application.decided_at = timezone.now()
        passes = _issue_passes(application, tier=tier, price_each=None, actor=actor, today=today)
        application.decision_letter.save(
            "besluit.pdf", ContentFile(render_decision_letter(application)), save=False
        )
        application.save()
        transaction.on_commit(lambda: notifications.send_decision(application))
    return passes


def reject_application(application: Application, *, actor, reason: str) -> Application:
    from .letters import render_decision_letter

    reason = required_reason(reason, _("Geef de reden van de afwijzing. Die komt in de brief."))
    with transaction.atomic():
        application = _lock_open_application(application)
        application.status = ApplicationStatus.REJECTED
        application.decision_reason = reason
        application.decided_by = actor
        application.decided_at = timezone.now()
        application.decision_letter.save(
            "besluit.pdf", ContentFile(render_decision_letter(application)), save=False
        )
        application.save()
        transaction.on_commit(lambda: notifications.send_decision(application))
    return application


def request_information(application: Application, *, actor, question: str) -> Application:
    question = (question or "").strip()
    if not question:
        raise PassError(_("Schrijf welke informatie u nodig heeft."), code="question")
    with transaction.atomic():
        application = _lock_open_application(application)
        application.status = ApplicationStatus.INFO_REQUESTED
        application.info_request = question
        application.save(update_fields=["status", "info_request"])
        transaction.on_commit(lambda: notifications.send_information_request(application))
    return application


def provide_information(
    application: Application, *, note: str, evidence=None, evidence_content_type: str = ""
) -> Application:
    """The resident answers a question of the pass office; the application returns to the queue."""
    note = (note or "").strip()
    if not note and not evidence:
        raise PassError(_("Schrijf een antwoord of stuur een bestand mee."), code="empty")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.INFO_REQUESTED:
            raise PassError(_("Er staat geen vraag open over deze aanvraag."), code="no_question")
        stamp = timezone.localtime().strftime("%d-%m-%Y %H:%M")
        if note:
            application.resident_note = (
                application.resident_note + f"\n\n[{stamp}] {note}"
            ).strip()
        if evidence:
            application.evidence.save(evidence.name, evidence, save=False)
            application.evidence_content_type = evidence_content_type
        application.status = ApplicationStatus.SUBMITTED
        application.save()
    return application


# --- Passes ---------------------------------------------------------------------------------


def complete_paid_application(application: Application) -> list[Pass]:
    """A paid-pass application is paid: approve it and issue its passes, once.

    Prices are those of the application date: what the resident was asked to pay.
    """
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.AWAITING_PAYMENT:
            return []
        application.status = ApplicationStatus.APPROVED
        application.decided_tier = Tier.STANDARD
        application.decided_at = timezone.now()
        application.decision_reason = _("De pas is betaald.")
        application.save()
        priced_on = timezone.localdate(application.submitted_at)
        return _issue_passes(
            application,
            tier=Tier.STANDARD,
            actor=None,
            today=timezone.localdate(),
            price_each={kind: price_on(kind, priced_on) for kind in PassKind.values},
        )


def _issue_passes(application, *, tier, price_each, actor, today) -> list[Pass]:
    holders = [(application.applicant, PassKind.ADULT)]
    if application.include_partner:
        partner = application.household.members.filter(role=MemberRole.PARTNER).first()
        if partner:
            holders.append((partner, PassKind.ADULT))
    passes = [
        issue_pass(
            person,
            kind=kind,
            tier=tier,
            application=application,
            actor=actor,
            price_paid_cents=(price_each or {}).get(kind, 0),
            today=today,
        )
        for person, kind in holders
    ]
    for child in application.children.all():
        passes.append(
            issue_pass(
                child,
                kind=PassKind.CHILD,
                tier=tier,
                application=application,
                actor=actor,
                price_paid_cents=(price_each or {}).get(PassKind.CHILD, 0),
                today=today,
            )
        )
    return passes


def purge_evidence(*, now: dt.datetime | None = None) -> int:
    """Delete income evidence once the objection period after the decision is over.

    The decision, its reason and the letter stay; the payslip or bank statement does not
    need to (data minimisation, see the privacy statement). Run daily.
    """
    from django.conf import settings

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.EVIDENCE_RETENTION_DAYS)
    due = Application.objects.filter(decided_at__lt=cutoff).exclude(evidence="")
    count = 0
    for application in due:
        application.evidence.delete(save=False)
        application.evidence = ""
        application.evidence_content_type = ""
        application.save(update_fields=["evidence", "evidence_content_type"])
        count += 1
    return count
