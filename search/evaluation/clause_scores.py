"""Each candidate's score per clause of today's search request, asked of the
evaluation index (for `clause_weights.py`).

The request is the one the search sends (`chosen_ranking().ranked`,
`build_search_request`), its clauses named (`_name`) and its first
CANDIDATES matches asked without the rescore, with the node's score of each
named clause (`include_named_queries_score`, OpenSearch 2.13+). The rescore's
phrase, word share and area bonus are not among a hit's named queries: they are
asked in a second request, as named clauses over the candidates' ids. A third asks
each words clause's (typed, translated, corrected) score per field, one `match`
per field at boost 1 (`field_weights.py`). Offline only: the search itself sends
one request, unnamed.
"""

import copy
from dataclasses import replace

from .. import ranking
from ..filters import SearchFilters
from ..glossary_areas import OWN_TEXT_FIELDS, own_texts
from ..mapping import LANGUAGES, THEMES_FIELD
from ..node import run_search
from ..query import build_search_request
from ..ranking import chosen_ranking, matched_words
from .clause_weights import Candidate, QueryCandidates
from .field_weights import WORDS_CLAUSES, field_key
from .judgements import JudgedQuery
from .reach import EVERY_MATCH, search_filters

# More than the rescore's window, so that other weights' windows are among them.
CANDIDATES = 200
NAMED_SCORES = {"include_named_queries_score": "true"}


def named(clause: dict, name: str) -> dict:
    """`clause` with `_name` on its query (`{"multi_match": {...}}` and the like;
    a `match` names its field's query)."""
    ((kind, body),) = clause.items()
    if kind == "match":
        ((field, options),) = body.items()
        return {kind: {field: {**options, "_name": name}}}
    return {kind: {**body, "_name": name}}


def word_clauses(words_query: dict, corrected: str) -> dict:
    """`query.matching_query`'s clauses named: the words as typed, their
    translation, their correction, the typo-tolerant match, each named phrase."""
    should = words_query["bool"]["should"]
    plain = [
        i
        for i, c in enumerate(should)
        if "multi_match" in c and c["multi_match"].get("type") != "phrase"
    ]
    # matching_query's order: the correction, the translation, the words typed.
    names = {plain[-1]: "typed"}
    for i in plain[:-1]:
        is_correction = corrected and should[i]["multi_match"]["query"] == corrected
        names[i] = "corrected" if is_correction else "translated"
    renamed = []
    for i, clause in enumerate(should):
        if i in names:
            renamed.append(named(clause, names[i]))
        elif "match" in clause:
            renamed.append(named(clause, "typo"))
        else:
            renamed.append(named(clause, f"key_phrase.{i}"))
    return {"bool": {**words_query["bool"], "should": renamed}}


def named_query(query: dict, corrected: str) -> dict:
    """The ranking's query (the words', or the hybrid's words and vector) named."""
    should = query.get("bool", {}).get("should", [])
    hybrid = len(should) >= 2 and any(
        k in should[1] for k in ("function_score", "dis_max")
    )
    if not hybrid:
        return word_clauses(query, corrected)
    # The hybrid's words, its vector half, and the clauses letting in a
    # selection's practices about the query's area or theme (ranking.admitted_about).
    words, vector, *admitted = should
    return {
        "bool": {
            **query["bool"],
            "should": [
                word_clauses(words, corrected),
                named(vector, "vector"),
                *(named(clause, "admitted") for clause in admitted),
            ],
        }
    }


def named_scores(clauses: list[dict], ids: list[str]) -> dict[str, dict]:
    """The practices `ids`' score per named clause of `clauses` (by id), asked of
    the node over those practices only."""
    if not clauses or not ids:
        return {}
    body = {
        "query": {"bool": {"filter": [{"ids": {"values": ids}}], "should": clauses}},
        "size": len(ids),
        "_source": False,
    }
    hits = run_search(body, params=NAMED_SCORES)["hits"]["hits"]
    return {hit["_id"]: hit.get("matched_queries") or {} for hit in hits}


def summed(matched: dict[str, float]) -> dict[str, float]:
    """The named scores, the named phrases' added up as one clause."""
    scores: dict[str, float] = {}
    for name, score in matched.items():
        clause = name.split(".", 1)[0]
        scores[clause] = scores.get(clause, 0.0) + score
    return scores


def _scorer_name(scorer: dict) -> str:
    """A rescore scorer's clause name: the word share, the area or theme bonus."""
    if "constant_score" not in scorer:
        return "share"
    about = scorer["constant_score"]["filter"]["terms"]
    return "theme" if THEMES_FIELD in about else "area"


def rescore_scores(rescore: dict | None, ids: list[str]) -> dict[str, dict]:
    """The phrase's, word share's and area and theme bonuses' scores of each
    candidate (by id)."""
    if not rescore or not ids:
        return {}
    query = rescore["query"]["rescore_query"]
    if "bool" in query:
        phrase, *scorers = query["bool"]["should"]
        clauses = [named(phrase, "phrase")] + [
            named(scorer, _scorer_name(scorer)) for scorer in scorers
        ]
    else:
        clauses = [named(query, "phrase")]
    return named_scores(clauses, ids)


def field_clauses(named_query: dict) -> list[dict]:
    """Each `best_fields` words clause of the named query split into one named
    `match` per field at boost 1, named `field_weights.field_key(clause, field)`
    (a `cross_fields` clause is not a sum of its fields' scores: left out)."""
    words = named_query["bool"]["should"]
    if "bool" in words[0]:  # the hybrid: the words, then the vector
        words = words[0]["bool"]["should"]
    clauses = []
    for clause in words:
        body = clause.get("multi_match", {})
        name = body.get("_name")
        if name not in WORDS_CLAUSES or body.get("type") != "best_fields":
            continue
        for spec in body["fields"]:
            field = spec.split("^", 1)[0]
            options = {
                "query": body["query"],
                "_name": field_key(name, field),
            }
            for option in (
                "minimum_should_match",
                "auto_generate_synonyms_phrase_query",
            ):
                if option in body:
                    options[option] = body[option]
            clauses.append({"match": {field: options}})
    return clauses


def field_scores(named_query: dict, ids: list[str]) -> dict[str, dict]:
    """Each candidate's words clauses' score per field (by id)."""
    return named_scores(field_clauses(named_query), ids)


def query_candidates(
    query: JudgedQuery, keys: dict[str, str], live: list[str]
) -> QueryCandidates:
    """`query`'s first CANDIDATES practices with their score per clause; `keys`:
    index id -> source id; `live`: the live search's ranking (source ids)."""
    filters: SearchFilters = search_filters(query, page_size=1)
    ranked = chosen_ranking().ranked(filters)
    words = matched_words(filters, ranked.translated)
    body = build_search_request(replace(filters, page=1), ranked)
    for part in ("aggs", "highlight", "suggest", "rescore", "sort"):
        body.pop(part, None)
    asked = named_query(copy.deepcopy(ranked.query), words.corrected)
    body.update(
        {
            "query": asked,
            "from": 0,
            "size": CANDIDATES,
            "_source": False,
        }
    )
    hits = run_search(body, params=NAMED_SCORES)["hits"]["hits"]
    ids = [hit["_id"] for hit in hits]
    later = rescore_scores(ranked.rescore, ids)
    per_field = field_scores(asked, ids)
    candidates = []
    for hit in hits:
        scores = summed(hit.get("matched_queries") or {})
        total = sum(scores.values())
        if abs(total - hit["_score"]) > 1e-3 * max(1.0, hit["_score"]):
            raise RuntimeError(
                f"{query.q!r}: the named clauses add up to {total:.4f}, the node "
                f"scored {hit['_score']:.4f}: a clause is unnamed or named twice"
            )
        scores |= summed(later.get(hit["_id"], {}))
        scores |= per_field.get(hit["_id"], {})
        candidates.append(
            Candidate(
                key=keys.get(hit["_id"], hit["_id"]),
                scores=scores,
                similarity=scores.get("vector", 0.0) / ranking.VECTOR_BOOST,
            )
        )
    return QueryCandidates(
        kind=query.kind,
        half=query.half,
        q=query.q,
        relevant=query.relevant,
        candidates=tuple(candidates),
        live=tuple(live),
        corrected=words.corrected or "",
    )


def practice_texts(keys: dict[str, str]) -> dict[str, dict[str, str]]:
    """Every practice's own text (title, summary, sections; no machine
    translation) per language, by source id: what `glossary_areas` reads, for
    trying other readings of it offline."""
    fields = [f"{f}_{language}" for f in OWN_TEXT_FIELDS for language in LANGUAGES]
    body = {"query": {"match_all": {}}, "size": EVERY_MATCH, "_source": fields}
    return {
        keys.get(hit["_id"], hit["_id"]): own_texts(hit.get("_source", {}), LANGUAGES)
        for hit in run_search(body)["hits"]["hits"]
    }
