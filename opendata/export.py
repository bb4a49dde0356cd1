"""Streaming a search's whole result set, or a visitor's list of practices, as CSV,
a JSON array or JSON Lines.

The search decides which practices and in what order (`search.service`, through a
point in time); the database gives their full, current content, a batch at a time
(`practices.dataset`). Nothing holds more than one batch.
"""

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from practices.dataset import (
    csv_header,
    csv_lines,
    json_array_items,
    jsonl_lines,
    practice_groups,
    practice_row,
    write_xlsx,
)
from practices.dataset.dumps import DUMP_LANGUAGE, Dump, latest_dump
from search.filters import SearchFilters
from search.scan import scan_practice_ids

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    # For people with Excel: no separator or encoding to guess (writers.py).
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass
class Export:
    total: int
    chunks: "ExportChunks"
    content_type: str
    filename: str


def is_whole_collection(filters: SearchFilters) -> bool:
    """No words and no filter, in the dumps' order."""
    return (
        not filters.q
        and filters.active_filter_count == 0
        and filters.sort == "relevance"
    )


def whole_collection_dump(
    filters: SearchFilters, file_format: str, *, headings: bool
) -> Dump | None:
    """The latest dated dump that holds what was asked for, if one does: JSON Lines
    and CSV with codes in the dumps' language, or a readers' CSV in any language."""
    if not is_whole_collection(filters):
        return None
    if file_format == "csv" and headings:
        return latest_dump("csv", headings=filters.lang)
    if file_format in ("csv", "jsonl") and filters.lang == DUMP_LANGUAGE:
        return latest_dump(file_format)
    return None


def export_file_name(extension: str, day=None, *, lang: str = "en") -> str:
    """A dated name in the reader's language: repertorio-practicas-… in Spanish."""
    day = day or timezone.localdate()
    with translation.override(lang):
        # Translators: the start of an export's file name; ASCII, no spaces.
        stem = _("repertorio-practices")
    return f"{stem}-{day.isoformat()}.{extension}"


def export_search(
    filters: SearchFilters,
    file_format: str,
    *,
    url_for: Callable,
    bom: bool = True,
    headings: bool = True,
    on_close: Callable[[], None] | None = None,
) -> Export:
    """Raises search.service.SearchUnavailable before any byte is produced.

    A CSV file's header row holds the columns' headings in the export's language,
    or with `headings=False` their codes; `bom` starts it with a UTF-8 byte order
    mark, without which Excel reads UTF-8 as Windows-1252 ("PrÃ¡cticas").
    `on_close` runs when the download ends, read to the end or abandoned.
    """
    scan = scan_practice_ids(filters)
    options = _CsvOptions(bom=bom, headings=headings)
    groups = (
        practice_groups(keys, lang=filters.lang, url_for=url_for)
        for keys in scan.batches
    )
    return Export(
        total=scan.total,
        chunks=ExportChunks(
            _chunks(groups, filters.lang, file_format, options),
            scan.batches,
            on_close,
        ),
        content_type=FORMATS[file_format],
        filename=export_file_name(file_format, lang=filters.lang),
    )


@dataclass(frozen=True)
class _CsvOptions:
    bom: bool
    headings: bool


class ExportChunks:
    """The file's pieces. Django closes a streamed response's content when the
    request ends, read or not; closing this frees the search walk behind it."""

    def __init__(self, pieces: Iterator[str], batches, on_close=None):
        self._pieces, self._batches = pieces, batches
        self._on_close = on_close

    def __iter__(self):
        return self._pieces

    def close(self) -> None:
        try:
            self._pieces.close()
            self._batches.close()
        finally:
            if self._on_close is not None:
                self._on_close()


def export_selection(
    keys: list[str],
    file_format: str,
    *,
    lang: str,
    url_for: Callable,
    bom: bool = True,
    headings: bool = True,
) -> Export:
    """The live, public practices among `keys` (a visitor's list, at most a few
    dozen: read in one batch), in the order given, as `export_search` writes them."""
    groups = practice_groups(keys, lang=lang, url_for=url_for)
    options = _CsvOptions(bom=bom, headings=headings)
    return Export(
        total=len(groups),
        chunks=ExportChunks(
            _chunks(iter([groups]), lang, file_format, options), _NoWalk()
        ),
        content_type=FORMATS[file_format],
        filename=export_file_name(file_format, lang=lang),
    )


class _NoWalk:
    """A selection has no search walk to free."""

    def close(self) -> None:
        pass


def _chunks(group_batches, lang, file_format, options) -> Iterator[str | bytes]:
    if file_format == "xlsx":
        yield from _xlsx_chunks(group_batches, lang, options)
        return
    if file_format == "csv":
        with translation.override(lang):
            yield csv_header(bom=options.bom, headings=options.headings)
    if file_format == "json":
        yield "["
    first = True
    for groups in group_batches:
        rows = [practice_row(group) for group in groups]
        if file_format == "csv":
            yield csv_lines(rows)
        elif file_format == "jsonl":
            yield jsonl_lines(rows)
        elif rows:
            yield json_array_items(rows, first=first)
            first = False
    if file_format == "json":
        yield "\n]\n"


def _xlsx_chunks(group_batches, lang, options) -> Iterator[bytes]:
    """A workbook is a zip file, complete only at its end: it is written to a
    temporary file a batch at a time, then sent."""
    rows = ([practice_row(group) for group in groups] for groups in group_batches)
    with tempfile.TemporaryFile() as target:
        with translation.override(lang):
            write_xlsx(
                rows, target, headings=options.headings, sheet_title=_("Practices")
            )
        target.seek(0)
        while chunk := target.read(64 * 1024):
            yield chunk
