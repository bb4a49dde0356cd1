"""Writing practices out in the interchange format."""

from collections.abc import Iterator
from typing import TextIO

from practices.models import PracticePage

from ..records.conversion import record_from_page
from ..records.record import PracticeRecord
from .jsonl import write_jsonl


def practice_records(*, live_only: bool = False) -> Iterator[PracticeRecord]:
    pages = (
        PracticePage.objects.for_reading()
        .prefetch_related(
            "practice_types", "themes", "outcomes", "sources", "tagged_keywords__tag"
        )
        .order_by("source_catalogue", "source_id", "locale__language_code", "pk")
    )
    if live_only:
        pages = pages.live()
    for page in pages.iterator(chunk_size=200):
        yield record_from_page(page)


def export_jsonl(out: TextIO, *, live_only: bool = False) -> int:
    return write_jsonl(practice_records(live_only=live_only), out)
