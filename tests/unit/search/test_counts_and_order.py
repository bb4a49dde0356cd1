"""The parts of a search request beyond the words, as JSON: the counts per facet, the
readers of a response's counts, the orders, the snippets, the weights and the
vector half. Pure logic (no node)."""

from practices.facets import FACET_NAMES
from search.filters import SearchFilters
from search.mapping import index_mappings
from search.query import (
    DOCUMENTED,
    DOCUMENTED_CLAUSE,
    UNSELECTED,
    aggregations,
    build_search_request,
    documented_count,
    facet_buckets,
    facet_clauses,
    highlight,
    nearby_first,
    sort_clause,
    undated_count,
    weighted,
)
from search.ranking import (
    TEXT,
    VECTOR_BOOST,
    VECTOR_MIN_SCORE,
    close_enough,
    hybrid_query,
    vector_query,
)

WORDS = {"match": {"title_es": "agua"}}


def _request(filters: SearchFilters) -> dict:
    return build_search_request(filters, TEXT.ranked(filters, translated=""))


def test_a_selected_facet_is_counted_under_every_selection_but_its_own():
    clauses = facet_clauses(
        SearchFilters(selected={"country": ("MX",), "theme": ("open-data",)})
    )
    aggs = aggregations(clauses)
    assert aggs["country"]["filter"] == {"bool": {"filter": [clauses["theme"]]}}
    assert aggs["theme"]["filter"] == {"bool": {"filter": [clauses["country"]]}}
    assert aggs["country"]["aggs"]["country"]["terms"]["field"] == "country"


def test_the_facets_nobody_selected_are_counted_together_under_every_selection():
    clauses = facet_clauses(SearchFilters(selected={"country": ("MX",)}))
    unselected = aggregations(clauses)[UNSELECTED]
    assert unselected["filter"] == {"bool": {"filter": [clauses["country"]]}}
    assert set(unselected["aggs"]) >= set(FACET_NAMES) - {"country"}
    assert "country" not in unselected["aggs"]
    assert unselected["aggs"][DOCUMENTED] == {"filter": DOCUMENTED_CLAUSE}


def test_without_any_selection_everything_is_counted_over_all_matches():
    aggs = aggregations({})
    assert set(aggs) == {UNSELECTED}
    assert aggs[UNSELECTED]["filter"] == {"match_all": {}}


def test_the_counts_are_read_where_the_request_put_them():
    response = {
        "country": {"country": {"buckets": [{"key": "MX", "doc_count": 3}]}},
        "year": {"year": {"buckets": []}, "undated": {"doc_count": 4}},
        UNSELECTED: {
            "theme": {"buckets": [{"key": "open-data", "doc_count": 2}]},
            DOCUMENTED: {"doc_count": 5},
        },
    }
    assert facet_buckets(response, "country") == [{"key": "MX", "doc_count": 3}]
    assert facet_buckets(response, "theme") == [{"key": "open-data", "doc_count": 2}]
    assert documented_count(response) == 5
    assert undated_count(response) == 4


def test_the_orders_by_year_put_undated_practices_last_and_break_ties_by_score():
    assert sort_clause("newest") == [
        {"year": {"order": "desc", "missing": "_last"}},
        "_score",
    ]
    assert sort_clause("oldest")[0] == {"year": {"order": "asc", "missing": "_last"}}
    assert sort_clause("relevance")[0] == "_score"


def test_sorted_by_year_a_search_keeps_its_sort_and_rescores_nothing():
    body = _request(SearchFilters(q="agua", sort="newest"))
    assert body["sort"] == sort_clause("newest")
    assert "rescore" not in body


def test_without_words_there_are_no_snippets_no_suggestion_and_no_rescore():
    body = _request(SearchFilters(selected={"country": ("MX",)}))
    assert not {"highlight", "suggest", "rescore"} & set(body)
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"country": ["MX"]}}]}}


def test_a_page_asks_for_its_slice_of_the_results():
    body = _request(SearchFilters(page=3, page_size=25))
    assert (body["from"], body["size"]) == (50, 25)


def test_snippets_come_from_both_languages_the_readers_first():
    fields = list(highlight("en")["fields"])
    assert fields == ["summary_en", "body_en", "summary_es", "body_es"]
    assert list(highlight("es")["fields"])[0] == "summary_es"


def test_the_fields_snippets_come_from_keep_offsets_and_only_they():
    properties = index_mappings()["properties"]
    highlighted = set(highlight("es")["fields"]) | set(highlight("en")["fields"])
    with_offsets = {
        name
        for name, spec in properties.items()
        if spec.get("index_options") == "offsets"
    }
    assert with_offsets == highlighted


def test_no_weight_leaves_the_query_as_it_is():
    assert weighted(WORDS, []) is WORDS
    assert nearby_first(WORDS, {"country": None, "level": ""}) is WORDS


def test_practices_near_the_reader_weigh_more_only_for_known_places():
    wrapped = nearby_first(WORDS, {"country": "MX", "region": "americas"})
    assert wrapped["function_score"]["query"] == WORDS
    assert wrapped["function_score"]["functions"] == [
        {"filter": {"term": {"country": "MX"}}, "weight": 2.0}
    ]


def test_only_neighbours_close_enough_join_the_words():
    hits = [
        {"_id": "a", "_score": VECTOR_MIN_SCORE + 0.1},
        {"_id": "b", "_score": VECTOR_MIN_SCORE - 0.01},
    ]
    assert close_enough(hits) == {"a": VECTOR_MIN_SCORE + 0.1}


def test_no_neighbour_matches_nothing_and_leaves_the_words_alone():
    assert vector_query({}) == {"match_none": {}}
    assert hybrid_query(WORDS, {}) is WORDS


def test_the_words_or_a_neighbour_match_each_scored_by_its_nearness():
    query = hybrid_query(WORDS, {"a": 0.8})
    assert query["bool"]["minimum_should_match"] == 1
    words, nearest = query["bool"]["should"]
    assert words == WORDS
    (clause,) = nearest["bool"]["should"]
    assert clause["constant_score"]["filter"] == {"ids": {"values": ["a"]}}
    assert clause["constant_score"]["boost"] == round(VECTOR_BOOST * 0.8, 4)
