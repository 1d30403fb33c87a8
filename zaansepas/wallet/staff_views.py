"""Pass office pages for money: budget schemes with a grant preview, and payout runs
(prepare, download the SEPA file and statements, confirm once the bank has paid)."""

import csv
import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from weasyprint import HTML

from zaansepas.lib.spreadsheet import safe_cell

from .budgets import add_to_list, grant_all, preview_grants
from .models import Account, AccountKind, PayoutRun, PayoutStatus, Scheme
from .payouts import confirm_payout_run, prepare_payout_run, statement_lines

payouts_required = permission_required("wallet.run_payouts", raise_exception=True)
grants_required = permission_required("wallet.grant_budget", raise_exception=True)


def closed_months(today: dt.date, count: int = 6) -> list[str]:
    """The last few months that have ended, newest first: what a run can be prepared for."""
    months, day = [], today.replace(day=1)
    for _i in range(count):
        day = (day - dt.timedelta(days=1)).replace(day=1)
        months.append(f"{day.year}-{day.month:02d}")
    return months


@login_required
@payouts_required
def payout_runs(request):
    if request.method == "POST":
        try:
            run = prepare_payout_run(request.POST.get("period", ""), actor=request.user)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("wallet:payout_runs")
        return redirect("wallet:payout_run", period=run.period)
    return render(
        request,
        "wallet/staff/payout_runs.html",
        {
            "runs": PayoutRun.objects.all()[:36],
            "months": closed_months(timezone.localdate()),
        },
    )


def _run(period) -> PayoutRun:
    run = PayoutRun.objects.filter(period=period).first()
    if run is None:
        raise Http404
    return run


@login_required
@payouts_required
def payout_run(request, period):
    run = _run(period)
    return render(
        request,
        "wallet/staff/payout_run.html",
        {"run": run, "lines": run.lines.select_related("provider"), "paid": PayoutStatus.PAID},
    )


@login_required
@payouts_required
@require_POST
def confirm_run(request, period):
    run = _run(period)
    if request.POST.get("confirm") != "ja":
        messages.error(request, _("Vink aan dat de bank de uitbetaling heeft gedaan."))
        return redirect("wallet:payout_run", period=period)
    confirm_payout_run(run, actor=request.user)
    messages.success(request, _("Bevestigd. Wat de aanbieders te goed hadden, is afgeboekt."))
    return redirect("wallet:payout_run", period=period)


@login_required
@payouts_required
def sepa_file(request, period):
    run = _run(period)
    response = HttpResponse(run.sepa_xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="zaansepas-uitbetaling-{period}.xml"'
    response["Cache-Control"] = "private, no-store"
    return response


def _statement(run, provider_id):
    line = run.lines.select_related("provider").filter(provider_id=provider_id).first()
    if line is None:
        raise Http404
    return line, statement_lines(line.provider, run.starts_at, run.ends_at)


@login_required
@payouts_required
def statement_csv(request, period, provider_id):
    run = _run(period)
    line, rows = _statement(run, provider_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="specificatie-{period}-{line.provider_id}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Transactie"), _("Datum en tijd"), _("Soort"), _("Bedrag (euro)")])
    for row in rows:
        writer.writerow(
            [
                row.transfer_id,
                timezone.localtime(row.at).strftime("%Y-%m-%d %H:%M"),
                safe_cell(row.kind),
                f"{row.amount_cents / 100:.2f}".replace(".", ","),
            ]
        )
    writer.writerow(["", "", _("Totaal"), f"{line.amount_cents / 100:.2f}".replace(".", ",")])
    return response


@login_required
@payouts_required
def statement_pdf(request, period, provider_id):
    run = _run(period)
    line, rows = _statement(run, provider_id)
    # A statement goes to the provider: in Dutch whatever the staff member's screen is in.
    with translation.override("nl"):
        html = render_to_string(
            "wallet/staff/statement.html",
            {"run": run, "line": line, "rows": rows, "debtor": settings.PAYOUT_DEBTOR_NAME},
        )
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="specificatie-{period}-{line.provider_id}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@grants_required
def schemes(request):
    granted = dict(
        Account.objects.filter(kind=AccountKind.SCHEME_FUNDING)
        .values("scheme_id")
        .annotate(total=Sum("balance_cents"))
        .values_list("scheme_id", "total")
    )
    rows = [(scheme, -(granted.get(scheme.pk) or 0)) for scheme in Scheme.objects.all()]
    return render(request, "wallet/staff/schemes.html", {"rows": rows})


@login_required
@grants_required
def scheme_detail(request, code):
    scheme = Scheme.objects.filter(code=code).first()
    if scheme is None:
        raise Http404
    list_text, unknown = "", []
    if request.method == "POST" and "list" in request.POST:
        list_text = request.POST.get("list", "")
        try:
            upload = add_to_list(scheme, list_text)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            if not upload.unknown:
                messages.success(
                    request,
                    _("%(added)s passen op de lijst gezet (%(already)s stonden er al op).")
                    % {"added": upload.added, "already": upload.already},
                )
                return redirect("wallet:scheme_detail", code=code)
            unknown = upload.unknown
    elif request.method == "POST":
        made = grant_all(scheme, actor=request.user)
        messages.success(
            request,
            _("%(n)s passen hebben het tegoed gekregen.") % {"n": made},
        )
        return redirect("wallet:scheme_detail", code=code)
    return render(
        request,
        "wallet/staff/scheme_detail.html",
        {
            "scheme": scheme,
            "preview": preview_grants(scheme),
            "who": _who(scheme),
            "where": _where(scheme),
            "listed": scheme.list_entries.count(),
            "list_text": list_text,
            "unknown": unknown,
        },
        status=400 if unknown else 200,
    )


def _who(scheme: Scheme) -> str:
    from zaansepas.passes.models import Tier

    parts = [str(Tier(t).label) for t in scheme.tier_list() if t in Tier.values] or [
        _("alle passen")
    ]
    if scheme.min_age is not None or scheme.max_age is not None:
        parts.append(
            _("%(low)s tot en met %(high)s jaar")
            % {"low": scheme.min_age or 0, "high": scheme.max_age or 120}
        )
    if scheme.uses_list:
        parts.append(_("alleen passen op de lijst"))
    return "; ".join(parts)


def _where(scheme: Scheme) -> str:
    from zaansepas.offers.models import ProviderKind

    parts = [theme.name for theme in scheme.themes.all()]
    parts += [
        str(ProviderKind(kind).label)
        for kind in scheme.provider_kind_list()
        if kind in ProviderKind.values
    ]
    parts += [provider.name for provider in scheme.providers.all()]
    return ", ".join(parts) or _("overal waar de Zaanse Pas werkt")
