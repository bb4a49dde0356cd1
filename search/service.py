"""The search service: what pages, views and templates call. It returns plain data.

It runs a search through its parts, each entered once: the ranking the settings
choose (ranking.py) builds the ranked query, query.py the request around it, the
node answers (node.py), and results.py maps the answer for readers; a suggestion is
weighed (suggestion.py) when the suggester offers one.
"""

import time

from practices.facets import FACET_NAMES

from .answers import kept_answer
from .autocomplete import autocomplete
from .filters import SearchFilters
from .labels import facet_labels
from .node import QueryRejected, SearchUnavailable, TooManyClauses, run_search
from .query import (
    build_search_request,
    documented_count,
    facet_buckets,
    facet_clauses,
    undated_count,
)
from .ranking import TEXT, chosen_ranking, nearest_practices, vectors_refused
from .related import related_practices
from .results import (
    FacetValue,
    PracticeHit,
    SearchResults,
    facet_values,
    practice_hit,
)
from .suggestion import suggestion

__all__ = [
    "FacetValue",
    "PracticeHit",
    "QueryRejected",
    "SearchResults",
    "SearchUnavailable",
    "autocomplete",
    "count_practices",
    "nearest_practices",
    "related_practices",
    "search_practices",
]

# The names the practice finder (search/finder.py) reads.
_search = run_search
_hit = practice_hit


def search_practices(filters: SearchFilters) -> SearchResults:
    """One page of a search: hits, facet counts, years, suggestion (an identical
    search's answer when whole answers are kept: search/answers.py)."""
    return kept_answer(filters, lambda: _answer(filters))


def _answer(filters: SearchFilters) -> SearchResults:
    started = time.monotonic()
    ranked, response = _answered(filters, _search_page)
    labels = facet_labels()
    aggregations = response["aggregations"]
    return SearchResults(
        filters=filters,
        total=response["hits"]["total"]["value"],
        took_ms=int((time.monotonic() - started) * 1000),
        results=[
            practice_hit(hit, filters.lang, labels) for hit in response["hits"]["hits"]
        ],
        facets={
            facet: facet_values(
                facet, facet_buckets(aggregations, facet), filters, labels
            )
            for facet in FACET_NAMES
        },
        years=[
            (int(bucket["key"]), bucket["doc_count"])
            for bucket in facet_buckets(aggregations, "year")
        ],
        suggestion=suggestion(
            filters.q, response, ranked.translated, filters.lang, ranked.corrected
        )
        if filters.q
        else None,
        warnings=list(filters.warnings),
        documented_count=documented_count(aggregations),
        undated_count=undated_count(aggregations),
    )


def _search_page(filters: SearchFilters, ranked) -> dict:
    return run_search(
        build_search_request(filters, ranked),
        # Without words (the home page, browsing by facet) the same few requests
        # come again and again: the node keeps their answers in its request cache,
        # which a refresh that changed the index empties (a publish invalidates).
        **({} if filters.q else {"request_cache": "true"}),
    )


def count_practices(filters: SearchFilters) -> int:
    """How many practices a search finds (no hits, no facets), ranked as the search
    itself is so that the count is what following it shows: what an empty search
    page offers instead, one count per way out."""
    return _answered(filters, _count)[1]


def _answered(filters: SearchFilters, send):
    """`send(filters, ranked)` with the chosen ranking; asked again more simply when
    the node refuses it: the words alone (no translation, correction or glossary
    phrases) when the query grew past the node's clause limit, the text alone
    when the index or node has no vectors. Returns the ranking used and the
    answer."""
    ranked = chosen_ranking().ranked(filters)
    try:
        return ranked, send(filters, ranked)
    except TooManyClauses:
        ranked = chosen_ranking().ranked(
            filters, translated=ranked.translated, plain=True
        )
        return ranked, send(filters, ranked)
    except QueryRejected as exc:
        if not ranked.refusable_vectors:
            raise
        # The index has no vector field (or the node no k-NN): the words alone.
        vectors_refused(exc)
        ranked = TEXT.ranked(filters, translated=ranked.translated)
        return ranked, send(filters, ranked)


def _count(filters: SearchFilters, ranked) -> int:
    body = {
        "query": ranked.query,
        "post_filter": {"bool": {"filter": list(facet_clauses(filters).values())}},
        # A page's worth of hits, not none: the k-NN clause finds fewer practices
        # for a request of size 0 (69 against 97 for "datos abiertos municipio"),
        # and the count must be what following it shows.
        "size": filters.page_size,
        "_source": False,
        "track_total_hits": True,
    }
    # The node's request cache keeps only size-0 answers unless asked: an empty
    # page's counts come again and again (a refresh that changed the index
    # empties it).
    return run_search(body, request_cache="true")["hits"]["total"]["value"]
