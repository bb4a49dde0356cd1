"""The desk's background work: run by `manage.py db_worker --backend background`,
never inside a web request."""

from django_tasks import task

from kb.tasks import enqueue_unless_waiting

from .duplicates import refresh_duplicates

QUEUE = "desk"


@task(backend="background", queue_name=QUEUE)
def search_duplicates() -> dict:
    """The whole collection's duplicate search (quadratic: seconds to minutes)."""
    report = refresh_duplicates()
    return {"pairs": report.pairs, "pages": report.pages}


def start_duplicate_search() -> bool:
    """Queue the duplicate search unless one is queued or running already (one at
    a time, however often editors ask); True when this call queued it."""
    return enqueue_unless_waiting(search_duplicates, also_running=True)
