"""Practices like one practice, for its page: alike in text and classification,
places like it first."""

from .indexer import alias_name
from .labels import facet_labels
from .node import SearchUnavailable, run_search
from .query import nearby_first, text_fields
from .results import HIT_SOURCE, PracticeHit, practice_hit


def related_practices(
    translation_key: str, lang: str, size: int = 4, *, near: dict | None = None
) -> list[PracticeHit]:
    """Practices most alike in text and classification, those that share the place
    and government level in `near` (`{"country": "MX", "subdivision": "MX-JAL",
    "level": "state"}`) first among alike ones; [] when search is down."""
    alike = {
        "more_like_this": {
            "fields": [f.split("^")[0] for f in text_fields()] + ["theme", "type"],
            "like": [{"_index": alias_name(), "_id": str(translation_key)}],
            "min_term_freq": 1,
            "min_doc_freq": 1,
            "max_query_terms": 40,
        }
    }
    body = {
        "size": size,
        "query": nearby_first(alike, near or {}),
        "_source": list(HIT_SOURCE),
    }
    try:
        response = run_search(body)
    except SearchUnavailable:
        return []
    labels = facet_labels()
    return [practice_hit(hit, lang, labels) for hit in response["hits"]["hits"]]
