"""Queueing background work once: a task already waiting covers what came since.

The durable record of the work is each app's own outbox table (the index queue,
the translation queue); a task only says "drain it now", so one waiting is enough.
"""

import datetime

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def enqueue_unless_waiting(
    task, *, also_running: bool = False, delay_seconds: float = 0
) -> bool:
    """Queue `task` unless one is waiting already (or running, with `also_running`:
    work that must not run twice at once); True when this call queued it. A backend
    that runs tasks at once (tests) always runs it. `delay_seconds` defers it, on a
    backend that can (the caller checks `supports_defer` when waiting matters)."""
    backend = task.get_backend()
    if isinstance(backend, DatabaseBackend):
        statuses = [TaskResultStatus.READY]
        if also_running:
            statuses.append(TaskResultStatus.RUNNING)
        waiting = DBTaskResult.objects.filter(
            backend_name=backend.alias,
            task_path=task.module_path,
            status__in=statuses,
        )
        if waiting.exists():
            return False
    if delay_seconds and backend.supports_defer:
        task = task.using(
            run_after=timezone.now() + datetime.timedelta(seconds=delay_seconds)
        )
    task.enqueue()
    return True
