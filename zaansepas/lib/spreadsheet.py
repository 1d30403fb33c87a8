"""Text that goes into a CSV or spreadsheet file someone will open in Excel or LibreOffice."""

# A cell starting with one of these is read as a formula (=HYPERLINK(...), +cmd|...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as text and never runs: a cell starting with a formula sign
    gets a quote in front ('=1+1 is shown, not calculated)."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
