"""The practices' background work: run by the task worker (`manage.py db_worker
--backend background --queue-name '*'`), never inside a web request."""

from django_tasks import task

from kb.tasks import enqueue_unless_waiting

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
