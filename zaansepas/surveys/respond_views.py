"""Pages a respondent sees: the short link's landing page, the question pages, the thanks
page with the optional follow-up consent, and withdrawing that consent.

The draft's token lives in a cookie on the respondent's device (and in the resume link);
the receipt after submitting lives in a signed cookie. The server keeps no session data
that could tie a person to their answers."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from .answering import (
    PERSONAL_KINDS,
    choose_language,
    draft_for_token,
    find_invitation,
    give_follow_up_consent,
    save_page,
    start_response,
    submit_response,
    survey_state,
    withdraw_follow_up_consent,
)
from .chrome import chrome_for, say
from .definition import definition_for
from .models import Channel
from .rendering import page_view
from .texts import direction, language_name, pick

RECEIPT_COOKIE = "zp_v_receipt"
RECEIPT_SALT = "surveys.receipt"


def _cookie(code: str) -> str:
    return f"zp_v_{code}"


def _channel(code: str) -> Channel:
    channel = (
        Channel.objects.filter(code=code[:12], is_active=True).select_related("survey").first()
    )
    if channel is None:
        raise Http404
    return channel


def _language(request, survey, wanted: str = "") -> str:
    for candidate in (wanted, request.GET.get("taal", ""), get_language() or ""):
        if candidate in survey.languages:
            return candidate
    return "nl"


def _frame(survey, language: str, **extra) -> dict:
    """Context every respondent page shares: texts in the survey language, its direction."""
    return {
        "survey": survey,
        "lang": language,
        "dir": direction(language),
        "t": chrome_for(language),
        "survey_title": pick(survey.title, language),
        "survey_languages": [(code, language_name(code)) for code in survey.languages],
        **extra,
    }


def _with_token(response, code: str, token: str):
    response.set_cookie(
        _cookie(code),
        token,
        max_age=60 * 60 * 24 * 30,
        path=f"/v/{code}/",
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG,
    )
    return response


def _show(request, survey, language, text, status=200, **extra):
    """A page with one message in the survey language (closed, used invitation, ...)."""
    return render(
        request,
        "surveys/respond/message.html",
        _frame(survey, language, message=text, **extra),
        status=status,
    )


def _message(request, survey, language, key, status=200):
    return _show(request, survey, language, say(language, key), status)


def _landing(request, channel, language, start_url):
    return render(
        request,
        "surveys/respond/landing.html",
        _frame(
            channel.survey,
            language,
            channel=channel,
            intro=pick(channel.survey.intro, language),
            start_url=start_url,
        ),
    )


def landing(request, code):
    channel = _channel(code)
    survey = channel.survey
    language = _language(request, survey)
    state = survey_state(survey)
    if state != "open":
        return _message(request, survey, language, state, status=410 if state == "closed" else 404)
    if channel.kind in PERSONAL_KINDS:
        return _message(request, survey, language, "invitation_only", status=403)
    draft = draft_for_token(channel, request.COOKIES.get(_cookie(channel.code), ""))
    if draft is not None and "taal" not in request.GET:
        return redirect("surveys:page", code=channel.code, page=draft.page)
    return _landing(request, channel, language, reverse("surveys:start", args=[channel.code]))


@require_POST
def start(request, code):
    channel = _channel(code)
    language = _language(request, channel.survey, request.POST.get("taal", ""))
    try:
        draft, token = start_response(channel, language)
    except ValidationError as exc:
        return _show(request, channel.survey, language, exc.messages[0], status=400)
    return _with_token(redirect("surveys:page", code=channel.code, page=0), channel.code, token)


def invitation(request, code, token):
    channel = _channel(code)
    survey = channel.survey
    language = _language(request, survey, request.POST.get("taal", ""))
    found = find_invitation(channel, token)
    if found is None:
        return _message(request, survey, language, "invitation_unknown", status=404)
    if request.method != "POST":
        language = _language(request, survey, "" if "taal" in request.GET else found.language)
        if found.used_on:
            return _message(request, survey, language, "invitation_used", status=410)
        return _landing(request, channel, language, request.path)
    try:
        draft, token = start_response(channel, language, invitation=found)
    except ValidationError as exc:
        return _show(request, survey, language, exc.messages[0], status=400)
    return _with_token(
        redirect("surveys:page", code=channel.code, page=draft.page), channel.code, token
    )


def resume(request, code, token):
    channel = _channel(code)
    draft = draft_for_token(channel, token)
    if draft is None:
        language = _language(request, channel.survey)
        return _show(
            request,
            channel.survey,
            language,
            say(language, "expired"),
            status=410,
            restart_url=reverse("surveys:landing", args=[channel.code]),
        )
    return _with_token(
        redirect("surveys:page", code=channel.code, page=draft.page), channel.code, token
    )


@require_POST
def language(request, code):
    channel = _channel(code)
    draft = draft_for_token(channel, request.COOKIES.get(_cookie(channel.code), ""))
    if draft is None:
        return redirect(
            reverse("surveys:landing", args=[channel.code]) + f"?taal={request.POST.get('taal')}"
        )
    choose_language(draft, request.POST.get("taal", ""))
    return redirect("surveys:page", code=channel.code, page=draft.page)


def page(request, code, page):
    channel = _channel(code)
    token = request.COOKIES.get(_cookie(channel.code), "")
    draft = draft_for_token(channel, token)
    if draft is None:
        return redirect("surveys:landing", code=channel.code)
    survey, language = draft.survey, draft.language
    if survey_state(survey) != "open":
        return _message(request, survey, language, survey_state(survey), status=410)
    definition = definition_for(survey)
    visible = definition.visible_pages(draft.answers)
    if page >= len(definition.pages) or not visible:
        return redirect("surveys:page", code=channel.code, page=min(draft.page, visible[0]))
    if page not in visible:
        later = [index for index in visible if index > page]
        return redirect("surveys:page", code=channel.code, page=later[0] if later else visible[-1])

    errors, data = {}, None
    if request.method == "POST":
        action = request.POST.get("action", "next")
        if action == "back":
            save_page(draft, page, request.POST, check=False)
            earlier = [index for index in definition.visible_pages(draft.answers) if index < page]
            return redirect("surveys:page", code=channel.code, page=earlier[-1] if earlier else 0)
        if action == "save":
            save_page(draft, page, request.POST, check=False)
            return render(
                request,
                "surveys/respond/saved.html",
                _frame(
                    survey,
                    language,
                    resume_link=request.build_absolute_uri(
                        reverse("surveys:resume", args=[channel.code, token])
                    ),
                    resume_text=say(
                        language,
                        "resume_text",
                        date=timezone.localtime(draft.expires_at).strftime("%d-%m-%Y"),
                    ),
                    back_url=reverse("surveys:page", args=[channel.code, page]),
                ),
            )
        errors = save_page(draft, page, request.POST)
        if not errors:
            later = [index for index in definition.visible_pages(draft.answers) if index > page]
            if later:
                return redirect("surveys:page", code=channel.code, page=later[0])
            return _submit(request, channel, token, definition, language)
        data = request.POST
        visible = definition.visible_pages(draft.answers)

    position = visible.index(page) if page in visible else 0
    view = page_view(definition, page, draft.answers, language, errors, data)
    return render(
        request,
        "surveys/respond/page.html",
        _frame(
            survey,
            language,
            channel=channel,
            page=page,
            step=position + 1,
            steps=len(visible),
            step_text=say(language, "step", current=position + 1, total=len(visible)),
            is_last=position + 1 == len(visible),
            is_first=position == 0,
            errors=errors,
            **view,
        ),
        status=400 if errors else 200,
    )


def _submit(request, channel, token, definition, language):
    try:
        result = submit_response(channel, token)
    except ValidationError as exc:
        return _show(request, channel.survey, language, exc.messages[0], status=410)
    if result.missing:
        # A required answer went missing (an earlier answer changed): back to that page.
        first = result.missing[0]
        index = next(
            i for i, p in enumerate(definition.pages) if first in {q.code for q in p.questions}
        )
        return redirect("surveys:page", code=channel.code, page=index)
    response = redirect("surveys:thanks", code=channel.code)
    response.delete_cookie(_cookie(channel.code), path=f"/v/{channel.code}/")
    if result.response is not None:
        receipt = signing.dumps(
            {"r": result.response.reference, "l": result.response.language}, salt=RECEIPT_SALT
        )
        response.set_cookie(
            RECEIPT_COOKIE,
            receipt,
            max_age=60 * 60 * 6,
            path=f"/v/{channel.code}/",
            httponly=True,
            samesite="Lax",
            secure=not settings.DEBUG,
        )
    return response


def _receipt(request) -> dict:
    try:
        return signing.loads(
            request.COOKIES.get(RECEIPT_COOKIE, ""), salt=RECEIPT_SALT, max_age=60 * 60 * 6
        )
    except signing.BadSignature:
        return {}


class FollowUpForm(forms.Form):
    name = forms.CharField(max_length=120)
    phone = forms.CharField(max_length=30, required=False)
    email = forms.EmailField(max_length=254, required=False)

    def __init__(self, *args, language="nl", **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = "".join(ch for ch in phone if ch.isdigit())
        if phone and (
            len(digits) < 10 or len(digits) > 15 or not set(phone) <= set("+0123456789 -()")
        ):
            raise ValidationError(say(self.language, "error_phone"))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            raise ValidationError(say(self.language, "error_contact"))
        return cleaned


def _follow_up_errors(form) -> dict:
    language = form.language
    errors = {}
    for field in form.errors:
        if field == "__all__":
            errors["form"] = form.errors[field][0]
        elif field == "name":
            errors[field] = say(language, "error_name")
        elif field == "email":
            errors[field] = say(language, "error_email")
        else:
            errors[field] = form.errors[field][0]
    return errors


def thanks(request, code):
    channel = _channel(code)
    receipt = _receipt(request)
    language = receipt.get("l") or _language(request, channel.survey)
    return render(
        request,
        "surveys/respond/thanks.html",
        _frame(
            channel.survey,
            language,
            channel=channel,
            thanks=pick(channel.survey.thanks, language),
            reference=receipt.get("r", ""),
            receipt_text=say(language, "receipt", reference=receipt.get("r", "")),
            ask_follow_up=channel.survey.ask_follow_up and receipt.get("r"),
            form_errors={},
            values={},
        ),
    )


@require_POST
def follow_up(request, code):
    channel = _channel(code)
    receipt = _receipt(request)
    language = receipt.get("l") or "nl"
    if not receipt.get("r") or not channel.survey.ask_follow_up:
        return _message(request, channel.survey, language, "follow_up_gone", status=410)
    form = FollowUpForm(request.POST, language=language)
    frame = _frame(
        channel.survey,
        language,
        channel=channel,
        thanks=pick(channel.survey.thanks, language),
        reference=receipt["r"],
        receipt_text=say(language, "receipt", reference=receipt["r"]),
        ask_follow_up=True,
    )
    if not form.is_valid():
        frame.update(form_errors=_follow_up_errors(form), values=request.POST)
        return render(request, "surveys/respond/thanks.html", frame, status=400)
    try:
        token = give_follow_up_consent(
            channel.survey,
            receipt["r"],
            form.cleaned_data["name"],
            form.cleaned_data["phone"],
            form.cleaned_data["email"],
        )
    except ValidationError:
        return _message(request, channel.survey, language, "follow_up_already", status=409)
    withdraw_link = request.build_absolute_uri(reverse("surveys:withdraw", args=[token]))
    response = render(
        request,
        "surveys/respond/consent_given.html",
        {**frame, "withdraw_link": withdraw_link},
    )
    response.delete_cookie(RECEIPT_COOKIE, path=f"/v/{channel.code}/")
    return response


def withdraw(request, token):
    language = request.GET.get("taal") or get_language() or "nl"
    context = {"lang": language, "dir": direction(language), "t": chrome_for(language)}
    if request.method == "POST":
        done = withdraw_follow_up_consent(token)
        context["message"] = say(language, "withdrawn" if done else "withdraw_unknown")
        return render(
            request, "surveys/respond/withdrawn.html", context, status=200 if done else 404
        )
    return render(request, "surveys/respond/withdraw.html", context)
