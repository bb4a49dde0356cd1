"""The practices' background work: run by the task worker (`manage.py db_worker
--backend background --queue-name '*'`), never inside a web request."""

from django_tasks import task

from kb.tasks import enqueue_unless_waiting

from .dataset.dumps import write_dumps
from .translation import translate_pending


@task(backend="background", queue_name="translation")
def translate_queued_practices() -> dict:
    """Machine-translate the practices publishing queued (`PendingTranslation`, the
    durable record); what is translated is queued for the index in turn."""
    report = translate_pending()
    return {
        "practices": report.practices,
        "texts": report.texts,
        "unavailable": report.unavailable,
    }


def start_translation() -> None:
    """Have the worker translate the queue, unless that is waiting already."""
    enqueue_unless_waiting(translate_queued_practices)


@task(backend="background", queue_name="opendata")
def write_open_data_dumps() -> dict:
    """Write the day's dated dumps, which the open data page links (minutes at a
    large collection)."""
    return {
        "dumps": [
            {"name": dump.name, "bytes": dump.size, "sha256": dump.sha256}
            for dump in write_dumps()
        ]
    }


def start_dumps() -> bool:
    """Have the worker write the dumps, unless that is waiting or running already;
    True when this call queued it."""
    return enqueue_unless_waiting(write_open_data_dumps, also_running=True)
