"""Research sessions: the six themes of a scan year, and one session's page (details,
invitation list with attendance, statements)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.lib.view_actions import submit_form

from .access import get_participant_for_staff, get_session_for_staff, require_researcher
from .actions import (
    add_participant,
    add_statement,
    plan_session,
    record_attendance,
    update_participant,
    update_session,
)
from .forms import CodingOptions, ParticipantForm, PlanSessionForm, SessionForm, StatementForm
from .overview import scan_years, sessions_by_theme
from .statement_views import statement_rows


def _year(request) -> int:
    value = request.GET.get("jaar", "")
    if value.isdigit() and 2020 <= int(value) <= 2100:
        return int(value)
    years = scan_years()
    return years[0] if years else timezone.localdate().year


@login_required
def session_list(request):
    require_researcher(request.user)
    year = _year(request)
    years = sorted({*scan_years(), timezone.localdate().year, year}, reverse=True)
    return render(
        request,
        "research/session_list.html",
        {"tab": "sessions", "year": year, "years": years, "rows": sessions_by_theme(year)},
    )


@login_required
@require_POST
def session_plan(request):
    require_researcher(request.user)
    form = PlanSessionForm(request.POST)
    if form.is_valid():
        try:
            session = plan_session(form.cleaned_data["theme"], form.cleaned_data["year"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Sessie aangemaakt. Vul datum, plaats en gespreksleider in.")
            )
            return redirect("research:session_detail", pk=session.pk)
    else:
        messages.error(request, _("Kies een thema en een jaartal tussen 2020 en 2100."))
    year = request.POST.get("year", "")
    url = reverse("research:session_list")
    return redirect(f"{url}?jaar={year}" if year.isdigit() else url)


def _session_initial(session) -> dict:
    return {
        "date": session.date,
        "start_time": session.start_time,
        "place": session.place,
        "facilitator": session.facilitator,
        "specialists": session.specialists,
        "notes": session.notes,
        "status": session.status,
    }


def _render_session(request, session, status=200, **forms):
    options = CodingOptions.load()
    participants = session.participants.all()
    forms.setdefault("details_form", SessionForm(initial=_session_initial(session)))
    forms.setdefault("participant_form", ParticipantForm(prefix="p"))
    forms.setdefault(
        "statement_form",
        StatementForm(
            options=options,
            participants=participants,
            prefix="n",
            initial={"theme": str(session.theme_id)},
        ),
    )
    statements = session.statements.select_related("theme", "district", "participant").order_by(
        "-created_at", "-id"
    )
    return render(
        request,
        "research/session_detail.html",
        {
            "tab": "sessions",
            "session": session,
            "participants": participants,
            "present": sum(1 for p in participants if p.attended),
            "rows": statement_rows(statements, options),
            "uncoded": sum(1 for s in statements if s.theme_id is None),
            "next_url": reverse("research:session_detail", args=[session.pk]),
            **forms,
        },
        status=status,
    )


@login_required
def session_detail(request, pk):
    session = get_session_for_staff(request.user, pk)
    return _render_session(request, session)


@login_required
@require_POST
def session_update(request, pk):
    session = get_session_for_staff(request.user, pk)
    form = SessionForm(request.POST)
    response = submit_form(
        request,
        form,
        lambda: update_session(session, **form.cleaned_data),
        _("Gegevens van de sessie opgeslagen."),
        reverse("research:session_detail", args=[session.pk]),
    )
    if response is not None:
        return response
    session.refresh_from_db()
    return _render_session(request, session, status=400, details_form=form)


@login_required
@require_POST
def participant_add(request, pk):
    session = get_session_for_staff(request.user, pk)
    form = ParticipantForm(request.POST, prefix="p")
    response = submit_form(
        request,
        form,
        lambda: add_participant(session, **form.cleaned_data),
        _("Deelnemer toegevoegd."),
        reverse("research:session_detail", args=[session.pk]) + "#deelnemers",
    )
    if response is not None:
        return response
    return _render_session(request, session, status=400, participant_form=form)


@login_required
def participant_edit(request, pk):
    participant = get_participant_for_staff(request.user, pk)
    session = participant.session
    if request.method == "POST":
        form = ParticipantForm(request.POST)
        response = submit_form(
            request,
            form,
            lambda: update_participant(participant, **form.cleaned_data),
            _("Deelnemer opgeslagen."),
            reverse("research:session_detail", args=[session.pk]) + "#deelnemers",
        )
        if response is not None:
            return response
        status = 400
    else:
        form = ParticipantForm(
            initial={
                name: getattr(participant, name)
                for name in ParticipantForm.base_fields
                if hasattr(participant, name)
            }
        )
        status = 200
    return render(
        request,
        "research/participant_edit.html",
        {"tab": "sessions", "session": session, "participant": participant, "form": form},
        status=status,
    )


@login_required
@require_POST
def attendance(request, pk):
    session = get_session_for_staff(request.user, pk)
    try:
        present = record_attendance(session, request.POST.getlist("attended"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _render_session(request, session, status=400)
    messages.success(
        request,
        _("Aanwezigheid opgeslagen: %(present)s van de %(total)s aanwezig.")
        % {"present": present, "total": session.participants.count()},
    )
    return redirect(reverse("research:session_detail", args=[session.pk]) + "#deelnemers")


@login_required
@require_POST
def session_statement_add(request, pk):
    session = get_session_for_staff(request.user, pk)
    options = CodingOptions.load()
    form = StatementForm(
        request.POST, options=options, participants=session.participants.all(), prefix="n"
    )
    response = submit_form(
        request,
        form,
        lambda: add_statement(
            text=form.cleaned_data["text"],
            session=session,
            participant=form.cleaned_data.get("participant"),
            entered_by=request.user,
            **form.coding(),
        ),
        _("Uitspraak opgeslagen. U kunt de volgende invoeren."),
        reverse("research:session_detail", args=[session.pk]) + "#nieuwe-uitspraak",
    )
    if response is not None:
        return response
    return _render_session(request, session, status=400, statement_form=form)
