"""Fixtures shared by the whole suite: a private index prefix on the real OpenSearch node."""

import itertools
import socket
import uuid

import pytest
from django.conf import settings
from django.test import override_settings

from search.client import get_client
from search.indexer import alias_name, rebuild
from tests.corpus import SharedCorpus

pytest_plugins = ["tests.browser_support"]
LAST_CORPUS_USER = pytest.StashKey[str | None]()


@pytest.fixture(scope="session", autouse=True)
def search_index_prefix():
    """Give this test run its own indices on the real node and delete them afterwards."""
    prefix = f"test-{uuid.uuid4().hex[:10]}"
    override = override_settings(OPENSEARCH_INDEX_PREFIX=prefix)
    override.enable()
    try:
        yield prefix
    finally:
        client = get_client()
        try:
            client.indices.delete(
                index=f"{prefix}-*", params={"expand_wildcards": "all"}
            )
        except Exception as exc:  # noqa: BLE001 - cleanup must not hide the real failure
            print(f"could not delete test indices {prefix}-*: {exc}")
        override.disable()


@pytest.fixture(scope="session", autouse=True)
def _encoder_loaded_before_requests():
    """As in a served process (kb/wsgi.py): the sentence encoder is in memory before
    any request, which never loads it itself (tests/search/test_encoder_loading.py
    takes it away to prove that)."""
    from search.vectors import preload_for_web

    preload_for_web()


@pytest.fixture
def encoder_not_loaded(monkeypatch, settings):
    """A process that has not loaded the encoder; the list counts every load."""
    from search import vectors

    settings.SEARCH_MODE = "hybrid"
    loads = []

    class CountedEncoder(vectors.USE):
        def __init__(self, *args, **kwargs):
            loads.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(vectors, "USE", CountedEncoder)
    monkeypatch.setattr(vectors, "_loaded", None)
    return loads


UNIT_TESTS = "tests/unit/"


def _is_unit(request) -> bool:
    """Tests under tests/unit/ are the fast tier: no database, no search node."""
    return request.node.get_closest_marker("unit") is not None


@pytest.fixture(autouse=True)
def _empty_shared_cache(request):
    """Every test starts with an empty shared cache.

    The cache is a database table (kb/settings: CACHES) that a test's rollback does
    not always cover: what session fixtures or live-server tests cached would leak
    into the next test. Each worker's own part of the rate-limit counts goes too.
    """
    if _is_unit(request):
        return
    from django.core.cache import caches

    from kb.rate_limits import forget_local_counts

    request.getfixturevalue("django_db_setup")
    django_db_blocker = request.getfixturevalue("django_db_blocker")
    with django_db_blocker.unblock():
        for cache in caches.all(initialized_only=False):
            cache.clear()
    forget_local_counts()


@pytest.fixture
def closed_port_url():
    """An OpenSearch URL on a loopback port nothing listens on: a node that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def opensearch_down(settings, closed_port_url):
    settings.OPENSEARCH_URL = [closed_port_url]
    return closed_port_url


@pytest.fixture(autouse=True)
def _check_node_reachable_once(request):
    """Fail loudly, not with a skip, when the suite runs without its OpenSearch node."""
    if _is_unit(request):
        return
    if not getattr(_check_node_reachable_once, "done", False):
        _check_node_reachable_once.done = True
        client = get_client()
        if not client.ping():
            pytest.fail(
                f"OpenSearch is not reachable at {settings.OPENSEARCH_URL}: "
                "run `make opensearch` (make test does it for you)."
            )


@pytest.fixture(scope="session")
def corpus(django_db_setup, django_db_blocker):
    """The small shared repertory (tests/corpus.py), built once for the session by its
    first user, outside any test's transaction, and removed after its last."""
    shared = SharedCorpus.current = SharedCorpus(django_db_blocker)
    yield shared.build()
    shared.remove()


_own_index_counter = itertools.count()


@pytest.fixture
def own_index(settings, search_index_prefix, corpus):
    """A fresh index of the shared repertory for a test that publishes practices of
    its own, so that the shared index stays as it was."""
    settings.OPENSEARCH_INDEX_PREFIX = (
        f"{search_index_prefix}-own{next(_own_index_counter)}"
    )
    rebuild()
    return alias_name()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session, config, items):
    """Tests on the shared repertory first, in their usual order, then the rest: it is
    built once, and the tests after it find the empty site they expect.

    Runs before pytest-django's own (stable) ordering, which still puts database
    tests before transactional ones, whose flush would empty the tables for the rest.
    The fast tier (tests/unit/) is marked `unit` and runs first.
    """
    for item in items:
        if item.nodeid.startswith(UNIT_TESTS):
            item.add_marker(pytest.mark.unit)
    items.sort(
        key=lambda item: (
            item.get_closest_marker("unit") is None,
            "corpus" not in getattr(item, "fixturenames", ()),
        )
    )


def pytest_collection_finish(session):
    users = [i for i in session.items if "corpus" in getattr(i, "fixturenames", ())]
    session.config.stash[LAST_CORPUS_USER] = users[-1].nodeid if users else None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    last = item.config.stash.get(LAST_CORPUS_USER, None)
    if item.nodeid == last and SharedCorpus.current is not None:
        SharedCorpus.current.remove()
