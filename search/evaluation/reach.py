"""What reaches a judged query's relevant practices, asked of the evaluation index.

- **Returned**: every practice today's search returns (its whole result set, not a
  page), ranked as the search ranks.
- **Reachable by words**: every practice holding any of the words the search
  matches (as typed, a question's topic, the machine translation, the key terms
  corrected) in any text field of either language (people's text and machine
  translations), each field's words as the index analysed them and the query's as
  that field's search analyzer does (glossary synonyms included), or one of the
  typed words within the search's own fuzzy distance in the suggester's field.
  Stop words count for nothing. A practice outside it holds none of the query's
  words: no ranker that matches words can find it.
- **Near**: every practice whose vector lies at or above the vector half's lowest
  floor (cos 0.2, or 0.14 under a selection: search/ranking.py).
"""

from dataclasses import replace

import numpy as np

from ..client import get_client
from ..filters import SearchFilters, parse_filters
from ..indexer import alias_name
from ..mapping import (
    LANGUAGES,
    MACHINE_FIELDS,
    PROBLEM_FIELD,
    TEXT_FIELDS,
    VECTOR_FIELD,
)
from ..node import run_search
from ..query import build_search_request, facet_clauses, typo_tolerant_match
from ..ranking import (
    FILTERED_VECTOR_MIN_SCORE,
    SELECTION_FLOOR,
    VECTOR_MIN_SCORE,
    chosen_ranking,
    matched_words,
    query_translation,
    vector_words,
)
from ..vectors import query_vector
from .ceiling import QueryReach
from .judgements import JudgedQuery

# More than the evaluation index holds (558): every match, in one request.
EVERY_MATCH = 10_000
# A fuzzy word's expansions: many more than the search's own 20, so that no word
# within its distance is missed.
FUZZY_EXPANSIONS = 1000
SHORTEST_FUZZY = 3  # the search's fuzziness AUTO leaves shorter words exact


def search_filters(query: JudgedQuery, page_size: int) -> SearchFilters:
    """The filters a judged query is searched with."""
    params = {"q": [query.q], "lang": [query.lang], "page_size": [str(page_size)]}
    if query.country:
        params["country"] = [query.country]
    return parse_filters(params)


def query_reach(
    query: JudgedQuery,
    ranked: list[str],
    identifiers: dict[str, str],
    vectors: dict[str, np.ndarray] | None,
) -> QueryReach:
    """`ranked`: today's first results (source ids); `identifiers`: index id ->
    source id; `vectors`: index id -> practice vector (`practice_vectors`)."""
    filters = search_filters(query, page_size=1)

    def source_ids(ids) -> frozenset[str]:
        return frozenset(identifiers[i] for i in ids if i in identifiers)

    near = None
    if vectors is not None:
        near = source_ids(near_practices(filters, vectors))
    return QueryReach(
        kind=query.kind,
        half=query.half,
        q=query.q,
        country=query.country,
        relevant=query.relevant,
        ranked=tuple(ranked),
        returned=source_ids(returned_practices(filters)),
        reachable=source_ids(reachable_practices(filters)),
        near=near,
    )


def returned_practices(filters: SearchFilters) -> list[str]:
    """Every practice the search returns for `filters`, in its order."""
    ranked = chosen_ranking().ranked(filters)
    body = build_search_request(replace(filters, page=1), ranked)
    for part in ("aggs", "highlight", "suggest"):
        body.pop(part, None)
    body.update({"from": 0, "size": EVERY_MATCH, "_source": False})
    response = run_search(body)
    hits = response["hits"]["hits"]
    if len(hits) != response["hits"]["total"]["value"]:
        raise RuntimeError("the search returned more practices than one request")
    return [hit["_id"] for hit in hits]


def matched_texts(filters: SearchFilters) -> list[str]:
    """The texts the search matches words from: as typed, a question's topic, the
    machine translation and the key terms corrected."""
    words = matched_words(filters, query_translation(filters))
    texts = [filters.q, words.q, words.translated, words.corrected, words.phrase]
    return list(dict.fromkeys(text for text in texts if text))


def language_fields(language: str) -> list[str]:
    """Every text field of `language`, people's and machine-translated."""
    machine = (*MACHINE_FIELDS, PROBLEM_FIELD)
    return [f"{field}_{language}" for field in (*TEXT_FIELDS, PROBLEM_FIELD)] + [
        f"{field}_mt_{language}" for field in machine
    ]


def analysed(texts: list[str], analyzer: str) -> set[str]:
    """The tokens `analyzer` of the evaluation index makes of `texts`."""
    if not texts:
        return set()
    response = get_client().indices.analyze(
        index=alias_name(), body={"analyzer": analyzer, "text": texts}
    )
    return {token["token"] for token in response["tokens"]}


def search_analyzer(language: str) -> str:
    return f"{language}_search"


def fuzzy_words(filters: SearchFilters) -> list[str]:
    """The typed words (and a question's topic) the search matches fuzzily in the
    suggester's field, but none a language's analysis drops as a stop word."""
    words = matched_words(filters, "")
    typed = sorted(analysed(list({filters.q, words.q}), "folded"))
    return [
        word
        for word in typed
        if len(word) >= SHORTEST_FUZZY
        and all(analysed([word], language) for language in LANGUAGES)
    ]


def reachable_practices(filters: SearchFilters) -> list[str]:
    """Every practice (that the selections leave) holding any of the query's
    words, exactly after analysis or within the search's fuzzy distance."""
    texts = matched_texts(filters)
    should = []
    for language in LANGUAGES:
        tokens = sorted(analysed(texts, search_analyzer(language)))
        if tokens:
            should += [
                {"terms": {field: tokens}} for field in language_fields(language)
            ]
    fuzzy = typo_tolerant_match("")["match"]["suggest"]
    for word in fuzzy_words(filters):
        should.append(
            {
                "fuzzy": {
                    "suggest": {
                        "value": word,
                        "fuzziness": fuzzy["fuzziness"],
                        "prefix_length": fuzzy["prefix_length"],
                        "max_expansions": FUZZY_EXPANSIONS,
                    }
                }
            }
        )
    if not should:
        return []
    body = {
        "query": {
            "bool": {
                "should": should,
                "minimum_should_match": 1,
                "filter": list(facet_clauses(filters).values()),
            }
        },
        "size": EVERY_MATCH,
        "_source": False,
    }
    return [hit["_id"] for hit in run_search(body)["hits"]["hits"]]


def practice_vectors() -> dict[str, np.ndarray] | None:
    """Every practice's vector from the index, normalised; None without vectors."""
    body = {"query": {"match_all": {}}, "size": EVERY_MATCH, "_source": [VECTOR_FIELD]}
    hits = run_search(body)["hits"]["hits"]
    vectors = {
        hit["_id"]: np.asarray(hit["_source"][VECTOR_FIELD], dtype=np.float32)
        for hit in hits
        if hit.get("_source", {}).get(VECTOR_FIELD)
    }
    if not vectors:
        return None
    return {key: vector / np.linalg.norm(vector) for key, vector in vectors.items()}


def vector_floor(filters: SearchFilters) -> float:
    """The lowest cosine the vector half keeps: the search's scores are
    (1 + cos) / 2."""
    lowest = VECTOR_MIN_SCORE
    if facet_clauses(filters):
        lowest = min(lowest, FILTERED_VECTOR_MIN_SCORE, SELECTION_FLOOR)
    return 2 * lowest - 1


def near_practices(filters: SearchFilters, vectors: dict[str, np.ndarray]) -> list[str]:
    """Practices whose vector's cosine to the query's (made as the search makes it:
    `vector_words`) reaches `vector_floor`."""
    vector = query_vector(vector_words(filters.q))
    if vector is None:
        return []
    query = np.asarray(vector, dtype=np.float32)
    query /= np.linalg.norm(query)
    floor = vector_floor(filters)
    return [key for key, v in vectors.items() if float(v @ query) >= floor]
