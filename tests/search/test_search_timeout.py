"""Every search carries a server-side limit: the node cancels the search task
instead of finishing it for a client that has given up."""

import pytest
from opensearchpy.exceptions import TransportError

from search.node import SearchUnavailable, run_search

pytestmark = pytest.mark.django_db

_BUSY = (
    "double s = 0; for (int i = 0; i < 990000; i++) { s += Math.sqrt(i); } return s;"
)
# Milliseconds of work per document, twice: a script filter and a script score.
SLOW_QUERY = {
    "query": {
        "script_score": {
            "query": {
                "script": {
                    "script": {"source": _BUSY.replace("return s;", "return s > 0;")}
                }
            },
            "script": {"source": _BUSY},
        }
    }
}


def test_a_search_past_the_limit_is_cancelled_on_the_node(corpus, settings):
    settings.OPENSEARCH_TIMEOUT_SECONDS = 30  # the client waits: the node must stop
    settings.OPENSEARCH_SEARCH_TIMEOUT_SECONDS = 0.001
    with pytest.raises(SearchUnavailable) as raised:
        run_search(dict(SLOW_QUERY))
    cause = raised.value.__cause__
    assert isinstance(cause, TransportError)
    assert "task_cancelled_exception" in str(cause.info)


def test_within_the_limit_the_same_search_answers(corpus, settings):
    settings.OPENSEARCH_TIMEOUT_SECONDS = 30
    settings.OPENSEARCH_SEARCH_TIMEOUT_SECONDS = 30
    response = run_search({**SLOW_QUERY, "size": 1})
    assert response["timed_out"] is False
    assert response["hits"]["total"]["value"] > 0
