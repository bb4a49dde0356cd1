"""The index follows the database after commit, and nothing is lost while it is down."""

import threading
import uuid

import pytest
from django.core.management import call_command
from django.db import connections, transaction
from opensearchpy.exceptions import NotFoundError

from practices.models import PracticePage
from search.client import get_client
from search.commands import reconcile
from search.filters import parse_filters
from search.indexer import alias_name, rebuild
from search.models import PendingIndexUpdate
from search.service import search_practices
from search.sync import drain
from taxonomy.models import Theme
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


def _document(key) -> dict | None:
    try:
        return get_client().get(index=alias_name(), id=str(key))["_source"]
    except NotFoundError:
        return None


def _new_practice(title="Mesa de diálogo sobre transporte público", publish=True):
    source_id = f"sync-{uuid.uuid4().hex[:8]}"
    create_practices(
        [
            practice_record(
                source_id,
                title,
                "Usuarios y autoridades revisan rutas y tarifas.",
                themes=["public-works"],
            )
        ],
        publish=publish,
    )
    return PracticePage.objects.get(source_id=source_id)


def test_publishing_indexes_the_practice_once_the_transaction_commits(
    own_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = _new_practice()
        assert _document(page.translation_key) is None  # not before the commit
    assert callbacks
    assert _document(page.translation_key)["title_es"] == page.title
    assert PendingIndexUpdate.objects.count() == 0


def test_a_rolled_back_transaction_leaves_no_document_and_no_queued_update(
    own_index, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        page = _new_practice()
        key = page.translation_key
        raise RuntimeError("the editor's save failed")
    assert callbacks == []
    assert PendingIndexUpdate.objects.count() == 0
    assert _document(key) is None


def test_unpublishing_removes_the_document(
    own_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = _new_practice()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert _document(page.translation_key) is None


def test_a_label_change_reindexes_the_practices_that_use_it(
    own_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = _new_practice()
    theme = Theme.objects.get(slug="public-works")
    with django_capture_on_commit_callbacks(execute=True):
        theme.label_es = "Obras y movilidad"
        theme.save()
    assert "Obras y movilidad" in _document(page.translation_key)["terms_es"]


def test_while_opensearch_is_down_changes_wait_in_the_queue_then_drain(
    own_index, settings, closed_port_url, django_capture_on_commit_callbacks
):
    real_node = settings.OPENSEARCH_URL
    settings.OPENSEARCH_URL = [closed_port_url]
    with django_capture_on_commit_callbacks(execute=True):
        page = _new_practice()  # the editor's publish succeeds although search is down
    assert page.live
    [pending] = PendingIndexUpdate.objects.all()
    assert (pending.translation_key, pending.attempts) == (page.translation_key, 1)
    assert "ConnectionError" in pending.last_error

    settings.OPENSEARCH_URL = real_node
    assert _document(page.translation_key) is None
    report = drain()
    assert (report.indexed, report.remaining) == (1, 0)
    assert _document(page.translation_key)["title_es"] == page.title
    assert reconcile().summary() == "Index and database agree: nothing to fix."


def test_reconcile_adds_missing_and_removes_stale_documents(own_index):
    victim = PracticePage.objects.live().first()
    get_client().delete(
        index=alias_name(), id=str(victim.translation_key), refresh=True
    )
    get_client().index(
        index=alias_name(),
        id="stray",
        body={"id": "stray", "language": ["es"]},
        refresh=True,
    )
    report = reconcile()
    assert (report.missing, report.stale) == ([str(victim.translation_key)], ["stray"])
    assert _document(victim.translation_key) is not None
    assert reconcile().summary() == "Index and database agree: nothing to fix."


def test_searches_keep_working_during_a_rebuild(own_index):
    failures, done, answered = [], threading.Event(), []

    def keep_searching():
        filters = parse_filters({"q": ["presupuesto"]})
        try:
            while not done.is_set():
                try:
                    answered.append(search_practices(filters).total)
                except Exception as exc:  # noqa: BLE001 - every failure is what we count
                    failures.append(exc)
        finally:
            # Labels may be read from the database in this thread; its connection
            # must not outlive it, or the test database cannot be dropped.
            connections.close_all()

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        for _ in range(3):
            rebuild()
    finally:
        done.set()
        searcher.join()
    assert failures == []
    assert len(answered) > 10 and len(set(answered)) == 1
    assert len(get_client().indices.get_alias(name=alias_name())) == 1


def test_status_command_reports_alias_documents_and_queue(own_index, capsys):
    call_command("search", "status")
    out = capsys.readouterr().out
    assert f"alias: {alias_name()} -> {alias_name()}-v" in out
    assert "queued updates: 0" in out


def test_a_practice_queued_again_during_the_write_is_written_again(
    own_index, monkeypatch
):
    """The drain deletes a row only if nobody queued the practice again while its
    document was being written (the write may have read the older state)."""
    from search import sync

    page = _new_practice()
    PendingIndexUpdate.objects.all().delete()
    sync.enqueue([page.translation_key], "test")
    real_write = sync.write_documents
    changes = [1]

    def write_then_change(keys, **options):
        result = real_write(keys, **options)
        if changes:
            changes.pop()
            sync.enqueue(keys, "changed during the write")
        return result

    monkeypatch.setattr(sync, "write_documents", write_then_change)
    report = sync.drain()
    assert report.indexed == 2  # the change made during the first write is applied
    assert not PendingIndexUpdate.objects.exists()
