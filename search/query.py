"""Building the one OpenSearch request a search makes.

Selected facet values go in `post_filter`, so hits are filtered while each facet's
aggregation is filtered by every selection except its own: values within a facet
combine with OR, facets with AND, and every facet's counts stay right.
"""

from collections import defaultdict

from django.conf import settings

from practices.facets import FACET_NAMES

from .filters import SearchFilters
from .key_terms import corrected_query
from .mapping import LANGUAGES, MACHINE_FIELDS, VECTOR_FIELD

# Larger than any vocabulary (ISO 3166-2 has about 5,000 subdivisions): every bucket
# is returned, so counts are never cut off.
FACET_BUCKET_LIMIT = 6000
TEXT_BOOSTS = {"title": 4, "terms": 2, "summary": 2, "body": 1}
# The vector half of hybrid search: the query vector's nearest practices (k-NN over
# Lucene HNSW graphs, the whole index, no filter), kept when their cosine score,
# (1 + cos) / 2, reaches VECTOR_MIN_SCORE, scored by their similarity. It is a clause
# of the main request's query (`nearest_clause`), so the post filter and the
# aggregations treat both halves alike and counts stay exact: one request a search.
# (A radial k-NN query with min_score would need no `k`, but Lucene's graph
# traversal stops at an entry point below the threshold and missed true neighbours.)
VECTOR_CANDIDATES = 100
VECTOR_MIN_SCORE = 0.60  # cos >= 0.2: the harness's best (docs/search.md)
# Scales the vector score (0.6..1) against the text scores (about 5..60).
VECTOR_BOOST = 30
# Reciprocal rank fusion, the alternative (settings.SEARCH_FUSION = "rrf"): each list
# adds 1 / (RRF_K + rank); the text list is read to RRF_WINDOW deep.
RRF_K = 60
RRF_WINDOW = 100
# Machine translations count, but below what people wrote.
MACHINE_WEIGHT = 0.5
# What a result needs to show a machine translation in the reader's language.
MACHINE_SOURCE = ("machine_titles", "machine_summaries", "machine_urls")
# The Spanish query translated into English, when that is switched on.
QUERY_TRANSLATION_BOOST = 1.5
# The query with its misspelt glossary terms corrected (SEARCH_KEY_TERM_TYPOS),
# matched beside the query as typed.
KEY_TERM_BOOST = 3
# Per-language typo tolerance on short fields (SEARCH_FUZZY_TITLES, an experiment).
FUZZY_FIELDS = ("title", "terms", "title_mt")
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
# Phrase proximity is scored over this many first matches (a rescore); pages past
# it keep the first score's order.
RESCORE_WINDOW = 100


def text_fields(suffix: str = "") -> list[str]:
    human = [
        f"{field}_{language}{suffix}^{boost}"
        for field, boost in TEXT_BOOSTS.items()
        for language in LANGUAGES
    ]
    machine = [
        f"{field}_mt_{language}{suffix}^{TEXT_BOOSTS[field] * MACHINE_WEIGHT:g}"
        for field in MACHINE_FIELDS
        for language in LANGUAGES
    ]
    return human + machine


def synonym_phrases() -> bool:
    """Whether a multi-word synonym is matched as a phrase (OpenSearch's default),
    which also makes the words typed a phrase once one matches; off (the default,
    SEARCH_SYNONYM_PHRASES), each is a bag of words, and the phrase rescore still
    ranks the words typed together first."""
    return settings.SEARCH_SYNONYM_PHRASES


def key_term_correction(filters: SearchFilters) -> str:
    """The words with misspelt glossary terms corrected, when that is switched on
    (SEARCH_KEY_TERM_TYPOS); "" otherwise or when none is misspelt."""
    if not filters.q or not settings.SEARCH_KEY_TERM_TYPOS:
        return ""
    return corrected_query(filters.q, filters.lang)


def matching_query(q: str, translated: str = "", corrected: str = "") -> dict:
    """Which practices the words find, and their first score. `translated`: the
    query machine-translated (see SEARCH_QUERY_TRANSLATION), matched as one more,
    lighter clause; `corrected`: the query with misspelt key terms corrected
    (`key_term_correction`), matched as one more clause."""
    if not q:
        return {"match_all": {}}
    extra = []
    if corrected:
        extra.append(
            {
                "multi_match": {
                    "query": corrected,
                    "fields": text_fields(),
                    "type": "best_fields",
                    "tie_breaker": 0.3,
                    "minimum_should_match": "2<75%",
                    "auto_generate_synonyms_phrase_query": synonym_phrases(),
                    "boost": KEY_TERM_BOOST,
                }
            }
        )
    if translated and translated.casefold() != q.casefold():
        extra.append(
            {
                "multi_match": {
                    "query": translated,
                    "fields": text_fields(),
                    "type": "best_fields",
                    "tie_breaker": 0.3,
                    "minimum_should_match": "2<75%",
                    "auto_generate_synonyms_phrase_query": synonym_phrases(),
                    "boost": QUERY_TRANSLATION_BOOST,
                }
            }
        )
    if settings.SEARCH_FUZZY_TITLES:
        extra.append(
            {
                "multi_match": {
                    "query": q,
                    "fields": [
                        f"{field}_{language}"
                        for field in FUZZY_FIELDS
                        for language in LANGUAGES
                    ],
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                    "minimum_should_match": "2<75%",
                }
            }
        )
    return {
        "bool": {
            "should": extra
            + [
                # Analysed per language: stemming, stop words and bilingual synonyms.
                {
                    "multi_match": {
                        "query": q,
                        "fields": text_fields(),
                        "type": "best_fields",
                        "tie_breaker": 0.3,
                        "minimum_should_match": "2<75%",
                        "auto_generate_synonyms_phrase_query": synonym_phrases(),
                        "boost": 3,
                    }
                },
                # Typo tolerance: one accent-folded field holding titles, summaries and
                # labels in both languages. Fuzzy matching across every field and the
                # long bodies cost five times as much for little more recall.
                {
                    "match": {
                        "suggest": {
                            "query": q,
                            "fuzziness": "AUTO",
                            "prefix_length": 1,
                            "max_expansions": 20,
                            "minimum_should_match": "2<75%",
                        }
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def phrase_query(q: str) -> dict:
    """The words as a phrase (slop 2): ranks, finds nothing the words did not.

    Each language's fields are read with that language's index analyzer, without
    the glossary's synonyms: a phrase over a synonym graph is one phrase per path
    through it, and three glossary terms of a few phrases each ("fiscalización del
    presupuesto por el congreso") multiplied past the node's 1,024 clauses."""
    return {
        "dis_max": {
            "queries": [
                {
                    "multi_match": {
                        "query": q,
                        "fields": [f for f in text_fields() if f"_{language}^" in f],
                        "type": "phrase",
                        "slop": 2,
                        "analyzer": language,
                    }
                }
                for language in LANGUAGES
            ],
            "boost": 2,
        }
    }


def text_query(q: str, translated: str = "", corrected: str = "") -> dict:
    """The words' query with the phrase scored on every match: for requests that
    cannot rescore (rank fusion's text half, suggestions, exports)."""
    if not q:
        return {"match_all": {}}
    return {
        "bool": {
            "should": [matching_query(q, translated, corrected), phrase_query(q)],
            "minimum_should_match": 1,
        }
    }


def rescore(q: str) -> dict:
    """The phrase's score added to the first RESCORE_WINDOW matches only: the sum
    `text_query` gives them, without matching a phrase over 16 fields in every
    match."""
    return {
        "window_size": RESCORE_WINDOW,
        "query": {
            "rescore_query": phrase_query(q),
            "query_weight": 1,
            "rescore_query_weight": 1,
        },
    }


def nearest_request(vector: list[float]) -> dict:
    """The k-NN request whose hits become the vector half of a hybrid search."""
    return {
        "size": VECTOR_CANDIDATES,
        "_source": False,
        "query": {"knn": {VECTOR_FIELD: {"vector": vector, "k": VECTOR_CANDIDATES}}},
    }


def nearest_clause(vector: list[float]) -> dict:
    """The vector half as a clause of the main query: the VECTOR_CANDIDATES nearest
    practices scoring at least VECTOR_MIN_SCORE, each scored VECTOR_BOOST times its
    similarity (`min_score` applies to the boosted score)."""
    return {
        "function_score": {
            "query": {
                "knn": {VECTOR_FIELD: {"vector": vector, "k": VECTOR_CANDIDATES}}
            },
            "boost": VECTOR_BOOST,
            "min_score": VECTOR_BOOST * VECTOR_MIN_SCORE,
        }
    }


def close_enough(hits: list[dict]) -> dict[str, float]:
    return {
        hit["_id"]: hit["_score"] for hit in hits if hit["_score"] >= VECTOR_MIN_SCORE
    }


def vector_query(neighbours: dict[str, float]) -> dict:
    if not neighbours:
        return {"match_none": {}}  # an empty bool would match everything
    return {
        "bool": {
            "should": [
                {
                    "constant_score": {
                        "filter": {"ids": {"values": [doc_id]}},
                        "boost": round(VECTOR_BOOST * score, 4),
                    }
                }
                for doc_id, score in neighbours.items()
            ]
        }
    }


def hybrid_query(words: dict, neighbours: dict[str, float] | list[float]) -> dict:
    """Score fusion: the words' score plus the neighbour's scaled similarity. The
    neighbours are the query vector (one request: `nearest_clause`) or the ids and
    scores a k-NN request found before (two requests)."""
    if not neighbours:
        return words
    nearest = (
        vector_query(neighbours)
        if isinstance(neighbours, dict)
        else nearest_clause(neighbours)
    )
    return {"bool": {"should": [words, nearest], "minimum_should_match": 1}}


def text_ranking_request(filters: SearchFilters) -> dict:
    """The text half alone, for rank fusion: ids of its first RRF_WINDOW matches."""
    return {
        "query": text_query(filters.q),
        "post_filter": {"bool": {"filter": list(facet_clauses(filters).values())}},
        "size": RRF_WINDOW,
        "_source": False,
    }


def reciprocal_rank_fusion(*rankings: list[str]) -> dict[str, float]:
    fused: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking, start=1):
            fused[doc_id] += 1 / (RRF_K + rank)
    return dict(fused)


def fused_query(q: str, fused: dict[str, float], neighbours: dict[str, float]) -> dict:
    """Rank fusion: matches are the text matches and the neighbours, as in
    `hybrid_query`; the score is the fused one (text matches past the window: 0)."""
    return {
        "bool": {
            "should": [
                {"constant_score": {"filter": text_query(q), "boost": 0}},
                {
                    "constant_score": {
                        "filter": {"ids": {"values": list(neighbours)}},
                        "boost": 0,
                    }
                },
                *(
                    {
                        "constant_score": {
                            "filter": {"ids": {"values": [doc_id]}},
                            "boost": round(score * 1000, 4),
                        }
                    }
                    for doc_id, score in fused.items()
                ),
            ],
            "minimum_should_match": 1,
        }
    }


def facet_clauses(filters: SearchFilters) -> dict[str, dict]:
    clauses = {
        facet: {"terms": {facet: list(filters.values(facet))}}
        for facet in FACET_NAMES
        if filters.values(facet)
    }
    year_range = {}
    if filters.year_from is not None:
        year_range["gte"] = filters.year_from
    if filters.year_to is not None:
        year_range["lte"] = filters.year_to
    if year_range:
        in_range = {"range": {"year": year_range}}
        clauses["year"] = (
            {"bool": {"should": [in_range, UNDATED_CLAUSE], "minimum_should_match": 1}}
            if filters.includes_undated
            else in_range
        )
    if filters.documented:
        clauses[DOCUMENTED] = DOCUMENTED_CLAUSE
    return clauses


# Practices whose results are documented (practices/evidence.py): a filter with a count.
DOCUMENTED = "documented"
DOCUMENTED_CLAUSE = {"term": {"documented_results": True}}
# Practices without a start year: counted beside the years, kept by a year range
# unless the reader leaves them out (SearchFilters.includes_undated).
UNDATED = "undated"
UNDATED_CLAUSE = {"bool": {"must_not": {"exists": {"field": "year"}}}}
# Counted with another aggregation, under the same selections: the undated with
# the years (all selections but the years').
COMPANIONS = {"year": {UNDATED: {"missing": {"field": "year"}}}}
# "México primero": a Mexican practice's score counts this many times, so among
# equally relevant results Mexico's come first (and browsing lists them first).
MEXICO_FIRST_WEIGHT = 2.0

# The facets (and years) nobody selected all count under every selection: they share
# one filter aggregation under this name, so that filter runs once, not once each.
UNSELECTED = "unselected"


def _all_but(clauses: dict[str, dict], excluded: str | None) -> dict:
    others = [clause for name, clause in clauses.items() if name != excluded]
    return {"bool": {"filter": others}} if others else {"match_all": {}}


def aggregations(clauses: dict[str, dict]) -> dict:
    """Counts per facet value and per year; each counted under every selection but
    its own (`facet_buckets` reads them)."""
    counted = {
        facet: {"terms": {"field": facet, "size": FACET_BUCKET_LIMIT}}
        for facet in FACET_NAMES
    }
    counted["year"] = {
        "histogram": {"field": "year", "interval": 1, "min_doc_count": 1}
    }
    counted[DOCUMENTED] = {"filter": DOCUMENTED_CLAUSE}
    aggs = {
        name: {
            "filter": _all_but(clauses, name),
            "aggs": {name: counted[name], **COMPANIONS.get(name, {})},
        }
        for name in clauses
    }
    unselected = {}
    for name, agg in counted.items():
        if name not in clauses:
            unselected |= {name: agg, **COMPANIONS.get(name, {})}
    if unselected:
        aggs[UNSELECTED] = {"filter": _all_but(clauses, None), "aggs": unselected}
    return aggs


def facet_buckets(response_aggregations: dict, name: str) -> list[dict]:
    """The buckets of one facet (or `year`) from a response to `aggregations`."""
    group = response_aggregations.get(name) or response_aggregations[UNSELECTED]
    return group[name]["buckets"]


def documented_count(response_aggregations: dict) -> int:
    """How many practices with documented results the other selections leave."""
    group = response_aggregations.get(DOCUMENTED) or response_aggregations[UNSELECTED]
    return group[DOCUMENTED]["doc_count"]


def undated_count(response_aggregations: dict) -> int:
    """How many practices without a start year the selections but the years leave."""
    group = response_aggregations.get("year") or response_aggregations[UNSELECTED]
    return group[UNDATED]["doc_count"]


def weighted(query: dict, weights: list[tuple[dict, float]]) -> dict:
    """`query`, each match's score multiplied by the weight of every filter it
    passes (the others leave it as it is)."""
    if not weights:
        return query
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": f, "weight": w} for f, w in weights],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def mexico_first(query: dict) -> dict:
    return weighted(query, [({"term": {"country": "MX"}}, MEXICO_FIRST_WEIGHT)])


# Related practices: how much sharing each part of a place or the level weighs.
NEARBY_WEIGHTS = {"country": 2.0, "subdivision": 1.5, "level": 1.5}


def nearby_first(query: dict, near: dict[str, str | None]) -> dict:
    """`query`, its scores multiplied for practices that share the country, state
    or government level in `near`: an official copies from places like theirs."""
    return weighted(
        query,
        [
            ({"term": {name: value}}, NEARBY_WEIGHTS[name])
            for name, value in near.items()
            if value and name in NEARBY_WEIGHTS
        ],
    )


def sort_clause(sort: str) -> list:
    if sort == "newest":
        return [{"year": {"order": "desc", "missing": "_last"}}, "_score"]
    if sort == "oldest":
        return [{"year": {"order": "asc", "missing": "_last"}}, "_score"]
    return ["_score", {"year": {"order": "desc", "missing": "_last"}}]


def highlight(lang: str) -> dict:
    """Snippets of the summary and body, the only highlights a result shows (titles
    are shown plain); both languages, as a result may be shown in either."""
    other = "en" if lang == "es" else "es"
    fields = {}
    for language in (lang, other):
        fields[f"summary_{language}"] = {"number_of_fragments": 0}
        fields[f"body_{language}"] = {"fragment_size": 160, "number_of_fragments": 2}
    return {**HIGHLIGHT_TAGS, "encoder": "html", "fields": fields}


def did_you_mean(q: str) -> dict:
    """The phrase suggester's section of a search: at most one rewording of the
    words, each word within two edits of a word the repertory holds."""
    return {
        "text": q,
        "did_you_mean": {
            "phrase": {
                "field": "suggest",
                "size": 1,
                "gram_size": 1,
                "confidence": 1.0,
                "max_errors": 2,
                "direct_generator": [
                    {
                        "field": "suggest",
                        "suggest_mode": "always",
                        "min_word_length": 3,
                    }
                ],
            }
        },
    }


def match_strength_request(q: str, translated: str = "") -> dict:
    """How many practices the words alone match, and how well the best one does:
    what a suggestion is weighed against the query by. The phrase is a rescore of
    the first matches, as in the search itself: scored on every match
    (`text_query`) it cost the engine about twice as much for the same count and,
    but for rare ties, the same best score (`python -m bench.suggestion_cost`)."""
    return {
        "query": matching_query(q, translated),
        "rescore": rescore(q),
        "size": 1,
        "_source": False,
        "track_total_hits": True,
    }


def build_search_request(
    filters: SearchFilters,
    query: dict | None = None,
    translated: str = "",
    *,
    rescored: bool = True,
) -> dict:
    """The search. `query` (which practices match, how they rank) defaults to the
    words'; `translated` is the query machine-translated (SEARCH_QUERY_TRANSLATION).
    By relevance, the phrase is scored as a rescore of the first matches
    (`rescored`; text scores only), else on every match; sorted by year, not at
    all. With words, the phrase suggester's rewording comes with the answer."""
    clauses = facet_clauses(filters)
    by_score = filters.sort in ("relevance", "mexico")
    rescoring = bool(filters.q) and rescored and by_score
    corrected = key_term_correction(filters)
    words = (
        matching_query(filters.q, translated, corrected)
        if rescoring or not by_score
        else text_query(filters.q, translated, corrected)
    )
    ranked = query or words
    body = {
        "query": mexico_first(ranked) if filters.sort == "mexico" else ranked,
        "post_filter": {"bool": {"filter": list(clauses.values())}},
        "aggs": aggregations(clauses),
        "sort": sort_clause(filters.sort),
        "from": filters.offset,
        "size": filters.page_size,
        "track_total_hits": True,
        "_source": [
            "id",
            "urls",
            "titles",
            "summaries",
            *MACHINE_SOURCE,
            "original_language",
            "language",
            "country",
            "region",
            "theme",
            "level",
            "type",
            "year",
            "evidence",
            "outcome",
            "documented_results",
        ],
    }
    if filters.q:
        body["highlight"] = highlight(filters.lang)
        body["suggest"] = did_you_mean(filters.q)
        if rescoring:
            body["rescore"] = rescore(filters.q)
            # A rescore cannot follow a sort on a field: the year no longer breaks
            # ties between equal scores.
            del body["sort"]
    return body
