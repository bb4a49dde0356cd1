"""Fixtures shared by the whole suite: a private index prefix on the real OpenSearch node."""

import itertools
import socket
import uuid

import pytest
from django.conf import settings
from django.db import connections
from django.db.backends.base.creation import BaseDatabaseCreation
from django.test import override_settings

from pages.site_setup import ensure_site
from search.client import get_client
from search.indexer import alias_name, rebuild
from tests import database_restore, database_template
from tests.corpus import SharedCorpus

pytest_plugins = ["tests.browser_support"]

# Before each transactional test, the serialized site comes back in batches rather
# than object by object (tests/database_restore.py).
BaseDatabaseCreation.deserialize_db_from_string = (
    database_restore.deserialize_db_from_string
)


@pytest.fixture(scope="session", autouse=True)
def search_index_prefix():
    """Give this test run (each xdist worker its own) a prefix for its indices on the
    real node; a test that reaches the node deletes them at the end of the run."""
    prefix = f"test-{uuid.uuid4().hex[:10]}"
    override = override_settings(OPENSEARCH_INDEX_PREFIX=prefix)
    override.enable()
    yield prefix
    override.disable()


@pytest.fixture(scope="session")
def _test_indices_deleted_at_end(search_index_prefix):
    yield
    client = get_client()
    try:
        client.indices.delete(
            index=f"{search_index_prefix}-*", params={"expand_wildcards": "all"}
        )
    except Exception as exc:  # noqa: BLE001 - cleanup must not hide the real failure
        print(f"could not delete test indices {search_index_prefix}-*: {exc}")


@pytest.fixture(scope="session")
def _node_reachable():
    """Fail loudly, not with a skip, when the suite runs without its OpenSearch node."""
    if not get_client().ping():
        pytest.fail(
            f"OpenSearch is not reachable at {settings.OPENSEARCH_URL}: "
            "run `make opensearch` (make test does it for you)."
        )


@pytest.fixture(scope="session")
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
DISTRIBUTION = "repertorio_dist"  # the controller's --dist, handed to each process


@pytest.fixture(autouse=True)
def _services(request):
    """What every test beyond the fast tier starts from: the node reachable, the
    encoder in memory, and an empty shared cache.

    The cache is a database table (kb/settings: CACHES) that a test's rollback does
    not always cover: what session fixtures or live-server tests cached would leak
    into the next test. Each worker's own part of the rate-limit counts goes too.
    Tests under tests/unit/ (marked `unit`) touch neither the node nor the database.
    """
    if request.node.get_closest_marker("unit") is not None:
        return
    for name in (
        "_node_reachable",
        "_test_indices_deleted_at_end",
        "_encoder_loaded_before_requests",
        "django_db_setup",
    ):
        request.getfixturevalue(name)
    from django.core.cache import caches

    from kb.rate_limits import forget_local_counts

    with request.getfixturevalue("django_db_blocker").unblock():
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


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """This process's own copy of the run's test database: migrated once for the
    whole run, with the site set up (ten pages and their revisions), so that each
    test's transaction rolls back to it instead of building it again
    (tests/database_template.py). Serialized, so that a transactional test's
    `serialized_rollback` restores the same state after its flush."""
    for option in ("reuse_db", "nomigrations"):
        if request.config.getvalue(option):
            raise pytest.UsageError(
                f"--{option.replace('_', '-')}: the suite's test database is migrated "
                "afresh on every run (tests/database_template.py)"
            )
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        old_names = database_template.set_up(request.config, ensure_site, verbosity)
        for connection in connections.all():
            connection._test_serialized_contents = (
                connection.creation.serialize_db_to_string()
            )
    yield
    with django_db_blocker.unblock():
        try:
            database_template.tear_down(old_names, verbosity)
        except Exception as exc:  # noqa: BLE001 - as pytest-django: a warning, not a failed test
            request.node.warn(
                pytest.PytestWarning(f"could not drop the test database: {exc!r}")
            )


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    database_template.hand_over(node)
    # The processes are told `--dist no`; the order of their tests needs the real one.
    node.workerinput[DISTRIBUTION] = node.config.getoption("dist")


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    database_template.finish(session.config)


@pytest.fixture(scope="session")
def corpus(django_db_setup, django_db_blocker):
    """The small shared repertory (tests/corpus.py), committed outside any test's
    transaction by its first user. It is removed as soon as the next test does not
    use it and built again for the next that does (the hooks below), so every other
    test finds the empty site it expects whatever the order. After the last test it
    stays only in the process's copy of the test database, dropped at the end."""
    shared = SharedCorpus.current = SharedCorpus(django_db_blocker)
    return shared.build()


@pytest.fixture
def site(db):
    """The two locales, the home pages, the practice indexes and the default site
    (already there unless a test took them away)."""
    return ensure_site()


_private_prefixes = itertools.count()


@pytest.fixture
def private_index_prefix(settings, search_index_prefix):
    """An index prefix for this test alone: what it indexes never meets another
    test's indices, which are deleted after it."""
    prefix = f"{search_index_prefix}-own{next(_private_prefixes)}"
    settings.OPENSEARCH_INDEX_PREFIX = prefix
    yield prefix
    try:  # now rather than at the end of the run: the node's heap is small
        get_client().indices.delete(
            index=f"{prefix}-*", params={"expand_wildcards": "all"}
        )
    except Exception as exc:  # noqa: BLE001 - the run's cleanup tries again
        print(f"could not delete test indices {prefix}-*: {exc}")


@pytest.fixture
def own_index(private_index_prefix, corpus):
    """A fresh index of the shared repertory for a test that publishes practices of
    its own, so that the shared index stays as it was."""
    rebuild()
    return alias_name()


@pytest.fixture
def empty_index(private_index_prefix, site):
    """A fresh index of an empty site, for a test that writes practices of its own."""
    rebuild()
    return alias_name()


def _uses(item, fixture: str) -> bool:
    return fixture in getattr(item, "fixturenames", ())


def _is_slow(item) -> bool:
    return item.get_closest_marker("slow") is not None


@pytest.hookimpl(hookwrapper=True)
def pytest_collection_modifyitems(session, config, items):
    """The tiers are marked: `unit` for tests/unit/ (no database, no node), `browser`
    for every test that drives Chromium. `make test` runs them one after the other.

    The order is a matter of cost, not of correctness. Before pytest-django's stable
    sort, which runs transactional tests after the others, the shared repertory's
    users come first, so that each process builds it once, and the tests marked
    `slow` first among them and among the rest: the integration tier hands tests
    out one by one in this order, and a slow one handed out last would leave a
    process running it alone while the other waits. The browser tier hands out
    whole files (--dist loadfile), in the order they come here
    (--no-loadscope-reorder): the files with a slow test first, then the others,
    the longest first; a file's own tests keep their order. Among the slow files,
    those without the shared repertory come first: they are transactional (the
    desk's and the contribution's flows), and each flush empties the database, so a
    process that built the repertory before one would remove it and build it again
    after.
    """
    for item in items:
        if item.nodeid.startswith(UNIT_TESTS):
            item.add_marker(pytest.mark.unit)
        if _uses(item, "browser"):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: (not _uses(item, "corpus"), not _is_slow(item)))
    yield
    if _distribution(config) == "loadfile":
        items[:] = _slow_files_first(items)


def _distribution(config) -> str:
    """How xdist hands out the tests (--dist), as its controller was told."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        return workerinput.get(DISTRIBUTION, "no")
    return config.getoption("dist", "no")


def _slow_files_first(items) -> list:
    files: dict = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    ordered = sorted(
        files.values(),
        key=lambda tests: (
            not any(map(_is_slow, tests)),
            any(_uses(test, "corpus") for test in tests),
            -len(tests),
        ),
    )
    return [item for tests in ordered for item in tests]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    if SharedCorpus.current is not None and _uses(item, "corpus"):
        SharedCorpus.current.build()  # again, if a test without it came in between
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # After the last test (no next item) the corpus fixture has already decided.
    if (
        SharedCorpus.current is not None
        and nextitem is not None
        and not _uses(nextitem, "corpus")
    ):
        SharedCorpus.current.remove()
