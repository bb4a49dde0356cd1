"""What `manage.py search` does, as functions tests can call."""

from dataclasses import dataclass, field

from opensearchpy.exceptions import OpenSearchException

from .documents import live_practice_pages
from .indexer import (
    RebuildReport,
    alias_name,
    delete_documents,
    document_count,
    indexed_ids,
    indices_behind_alias,
    rebuild,
    write_documents,
)
from .models import PendingIndexUpdate, ReconcileRun
from .sync import DrainReport, drain


class SearchOperationError(Exception):
    pass


def _guard(function, *args):
    try:
        return function(*args)
    except (OpenSearchException, OSError) as exc:
        raise SearchOperationError(f"OpenSearch did not answer: {exc}") from exc


def rebuild_index() -> RebuildReport:
    report = _guard(rebuild)
    # Changes committed while the new index was filling are queued: apply them now.
    drain()
    return report


def drain_queue() -> DrainReport:
    return drain()


def status_lines() -> list[str]:
    published = live_practice_pages().values("translation_key").distinct().count()
    queued = PendingIndexUpdate.objects.count()
    indices = _guard(indices_behind_alias)
    lines = [f"alias: {alias_name()} -> {', '.join(indices) or '(missing)'}"]
    if indices:
        lines.append(f"documents: {_guard(document_count)}")
    lines += [f"published practices: {published}", f"queued updates: {queued}"]
    oldest = PendingIndexUpdate.objects.order_by("created_at").first()
    if oldest:
        lines.append(
            f"oldest queued: {oldest.created_at:%Y-%m-%d %H:%M:%S} ({oldest.last_error[:120]})"
        )
    return lines


@dataclass
class ReconcileReport:
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not (self.missing or self.stale or self.failed):
            return "Index and database agree: nothing to fix."
        return (
            f"Fixed {len(self.missing)} practices missing from the index and removed "
            f"{len(self.stale)} stale documents; {len(self.failed)} could not be fixed."
        )


def reconcile() -> ReconcileReport:
    """Make the index hold exactly the published practices."""
    expected = {
        str(key)
        for key in live_practice_pages().values_list("translation_key", flat=True)
    }
    try:
        actual = _guard(indexed_ids)
        report = ReconcileReport(sorted(expected - actual), sorted(actual - expected))
        if report.missing:
            result = _guard(write_documents, report.missing)
            report.failed = sorted(str(key) for key in result.failed)
        if report.stale:
            report.failed += _guard(delete_documents, report.stale)
    except SearchOperationError as exc:
        ReconcileRun.objects.create(error=str(exc)[:500])
        raise
    ReconcileRun.objects.create(
        missing=len(report.missing), stale=len(report.stale), failed=len(report.failed)
    )
    return report
