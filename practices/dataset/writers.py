"""Rows as CSV or JSON Lines text, a batch at a time, for streaming responses and files.

CSV is RFC 4180 in UTF-8. Lists are joined with " | ". A cell that a spreadsheet
would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets
a leading apostrophe, as OWASP advises; the importer of exported files removes it.
"""

import csv
import io
import json
from collections.abc import Iterable

from .columns import COLUMNS

LIST_SEPARATOR = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


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
