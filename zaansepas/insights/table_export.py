"""The analysis tables as an Excel file, for the researchers' own reports and memos: every
frequency table with weighted shares and intervals, the means of number questions, and one
crosstab. The figures are those of the analysis pages, under the same disclosure control:
a hidden figure is an empty cell, never a number, with the reason beside it (frequency
tables) or a dash (crosstabs, where a table is copied as a whole). So nothing leaves the
site in a file that the pages would not show.

Shares are written as fractions with a percentage format, so Excel can compute with them
and shows "41,3%"."""

from __future__ import annotations

import datetime as dt
import math

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from zaansepas.lib.spreadsheet import safe_cell
from zaansepas.surveys.texts import pick

from .analysis import Analysis, question_tables
from .disclosure import MIN_BASE, MIN_CELL, reason_text
from .xlsx_cells import bold, bold_row, data_row, percent


def frequencies_workbook(analysis: Analysis, district: str, district_name: str) -> Workbook:
    """Explanation, every closed question's frequencies and every number question's mean,
    for the respondents of `district` ("" = all)."""
    mask = analysis.mask_for(district)
    tables = question_tables(analysis, mask)
    book = Workbook(write_only=True)
    _explanation(book, analysis, district_name, int(mask.sum()))
    sheet = book.create_sheet(_("Frequenties"))
    sheet.append(
        bold_row(
            sheet,
            [
                _("Vraagcode"),
                _("Vraag"),
                _("Antwoord"),
                _("Aantal (ongewogen)"),
                _("Gewogen aandeel"),
                _("Ondergrens (95%)"),
                _("Bovengrens (95%)"),
                _("Opmerking"),
            ],
        )
    )
    for table in tables:
        if "rows" not in table:
            continue
        for row in table["rows"]:
            sheet.append(
                data_row(
                    [
                        table["code"],
                        table["text"],
                        row["label"],
                        _count(row["n"]),
                        _share(sheet, row["share"]),
                        _share(sheet, row["low"]),
                        _share(sheet, row["high"]),
                        _why(row["n"], row["share"]),
                    ]
                )
            )
        base_label = _("Beantwoord door") if table.get("multiple") else _("Totaal (basis)")
        no_answer = table.get("no_answer") or 0
        note = _("%(count)s zonder antwoord") % {"count": no_answer} if no_answer else ""
        sheet.append(
            data_row(
                [table["code"], table["text"], base_label, _count(table["base"]), None, None, None]
                + [_why(table["base"], None) or note]
            )
        )
    means = book.create_sheet(_("Gemiddelden"))
    means.append(
        bold_row(
            means,
            [
                _("Vraagcode"),
                _("Vraag"),
                _("Aantal antwoorden"),
                _("Gewogen gemiddelde"),
                _("Ondergrens (95%)"),
                _("Bovengrens (95%)"),
                _("Opmerking"),
            ],
        )
    )
    for table in tables:
        if table["kind"] != "number":
            continue
        mean = table.get("mean")
        if mean is None or table["base"] < MIN_BASE or not math.isfinite(mean.se):
            why = _("te weinig antwoorden voor een gemiddelde (minder dan %(n)s)")
            means.append(
                data_row(
                    [table["code"], table["text"], table["base"], None, None, None]
                    + [why % {"n": MIN_BASE}]
                )
            )
        else:
            means.append(
                data_row(
                    [table["code"], table["text"], table["base"]]
                    + [mean.mean, mean.low, mean.high, ""]
                )
            )
    return book


def crosstab_workbook(
    analysis: Analysis, table: dict, row_label: str, column_label: str, district_name: str
) -> Workbook:
    """One crosstab as shown on the page (shown_crosstab's dict): column percentages, then
    the counts, then the test; a hidden figure is a dash."""
    book = Workbook(write_only=True)
    _explanation(book, analysis, district_name, None)
    sheet = book.create_sheet(_("Kruistabel"))
    title = _("%(row)s — naar %(column)s") % {"row": row_label, "column": column_label}
    sheet.append([bold(sheet, title)])
    labels = [column["label"] for column in table["columns"]]
    sheet.append([])
    sheet.append([bold(sheet, _("Kolompercentages (gewogen)"))])
    sheet.append(bold_row(sheet, [_("Antwoord"), *labels]))
    for row in table["rows"]:
        shares = [_share(sheet, cell["share"], "–") for cell in row["cells"]]
        sheet.append(data_row([row["label"], *shares]))
    sheet.append([])
    sheet.append([bold(sheet, _("Aantallen (ongewogen)"))])
    sheet.append(bold_row(sheet, [_("Antwoord"), *labels, _("Totaal")]))
    for row in table["rows"]:
        counts = [_count(cell["n"], "–") for cell in row["cells"]]
        sheet.append(data_row([row["label"], *counts, _count(row["total"], "–")]))
    totals = [_count(column["total"], "–") for column in table["columns"]]
    sheet.append([_("Totaal"), *totals, _count(table["total"], "–")])
    sheet.append([])
    legend = _(
        "– = verborgen: minder dan %(n)s inwoners in de cel, of nodig om zo'n cel te "
        "beschermen; of minder dan %(base)s inwoners in de kolom voor een percentage."
    )
    sheet.append([legend % {"n": MIN_CELL, "base": MIN_BASE}])
    test = table.get("test")
    if test is not None:
        sheet.append(
            [
                _("Toets op samenhang (Rao–Scott)"),
                _("χ²"),
                test.statistic,
                _("vrijheidsgraden"),
                test.df,
                _("p"),
                test.p_value,
            ]
        )
    return book


def _explanation(book: Workbook, analysis: Analysis, district_name: str, respondents) -> None:
    sheet = book.create_sheet(_("Toelichting"))
    survey = analysis.survey
    rows = [
        (_("Vragenlijst"), pick(survey.title, "nl")),
        (_("Versie"), survey.version),
        (_("Gemaakt op"), timezone.localtime().replace(tzinfo=None, microsecond=0)),
        (_("Inwoners"), district_name or _("alle wijken")),
    ]
    if respondents is not None:
        rows.append((_("Ingevulde vragenlijsten"), respondents))
    if analysis.weighted:
        facts = analysis.facts
        rows += [
            (
                _("Weging"),
                _("naar wijk, leeftijdsgroep en geslacht (inwoners van 15 jaar en ouder, %(year)s)")
                % {"year": facts["year"]},
            ),
            (_("Effectieve steekproefomvang"), round(facts["n_effective"], 1)),
            (_("Wegingsefficiëntie"), round(facts["efficiency"], 3)),
        ]
    else:
        rows.append((_("Weging"), _("niet gewogen: ") + " ".join(analysis.problems)))
    rows += [
        (
            _("Verborgen cijfers"),
            _(
                "Aantallen onder %(n)s inwoners zijn verborgen, en zo nodig een tweede cel, zodat "
                "ze niet terug te rekenen zijn. Een percentage staat er alleen bij een basis van "
                "minstens %(base)s inwoners."
            )
            % {"n": MIN_CELL, "base": MIN_BASE},
        ),
        (
            _("Intervallen"),
            _(
                "Elk aandeel en gemiddelde heeft een interval waarin de echte waarde met 95 "
                "procent zekerheid ligt (Wilson, op de effectieve steekproefomvang)."
            ),
        ),
    ]
    for label, value in rows:
        cell = WriteOnlyCell(sheet, safe_cell(value) if isinstance(value, str) else value)
        if isinstance(value, dt.datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
        sheet.append([bold(sheet, label), cell])


def _count(shown, hidden=None):
    if shown is None:
        return None
    value = getattr(shown, "value", shown)
    return hidden if value is None else int(round(value))


def _share(sheet, shown, hidden=None):
    return percent(sheet, None if shown is None else shown.value, hidden)


def _why(count, share) -> str:
    """The reason a row's figures are empty, in words; "" when they are shown."""
    for shown in (count, share):
        reason = getattr(shown, "reason", None)
        if reason:
            return str(reason_text(reason))
    return ""
