"""The request builders, as JSON: what each filter and order asks the node for.

Pure logic (no node): the integration tier checks that the node answers as meant."""

from search.filters import SearchFilters
from search.query import (
    DOCUMENTED_CLAUSE,
    LONG_QUERY_WORDS,
    MAX_QUERY_WORDS,
    MEXICO_FIRST_WEIGHT,
    build_search_request,
    documented_count,
    facet_clauses,
    matching_query,
    mexico_first,
    nearby_first,
    sort_clause,
    weighted,
)
from search.ranking import TEXT


def _request(filters: SearchFilters) -> dict:
    """The text ranking's request, without the query's machine translation."""
    return build_search_request(filters, TEXT.ranked(filters, translated=""))


def test_selected_values_and_years_become_filter_clauses():
    filters = SearchFilters(
        selected={"country": ("MX", "AR"), "theme": ("open-data",)},
        year_from=1989,
        year_to=2020,
        documented=True,
    )
    clauses = facet_clauses(filters)
    assert clauses["country"] == {"terms": {"country": ["MX", "AR"]}}
    assert clauses["theme"] == {"terms": {"theme": ["open-data"]}}
    assert clauses["year"] == {"range": {"year": {"gte": 1989, "lte": 2020}}}
    assert clauses["documented"] == DOCUMENTED_CLAUSE


def test_one_end_of_the_years_keeps_undated_practices_unless_told_not_to():
    one_end = facet_clauses(SearchFilters(year_from=1989))["year"]
    assert {"bool": {"must_not": {"exists": {"field": "year"}}}} in one_end["bool"][
        "should"
    ]


def test_nothing_selected_filters_nothing():
    assert facet_clauses(SearchFilters()) == {}


def test_mexico_first_multiplies_mexican_scores_and_keeps_the_query():
    query = {"match": {"title_es": "agua"}}
    body = _request(SearchFilters(q="agua", sort="mexico"))
    wrapped = body["query"]["function_score"]
    assert wrapped["functions"] == [
        {"filter": {"term": {"country": "MX"}}, "weight": MEXICO_FIRST_WEIGHT}
    ]
    assert mexico_first(query)["function_score"]["query"] == query
    # Ordered by score, like relevance: the phrase still rescores the first matches.
    assert "rescore" in body and "sort" not in body


def test_relevance_order_leaves_the_query_unweighted():
    body = _request(SearchFilters(q="agua"))
    assert "function_score" not in body["query"]


def test_nearby_first_weighs_only_what_is_known():
    query = {"match_all": {}}
    assert nearby_first(query, {"country": None, "level": None}) == query
    functions = nearby_first(query, {"country": "MX", "level": "state"})[
        "function_score"
    ]["functions"]
    assert [f["filter"] for f in functions] == [
        {"term": {"country": "MX"}},
        {"term": {"level": "state"}},
    ]


def test_weighted_without_weights_is_the_query_itself():
    query = {"match_all": {}}
    assert weighted(query, []) is query


def test_undated_practices_sort_last_both_ways():
    assert sort_clause("newest")[0] == {"year": {"order": "desc", "missing": "_last"}}
    assert sort_clause("oldest")[0] == {"year": {"order": "asc", "missing": "_last"}}


def test_the_documented_count_is_read_under_its_own_selection_or_the_shared_one():
    own = {"documented": {"documented": {"doc_count": 3}}}
    shared = {"unselected": {"documented": {"doc_count": 7}}}
    assert documented_count(own) == 3
    assert documented_count(shared) == 7


def test_a_search_asks_for_the_fields_a_card_shows():
    source = _request(SearchFilters())["_source"]
    assert {"evidence", "outcome", "documented_results", "level"} <= set(source)


def test_a_long_text_is_matched_by_its_first_words_without_typo_clauses():
    short = matching_query("presupuesto municpal", "municipal budget", "municipal")
    assert len(short["bool"]["should"]) == 4  # corrected, translated, words, fuzzy

    words = [f"palabra{n}" for n in range(LONG_QUERY_WORDS + 20)]
    long = matching_query(" ".join(words), "some words", "corrected words")
    (clause,) = long["bool"]["should"]
    assert clause["multi_match"]["query"].split() == words[:MAX_QUERY_WORDS]
