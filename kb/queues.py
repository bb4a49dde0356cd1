"""A durable queue's backlog at a glance: the index queue's and the translation
queue's, for the desk's dashboard. Both tables have `created_at`, `last_error` and
`last_attempt_at`."""

import datetime
from dataclasses import dataclass


@dataclass
class QueueSummary:
    queued: int
    oldest_queued_at: datetime.datetime | None
    last_error: str
    last_error_at: datetime.datetime | None


def queue_summary(model) -> QueueSummary:
    """How many rows wait in the queue `model`, since when, and its latest error."""
    oldest = model.objects.order_by("created_at").first()
    failing = model.objects.exclude(last_error="").order_by("-last_attempt_at").first()
    return QueueSummary(
        queued=model.objects.count(),
        oldest_queued_at=oldest.created_at if oldest else None,
        last_error=failing.last_error if failing else "",
        last_error_at=failing.last_attempt_at if failing else None,
    )
