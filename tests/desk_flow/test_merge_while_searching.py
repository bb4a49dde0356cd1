"""A moderator merges while 8 readers search, on the real server and the SQLite
database with its shared cache (the rate-limit counters write to it on every
search): no server error, and the merge goes through.

Twice the issue's merge under load answered a bare 500 "database is locked".
Transactional, like the other flows: the server threads write to the same file.
"""

import threading
import urllib.error
import urllib.request

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from kb.settings.environment import caches_from_url
from practices.models import PracticePage
from tests.factories import create_practices, practice_record

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
READERS = 8
SEARCHES_EACH = 15


@pytest.fixture
def database_cache(settings):
    """The production default: the database cache, shared by every worker."""
    settings.CACHES = caches_from_url("")
    # The test settings' cache is in memory, so the migration made no table.
    call_command("createcachetable")


def test_merging_while_eight_clients_search_gives_no_server_error(
    site_url, settings, search_index_prefix, database_cache
):
    if connection.vendor != "sqlite":
        pytest.skip("the lock this guards against is SQLite's")
    from pages.site_setup import ensure_site
    from search.indexer import rebuild

    settings.OPENSEARCH_INDEX_PREFIX = f"{search_index_prefix}-mergeload"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "100000/m"}
    ensure_site()
    create_practices(
        [
            practice_record(f"load-{n}", title, "Los vecinos votan obras de colonia.")
            for n, title in enumerate(
                [
                    "Presupuesto participativo de Zapopan",
                    "Presupuestos participativos en Zapopan",
                ]
            )
        ]
    )
    rebuild()
    first, second = PracticePage.objects.filter(source_id__startswith="load-")
    moderator = User.objects.create_user("load-moderator", password="x")
    moderator.groups.add(Group.objects.get(name="Moderators"))

    statuses: list[int] = []
    lock = threading.Lock()
    start = threading.Event()

    def read():
        start.wait()
        for n in range(SEARCHES_EACH):
            url = f"{site_url}/buscar/?q=presupuesto+{n}"
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                    status = response.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            with lock:
                statuses.append(status)

    readers = [threading.Thread(target=read) for _ in range(READERS)]
    for reader in readers:
        reader.start()
    client = Client()
    client.force_login(moderator)
    start.set()
    merge = client.post(
        reverse("desk:merge"),
        {"first": first.pk, "second": second.pk, "keep": first.pk},
    )
    for reader in readers:
        reader.join()

    assert len(statuses) == READERS * SEARCHES_EACH
    assert [s for s in statuses if s >= 500] == []
    assert merge.status_code == 302
    assert not PracticePage.objects.get(pk=second.pk).live
