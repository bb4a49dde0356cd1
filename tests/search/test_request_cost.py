"""What keeps a search cheap at 100,000 practices without changing what it finds:
the phrase scored over the first matches only, and browsing answered from the
node's request cache."""

from unittest import mock

import pytest
from django.http import QueryDict

from search import ranking
from search.client import get_client
from search.filters import parse_filters
from search.indexer import alias_name
from search.query import build_search_request
from search.ranking import TEXT

from .helpers import search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "q", ["presupuesto participativo", "open data portal", "datos abiertos"]
)
def test_the_phrase_rescore_keeps_the_order_of_the_whole_query(corpus, q):
    """Within the rescore window the order is the one the phrase scored on every
    match gives."""
    filters = parse_filters(QueryDict(f"q={q}"))
    whole = build_search_request(
        filters, TEXT.ranked(filters, rescorable=False, translated="")
    )
    expected = [
        hit["_id"]
        for hit in get_client().search(index=alias_name(), body=whole)["hits"]["hits"]
    ]
    assert "rescore" in build_search_request(
        filters, TEXT.ranked(filters, translated="")
    )
    assert [hit.id for hit in search(f"q={q}").results] == expected


def test_the_share_of_the_words_rescores_as_the_whole_query_scores_it(corpus):
    """The rescore's share of the query's words (off by default) finds nothing
    the words do not, and orders the first matches as on every match."""
    with mock.patch.object(ranking, "WORD_SHARE_WEIGHT", 20):
        test_the_phrase_rescore_keeps_the_order_of_the_whole_query(
            corpus, "portal de datos abiertos"
        )


def _request_cache_hits() -> int:
    stats = get_client().indices.stats(index=alias_name(), metric="request_cache")
    return stats["_all"]["primaries"]["request_cache"]["hit_count"]


def test_browsing_without_words_is_answered_from_the_request_cache(corpus):
    search("sort=newest&page_size=6")
    before = _request_cache_hits()
    again = search("sort=newest&page_size=6")
    assert _request_cache_hits() > before
    assert again.total and again.results
