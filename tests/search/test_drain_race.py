"""Two processes write the same 50 practices 500 times on PostgreSQL while draining
the index queue; after the final drain no document is stale (issue #12).

Each writer (tests/search/drain_race_writer.py) publishes through the practice
service and drains after every commit, as a web request does; the two take turns on
the same practice, so a change often commits while the other's drain is writing
that practice. What keeps the index right is the drain's row lock
(select_for_update with skip_locked, which SQLite ignores) with the enqueue's
version raise, which waits for that lock. With an enqueue that leaves a queued row
alone, this test found 3 stale documents in 50.

The writers are separate OS processes on the test database: the test is
transactional (its rows must be committed for them to see), and the database is
emptied and restored to its migrated state afterwards.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from opensearchpy import helpers

from pages.site_setup import ensure_site
from practices.models import PracticePage
from search.client import get_client
from search.document_builder import practice_groups
from search.indexer import alias_name, rebuild, search_documents
from search.models import PendingIndexUpdate
from search.sync import drain
from tests.factories import create_practices, practice_record

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.slow,
]

REPO = Path(__file__).resolve().parents[2]
PRACTICES = 50
WRITERS = 2
WRITES = 500
SEQUENCE = "drain_race_writes"


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (DATABASE_URL=postgres://…): SQLite lets one process "
            "write at a time and ignores the drain's row locks, so nothing races"
        )


@pytest.fixture
def race_index(postgresql, settings, search_index_prefix):
    """Its own index, text only (the writers need no sentence model)."""
    settings.OPENSEARCH_INDEX_PREFIX = f"{search_index_prefix}-race"
    settings.SEARCH_MODE = "text"
    ensure_site()
    create_practices(
        [
            practice_record(f"race-{n}", f"Mesa de diálogo race-{n}", "Rutas.")
            for n in range(PRACTICES)
        ]
    )
    rebuild()
    return settings.OPENSEARCH_INDEX_PREFIX


def _writer_environment(index_prefix: str) -> dict:
    database = connection.settings_dict  # the test database pytest-django created
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kb.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}"
            f"@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
        "OPENSEARCH_INDEX_PREFIX": index_prefix,
        "SEARCH_MODE": "text",
    }


def _stale_documents(keys: set[uuid.UUID]) -> list[str]:
    """The keys whose indexed document differs from the one the database gives now."""
    as_sent = get_client().transport.serializer  # dates as the index holds them
    expected = {
        str(key): json.loads(as_sent.dumps(document))
        for key, document in search_documents(practice_groups(keys), False)
    }
    get_client().indices.refresh(index=alias_name())
    indexed = {
        hit["_id"]: hit["_source"]
        for hit in helpers.scan(get_client(), index=alias_name(), size=500)
    }
    return sorted(
        k for k in expected.keys() | indexed.keys() if expected.get(k) != indexed.get(k)
    )


def test_two_writing_and_draining_processes_leave_no_stale_document(race_index):
    pages = PracticePage.objects.filter(source_id__startswith="race-")
    page_ids = [str(pk) for pk in pages.order_by("pk").values_list("pk", flat=True)]
    keys = set(pages.values_list("translation_key", flat=True))
    assert len(page_ids) == PRACTICES

    with connection.cursor() as cursor:
        cursor.execute(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")
        cursor.execute(f"CREATE SEQUENCE {SEQUENCE}")
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.search.drain_race_writer",
                str(worker),
                str(WRITERS),
                str(WRITES),
                SEQUENCE,
                *page_ids,
            ],
            cwd=REPO,
            env=_writer_environment(race_index),
            stdout=subprocess.PIPE,
            text=True,
        )
        for worker in range(WRITERS)
    ]
    try:
        outputs = [writer.communicate(timeout=600)[0] for writer in writers]
    finally:
        for writer in writers:
            writer.kill()  # a writer left running after a failure
    assert [writer.returncode for writer in writers] == [0] * WRITERS
    reports = [json.loads(out.strip().splitlines()[-1]) for out in outputs]
    print(reports)
    assert sum(report["writes"] for report in reports) == WRITES
    assert all(report["writes"] and report["indexed"] for report in reports)

    drain()
    assert not PendingIndexUpdate.objects.exists()
    assert _stale_documents(keys) == []
    titles = set(pages.values_list("title", flat=True))
    assert all("escritura" in title for title in titles)  # every practice was written
