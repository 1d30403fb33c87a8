"""Workbooks for the XLSForm tests: the stored public forms (pyxform's markdown and CSV
layouts) read into sheets, and sheets written as .xlsx (openpyxl) and as .xls (a minimal
BIFF8 writer: xlwt, the usual library for it, is not available)."""

import csv
import io
import struct
from pathlib import Path

from openpyxl import Workbook
from pyxform.xls2json_backends import _md_table_to_ss_structure


def sheets_of(path: Path) -> dict[str, list[list]]:
    """The sheets of a stored form: pyxform's markdown tables, or its CSV layout (the sheet
    name in the first column, the rows in the others)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return {
            name: [list(row) for row in rows]
            for name, rows in _md_table_to_ss_structure(text).items()
        }
    sheets: dict[str, list[list]] = {}
    current: list = []
    for row in csv.reader(io.StringIO(text)):
        if row and row[0].strip():
            current = sheets.setdefault(row[0].strip(), [])
        if any(cell.strip() for cell in row[1:]):
            current.append(row[1:])
    return sheets  # fmt: skip


def xlsx_of(sheets: dict[str, list[list]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value not in ("", None):
                    cell = sheet.cell(row=row_number, column=column, value=value)
                    # Text, as a spreadsheet keeps what someone typed as '=...
                    cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _biff_record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _biff_bof(sheet_type: int) -> bytes:
    return _biff_record(0x0809, struct.pack("<HHHHII", 0x0600, sheet_type, 0x0DBB, 0x07CC, 0, 6))


def _biff_sheet(rows: list[list]) -> bytes:
    cells = b""
    for row_index, row in enumerate(rows):
        for column, value in enumerate(row):
            if value in (None, ""):
                continue
            text = str(value).encode("utf-16-le")
            head = struct.pack("<HHHHB", row_index, column, 0, len(text) // 2, 1)
            cells += _biff_record(0x0204, head + text)  # LABEL
    width = max((len(row) for row in rows), default=0)
    dimensions = _biff_record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
    return _biff_bof(0x0010) + dimensions + cells + _biff_record(0x000A, b"")


def xls_of(sheets: dict[str, list[list]]) -> bytes:
    """An .xls (BIFF8 in an OLE2 compound file) with text cells only: enough for xlrd, which
    is what pyxform reads .xls files with. xlwt is not installed, so it is written here."""

    def boundsheet(offset: int, name: str) -> bytes:
        data = struct.pack("<IBBBB", offset, 0, 0, len(name), 1) + name.encode("utf-16-le")
        return _biff_record(0x0085, data)

    offset = len(_biff_bof(0x0005)) + sum(len(boundsheet(0, name)) for name in sheets) + 4
    bounds = bodies = b""
    for name, rows in sheets.items():
        body = _biff_sheet(rows)
        bounds += boundsheet(offset, name)
        bodies += body
        offset += len(body)
    stream = _biff_bof(0x0005) + bounds + _biff_record(0x000A, b"") + bodies
    # The compound file: header, the stream (at least 4096 bytes, so no mini stream), one
    # directory sector and one FAT sector.
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    count = len(stream) // 512
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    assert count + 2 <= 128
    fat = [*range(1, count), end, end, 0xFFFFFFFD]
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, free, free, child)
            + b"\0" * 36
            + struct.pack("<III", start, size, 0)
        )

    directory = entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 0, len(stream))
    directory += entry("", 0, free, 0, 0) * 2
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, count, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", count + 1)
        + struct.pack("<I", free) * 108
    )
    return header + stream + directory + struct.pack("<128I", *fat)
