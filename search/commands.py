"""What `manage.py search` does, as functions tests can call."""

from collections.abc import Callable
from dataclasses import dataclass, field

from opensearchpy.exceptions import OpenSearchException

from practices.models import PendingTranslation
from practices.translation import (
    translate_pending,
    translate_practices,
    translator_status,
)

from .document_builder import live_practice_pages
from .indexer import (
    RebuildReport,
    alias_name,
    delete_documents,
    document_count,
    index_has_vectors,
    indexed_ids,
    indices_behind_alias,
    mapping_behind,
    rebuild,
    vectors_problem,
    write_documents,
)
from .models import PendingIndexUpdate, ReconcileRun, TextVector
from .ranking import vectors_rejected
from .sync import DrainReport, drain
from .vectors import MODEL_ID, EmbeddingTally


class SearchOperationError(Exception):
    pass


def _guard(function, *args):
    try:
        return function(*args)
    except (OpenSearchException, OSError) as exc:
        raise SearchOperationError(f"OpenSearch did not answer: {exc}") from exc


def published_count() -> int:
    return live_practice_pages().values("translation_key").distinct().count()


def rebuild_index(
    progress: Callable[[int], None] | None = None,
    *,
    translate: bool = True,
    translation_progress: bool = False,
    out: Callable[[str], None] | None = None,
    tally: EmbeddingTally | None = None,
) -> RebuildReport:
    if translate:
        # Practices missing their other language get it first, in bulk; the new
        # index is built with them, so nothing needs re-indexing afterwards.
        translated = translate_practices(progress=translation_progress, notify=False)
        if out:
            out(translated.summary())
    report = _guard(rebuild, progress, tally)
    # Changes committed while the new index was filling are queued: apply them now.
    drain()
    return report


def drain_queue(*, translate: bool = True) -> DrainReport:
    """The worker's step: translate what publishing queued, then index."""
    if translate:
        # Announces what it translated, which queues those practices for indexing.
        translate_pending()
    return drain()


def status_lines() -> list[str]:
    published = published_count()
    queued = PendingIndexUpdate.objects.count()
    indices = _guard(indices_behind_alias)
    lines = [f"alias: {alias_name()} -> {', '.join(indices) or '(missing)'}"]
    if indices:
        lines.append(f"documents: {_guard(document_count)}")
        lines += [line for index in indices if (line := mapping_behind(index))]
    lines += [f"published practices: {published}", f"queued updates: {queued}"]
    oldest = PendingIndexUpdate.objects.order_by("created_at").first()
    if oldest:
        lines.append(
            f"oldest queued: {oldest.created_at:%Y-%m-%d %H:%M:%S} ({oldest.last_error[:120]})"
        )
    lines.append(vectors_status(bool(indices)))
    translator = translator_status()
    lines.append(
        f"machine translation: {'ok' if translator.ok else 'WARNING'}: "
        f"{translator.detail}; {PendingTranslation.objects.count()} practices queued"
    )
    return lines


def vectors_status(index_exists: bool = True) -> str:
    """Whether search is hybrid (text and sentence vectors) or text only, and why."""
    problem = _guard(vectors_problem)
    if not problem and index_exists and not _guard(index_has_vectors):
        problem = "the index has no vector field (run `search rebuild`)"
    problem = problem or vectors_rejected()
    stored = TextVector.objects.filter(model=MODEL_ID).count()
    if problem:
        return f"vectors: off, search is text only: {problem}"
    return f"vectors: on ({MODEL_ID}, {stored} stored text vectors)"


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
