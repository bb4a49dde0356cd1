"""Keeping the index in step with the database through a durable queue.

A change enqueues the practice in the same transaction (`PendingIndexUpdate`, the
durable record); after the commit a task drains the queue (`drain_index_queue`, on
the "index" task backend: the task worker in production and `make run`, at once in
tests). The web request that published never embeds a vector nor waits for a
refresh. If OpenSearch is down the rows stay, and the task tries again a minute
later; `manage.py search drain` applies them by hand.
"""

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from opensearchpy.exceptions import OpenSearchException

from kb.tasks import enqueue_unless_waiting

from .indexer import refresh_index, write_documents
from .models import PendingIndexUpdate
from .vectors import EmbeddingTally, tallied, would_load_encoder

logger = logging.getLogger(__name__)


def enqueue(translation_keys: Iterable[UUID], reason: str) -> None:
    """Queue the practices for re-indexing, giving every queued row a new version.

    A drain deletes a row only if its version is still the one it read, so each
    enqueue must change the version of a row it finds, even one that another,
    uncommitted transaction is inserting at the same moment.
    """
    keys = {UUID(str(key)) for key in translation_keys if key}
    if not keys:
        return
    # Rows already committed: raise their version by one.
    PendingIndexUpdate.objects.filter(translation_key__in=keys).update(
        version=F("version") + 1, reason=reason
    )
    existing = set(
        PendingIndexUpdate.objects.filter(translation_key__in=keys).values_list(
            "translation_key", flat=True
        )
    )
    # Rows not seen may be in another transaction's uncommitted insert: the insert
    # waits for it and, on conflict, overwrites its version with a fresh one
    # (ON CONFLICT DO UPDATE can only write the new row's values, not version + 1).
    PendingIndexUpdate.objects.bulk_create(
        [
            PendingIndexUpdate(
                translation_key=key, reason=reason, version=_fresh_version()
            )
            for key in keys - existing
        ],
        update_conflicts=True,
        unique_fields=["translation_key"],
        update_fields=["version", "reason"],
    )
    transaction.on_commit(start_index_drain)


def _fresh_version() -> int:
    """A random version: another enqueue's row holds the same one 1 time in 2**30.

    Below 2**30, so the raises by one that follow stay inside PostgreSQL's integer.
    """
    return secrets.randbelow(2**30) + 1


@dataclass
class DrainReport:
    indexed: int = 0
    deleted: int = 0
    failed: int = 0
    remaining: int = 0
    error: str = ""
    # Texts embedded while writing (new or changed titles and summaries).
    embedded: EmbeddingTally = field(default_factory=EmbeddingTally)

    def embedding_summary(self) -> str:
        if not self.embedded.texts:
            return ""
        return (
            f"embedded {self.embedded.texts} new texts in "
            f"{self.embedded.seconds:.1f} s ({self.embedded.per_second:.0f} texts/s)"
        )


def drain(batch_size: int = 500) -> DrainReport:
    """Apply every pending update; what fails stays queued with its error.

    Searches see the changes when it returns: one refresh at the end, rather than
    one per batch (a large import queues hundreds of batches).
    """
    report = DrainReport()
    with tallied(report.embedded):
        _drain_batches(batch_size, report)
    if report.embedded.texts:
        # An import's drain on commit embeds every new practice: say at what rate.
        logger.info("search drain: %s", report.embedding_summary())
    if report.indexed or report.deleted:
        try:
            refresh_index()
        except (OpenSearchException, OSError) as exc:
            # Written, and visible at the node's next scheduled refresh.
            report.error = report.error or f"{type(exc).__name__}: {exc}"[:500]
    report.remaining = PendingIndexUpdate.objects.count()
    return report


def _drain_batches(batch_size: int, report: DrainReport) -> None:
    while True:
        with transaction.atomic():
            # On PostgreSQL the rows stay locked while they are written: another
            # drainer skips them rather than write the same practices at once.
            batch = list(
                PendingIndexUpdate.objects.select_for_update(skip_locked=True)
                .order_by("created_at")
                .values_list("pk", "translation_key", "version")[:batch_size]
            )
            if not batch:
                break
            pks = [pk for pk, _key, _version in batch]
            keys = {key for _pk, key, _version in batch}
            try:
                result = write_documents(keys, refresh=False)
            except (OpenSearchException, OSError) as exc:
                report.error = f"{type(exc).__name__}: {exc}"[:500]
                _record_failure(pks, report.error)
                report.failed += len(pks)
                break
            done = result.indexed | result.deleted
            _delete_unchanged(
                [(pk, version) for pk, key, version in batch if key in done]
            )
        for key, error in result.failed.items():
            _record_failure(
                PendingIndexUpdate.objects.filter(translation_key=key).values_list(
                    "pk", flat=True
                ),
                error,
            )
        report.indexed += len(result.indexed)
        report.deleted += len(result.deleted)
        report.failed += len(result.failed)
        if result.failed:
            break


def _delete_unchanged(taken: list[tuple[int, int]]) -> None:
    """Delete the rows written, unless they were queued again meanwhile."""
    condition = Q(pk__in=[])
    for pk, version in taken:
        condition |= Q(pk=pk, version=version)
    if taken:
        PendingIndexUpdate.objects.filter(condition).delete()


def _record_failure(pks, error: str) -> None:
    PendingIndexUpdate.objects.filter(pk__in=list(pks)).update(
        attempts=F("attempts") + 1, last_error=error, last_attempt_at=timezone.now()
    )


# After a drain that left updates queued with an error, the next one in this long.
RETRY_SECONDS = 60


@task(backend="index", queue_name="index")
def drain_index_queue() -> dict:
    """Apply the queued index updates, embedding new texts: the worker's job."""
    if would_load_encoder():
        # Only a backend that runs tasks at once inside a web request (tests) gets
        # here: the encoder is never loaded in one, and the updates stay queued.
        logger.info("search: updates stay queued (no encoder in this request)")
        return {"deferred": True}
    report = drain()
    if report.error:
        logger.warning(
            "search unavailable, %s updates queued: %s", report.remaining, report.error
        )
    if (
        report.remaining
        and (report.error or report.failed)
        and drain_index_queue.get_backend().supports_defer
    ):
        # (A backend that runs tasks at once cannot wait: it would retry forever.)
        enqueue_unless_waiting(drain_index_queue, delay_seconds=RETRY_SECONDS)
    return {
        "indexed": report.indexed,
        "deleted": report.deleted,
        "failed": report.failed,
        "remaining": report.remaining,
        "embedded": report.embedded.texts,
    }


def start_index_drain() -> None:
    """Have the worker drain the queue, unless a drain is waiting already; never
    lets a failure to queue break the editor's save (the rows stay queued)."""
    try:
        enqueue_unless_waiting(drain_index_queue)
    except Exception:
        logger.exception("search: could not queue the index drain")
