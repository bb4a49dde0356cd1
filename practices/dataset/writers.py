"""Rows as CSV or JSON Lines text, a batch at a time, for streaming responses and
files; or as an Excel workbook.

CSV is RFC 4180 in UTF-8. Lists are joined with " | ". A cell that a spreadsheet
would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets
a leading apostrophe, as OWASP advises; the importer of exported files removes it.

The workbook is for people who double-click: Excel guesses a CSV file's separator
from the computer's regional settings (";" where the decimal mark is a comma) and
its encoding from a byte order mark, so one CSV file cannot open right everywhere;
an .xlsx file has neither guess. Its cells are typed text (a formula never runs),
so they need no apostrophe.
"""

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .columns import COLUMNS

LIST_SEPARATOR = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
# What XML 1.0 text may not hold: control characters (openpyxl's own list),
# surrogates, U+FFFE and U+FFFF. openpyxl leaves the last ones in, and the workbook
# will not open.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """The exported cell's original text (the importer's half of `neutralise`)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    return neutralise(str(value))


def _csv_text(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def csv_header(*, bom: bool = False, headings: bool = False) -> str:
    """The header row: the columns' codes, or with `headings` their headings in the
    active language. The BOM tells spreadsheets (Excel first) the file is UTF-8."""
    names = [column.title if headings else column.name for column in COLUMNS]
    return (BOM if bom else "") + _csv_text([names])


def csv_lines(rows: Iterable[dict]) -> str:
    return _csv_text([[_cell(row[c.name]) for c in COLUMNS] for row in rows])


def _json(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def jsonl_lines(rows: Iterable[dict]) -> str:
    return "".join(_json(row) + "\n" for row in rows)


def json_array_items(rows: Iterable[dict], *, first: bool) -> str:
    """Rows as items of a JSON array written in pieces: one per line, each but the
    array's first preceded by a comma. The caller writes the brackets."""
    return "".join(
        ("\n" if first and i == 0 else ",\n") + _json(row) for i, row in enumerate(rows)
    )


def _xlsx_cell(sheet, value, *, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    if not isinstance(value, int | float) or isinstance(value, bool):
        value = NOT_IN_XML.sub("", "" if value is None else str(value))
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula
    if bold:
        cell.font = Font(bold=True)
    return cell


def write_xlsx(
    row_batches: Iterable[list[dict]],
    target: BinaryIO,
    *,
    headings: bool = False,
    sheet_title: str = "practices",
) -> None:
    """The rows as one sheet of an .xlsx workbook written to `target`, under a
    header row as `csv_header` gives it. Rows are kept on disk as they come
    (openpyxl's write-only mode), so memory stays flat at any size."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title)
    sheet.freeze_panes = "A2"
    sheet.append(
        [
            _xlsx_cell(sheet, column.title if headings else column.name, bold=True)
            for column in COLUMNS
        ]
    )
    for rows in row_batches:
        for row in rows:
            sheet.append([_xlsx_cell(sheet, row[c.name]) for c in COLUMNS])
    workbook.save(target)
