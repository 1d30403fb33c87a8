"""The response dashboard of a survey (tab "Respons"): key figures, then per wijk, per day,
per channel, per age band and sex, and the target counts per wijk with a form to set them.

Charts are inline SVG drawn on the server, as on the provider dashboard (offers/
dashboard_charts.py, whose geometry helpers are reused here): no JavaScript, and every
chart has a table with the same numbers beside it. The comparison charts (response share
against population share) are drawn here: two bars per group, the response bar filled and
the population bar outlined, so they differ by shape and not by colour alone."""

import re
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaansepas.offers.dashboard_charts import (
    CHAR_WIDTH,
    FONT_SIZE,
    WIDTH,
    Bar,
    bar_chart,
    column_chart,
    shorten,
)

from .access import get_survey_for_staff, survey_page_context
from .monitoring import (
    OVER,
    TARGET_MAX,
    UNDER,
    UNKNOWN,
    GroupRow,
    monitoring_for,
    set_district_targets,
)

# Bars in the channel chart; the table beside it lists every channel.
CHART_ROWS = 10
SAME_NUMBERS = gettext_lazy("De tabel bij de grafiek heeft dezelfde cijfers.")


def percent(share: float | None) -> str:
    """0.1234 -> '12,3%' (in the page's language); '' for no share."""
    if share is None:
        return ""
    # floatformat rounds as the tables do (number_format would cut off the digits).
    return f"{floatformat(share * 100, 1)}%"


# --- The comparison chart -------------------------------------------------------------


@dataclass(frozen=True)
class PairRow:
    text: str
    text_y: float
    response: Bar
    population: Bar | None
    response_value: str
    population_value: str
    response_value_x: float
    population_value_x: float
    response_value_y: float
    population_value_y: float


@dataclass(frozen=True)
class CompareChart:
    width: int
    height: int
    rows: list[PairRow]
    font_size: int = FONT_SIZE


def compare_chart(rows: list[GroupRow]) -> CompareChart:
    """Per group its name (with ▼ or ▲ when flagged), then two bars: the share of the
    response (filled) and the share of the population (outlined), each with its value."""
    row_height, bar_height, gap = 54, 12, 3
    room_for_value = 8 + CHAR_WIDTH * 6
    top = max([row.share or 0 for row in rows] + [row.population_share or 0 for row in rows]) or 1
    longest = WIDTH - room_for_value
    drawn = []
    for n, row in enumerate(rows):
        y = n * row_height
        label = f"{row.marker} {capfirst(row.label)}" if row.marker else capfirst(row.label)
        text = shorten(label, int(WIDTH / CHAR_WIDTH))
        first_y = y + FONT_SIZE + 7
        second_y = first_y + bar_height + gap
        response_length = round(longest * (row.share or 0) / top, 2)
        population_length = round(longest * (row.population_share or 0) / top, 2)
        drawn.append(
            PairRow(
                text=text,
                text_y=y + FONT_SIZE + 2,
                response=Bar(x=1, y=first_y, width=response_length, height=bar_height),
                population=(
                    Bar(x=1, y=second_y, width=population_length, height=bar_height)
                    if row.population_share is not None
                    else None
                ),
                response_value=percent(row.share),
                population_value=percent(row.population_share),
                response_value_x=response_length + 6,
                population_value_x=population_length + 6,
                response_value_y=first_y + bar_height - 2,
                population_value_y=second_y + bar_height - 2,
            )
        )
    return CompareChart(width=WIDTH, height=max(len(rows), 1) * row_height, rows=drawn)


# --- The targets form ----------------------------------------------------------------

TARGET_ERROR = gettext_lazy(
    "Vul een heel getal in van 0 tot en met 100.000, zonder punt of komma. "
    "Laat het vak leeg voor geen streefaantal."
)


class TargetField(forms.CharField):
    """A whole number 0..TARGET_MAX, or empty for none. Stricter than IntegerField, which
    reads the Dutch "1.000" as 1."""

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=12, strip=True, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "size": 7})

    def clean(self, value):
        text = super().clean(value).replace(" ", "")
        if text == "":
            return None
        if not re.fullmatch(r"\d{1,6}", text) or int(text) > TARGET_MAX:
            raise forms.ValidationError(TARGET_ERROR, code="invalid")
        return int(text)


class TargetsForm(forms.Form):
    """One field per wijk, named by its CBS code (wijk_WK047901)."""

    def __init__(self, *args, districts: list[GroupRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = districts
        for row in districts:
            self.fields[f"wijk_{row.key}"] = TargetField(label=row.label)

    def targets(self) -> dict[int, int | None]:
        return {row.area_id: self.cleaned_data[f"wijk_{row.key}"] for row in self.districts}


def _initial(districts: list[GroupRow]) -> dict:
    return {f"wijk_{row.key}": row.target for row in districts if row.target is not None}


# --- The page ------------------------------------------------------------------------


def _day_chart(figures):
    days = figures.days
    busiest = max(days, key=lambda row: row.count)
    name = _("Staafgrafiek: aantal reacties per dag. De meeste op %(when)s: %(count)s.") % {
        "when": format_date(busiest.day, "j F Y"),
        "count": busiest.count,
    }
    chart = column_chart(
        [row.count for row in days],
        format_date(days[0].day, "j M"),
        format_date(days[len(days) // 2].day, "j M"),
        format_date(days[-1].day, "j M"),
    )
    return chart, f"{name} {SAME_NUMBERS}"


def _compare_name(what: str, rows: list[GroupRow]) -> str:
    under = [row.label for row in rows if row.flag == UNDER]
    over = [row.label for row in rows if row.flag == OVER]
    parts = [
        _("Staafgrafiek: aandeel in de respons en aandeel in de bevolking, per %(what)s.")
        % {"what": what}
    ]
    if under:
        parts.append(_("Ondervertegenwoordigd: %(names)s.") % {"names": ", ".join(under)})
    if over:
        parts.append(_("Oververtegenwoordigd: %(names)s.") % {"names": ", ".join(over)})
    parts.append(str(SAME_NUMBERS))
    return " ".join(parts)


def _context(survey, figures, form, can_set_targets) -> dict:
    districts = [row for row in figures.districts if row.key != UNKNOWN]
    context = {
        "figures": figures,
        "form": form,
        "can_set_targets": can_set_targets,
        "districts": districts,
        "target_rows": [row for row in districts if row.target is not None],
        "last_week": sum(row.count for row in figures.days[-7:]),
    }
    if figures.total:
        compared = [row for row in figures.districts if row.compared]
        context["district_chart"] = compare_chart(compared)
        context["district_chart_name"] = _compare_name(_("wijk"), compared)
        context["day_chart"], context["day_chart_name"] = _day_chart(figures)
        shown = figures.channels[:CHART_ROWS]
        context["channel_chart"] = bar_chart([(row.name, row.count) for row in shown])
        context["channel_chart_cut"] = len(figures.channels) - len(shown)
        context["channel_chart_name"] = (
            f"{_('Staafgrafiek: aantal reacties per kanaal.')} {SAME_NUMBERS}"
        )
        for key, rows, what in (
            ("age", figures.age_bands, _("leeftijdsgroep")),
            ("sex", figures.sexes, _("geslacht")),
        ):
            if rows:
                compared = [row for row in rows if row.compared]
                context[f"{key}_chart"] = compare_chart(compared)
                context[f"{key}_chart_name"] = _compare_name(what, compared)
    return survey_page_context(survey, "monitor", **context)


@login_required
def monitor(request, pk):
    survey = get_survey_for_staff(request.user, pk, "surveys.view_results")
    can_set_targets = request.user.has_perm("surveys.manage_survey")
    figures = monitoring_for(survey)
    districts = [row for row in figures.districts if row.key != UNKNOWN]
    status = 200
    if request.method == "POST":
        if not can_set_targets:
            raise Http404
        form = TargetsForm(request.POST, districts=districts)
        if form.is_valid():
            set_district_targets(survey, form.targets())
            messages.success(request, _("De streefaantallen zijn opgeslagen."))
            return redirect(reverse("surveys:monitor", args=[survey.pk]) + "#streefaantallen")
        status = 400
    else:
        form = TargetsForm(initial=_initial(districts), districts=districts)
    context = _context(survey, figures, form, can_set_targets)
    return render(request, "surveys/monitoring/monitor.html", context, status=status)
