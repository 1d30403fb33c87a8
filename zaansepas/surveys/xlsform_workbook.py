"""XLSForm import, step one: the upload is checked and read into sheets before anything
of it is trusted. An .xlsx is a zip, so its unpacked size and the rows and cells of each
sheet are counted before openpyxl parses it; pyxform's reader then gives rows per sheet.
What those rows mean is decided in xlsform.py and the modules it calls."""

import re
import zipfile
from io import BytesIO

from pyxform.errors import PyXFormError
from pyxform.xls2json_backends import get_xlsform

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# An .xlsx is a zip: a small file can unpack into gigabytes of XML (a "zip bomb").
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 2000
# Counted in the sheet XML before anything is parsed, because parsing is what is slow
# (openpyxl takes about 0.1 ms a cell). Empty and formatted-only rows count here too,
# hence the room; the exact row limit is checked after reading.
MAX_SHEET_ROWS = 10_000
MAX_SHEET_CELLS = 100_000
MAX_COLUMNS = 200

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class XLSFormRefused(Exception):
    """Why the whole form cannot be imported, in Dutch; nothing is saved."""

    def __init__(self, *messages: str):
        super().__init__(*messages)
        self.messages = list(messages)


def read_upload(uploaded_file) -> bytes:
    if isinstance(uploaded_file, bytes):
        data = uploaded_file
    else:
        size = getattr(uploaded_file, "size", None)
        if size is not None and size > MAX_UPLOAD_BYTES:
            raise XLSFormRefused(_too_big())
        if hasattr(uploaded_file, "seek"):
            uploaded_file.seek(0)
        # Read one byte more than allowed, so a file without a known size is refused too.
        data = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise XLSFormRefused(_too_big())
    if not data:
        raise XLSFormRefused("Het bestand is leeg.")
    return data


def _too_big() -> str:
    return f"Het bestand is groter dan {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."


NOT_EXCEL = (
    "Dit bestand kunnen we niet lezen. Upload een XLSForm als Excel-bestand (.xlsx of .xls)."
)


def parse_workbook(data: bytes):
    if data.startswith(XLSX_MAGIC):
        file_type = ".xlsx"
        _check_unpacked_size(data)
    elif data.startswith(XLS_MAGIC):
        file_type = ".xls"
    else:
        raise XLSFormRefused(NOT_EXCEL)
    try:
        book = get_xlsform(data, file_type=file_type)
    except PyXFormError as error:
        duplicate = re.search(r"Duplicate column header: (.*)", str(error))
        if duplicate:
            raise XLSFormRefused(
                f"De kolomnaam '{duplicate.group(1)}' komt twee keer voor op één blad."
            ) from error
        raise XLSFormRefused(NOT_EXCEL) from error
    # A hostile or broken file can make the third-party readers (openpyxl, xlrd, zipfile)
    # fail in many ways; every one of them means "not a workbook we can read".
    except Exception as error:
        raise XLSFormRefused(NOT_EXCEL) from error
    if not book.survey_header or not book.survey:
        raise XLSFormRefused(
            "Het blad 'survey' ontbreekt of is leeg. Een XLSForm heeft een blad 'survey' "
            "met de vragen."
        )
    for name in ("survey", "choices", "settings"):
        rows = getattr(book, name) or []
        header = getattr(book, f"{name}_header") or [{}]
        if len(rows) > MAX_ROWS:
            raise XLSFormRefused(f"Het blad '{name}' heeft meer dan {MAX_ROWS} regels.")
        if len(header[0]) > MAX_COLUMNS:
            raise XLSFormRefused(f"Het blad '{name}' heeft meer dan {MAX_COLUMNS} kolommen.")
    return book


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a zip bomb and a sheet too big to read in a web request, before parsing."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
                raise XLSFormRefused("Het bestand is uitgepakt te groot om te lezen.")
            for info in members:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    rows, cells = _count_tags(archive, info)
                    if rows > MAX_SHEET_ROWS or cells > MAX_SHEET_CELLS:
                        raise XLSFormRefused(
                            f"Een blad in het bestand is te groot: meer dan {MAX_ROWS} regels "
                            "kunnen we niet inlezen."
                        )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise XLSFormRefused(NOT_EXCEL) from error


def _count_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    rows = cells = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(1024 * 1024):
            # A tag may straddle two chunks: search again from the end of the previous
            # one, counting only the matches that reach into the new chunk.
            window = tail + chunk
            rows += sum(1 for m in _ROW_TAG.finditer(window) if m.end() > len(tail))
            cells += sum(1 for m in _CELL_TAG.finditer(window) if m.end() > len(tail))
            tail = window[-32:]
    return rows, cells
