"""The owner's overview: how often the provider's offers were used and how much discount it
gave, per day, per offer and per location, for a period the owner picks; also as CSV."""

import csv
import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaansepas.lib.money import english_active
from zaansepas.lib.spreadsheet import safe_cell

from . import dashboard
from .access import owned_provider_for_user
from .dashboard_charts import bar_chart, column_chart

# Bars per chart; the table beside it lists them all.
CHART_ROWS = 10
SAME_NUMBERS = gettext_lazy("De tabel bij de grafiek heeft dezelfde cijfers.")

PRESET_LABELS = {
    dashboard.LAST_7_DAYS: gettext_lazy("Laatste 7 dagen"),
    dashboard.LAST_30_DAYS: gettext_lazy("Laatste 30 dagen"),
    dashboard.THIS_YEAR: gettext_lazy("Dit jaar"),
}

DATE_INVALID = gettext_lazy(
    "Dit is geen bestaande datum. Schrijf de datum als dag-maand-jaar, bijvoorbeeld 31-01-2025."
)


class PeriodForm(forms.Form):
    """A one-tap choice (periode=7, 30 or jaar) or a from–to (van, tot). Without either:
    the last 30 days."""

    periode = forms.CharField(required=False)
    van = forms.DateField(
        label=gettext_lazy("Van"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATE_INVALID},
    )
    tot = forms.DateField(
        label=gettext_lazy("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATE_INVALID},
    )

    def __init__(self, *args, today: dt.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["van"].widget.attrs["max"] = today.isoformat()
        self.fields["tot"].widget.attrs["max"] = today.isoformat()

    def clean_periode(self):
        preset = self.cleaned_data["periode"]
        if preset and preset not in dashboard.PRESETS:
            raise forms.ValidationError(_("Kies een periode uit de lijst."))
        return preset

    def clean(self):
        data = super().clean()
        first, last = data.get("van"), data.get("tot")
        if self.errors or (first is None and last is None):
            return data
        if first is None:
            self.add_error("van", _("Vul de eerste dag in."))
        if last is None:
            self.add_error("tot", _("Vul de laatste dag in."))
        if first is None or last is None:
            return data
        if last > self.today:
            self.add_error("tot", _("Kies een dag tot en met vandaag."))
        elif first > last:
            self.add_error("van", _("De eerste dag moet vóór de laatste dag liggen."))
        elif (last - first).days + 1 > dashboard.MAX_DAYS:
            self.add_error(
                "van",
                _("Kies een periode van hoogstens %(days)s dagen.") % {"days": dashboard.MAX_DAYS},
            )
        return data

    def period(self) -> dashboard.Period:
        """The chosen period; call after is_valid() (or on an unbound form)."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("van") and data.get("tot"):
            return dashboard.Period(data["van"], data["tot"])
        return dashboard.preset_period(data.get("periode") or dashboard.DEFAULT_PRESET, self.today)


def _chosen_period(request):
    """(form, period); period is None when the input was wrong (the form says why)."""
    today = timezone.localdate()
    form = PeriodForm(request.GET or None, today=today)
    if form.is_bound and not form.is_valid():
        return form, None
    period = form.period()
    if period.preset:  # show the dates of the one-tap choice, ready to change
        form = PeriodForm(initial={"van": period.first, "tot": period.last}, today=today)
    return form, period


@dataclass
class Section:
    """A heading, a chart and the table with its numbers."""

    key: str  # for the ids: per-<key>, grafiek-<key>, tabel-<key>
    heading: str
    first_column: str
    caption: str
    rows: list[dashboard.Row]
    chart: object
    name: str  # the chart's accessible name
    columns: bool = False  # a column chart over time; else horizontal bars
    monthly: bool = False
    cut: int = 0  # rows only the table shows


def _time_section(figures: dashboard.Figures) -> Section:
    """Per day, or per month for a long period."""
    monthly = figures.period.monthly
    rows = figures.per_month if monthly else figures.per_day
    axis_format = "N Y" if monthly else "j F"
    busiest = max(rows, key=lambda row: row.count)
    if monthly:
        name = _(
            "Staafgrafiek: aantal keer gebruikt per maand. Het meest in %(when)s: %(count)s keer."
        )
        when = format_date(busiest.day, "F Y")
    else:
        name = _(
            "Staafgrafiek: aantal keer gebruikt per dag. Het meest op %(when)s: %(count)s keer."
        )
        when = format_date(busiest.day, "j F Y")
    return Section(
        key="tijd",
        heading=_("Per maand") if monthly else _("Per dag"),
        first_column=_("Maand") if monthly else _("Dag"),
        caption=(
            _("Keer gebruikt en korting per maand")
            if monthly
            else _("Keer gebruikt en korting per dag")
        ),
        rows=rows,
        chart=column_chart(
            [row.count for row in rows],
            format_date(rows[0].day, axis_format),
            format_date(rows[len(rows) // 2].day, axis_format),
            format_date(rows[-1].day, axis_format),
        ),
        name=f"{name % {'when': when, 'count': busiest.count}} {SAME_NUMBERS}",
        columns=True,
        monthly=monthly,
    )


def _bar_section(key, heading, first_column, caption, rows, name) -> Section:
    shown = rows[:CHART_ROWS]
    return Section(
        key=key,
        heading=heading,
        first_column=first_column,
        caption=caption,
        rows=rows,
        chart=bar_chart([(row.label, row.count) for row in shown]),
        name=f"{name} {SAME_NUMBERS}",
        cut=len(rows) - len(shown),
    )


def _sections(figures: dashboard.Figures) -> list[Section]:
    sections = [
        _time_section(figures),
        _bar_section(
            "aanbod",
            _("Per aanbod"),
            _("Aanbod"),
            _("Keer gebruikt en korting per aanbod"),
            figures.per_offer,
            _("Staafgrafiek: aantal keer gebruikt per aanbod."),
        ),
    ]
    if len(figures.per_location) > 1:  # with one location it would repeat the totals
        sections.append(
            _bar_section(
                "locatie",
                _("Per locatie"),
                _("Locatie"),
                _("Keer gebruikt en korting per locatie"),
                figures.per_location,
                _("Staafgrafiek: aantal keer gebruikt per locatie."),
            )
        )
    return sections


def _query(period: dashboard.Period | None) -> str:
    """The query string that asks for this period again (for the download link)."""
    if period is None:
        return ""
    if period.preset:
        return urlencode({"periode": period.preset})
    return urlencode({"van": period.first.isoformat(), "tot": period.last.isoformat()})


def _render(request, provider, form, period, figures, status=200):
    context = {
        "provider": provider,
        "query": _query(period),
        "form": form,
        "period": period,
        "figures": figures,
        "presets": list(PRESET_LABELS.items()),
    }
    if figures is not None and figures.count:
        context["sections"] = _sections(figures)
    return render(request, "offers/provider/dashboard.html", context, status=status)


@login_required
def provider_dashboard(request):
    provider = owned_provider_for_user(request.user)
    form, period = _chosen_period(request)
    if period is None:
        return _render(request, provider, form, None, None, status=400)
    return _render(request, provider, form, period, dashboard.figures_for(provider, period))


def _euros(cents: int, english: bool) -> str:
    """Cents as a plain number a spreadsheet reads: 1250 -> '12,50' (Dutch) or '12.50'."""
    text = f"{cents // 100}.{cents % 100:02d}"
    return text if english else text.replace(".", ",")


@login_required
def provider_dashboard_csv(request):
    """Per day, offer and location. Dutch pages: semicolons and decimal commas, as Dutch
    spreadsheet programs expect; English pages: commas and decimal points."""
    provider = owned_provider_for_user(request.user)
    form, period = _chosen_period(request)
    if period is None:
        return _render(request, provider, form, None, None, status=400)
    english = english_active()
    filename = f"overzicht-{slugify(provider.name)}-{period.first}-{period.last}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read the accents as UTF-8
    writer = csv.writer(response, delimiter="," if english else ";")
    writer.writerow(
        [
            _("Datum"),
            _("Aanbod"),
            _("Locatie"),
            _("Keer gebruikt"),
            _("Korting gegeven (euro)"),
            _("Betaald door pashouders (euro)"),
        ]
    )
    for row in dashboard.detail_rows(provider, period):
        writer.writerow(
            [
                row.day.isoformat(),
                safe_cell(row.offer),
                safe_cell(row.location),
                row.count,
                _euros(row.discount_cents, english),
                _euros(row.paid_cents, english),
            ]
        )
    return response
