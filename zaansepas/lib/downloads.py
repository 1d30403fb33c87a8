"""Files staff download (response files, tables, longlists): the attachment headers in one
place, so every research file is kept out of shared caches and the browser's history."""

from django.http import HttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def private_attachment(response, filename: str):
    """`response` as a download named `filename`, never stored by a cache on the way."""
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_download(book, filename: str) -> HttpResponse:
    """An openpyxl workbook as a private download."""
    response = HttpResponse(content_type=XLSX_TYPE)
    book.save(response)
    return private_attachment(response, filename)
