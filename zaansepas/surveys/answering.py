"""Answering a survey: start (or resume) a draft, save it page by page, submit it once,
and the optional follow-up consent afterwards. Views call these and render the result."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from zaansepas.city.models import Area, PostcodeArea
from zaansepas.lib.signing import mac, macs_equal

from .answers import Answer, read_answer
from .chrome import say
from .definition import SurveyDef, definition_for, drop_hidden_answers, is_shown
from .models import (
    Channel,
    ChannelKind,
    Demographic,
    FollowUpConsent,
    Invitation,
    PaperEntryKey,
    QuestionKind,
    Response,
    ResponseDraft,
    Survey,
    SurveyStatus,
)

DRAFT_DAYS = 30
PERSONAL_KINDS = {ChannelKind.INVITATION, ChannelKind.PANEL}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_token(invitation: Invitation) -> str:
    """The token in an invitation link, made again from the public id whenever needed."""
    return f"{invitation.public_id}.{_invitation_mac(invitation.public_id)}"


def _invitation_mac(public_id: str) -> str:
    return mac(settings.SECRET_KEY, f"survey-invitation:{public_id}", 20).lower()


def survey_state(survey: Survey, now=None) -> str:
    """'open', 'not_open' or 'closed': whether answers are accepted now."""
    now = now or timezone.now()
    if survey.status == SurveyStatus.DRAFT:
        return "not_open"
    if survey.status == SurveyStatus.CLOSED or (survey.closes_at and survey.closes_at <= now):
        return "closed"
    return "open"


def find_invitation(channel: Channel, token: str) -> Invitation | None:
    public_id, _sep, given = token.partition(".")
    if not public_id or not given or len(token) > 80:
        return None
    if not macs_equal(given, _invitation_mac(public_id)):
        return None
    return Invitation.objects.filter(channel=channel, public_id=public_id).first()


def draft_for_token(channel: Channel, token: str) -> ResponseDraft | None:
    if not token or len(token) > 80:
        return None
    return (
        ResponseDraft.objects.filter(
            channel=channel, token_hash=hash_token(token), expires_at__gt=timezone.now()
        )
        .select_related("survey")
        .first()
    )


def start_response(
    channel: Channel, language: str, invitation: Invitation | None = None
) -> tuple[ResponseDraft, str]:
    """A new draft and the token of its resume link. For an invitation, the invitation's
    own token, so its link resumes; an invitation with a live draft resumes that one."""
    survey = channel.survey
    if survey_state(survey) != "open":
        raise ValidationError(say(language, survey_state(survey)))
    if channel.kind in PERSONAL_KINDS and invitation is None:
        raise ValidationError(say(language, "invitation_only"))
    if language not in survey.languages:
        language = "nl"
    if invitation is not None:
        if invitation.used_on:
            raise ValidationError(say(language, "invitation_used"))
        token = invitation_token(invitation)
        existing = draft_for_token(channel, token)
        if existing:
            return existing, token
        # An expired draft of this invitation is replaced by a fresh one. Only an expired
        # one: a live draft made a moment ago by a second tap must survive.
        ResponseDraft.objects.filter(
            token_hash=hash_token(token), expires_at__lte=timezone.now()
        ).delete()
        attributes = dict(invitation.attributes)
    else:
        token, attributes = secrets.token_urlsafe(24), {}
    expires = timezone.now() + dt.timedelta(days=DRAFT_DAYS)
    if survey.closes_at:
        expires = min(expires, survey.closes_at)
    try:
        with transaction.atomic():
            draft = ResponseDraft.objects.create(
                survey=survey,
                channel=channel,
                token_hash=hash_token(token),
                language=language,
                attributes=attributes,
                expires_at=expires,
            )
    except IntegrityError:
        # The same invitation opened twice at once (two taps): both get the one draft.
        draft = ResponseDraft.objects.get(token_hash=hash_token(token))
    return draft, token


def choose_language(draft: ResponseDraft, language: str) -> None:
    if language in draft.survey.languages:
        draft.language = language
        draft.save(update_fields=["language", "updated_at"])


def read_page(definition: SurveyDef, page_index: int, data, answers: dict, language: str):
    """The answers of one page merged into `answers`, and {code: error} for what is wrong.
    Questions that are hidden by earlier answers are not read."""
    merged, errors = dict(answers), {}
    for question in definition.pages[page_index].questions:
        if not question.is_question:
            continue
        merged.pop(question.code, None)
        merged.pop(f"{question.code}.other", None)
        if not is_shown(question, merged):
            continue
        answer: Answer = read_answer(question, data, language)
        if answer.error:
            errors[question.code] = answer.error
            continue
        if answer.value is not None:
            merged[question.code] = answer.value
        if answer.other:
            merged[f"{question.code}.other"] = answer.other
    return drop_hidden_answers(definition, merged), errors


def save_page(draft: ResponseDraft, page_index: int, data, check: bool = True) -> dict:
    """Store one page's answers. With `check`, nothing is stored when an answer is wrong
    and the errors come back; going back a page (check=False) keeps what is valid."""
    definition = definition_for(draft.survey)
    if not 0 <= page_index < len(definition.pages):
        raise ValidationError("page")
    answers, errors = read_page(definition, page_index, data, draft.answers, draft.language)
    if errors and check:
        return errors
    draft.answers = answers
    draft.page = page_index
    draft.save(update_fields=["answers", "page", "updated_at"])
    return {}


def missing_required(definition: SurveyDef, answers: dict) -> list[str]:
    return [
        question.code
        for question in definition.questions
        if question.required
        and question.is_question
        and is_shown(question, answers)
        and answers.get(question.code) in (None, "", [], {})
    ]


def respondent_facts(definition: SurveyDef, answers: dict, channel, attributes) -> dict:
    """District, age band and sex for monitoring and weighting, from the answers first."""
    facts = {"district_id": None, "age_band": "", "sex": "", "attributes": dict(attributes)}
    source = ""
    for question in definition.questions:
        value = answers.get(question.code)
        if value in (None, ""):
            continue
        if question.kind == QuestionKind.POSTCODE and facts["district_id"] is None:
            facts["district_id"] = (
                PostcodeArea.objects.filter(postcode4=value)
                .values_list("district_id", flat=True)
                .first()
            )
            source = "postcode" if facts["district_id"] else ""
        elif question.kind == QuestionKind.AGE_BAND and not facts["age_band"]:
            facts["age_band"] = str(value)
        elif question.demographic == Demographic.SEX and not facts["sex"]:
            facts["sex"] = str(value)
    if facts["district_id"] is None and attributes.get("wijk"):
        facts["district_id"] = (
            Area.objects.filter(code=attributes["wijk"]).values_list("id", flat=True).first()
        )
        source = "panel" if facts["district_id"] else ""
    if facts["district_id"] is None and channel is not None and channel.district_id:
        facts["district_id"], source = channel.district_id, "kanaal"
    if source:
        facts["attributes"]["wijk_bron"] = source
    return facts


@dataclass
class Submitted:
    response: Response | None  # None: this draft was submitted before
    missing: list[str]


def submit_response(channel: Channel, token: str) -> Submitted:
    """Turn the draft into a response, once. A second submit of the same draft (a double
    click, a retry) finds no draft and is told its answers were already sent."""
    with transaction.atomic():
        draft = (
            ResponseDraft.objects.select_for_update(of=("self",))
            .filter(channel=channel, token_hash=hash_token(token))
            .select_related("survey")
            .first()
        )
        if draft is None:
            return Submitted(None, [])
        definition = definition_for(draft.survey)
        answers = drop_hidden_answers(definition, draft.answers)
        missing = missing_required(definition, answers)
        if missing:
            return Submitted(None, missing)
        if survey_state(draft.survey) != "open":
            raise ValidationError(say(draft.language, survey_state(draft.survey)))
        facts = respondent_facts(definition, answers, channel, draft.attributes)
        response = Response.objects.create(
            survey=draft.survey,
            channel=channel,
            language=draft.language,
            submitted_on=timezone.localdate(),
            answers=answers,
            reference=secrets.token_hex(8),
            **facts,
        )
        if channel.kind in PERSONAL_KINDS:
            invitation = find_invitation(channel, token)
            if invitation is not None:
                Invitation.objects.filter(pk=invitation.pk, used_on__isnull=True).update(
                    used_on=timezone.localdate()
                )
        draft.delete()
    return Submitted(response, [])


def enter_paper_response(survey: Survey, channel: Channel, data, form_key: str):
    """A paper questionnaire typed in by staff: every page read at once, the same checks
    (except that a question left empty on paper stays empty). Returns (response, errors);
    the same form key twice stores one response."""
    if channel.survey_id != survey.id or channel.kind != ChannelKind.PAPER:
        raise ValidationError("channel")
    if not form_key or len(form_key) > 80:
        raise ValidationError("form key")
    definition = definition_for(survey)
    answers, errors = {}, {}
    for index in range(len(definition.pages)):
        answers, page_errors = read_page(definition, index, data, answers, "nl")
        errors.update(page_errors)
    # Paper has no "required": a respondent may have skipped any question.
    errors = {code: text for code, text in errors.items() if text != say("nl", "error_required")}
    if errors:
        return None, errors
    facts = respondent_facts(definition, answers, channel, {})
    try:
        with transaction.atomic():
            PaperEntryKey.objects.create(key_hash=hash_token(form_key))
            response = Response.objects.create(
                survey=survey,
                channel=channel,
                language="nl",
                submitted_on=timezone.localdate(),
                answers=answers,
                reference=secrets.token_hex(8),
                **facts,
            )
    except IntegrityError:
        return None, {}
    return response, {}


def give_follow_up_consent(
    survey: Survey, reference: str, name: str, phone: str, email: str
) -> str:
    """Store consent for a follow-up conversation; returns the token of the withdraw link.
    The reference must belong to a response of this survey without consent yet."""
    if not Response.objects.filter(survey=survey, reference=reference).exists():
        raise ValidationError("reference")
    token = secrets.token_urlsafe(24)
    try:
        with transaction.atomic():
            FollowUpConsent.objects.create(
                survey=survey,
                reference=reference,
                name=name,
                phone=phone,
                email=email,
                withdraw_token_hash=hash_token(token),
                given_on=timezone.localdate(),
            )
    except IntegrityError as exc:
        raise ValidationError("already") from exc
    return token


def withdraw_follow_up_consent(token: str) -> bool:
    """Delete the consent (name and contact details) behind a withdraw link."""
    if not token or len(token) > 80:
        return False
    deleted, _ = FollowUpConsent.objects.filter(withdraw_token_hash=hash_token(token)).delete()
    return deleted > 0
