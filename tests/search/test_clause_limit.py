"""A short query naming several glossary phrases grows, with each phrase's
synonyms in every field, past the node's 1,024 clauses: the reader gets the words
asked more plainly (search/service.py `_answered`), not "search unavailable"; and
what a search counts is what following it shows."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from search.filters import parse_filters
from search.node import TooManyClauses, run_search
from search.query import build_search_request
from search.ranking import chosen_ranking
from search.scan import latest_practice_ids, scan_practice_ids
from search.service import count_practices, search_practices

pytestmark = pytest.mark.django_db

MANY_PHRASES = [
    "presupuesto, contrataciones públicas, declaraciones patrimoniales y "
    "beneficiarios finales",
    "budget transparency, public procurement, asset declarations and "
    "beneficial ownership",
]


def _filters(q: str):
    return parse_filters(QueryDict(urlencode({"q": q})))


@pytest.mark.parametrize("q", MANY_PHRASES)
def test_the_whole_query_passes_the_clause_limit(corpus, q):
    """What the fallback is for: the query as the ranking builds it is refused."""
    filters = _filters(q)
    with pytest.raises(TooManyClauses):
        run_search(build_search_request(filters, chosen_ranking().ranked(filters)))


@pytest.mark.parametrize("q", MANY_PHRASES)
def test_it_is_answered_with_the_words_alone(corpus, q):
    filters = _filters(q)
    results = search_practices(filters)
    assert results.total > 0
    assert count_practices(filters) == results.total


@pytest.mark.parametrize("q", ["datos abiertos municipio", "open data", "cabildeo"])
def test_a_search_counts_what_following_it_shows(corpus, q):
    filters = _filters(q)
    assert count_practices(filters) == search_practices(filters).total


@pytest.mark.parametrize("q", MANY_PHRASES)
def test_its_export_and_feed_are_answered_too(corpus, q):
    filters = _filters(q)
    scan = scan_practice_ids(filters)
    ids = [practice_id for batch in scan.batches for practice_id in batch]
    assert len(ids) == scan.total == search_practices(filters).total
    assert set(latest_practice_ids(filters, 10)) <= set(ids)
