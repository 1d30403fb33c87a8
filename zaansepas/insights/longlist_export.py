"""The longlists (groslijsten) of one scan year as an Excel file, for the policy officers
and partners who work on them after the results event: a sheet of needs and a sheet of
offer ideas, each item with its evidence as the item page shows it, and the gap view
(needs without an offer, per theme and target group). For researchers, like the pages it
copies; the public report is the version for everyone."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook

from zaansepas.research.models import TargetGroup

from .longlists import active_items, evidence_for, gap_view
from .models import ListKind
from .xlsx_cells import bold, bold_row, data_row, percent


def longlists_workbook(year: int) -> Workbook:
    book = Workbook(write_only=True)
    for kind, title in ((ListKind.NEED, _("Behoeften")), (ListKind.OFFER_IDEA, _("Aanbodideeën"))):
        _list_sheet(book, title, year, kind)
    _gap_sheet(book, year)
    return book


def _list_sheet(book: Workbook, title: str, year: int, kind: str) -> None:
    sheet = book.create_sheet(title)
    sheet.append(
        bold_row(
            sheet,
            [
                _("Titel"),
                _("Omschrijving"),
                _("Status"),
                _("Thema's"),
                _("Doelgroepen"),
                _("Uitspraken"),
                _("Sessies"),
                _("Interviews"),
                _("Aandeel inwoners (gewogen)"),
                _("Over dat aandeel"),
                _("Antwoorden in thema's van open vragen"),
                _("Aanbod op de pas"),
                _("Citaten"),
            ],
        )
    )
    groups = dict(TargetGroup.choices)
    items = active_items(year, kind).prefetch_related("offers").order_by("title", "pk")
    for item in items:
        evidence = evidence_for(item)
        share = evidence.survey
        sheet.append(
            data_row(
                [
                    item.title,
                    item.description,
                    item.get_status_display(),
                    ", ".join(theme.name for theme in item.themes.all()),
                    ", ".join(str(groups.get(code, code)) for code in item.target_groups),
                    evidence.statements,
                    evidence.sessions,
                    evidence.interviews,
                    percent(sheet, share.share if share else None),
                    _share_note(share),
                    sum(theme.answers for theme in evidence.answer_themes) or None,
                    ", ".join(offer.title for offer in item.offers.all()),
                    "\n".join(statement.text for statement in evidence.quotes),
                ]
            )
        )


def _share_note(share) -> str:
    """Which answer the share is of, its interval, or why there is none."""
    if share is None:
        return ""
    if share.share is None:
        return share.problem
    note = _("%(option)s bij ‘%(question)s’, 95%%-interval %(low).0f–%(high).0f%%") % {
        "option": share.option_label,
        "question": share.question_text,
        "low": share.low * 100,
        "high": share.high * 100,
    }
    return note if share.weighted else note + " " + _("(niet gewogen)")


def _gap_sheet(book: Workbook, year: int) -> None:
    view = gap_view(year)
    sheet = book.create_sheet(_("Gaten"))
    sheet.append([bold(sheet, _("Behoeften zonder aanbod, per thema en doelgroep"))])
    sheet.append(bold_row(sheet, [_("Thema"), *(label for _code, label in view.groups)]))
    for theme, _items in view.themes:
        key = theme.pk if theme else None
        sheet.append(
            data_row(
                [
                    theme.name if theme else _("nog geen thema"),
                    *(view.counts.get((key, code), 0) for code, _label in view.groups),
                ]
            )
        )
    sheet.append([])
    sheet.append(
        [_("Een behoefte met twee thema's of doelgroepen telt bij elk mee."), None]
        + [_("Totaal behoeften zonder aanbod"), view.total]
    )
