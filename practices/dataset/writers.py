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


def csv_header(*, bom: bool = False) -> str:
    return (BOM if bom else "") + _csv_text([[column.name for column in COLUMNS]])


def csv_lines(rows: Iterable[dict]) -> str:
    return _csv_text([[_cell(row[c.name]) for c in COLUMNS] for row in rows])


def jsonl_lines(rows: Iterable[dict]) -> str:
    return "".join(
        json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"
        for row in rows
    )
