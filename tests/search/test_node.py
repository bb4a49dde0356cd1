"""Several searches in one round trip (`run_searches`) answer as one at a time would,
and fail as one would: refused, or cancelled past the time limit."""

import pytest

from search.node import QueryRejected, SearchUnavailable, run_search, run_searches

from .test_search_timeout import SLOW_QUERY

pytestmark = pytest.mark.django_db

EVERYTHING = {"query": {"match_all": {}}, "size": 1, "track_total_hits": True}
NOTHING = {"query": {"ids": {"values": ["no-such-practice"]}}, "track_total_hits": True}


def test_two_searches_in_one_round_trip_answer_as_two_would(corpus):
    together = run_searches(EVERYTHING, NOTHING)
    apart = [run_search(EVERYTHING), run_search(NOTHING)]
    assert [r["hits"]["total"]["value"] for r in together] == [
        r["hits"]["total"]["value"] for r in apart
    ]
    assert together[0]["hits"]["total"]["value"] > 0
    assert together[1]["hits"]["total"]["value"] == 0


def test_a_refused_search_among_them_is_a_rejected_query(corpus):
    refused = {"query": {"no_such_query_type": {}}}
    with pytest.raises(QueryRejected):
        run_searches(EVERYTHING, refused)


def test_searches_past_the_limit_are_cancelled_on_the_node(corpus, settings):
    settings.OPENSEARCH_TIMEOUT_SECONDS = 30  # the client waits: the node must stop
    settings.OPENSEARCH_SEARCH_TIMEOUT_SECONDS = 0.001
    with pytest.raises(SearchUnavailable):
        run_searches(EVERYTHING, dict(SLOW_QUERY))
