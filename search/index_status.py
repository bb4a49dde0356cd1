"""What the editors' desk asks about the index: one practice's state, the queue and
the last reconcile. Plain data; the database answers when OpenSearch does not."""

import datetime
from dataclasses import dataclass, field

from django.utils.dateparse import parse_datetime
from opensearchpy.exceptions import NotFoundError, OpenSearchException, TransportError

from .client import get_client
from .document_builder import live_practice_pages
from .indexer import alias_name
from .models import PendingIndexUpdate, ReconcileRun
from .sync import drain, enqueue
from .vectors import would_load_encoder


@dataclass
class QueuedUpdate:
    reason: str
    queued_at: datetime.datetime
    attempts: int
    last_error: str
    last_attempt_at: datetime.datetime | None


@dataclass
class PracticeIndexStatus:
    """Whether search holds a practice, and the version it holds."""

    translation_key: str
    should_be_indexed: bool
    live_published_at: datetime.datetime | None
    indexed: bool = False
    indexed_published_at: datetime.datetime | None = None
    indexed_languages: list[str] = field(default_factory=list)
    live_languages: list[str] = field(default_factory=list)
    queued: QueuedUpdate | None = None
    error: str = ""

    @property
    def up_to_date(self) -> bool:
        if self.error:
            return False
        if not self.should_be_indexed:
            return not self.indexed
        return (
            self.indexed
            and self.indexed_published_at == self.live_published_at
            and self.indexed_languages == self.live_languages
        )


def practice_index_status(translation_key) -> PracticeIndexStatus:
    key = str(translation_key)
    live = list(
        live_practice_pages([key]).values_list(
            "last_published_at", "locale__language_code"
        )
    )
    published = [at for at, _lang in live if at]
    status = PracticeIndexStatus(
        translation_key=key,
        should_be_indexed=bool(live),
        live_published_at=max(published) if published else None,
        live_languages=sorted({lang for _at, lang in live}),
    )
    pending = PendingIndexUpdate.objects.filter(translation_key=key).first()
    if pending is not None:
        status.queued = QueuedUpdate(
            pending.reason,
            pending.created_at,
            pending.attempts,
            pending.last_error,
            pending.last_attempt_at,
        )
    try:
        document = get_client().get(
            index=alias_name(),
            id=key,
            params={"_source_includes": "published_at,language"},
        )
    except NotFoundError:
        return status
    except (OpenSearchException, TransportError, OSError) as exc:
        status.error = f"OpenSearch did not answer: {type(exc).__name__}"
        return status
    source = document.get("_source", {})
    status.indexed = bool(document.get("found"))
    status.indexed_published_at = (
        parse_datetime(source["published_at"]) if source.get("published_at") else None
    )
    status.indexed_languages = sorted(source.get("language", []))
    return status


def reindex_practice(translation_key) -> PracticeIndexStatus:
    """Write (or remove) one practice's document now; a failure stays queued (and
    so does the practice when this web process has no encoder to embed it)."""
    enqueue([translation_key], "editor")
    if not would_load_encoder():
        drain()
    return practice_index_status(translation_key)


@dataclass
class IndexQueueSummary:
    queued: int
    oldest_queued_at: datetime.datetime | None
    last_error: str
    last_error_at: datetime.datetime | None
    last_reconcile: ReconcileRun | None


def index_queue_summary() -> IndexQueueSummary:
    oldest = PendingIndexUpdate.objects.order_by("created_at").first()
    failing = (
        PendingIndexUpdate.objects.exclude(last_error="")
        .order_by("-last_attempt_at")
        .first()
    )
    return IndexQueueSummary(
        queued=PendingIndexUpdate.objects.count(),
        oldest_queued_at=oldest.created_at if oldest else None,
        last_error=failing.last_error if failing else "",
        last_error_at=failing.last_attempt_at if failing else None,
        last_reconcile=ReconcileRun.objects.first(),
    )


def queued_index_updates():
    """The durable index queue, oldest first, for the desk's report."""
    return PendingIndexUpdate.objects.order_by("created_at")
