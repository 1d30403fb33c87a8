"""Every change to research sessions, participants, statements and interviews goes through
these functions. They check the input, raise a ValidationError with a Dutch message when
something can't be saved, and write all or nothing."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.city.models import Area, AreaKind, PolicyTheme
from zaansepas.surveys.models import FollowUpConsent, Response, Survey
from zaansepas.surveys.retention import add_months

from .models import (
    FINISHED_INTERVIEW_STATUSES,
    Interview,
    InterviewStatus,
    Participant,
    ParticipantKind,
    Session,
    SessionStatus,
    Statement,
    StatementKind,
    TargetGroup,
)
from .sampling import Stratum, allocate, tier_of

# A participant's contact details are kept this long after the session (or after their
# consent, while the session has no date): long enough to invite them to the results event.
PARTICIPANT_CONTACT_RETENTION_MONTHS = 12
# An interviewee's contact details (the FollowUpConsent) are kept this long after the
# interview is done: time to call back with a question about the notes, no longer.
INTERVIEW_CONTACT_RETENTION_MONTHS = 3
MAX_SAMPLE = 500
MAX_STATEMENT_LENGTH = 2000
YEAR_RANGE = (2020, 2100)


def _clean(text) -> str:
    return (text or "").strip()


# --- Sessions -----------------------------------------------------------------------------


def _check_session_details(status: str, date: dt.date | None) -> None:
    if status not in SessionStatus.values:
        raise ValidationError(_("Kies of de sessie gepland of gehouden is."))
    if status == SessionStatus.HELD and date is None:
        raise ValidationError(_("Een gehouden sessie heeft een datum. Vul de datum in."))
    if status == SessionStatus.HELD and date > timezone.localdate():
        raise ValidationError(
            _("De datum ligt in de toekomst: zet de sessie op gepland of verbeter de datum.")
        )


def plan_session(theme: PolicyTheme, year: int, **details) -> Session:
    """A new session for a theme in a scan year (one per theme per year)."""
    if not isinstance(year, int) or not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise ValidationError(_("Geef een jaartal tussen 2020 en 2100."))
    details.setdefault("status", SessionStatus.PLANNED)
    _check_session_details(details["status"], details.get("date"))
    try:
        with transaction.atomic():
            return Session.objects.create(theme=theme, year=year, **_session_fields(details))
    except IntegrityError as exc:
        raise ValidationError(
            _("Er is al een sessie over %(theme)s in %(year)s.") % {"theme": theme, "year": year}
        ) from exc


def update_session(session: Session, **details) -> Session:
    """Change date, place, facilitator, specialists, notes or status."""
    status = details.get("status", session.status)
    date = details.get("date", session.date)
    _check_session_details(status, date)
    fields = _session_fields(details)
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    return session


def _session_fields(details: dict) -> dict:
    allowed = {"date", "start_time", "place", "facilitator", "specialists", "notes", "status"}
    unknown = set(details) - allowed
    if unknown:
        raise TypeError(f"unknown session fields: {sorted(unknown)}")
    return {
        name: _clean(value) if isinstance(value, str) else value for name, value in details.items()
    }


# --- Participants -------------------------------------------------------------------------


def _participant_values(session: Session, values: dict, today: dt.date) -> dict:
    kind = values.get("kind")
    if kind not in ParticipantKind.values:
        raise ValidationError(_("Kies de soort deelnemer."))
    name = _clean(values.get("name"))
    if not name:
        raise ValidationError(_("Vul een naam in."))
    email = _clean(values.get("email")).lower()
    phone = _clean(values.get("phone"))
    consent = bool(values.get("contact_consent"))
    if (email or phone) and not consent:
        raise ValidationError(
            _(
                "Zonder toestemming bewaren we geen contactgegevens. Vink de toestemming aan, "
                "of maak e-mailadres en telefoonnummer leeg."
            )
        )
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError(
                _("Dit e-mailadres klopt niet: %(email)s") % {"email": email}
            ) from exc
    if phone and not any(ch.isdigit() for ch in phone):
        raise ValidationError(_("Een telefoonnummer bestaat uit cijfers."))
    consent_on = values.get("consent_on") or (today if consent else None)
    if consent_on and consent_on > today:
        raise ValidationError(_("De datum van de toestemming ligt in de toekomst."))
    until = values.get("contact_retention_until")
    if consent and until is None:
        until = add_months(session.date or consent_on, PARTICIPANT_CONTACT_RETENTION_MONTHS)
    if until is not None and until < today and (email or phone):
        raise ValidationError(
            _("De bewaartermijn is al voorbij: kies een datum na vandaag of laat het veld leeg.")
        )
    return {
        "kind": kind,
        "name": name[:120],
        "organisation": _clean(values.get("organisation"))[:200],
        "email": email,
        "phone": phone[:30],
        "contact_consent": consent,
        "consent_on": consent_on if consent else None,
        "contact_retention_until": until if consent else None,
        "invited": bool(values.get("invited", True)),
    }


def add_participant(session: Session, **values) -> Participant:
    """Put someone on the invitation list. Email and phone only with consent."""
    fields = _participant_values(session, values, timezone.localdate())
    return Participant.objects.create(session=session, **fields)


def update_participant(participant: Participant, **values) -> Participant:
    fields = _participant_values(participant.session, values, timezone.localdate())
    for name, value in fields.items():
        setattr(participant, name, value)
    if participant.email or participant.phone:
        participant.contact_deleted_on = None
    participant.save()
    return participant


def record_attendance(session: Session, attended_ids) -> int:
    """Mark who came: the participants in `attended_ids` attended, the others not.
    Returns the number present."""
    try:
        wanted = {int(pk) for pk in attended_ids}
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            _("De aanwezigheidslijst klopt niet. Laad de pagina opnieuw.")
        ) from exc
    known = set(session.participants.values_list("pk", flat=True))
    if not wanted <= known:
        raise ValidationError(
            _("Iemand op de lijst hoort niet bij deze sessie. Laad de pagina opnieuw.")
        )
    with transaction.atomic():
        session.participants.filter(pk__in=wanted).update(attended=True)
        session.participants.exclude(pk__in=wanted).update(attended=False)
    return len(wanted)


# --- Statements ---------------------------------------------------------------------------


def _coding(values: dict) -> dict:
    kind = values.get("kind")
    if kind not in StatementKind.values:
        raise ValidationError(
            _("Kies de soort uitspraak: behoefte, aanbodidee, drempel of citaat.")
        )
    target_group = values.get("target_group") or ""
    if target_group and target_group not in TargetGroup.values:
        raise ValidationError(_("Kies een doelgroep uit de lijst."))
    theme = values.get("theme")
    if theme is not None and not isinstance(theme, PolicyTheme):
        raise ValidationError(_("Kies een thema uit de lijst."))
    district = values.get("district")
    if district is not None and (
        not isinstance(district, Area) or district.kind != AreaKind.DISTRICT
    ):
        raise ValidationError(_("Kies een wijk uit de lijst."))
    return {"kind": kind, "theme": theme, "target_group": target_group, "district": district}


def _text(value) -> str:
    text = _clean(value)
    if not text:
        raise ValidationError(_("Vul de uitspraak in."))
    if len(text) > MAX_STATEMENT_LENGTH:
        raise ValidationError(
            _("Een uitspraak is hoogstens %(max)s tekens. Splits lange aantekeningen op.")
            % {"max": MAX_STATEMENT_LENGTH}
        )
    return text


def add_statement(
    *,
    text: str,
    entered_by,
    session: Session | None = None,
    interview: Interview | None = None,
    participant: Participant | None = None,
    **coding,
) -> Statement:
    """Record a statement from a session or an interview (exactly one). The theme may stay
    empty: the statement then counts as "nog niet gecodeerd"."""
    if (session is None) == (interview is None):
        raise ValidationError(_("Een uitspraak komt uit één sessie of uit één interview."))
    if participant is not None and (session is None or participant.session_id != session.pk):
        raise ValidationError(_("Deze deelnemer hoort niet bij deze sessie."))
    return Statement.objects.create(
        text=_text(text),
        session=session,
        interview=interview,
        participant=participant,
        entered_by=entered_by,
        **_coding(coding),
    )


def recode_statement(statement: Statement, *, text: str | None = None, **coding) -> Statement:
    """Change the coding (kind, theme, target group, wijk) and, if given, the text."""
    fields = _coding(coding)
    if text is not None:
        fields["text"] = _text(text)
    for name, value in fields.items():
        setattr(statement, name, value)
    statement.save()
    return statement


def delete_statement(statement: Statement) -> None:
    statement.delete()


# --- Interviews ---------------------------------------------------------------------------


@dataclass
class StratumCount:
    district: Area | None
    tier: str
    available: int = 0
    drawn: int = 0
    drawn_now: int = 0


@dataclass
class Sample:
    interviews: list[Interview] = field(default_factory=list)
    strata: list[StratumCount] = field(default_factory=list)


def _consent_strata(survey: Survey) -> dict[str, Stratum]:
    """Stratum of every consenting respondent, by reference. Reads the wijk and the pass
    tier from the Response rows here and nowhere else; no answer leaves this function."""
    references = list(
        FollowUpConsent.objects.filter(survey=survey).values_list("reference", flat=True)
    )
    facts = {}
    for start in range(0, len(references), 500):
        rows = Response.objects.filter(
            survey=survey, reference__in=references[start : start + 500]
        ).values_list("reference", "district__code", "attributes", "answers__heeft_pas")
        for reference, district_code, attributes, has_pass in rows:
            facts[reference] = (district_code or "", tier_of(attributes, has_pass))
    return {reference: facts.get(reference, ("", "")) for reference in references}


def interview_strata(
    survey: Survey, drawn_now: dict[Stratum, int] | None = None
) -> list[StratumCount]:
    """Per stratum: consenting respondents not drawn yet, and interviews drawn before."""
    counts: dict[Stratum, StratumCount] = {}
    drawn = set(Interview.objects.filter(survey=survey).values_list("reference", flat=True))
    for reference, stratum in _consent_strata(survey).items():
        row = counts.setdefault(stratum, StratumCount(None, stratum[1]))
        if reference not in drawn:
            row.available += 1
    for district_code, tier in Interview.objects.filter(survey=survey).values_list(
        "district__code", "tier"
    ):
        stratum = (district_code or "", tier)
        counts.setdefault(stratum, StratumCount(None, tier)).drawn += 1
    areas = {area.code: area for area in Area.objects.filter(code__in={k[0] for k in counts})}
    for stratum, row in counts.items():
        row.district = areas.get(stratum[0])
        row.drawn_now = (drawn_now or {}).get(stratum, 0)
    return [counts[key] for key in sorted(counts)]


def draw_interview_sample(survey: Survey, size: int, seed=None) -> Sample:
    """Draw a stratified random sample (wijk × pass tier; allocation in sampling.py) from the
    respondents who consented to a follow-up interview and were not drawn before. The same
    seed on the same consents gives the same sample."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ValidationError(_("Geef een aantal van 1 of meer."))
    if size > MAX_SAMPLE:
        raise ValidationError(
            _("Trek hoogstens %(max)s gesprekken tegelijk.") % {"max": MAX_SAMPLE}
        )
    today = timezone.localdate()
    with transaction.atomic():
        # Lock the survey row: two researchers drawing at once must not draw the same person.
        Survey.objects.select_for_update().filter(pk=survey.pk).first()
        drawn = set(Interview.objects.filter(survey=survey).values_list("reference", flat=True))
        pool: dict[Stratum, list[str]] = {}
        for reference, stratum in _consent_strata(survey).items():
            if reference not in drawn:
                pool.setdefault(stratum, []).append(reference)
        available = sum(len(refs) for refs in pool.values())
        if available < size:
            if available == 0:
                raise ValidationError(
                    _(
                        "Er zijn geen respondenten meer die toestemming gaven en nog niet "
                        "getrokken zijn. Er is niets getrokken."
                    )
                )
            raise ValidationError(
                _(
                    "U vroeg om %(size)s gesprekken, maar maar %(available)s respondenten gaven "
                    "toestemming en zijn nog niet getrokken. Kies %(available)s of minder; er is "
                    "niets getrokken."
                )
                % {"size": size, "available": available}
            )
        rng = random.Random(seed)
        allocation = allocate({key: len(refs) for key, refs in pool.items()}, size, rng)
        areas = {
            area.code: area
            for area in Area.objects.filter(code__in={key[0] for key in pool if key[0]})
        }
        interviews = []
        for key in sorted(allocation):
            for reference in rng.sample(sorted(pool[key]), allocation[key]):
                interviews.append(
                    Interview(
                        survey=survey,
                        reference=reference,
                        district=areas.get(key[0]),
                        tier=key[1],
                        drawn_on=today,
                    )
                )
        Interview.objects.bulk_create(interviews)
    return Sample(
        interviews=interviews,
        strata=interview_strata(survey, {key: n for key, n in allocation.items() if n}),
    )


def update_interview(interview: Interview, **values) -> Interview:
    """Record how an interview went: status, interviewer, date, notes. When it is done the
    clock of its contact details' retention starts."""
    status = values.get("status", interview.status)
    if status not in InterviewStatus.values:
        raise ValidationError(_("Kies een status uit de lijst."))
    held_on = values.get("held_on", interview.held_on)
    today = timezone.localdate()
    if status == InterviewStatus.HELD and held_on is None:
        raise ValidationError(_("Een gehouden gesprek heeft een datum. Vul de datum in."))
    if held_on and held_on > today:
        raise ValidationError(_("De datum van het gesprek ligt in de toekomst."))
    interview.status = status
    interview.held_on = held_on
    interview.interviewer = _clean(values.get("interviewer", interview.interviewer))[:200]
    interview.notes = _clean(values.get("notes", interview.notes))
    if status in FINISHED_INTERVIEW_STATUSES:
        if interview.finished_on is None:
            interview.finished_on = held_on if status == InterviewStatus.HELD else today
            interview.contact_retention_until = add_months(
                interview.finished_on, INTERVIEW_CONTACT_RETENTION_MONTHS
            )
    else:
        interview.finished_on = None
        interview.contact_retention_until = None
    interview.save()
    return interview
