"""Streaming a search's whole result set as CSV or JSON Lines.

The search decides which practices and in what order (`search.service`, through a
point in time); the database gives their full, current content, a batch at a time
(`practices.dataset`). Nothing holds more than one batch.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils import timezone

from practices.dataset import (
    csv_header,
    csv_lines,
    jsonl_lines,
    practice_groups,
    practice_row,
)
from practices.dataset.dumps import DUMP_LANGUAGE, Dump, list_dumps
from search.filters import SearchFilters
from search.scan import scan_practice_ids

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}


@dataclass
class Export:
    total: int
    chunks: "ExportChunks"
    content_type: str
    filename: str


def is_whole_collection(filters: SearchFilters) -> bool:
    """No words and no filter, in the dumps' language and order: what the latest
    dated dump already holds."""
    return (
        not filters.q
        and filters.active_filter_count == 0
        and filters.lang == DUMP_LANGUAGE
        and filters.sort == "relevance"
    )


def latest_dump(file_format: str) -> Dump | None:
    return next((d for d in list_dumps() if d.file_format == file_format), None)


def export_file_name(extension: str, day=None) -> str:
    day = day or timezone.localdate()
    return f"repertorio-practices-{day.isoformat()}.{extension}"


def export_search(
    filters: SearchFilters,
    file_format: str,
    *,
    url_for: Callable,
    bom: bool = False,
    on_close: Callable[[], None] | None = None,
) -> Export:
    """Raises search.service.SearchUnavailable before any byte is produced.

    `on_close` runs when the download ends, read to the end or abandoned.
    """
    scan = scan_practice_ids(filters)
    return Export(
        total=scan.total,
        chunks=ExportChunks(
            _chunks(scan.batches, filters.lang, file_format, url_for, bom),
            scan.batches,
            on_close,
        ),
        content_type=FORMATS[file_format],
        filename=export_file_name(file_format),
    )


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


def _chunks(batches, lang, file_format, url_for, bom) -> Iterator[str]:
    if file_format == "csv":
        yield csv_header(bom=bom)
    write = csv_lines if file_format == "csv" else jsonl_lines
    for keys in batches:
        groups = practice_groups(keys, lang=lang, url_for=url_for)
        yield write(practice_row(group) for group in groups)
