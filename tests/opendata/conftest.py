"""Tests here export, feed and map the small shared repertory."""

import itertools

import pytest

from search.indexer import alias_name, rebuild
from tests.corpus import package_corpus

corpus = package_corpus()
_counter = itertools.count()


@pytest.fixture
def own_index(settings, search_index_prefix, corpus):
    """A fresh index for a test that publishes practices, so the shared one stays."""
    settings.OPENSEARCH_INDEX_PREFIX = f"{search_index_prefix}-od{next(_counter)}"
    rebuild()
    return alias_name()
