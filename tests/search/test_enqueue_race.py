"""Two transactions queue the same practice at once on PostgreSQL: the second,
which collides with the first's uncommitted insert, still changes the version, so a
drain that read the first version keeps the row (issue #24, item 7)."""

import threading
import uuid

import pytest
from django.db import connection, connections, transaction

from search import sync
from search.models import PendingIndexUpdate

# Like the suite's other transactional tests, it restores the migrated data after its
# flush, so the tests after it find their groups, site and content types.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL row locking (DATABASE_URL=postgres://…): SQLite lets "
            "one transaction write at a time, so the inserts never interleave"
        )


@pytest.fixture
def no_drain_after_commit(monkeypatch):
    """Only the queue is under test: the after-commit drain would delete the row."""
    monkeypatch.setattr(sync, "start_index_drain", lambda: None)


def test_a_second_enqueue_changes_the_version_a_drain_read(
    postgresql, no_drain_after_commit
):
    """The drain deletes (pk, version) it read; after an interleaved enqueue that
    delete finds nothing and the row stays for the next drain."""
    key = uuid.uuid4()
    first_inserted = threading.Event()
    first_may_commit = threading.Event()
    committed_version = {}
    errors = []

    def first():
        try:
            with transaction.atomic():
                sync.enqueue([key], "publish")
                committed_version["v"] = PendingIndexUpdate.objects.get(
                    translation_key=key
                ).version
                first_inserted.set()
                first_may_commit.wait(10)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    def second():
        try:
            first_inserted.wait(10)
            with transaction.atomic():
                sync.enqueue([key], "unpublish")
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_inserted.wait(10)
    # Give the second insert time to reach the row lock before the first commits.
    threads[1].join(1.0)
    assert threads[1].is_alive(), "the second enqueue did not wait for the first"
    first_may_commit.set()
    for thread in threads:
        thread.join(10)
    assert not errors

    row = PendingIndexUpdate.objects.get(translation_key=key)
    assert row.reason == "unpublish"
    assert row.version != committed_version["v"]
    sync._delete_unchanged([(row.pk, committed_version["v"])])
    assert PendingIndexUpdate.objects.filter(translation_key=key).exists()
