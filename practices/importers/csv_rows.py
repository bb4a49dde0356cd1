"""Reading catalogue CSV files: UTF-8, RFC 4180 quoting, multi-line cells, flat memory."""

import csv
from collections.abc import Iterator
from pathlib import Path

from ..records.record import ImportFileError

MAX_CELL_BYTES = 1_000_000
MISSING_MARKERS = {"", "nd", "nr", "na", "n/a", "null", "none"}


def read_csv_rows(
    path: Path, required_columns: set[str], *, rename: dict[str, str] | None = None
) -> Iterator[tuple[int, dict]]:
    """Yield (line where the row starts, row) pairs; file-level problems raise.

    `rename` maps header cells to column names (an export's headings to codes)."""
    csv.field_size_limit(MAX_CELL_BYTES)
    try:
        handle = open(path, newline="", encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        raise ImportFileError(f"cannot open {path}: {exc.strerror}") from exc
    with handle:
        reader = csv.DictReader(handle, strict=True)
        try:
            header = reader.fieldnames
        except UnicodeDecodeError as exc:
            raise ImportFileError(_encoding_message(exc)) from exc
        except csv.Error as exc:
            raise ImportFileError(f"malformed CSV header: {exc}") from exc
        if not header:
            raise ImportFileError("the file is empty: no header row")
        if rename:
            header = reader.fieldnames = [rename.get(name, name) for name in header]
        missing = sorted(required_columns - set(header))
        if missing:
            raise ImportFileError(f"missing required column(s): {', '.join(missing)}")
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    f"near line {start}: {_encoding_message(exc)}"
                ) from exc
            except csv.Error as exc:
                raise ImportFileError(f"line {start}: malformed CSV: {exc}") from exc
            yield start, row
            start = reader.line_num + 1


def _encoding_message(exc: UnicodeDecodeError) -> str:
    return (
        f"the file is not UTF-8 (byte 0x{exc.object[exc.start]:02x} cannot be decoded); "
        "re-save it as UTF-8"
    )


def cell(row: dict, column: str) -> str:
    """A cell's text, with the catalogues' missing-value codes (ND, NR, NA) as ''."""
    value = (row.get(column) or "").strip()
    return "" if value.lower() in MISSING_MARKERS else value


def year_of(value: str) -> int | None:
    value = (value or "").strip()
    if len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def shape_problem(row: dict) -> str | None:
    """Rows with more or fewer cells than the header are refused, not guessed at."""
    if None in row:
        return f"{len(row[None])} more cell(s) than the header has columns"
    if any(value is None for value in row.values()):
        return "fewer cells than the header has columns"
    return None
