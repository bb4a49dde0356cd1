"""Index variants the harness measures on its one index: BM25's parameters per kind
of text field, and the search analyzers' stop words.

BM25's k1 and b are read when a search scores, not when a document is indexed (the
index keeps each field's length, whatever the parameters), and a search analyzer
reads only the query: the node takes new parameters for a named similarity, and a
new search analyzer, on a closed index. The harness builds its index with every
kind of text field under its own named similarity at OpenSearch's default
parameters, and sets each engine's variant before that engine's queries: the
variants share one build, so build noise does not separate them.
"""

from dataclasses import dataclass, field

from .. import mapping as search_mapping
from ..client import get_client
from ..indexer import ADMIN_TIMEOUT, indices_behind_alias

FIELD_KINDS = (*search_mapping.TEXT_FIELDS, search_mapping.PROBLEM_FIELD)


@dataclass(frozen=True)
class IndexVariant:
    # BM25's parameters by kind of text field; kinds left out: the default.
    bm25: dict[str, dict[str, float]] = field(default_factory=dict)
    # Each language's search analyzer also drops the other language's stop words
    # (a Spanish query's "de", "y" on English fields).
    both_stop_words: bool = False


def every_field_named() -> dict[str, dict[str, float]]:
    """BM25_BY_FIELD for the harness's index: each kind named, at the defaults."""
    return {kind: {} for kind in FIELD_KINDS}


def variant_settings(variant: IndexVariant) -> dict:
    unknown = set(variant.bm25).difference(FIELD_KINDS)
    if unknown:
        raise ValueError(f"no such kind of text field: {unknown}")
    similarity = search_mapping.similarities(
        {kind: variant.bm25.get(kind, {}) for kind in FIELD_KINDS}
    )
    analyzers = search_mapping.index_settings([])["analysis"]["analyzer"]
    searching = {}
    for language in search_mapping.LANGUAGES:
        analyzer = dict(analyzers[f"{language}_search"])
        if variant.both_stop_words:
            filters = list(analyzer["filter"])
            own = filters.index(f"{language}_stop")
            others = [
                f"{other}_stop"
                for other in search_mapping.LANGUAGES
                if other != language
            ]
            analyzer["filter"] = filters[: own + 1] + others + filters[own + 1 :]
        searching[f"{language}_search"] = analyzer
    return {"similarity": similarity, "analysis": {"analyzer": searching}}


def set_variant(variant: IndexVariant) -> None:
    """Search the index behind the alias with `variant`, closing and reopening it."""
    body = {"index": variant_settings(variant)}
    client = get_client()
    for index in indices_behind_alias():
        client.indices.close(index=index, request_timeout=ADMIN_TIMEOUT)
        try:
            client.indices.put_settings(
                index=index, body=body, request_timeout=ADMIN_TIMEOUT
            )
        finally:
            client.indices.open(
                index=index,
                params={"wait_for_active_shards": "all"},
                request_timeout=ADMIN_TIMEOUT,
            )
        client.cluster.health(
            index=index,
            wait_for_status="yellow",
            params={"timeout": f"{ADMIN_TIMEOUT}s"},
            request_timeout=ADMIN_TIMEOUT + 5,
        )
