"""One writer of tests/search/test_drain_race.py, run as its own process.

Publishes new titles for the given practices through the practice service, one
transaction per write; each commit drains the index queue, as a web request's does,
while the other writers do the same. The writers number their writes from one
database sequence and write practice (n // writers) % practices, so consecutive
writes, usually from different writers, change the same practice at about the same
time. Stops when the sequence reaches the total. Prints one JSON line: what it wrote
and drained.

    python -m tests.search.drain_race_writer WORKER WRITERS TOTAL SEQUENCE PAGE_ID...
"""

import json
import sys
import time


def main(worker: str, writers: int, total: int, sequence: str, page_ids: list[int]):
    import django

    django.setup()
    from unittest import mock

    from django.db import connection

    from practices.models import PracticePage
    from practices.records.vocabulary import Vocabulary
    from practices.services import update_practice
    from search import sync
    from tests.factories import practice_record

    drained = {"indexed": 0, "deleted": 0, "failed": 0, "drain_seconds": 0.0}
    real_drain = sync.drain

    def counted_drain(*args, **kwargs):
        drain_started = time.monotonic()
        report = real_drain(*args, **kwargs)
        drained["indexed"] += report.indexed
        drained["deleted"] += report.deleted
        drained["failed"] += report.failed
        drained["drain_seconds"] += time.monotonic() - drain_started
        return report

    def next_write() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [sequence])
            return cursor.fetchone()[0] - 1

    vocabulary = Vocabulary.load()
    started, writes = time.monotonic(), 0
    with mock.patch.object(sync, "drain", counted_drain):
        while (n := next_write()) < total:
            page = PracticePage.objects.get(pk=page_ids[(n // writers) % len(page_ids)])
            record = practice_record(
                page.source_id,
                f"Mesa de diálogo {page.source_id}, escritura {n} de {worker}",
                "Usuarios y autoridades revisan rutas y tarifas.",
            )
            update_practice(page, record, publish=True, vocabulary=vocabulary)
            writes += 1
    drained["drain_seconds"] = round(drained["drain_seconds"], 1)
    seconds = round(time.monotonic() - started, 1)
    return {"worker": worker, "writes": writes, "seconds": seconds, **drained}


if __name__ == "__main__":
    worker, writers, total, sequence, *ids = sys.argv[1:]
    result = main(worker, int(writers), int(total), sequence, [int(i) for i in ids])
    print(json.dumps(result))
