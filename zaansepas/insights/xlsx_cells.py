"""Cells for the Excel files (table_export.py, longlist_export.py): bold headers, and shares
written as fractions with a percentage format, so Excel computes with them and shows 41,3%."""

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

PERCENT = "0.0%"
BOLD = Font(bold=True)


def bold(sheet, text) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, text)
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
