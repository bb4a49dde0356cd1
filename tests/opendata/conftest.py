"""Tests here export, feed and map the small shared repertory."""

import itertools

import pytest

from search.indexer import alias_name, rebuild

_counter = itertools.count()


@pytest.fixture
def own_index(settings, search_index_prefix, corpus):
    """A fresh index for a test that publishes practices, so the shared one stays."""
    settings.OPENSEARCH_INDEX_PREFIX = f"{search_index_prefix}-od{next(_counter)}"
    rebuild()
    return alias_name()


@pytest.fixture(autouse=True)
def _no_dumps_unless_written(settings, tmp_path):
    """No dated dump unless a test writes one: a whole-collection export is served
    from the latest dump, and one left on this machine must not change a test."""
    settings.OPEN_DATA_DUMP_DIR = tmp_path / "open-data"
