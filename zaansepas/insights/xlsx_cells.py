"""Cells for the Excel files (table_export.py, longlist_export.py): bold headers, shares
written as fractions with a percentage format, so Excel computes with them and shows 41,3%,
and text that Excel shows and never runs as a formula (quotes and titles are typed by
people)."""

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from zaansepas.lib.spreadsheet import safe_cell

PERCENT = "0.0%"
BOLD = Font(bold=True)


def bold(sheet, text) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, safe_cell(text))
    cell.font = BOLD
    return cell


def bold_row(sheet, labels) -> list[WriteOnlyCell]:
    return [bold(sheet, label) for label in labels]


def percent(sheet, value: float | None, hidden=None):
    """A share (0–1) as a percentage cell; `hidden` (empty, or a dash) when there is none."""
    if value is None:
        return hidden
    cell = WriteOnlyCell(sheet, float(value))
    cell.number_format = PERCENT
    return cell


def data_row(values) -> list:
    """A row of data: every text made safe (lib/spreadsheet.safe_cell); numbers and cells as
    they are."""
    return [safe_cell(value) if isinstance(value, str) else value for value in values]
