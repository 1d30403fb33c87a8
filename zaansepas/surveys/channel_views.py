"""The researcher's channels page: short links, posters and flyers, personal invitations,
the pass-holder panel and the paper questionnaire. Every form posts, then redirects back
with a message in Dutch."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from .access import get_survey_for_staff, survey_page_context
from .channels import (
    activate_channel,
    city_districts,
    create_channel,
    create_district_channels,
    deactivate_channel,
    short_url,
)
from .invitations import (
    MAX_PANEL_SAMPLE,
    Sent,
    create_invitations_from_csv,
    invitation_counts,
    invite_pass_holders,
    mail_merge_csv,
    send_invitations,
    send_reminders,
)
from .models import Channel, ChannelKind, Survey
from .posters import render_paper_questionnaire, render_poster

PERSONAL_KINDS = (ChannelKind.INVITATION, ChannelKind.PANEL)
# Kinds whose link is meant to be spread in public: posters and flyers make sense there.
PUBLIC_KINDS = (ChannelKind.DISTRICT, ChannelKind.PARTNER, ChannelKind.MEDIUM)


class ChannelForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Soort kanaal"), choices=ChannelKind.choices)
    name = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=120,
        help_text=gettext_lazy("Bijvoorbeeld: Bibliotheek Zaandam, Voedselbank, Facebook."),
    )
    district = forms.ModelChoiceField(
        label=gettext_lazy("Wijk"),
        queryset=city_districts(),
        required=False,
        empty_label=gettext_lazy("— geen wijk —"),
        help_text=gettext_lazy("Alleen nodig bij een wijkkanaal."),
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV-bestand met adressen"),
        help_text=gettext_lazy(
            "Eerste regel: de namen van de kolommen, bijvoorbeeld email;naam;adres. "
            "Opslaan als CSV UTF-8."
        ),
    )


class PanelForm(forms.Form):
    sample_size = forms.IntegerField(
        label=gettext_lazy("Aantal pashouders"), min_value=1, max_value=MAX_PANEL_SAMPLE
    )


class ReminderForm(forms.Form):
    older_than_days = forms.IntegerField(
        label=gettext_lazy("Uitnodiging minstens zo veel dagen geleden verstuurd"),
        min_value=0,
        max_value=365,
        initial=7,
    )


def _survey(request, pk: int) -> Survey:
    return get_survey_for_staff(request.user, pk, "surveys.manage_survey")


def _channel(survey: Survey, channel_pk: int) -> Channel:
    channel = Channel.objects.filter(survey=survey, pk=channel_pk).first()
    if channel is None:
        raise Http404
    return channel


def _back(survey: Survey, anchor: str = ""):
    response = redirect("surveys:channels", survey.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_GET
def channel_list(request, pk: int):
    survey = _survey(request, pk)
    channels = list(
        survey.channels.select_related("district")
        .annotate(response_count=Count("responses"))
        .order_by("kind", "name")
    )
    groups = []
    for kind, label in ChannelKind.choices:
        rows = [
            {
                "channel": channel,
                "url": short_url(channel),
                "printable": channel.kind in PUBLIC_KINDS,
            }
            for channel in channels
            if channel.kind == kind
        ]
        if rows:
            groups.append({"kind": kind, "label": label, "rows": rows})
    personal = [
        {
            "channel": channel,
            "counts": invitation_counts(channel),
            "panel_form": PanelForm(prefix=f"panel{channel.pk}"),
            "reminder_form": ReminderForm(prefix=f"reminder{channel.pk}"),
            "upload_form": UploadForm(prefix=f"upload{channel.pk}"),
        }
        for channel in channels
        if channel.kind in PERSONAL_KINDS
    ]
    context = survey_page_context(
        survey,
        "channels",
        groups=groups,
        personal=personal,
        channel_form=ChannelForm(),
        has_districts=city_districts().exists(),
    )
    return render(request, "surveys/channels/channels.html", context)


@login_required
@require_POST
def add_channel(request, pk: int):
    survey = _survey(request, pk)
    form = ChannelForm(request.POST)
    if not form.is_valid():
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, message)
        return _back(survey, "kanaal-toevoegen")
    try:
        channel = create_channel(
            survey,
            form.cleaned_data["kind"],
            form.cleaned_data["name"],
            form.cleaned_data["district"],
        )
    except ValidationError as error:
        _errors(request, error)
        return _back(survey, "kanaal-toevoegen")
    messages.success(
        request,
        _("Kanaal '%(name)s' is gemaakt. De korte link is %(url)s")
        % {"name": channel.name, "url": short_url(channel)},
    )
    return _back(survey)


@login_required
@require_POST
def add_district_channels(request, pk: int):
    survey = _survey(request, pk)
    made = create_district_channels(survey)
    if made:
        messages.success(
            request,
            ngettext("%(n)s wijklink gemaakt.", "%(n)s wijklinks gemaakt.", len(made))
            % {"n": len(made)},
        )
    else:
        messages.info(request, _("Elke wijk heeft al een link."))
    return _back(survey)


@login_required
@require_POST
def toggle_channel(request, pk: int, channel_pk: int):
    survey = _survey(request, pk)
    channel = _channel(survey, channel_pk)
    if request.POST.get("active") == "1":
        activate_channel(channel)
        messages.success(request, _("De link van '%(name)s' werkt weer.") % {"name": channel.name})
    else:
        deactivate_channel(channel)
        messages.success(
            request,
            _("De link van '%(name)s' werkt niet meer. De antwoorden blijven bewaard.")
            % {"name": channel.name},
        )
    return _back(survey)


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
@require_GET
def poster(request, pk: int, channel_pk: int, paper: str):
    survey = _survey(request, pk)
    channel = _channel(survey, channel_pk)
    if paper not in ("a4", "a5"):
        raise Http404
    name = "poster" if paper == "a4" else "flyer"
    return _pdf_response(
        render_poster(channel, paper), f"{name}-{slugify(channel.name) or channel.code}.pdf"
    )


@login_required
@require_GET
def paper_questionnaire(request, pk: int):
    survey = _survey(request, pk)
    return _pdf_response(
        render_paper_questionnaire(survey), f"vragenlijst-{survey.series}-v{survey.version}.pdf"
    )


@login_required
@require_POST
def upload_invitations(request, pk: int, channel_pk: int):
    survey = _survey(request, pk)
    channel = _channel(survey, channel_pk)
    anchor = f"kanaal-{channel.pk}"
    form = UploadForm(request.POST, request.FILES, prefix=f"upload{channel.pk}")
    if not form.is_valid():
        messages.error(request, _("Kies een CSV-bestand."))
        return _back(survey, anchor)
    try:
        made = create_invitations_from_csv(channel, form.cleaned_data["file"])
    except ValidationError as error:
        messages.error(request, _("Er is niets opgeslagen. Verbeter het bestand:"))
        _errors(request, error)
        return _back(survey, anchor)
    messages.success(
        request,
        ngettext("%(n)s uitnodiging toegevoegd.", "%(n)s uitnodigingen toegevoegd.", len(made))
        % {"n": len(made)},
    )
    return _back(survey, anchor)


@login_required
@require_GET
def mail_merge(request, pk: int, channel_pk: int):
    survey = _survey(request, pk)
    channel = _channel(survey, channel_pk)
    if channel.kind not in PERSONAL_KINDS:
        raise Http404
    # A byte order mark, so Excel reads the file as UTF-8 (names with ë, ç, ğ...).
    content = "\ufeff" + mail_merge_csv(channel)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"uitnodigingen-{slugify(channel.name) or channel.code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _sent_message(result: Sent, reminders: bool) -> str:
    if reminders:
        text = ngettext(
            "%(n)s herinnering verstuurd.", "%(n)s herinneringen verstuurd.", result.sent
        )
    else:
        text = ngettext(
            "%(n)s uitnodiging verstuurd.", "%(n)s uitnodigingen verstuurd.", result.sent
        )
    parts = [text % {"n": result.sent}]
    if result.failed:
        parts.append(
            ngettext(
                "%(n)s e-mail kon niet worden verstuurd; probeer het later opnieuw.",
                "%(n)s e-mails konden niet worden verstuurd; probeer het later opnieuw.",
                result.failed,
            )
            % {"n": result.failed}
        )
    if result.left:
        parts.append(
            ngettext(
                "Er staat er nog %(n)s klaar: druk nog een keer op de knop.",
                "Er staan er nog %(n)s klaar: druk nog een keer op de knop.",
                result.left,
            )
            % {"n": result.left}
        )
    return " ".join(parts)


@login_required
@require_POST
def send(request, pk: int, channel_pk: int):
    survey = _survey(request, pk)
    channel = _channel(survey, channel_pk)
    try:
        result = send_invitations(channel)
    except ValidationError as error:
        _errors(request, error)
    else:
        level = messages.WARNING if result.failed else messages.SUCCESS
        messages.add_message(request, level, _sent_message(result, reminders=False))
    return _back(survey, f"kanaal-{channel.pk}")


@login_required
@require_POST
def remind(request, pk: int, channel_pk: int):
    survey = _survey(request, pk)
    channel = _channel(survey, channel_pk)
    form = ReminderForm(request.POST, prefix=f"reminder{channel.pk}")
    if not form.is_valid():
        messages.error(request, _("Geef een aantal dagen van 0 tot 365."))
        return _back(survey, f"kanaal-{channel.pk}")
    try:
        result = send_reminders(channel, form.cleaned_data["older_than_days"])
    except ValidationError as error:
        _errors(request, error)
    else:
        level = messages.WARNING if result.failed else messages.SUCCESS
        messages.add_message(request, level, _sent_message(result, reminders=True))
    return _back(survey, f"kanaal-{channel.pk}")


@login_required
@require_POST
def invite_panel(request, pk: int, channel_pk: int):
    survey = _survey(request, pk)
    channel = _channel(survey, channel_pk)
    form = PanelForm(request.POST, prefix=f"panel{channel.pk}")
    if not form.is_valid():
        messages.error(
            request,
            _("Geef een aantal pashouders van 1 tot %(max)s.") % {"max": MAX_PANEL_SAMPLE},
        )
        return _back(survey, f"kanaal-{channel.pk}")
    asked = form.cleaned_data["sample_size"]
    try:
        made = invite_pass_holders(channel, asked)
    except ValidationError as error:
        _errors(request, error)
        return _back(survey, f"kanaal-{channel.pk}")
    text = ngettext("%(n)s pashouder uitgenodigd.", "%(n)s pashouders uitgenodigd.", len(made)) % {
        "n": len(made)
    }
    if len(made) < asked:
        text += " " + _(
            "Er waren niet meer pashouders met een e-mailadres die nog niet uitgenodigd waren."
        )
    text += " " + _("Verstuur de uitnodigingen met de knop 'Uitnodigingen versturen'.")
    messages.success(request, text)
    return _back(survey, f"kanaal-{channel.pk}")
