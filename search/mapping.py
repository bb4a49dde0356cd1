"""The practices index: analysis and field mapping, versioned as data.

One document per practice (a translation group): the text of each language goes
into fields analysed for that language; facets are keyword fields holding slugs
and ISO codes, one per facet of the registry (practices/facets.py). Bump
MAPPING_VERSION whenever the analysis or the fixed fields change; `search rebuild`
creates an index of the new version and swaps the alias to it. The index name also
carries a digest of the mapping, so a new facet shows in it without a bump.
"""

import hashlib
import json

from practices.facets import FACETS

MAPPING_VERSION = 11
LANGUAGES = ("es", "en")
# The glossary's areas and themes a practice is about (search/glossary_areas.py).
AREAS_FIELD = "glossary_areas"
THEMES_FIELD = "glossary_themes"
TEXT_FIELDS = ("title", "summary", "body", "terms")
# The fields a result's snippets are highlighted from (search/query.py `highlight`).
# Their postings keep each word's character offsets, so the unified highlighter reads
# them instead of analysing the text again: at 100,000 practices highlighting cost
# 2.6-3.5 ms a search instead of 4.5-12.6, for a 4% larger index (`python -m
# bench.mapping_variant --variant offsets`, docs/capacity.md).
HIGHLIGHTED_FIELDS = ("summary", "body")
# Machine translations of a single-language practice: `<field>_mt_<language>`.
MACHINE_FIELDS = ("title", "summary", "body")
# The practice's problem statement (its `problem` section), also inside `body`: its
# own fields, per language and machine-translated, let the finder match an
# official's problem against the problem a practice addressed.
PROBLEM_FIELD = "problem"
# Sentence vectors (search/vectors.py) of each practice's title and summary, searched
# by the k-NN plugin with Lucene's HNSW graphs; absent when the node lacks the plugin.
VECTOR_FIELD = "vector"
VECTOR_DIMENSIONS = 512
# Passage vectors: besides that one vector, a vector for each passage of the
# practice (its title and summary, each body section: search/document_builder.py
# `passage_texts`) in a nested field, so that a k-NN query over it scores a practice
# by its nearest passage (search/ranking.py `VECTOR_PASSAGES`). Measured against
# the one vector on the harness and not kept (docs/search.md, sixth wave): off, so
# indices carry no such field; switched on, a new index carries it.
PASSAGE_FIELD = "passages"
PASSAGE_VECTORS = False
STEMMERS = {"es": "light_spanish", "en": "light_english"}
STOPWORDS = {"es": "_spanish_", "en": "_english_"}
# Where Lucene's light Spanish stemmer lets a singular and its plural part: it leaves
# words under five letters alone ("dato", "obra") but stems their plurals ("datos"
# -> "dat", "obras" -> "obr"), and it takes "-es" off "interes" but only "-es" off
# "intereses". These run before it, so both forms meet (tests/search/test_analysis.py).
SPANISH_PLURAL_FORMS = {
    "es_short_words": {
        "type": "pattern_replace",
        "pattern": "^([a-z]{3})[aeo]$",
        "replacement": "$1",
    },
    "es_eses_plurals": {
        "type": "pattern_replace",
        "pattern": "^([a-z]{3,})eses$",
        "replacement": "$1es",
    },
}
LANGUAGE_FILTERS = {"es": list(SPANISH_PLURAL_FORMS), "en": []}
# BM25's parameters for a kind of text field (its own and machine-translated
# fields, per language, and their folded copies), by the field's name in
# TEXT_FIELDS or PROBLEM_FIELD: {"k1": ..., "b": ...}. A field not named here is
# scored by OpenSearch's default BM25 (k1 1.2, b 0.75). A change here changes the
# index settings, not the mapping's digest: bump MAPPING_VERSION with it.
BM25_BY_FIELD: dict[str, dict[str, float]] = {}
DEFAULT_BM25 = {"k1": 1.2, "b": 0.75}


def similarity_name(field: str) -> str:
    return f"{field}_bm25"


def similarities(by_field: dict[str, dict[str, float]]) -> dict:
    """The index's `similarity` settings for BM25_BY_FIELD (or a variant of it)."""
    return {
        similarity_name(field): {"type": "BM25", **DEFAULT_BM25, **parameters}
        for field, parameters in by_field.items()
    }


def index_settings(synonym_rules: list[str], with_vectors: bool = False) -> dict:
    analysis = {
        "filter": {
            "bilingual_synonyms": {
                "type": "synonym_graph",
                "synonyms": synonym_rules or ["gobierno abierto, open government"],
                "lenient": True,
            },
            "autocomplete_edges": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
        },
        "analyzer": {
            "folded": {
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            },
            "autocomplete_index": {
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "autocomplete_edges"],
            },
        },
    }
    analysis["filter"].update(SPANISH_PLURAL_FORMS)
    for language in LANGUAGES:
        analysis["filter"][f"{language}_stop"] = {
            "type": "stop",
            "stopwords": STOPWORDS[language],
            "ignore_case": True,
        }
        analysis["filter"][f"{language}_stemmer"] = {
            "type": "stemmer",
            "language": STEMMERS[language],
        }
        base = ["lowercase", "asciifolding"]
        tail = [
            f"{language}_stop",
            *LANGUAGE_FILTERS[language],
            f"{language}_stemmer",
        ]
        analysis["analyzer"][language] = {
            "tokenizer": "standard",
            "filter": base + tail,
        }
        analysis["analyzer"][f"{language}_search"] = {
            "tokenizer": "standard",
            "filter": base + ["bilingual_synonyms"] + tail,
        }
    settings = {
        "number_of_shards": 1,
        "number_of_replicas": 0,
        "max_result_window": 10_000,
        "analysis": analysis,
    }
    if BM25_BY_FIELD:
        settings["similarity"] = similarities(BM25_BY_FIELD)
    if with_vectors:
        settings["knn"] = True
    return settings


def _text_field(
    language: str, *, highlighted: bool = False, kind: str | None = None
) -> dict:
    """A text field of `language`; `kind`: its name in TEXT_FIELDS or PROBLEM_FIELD,
    whose BM25 parameters (BM25_BY_FIELD) it is scored with."""
    folded = {"type": "text", "analyzer": "folded"}
    field = {
        "type": "text",
        "analyzer": language,
        "search_analyzer": f"{language}_search",
        "fields": {"folded": folded},
    }
    if kind in BM25_BY_FIELD:
        field["similarity"] = folded["similarity"] = similarity_name(kind)
    if highlighted:
        field["index_options"] = "offsets"
    return field


def vector_field() -> dict:
    return {
        "type": "knn_vector",
        "dimension": VECTOR_DIMENSIONS,
        # The integ-test distribution has no faiss/nmslib native libraries.
        "method": {
            "name": "hnsw",
            "engine": "lucene",
            "space_type": "cosinesimil",
            # Lucene's scalar quantizer: the graph is searched over int8 copies of
            # the vectors. At 100,000 practices a k-NN search took a fifth less,
            # the graph built three times faster, recall the same, the index 4%
            # larger (`python -m bench.knn_graph`, docs/capacity.md).
            "parameters": {"encoder": {"name": "sq"}},
        },
    }


def index_mappings(with_vectors: bool = False) -> dict:
    properties: dict = {
        "id": {"type": "keyword"},
        "urls": {"type": "object", "enabled": False},
        "titles": {"type": "object", "enabled": False},
        "summaries": {"type": "object", "enabled": False},
        "machine_titles": {"type": "object", "enabled": False},
        "machine_summaries": {"type": "object", "enabled": False},
        "machine_urls": {"type": "object", "enabled": False},
        "original_language": {"type": "keyword"},
        "year": {"type": "integer"},
        "end_year": {"type": "integer"},
        "documented_results": {"type": "boolean"},
        "published_at": {"type": "date"},
        "page_ids": {"type": "integer"},
        "title_autocomplete": {
            "type": "text",
            "analyzer": "autocomplete_index",
            "search_analyzer": "folded",
        },
        "suggest": {"type": "text", "analyzer": "folded"},
        AREAS_FIELD: {"type": "keyword"},
        THEMES_FIELD: {"type": "keyword"},
    }
    for facet in FACETS:
        properties[facet.name] = {"type": "keyword"}
    for field in TEXT_FIELDS:
        for language in LANGUAGES:
            properties[f"{field}_{language}"] = _text_field(
                language, highlighted=field in HIGHLIGHTED_FIELDS, kind=field
            )
    for field in (*MACHINE_FIELDS, PROBLEM_FIELD):
        for language in LANGUAGES:
            properties[f"{field}_mt_{language}"] = _text_field(language, kind=field)
    for language in LANGUAGES:
        properties[f"{PROBLEM_FIELD}_{language}"] = _text_field(
            language, kind=PROBLEM_FIELD
        )
    if with_vectors:
        properties[VECTOR_FIELD] = vector_field()
        if PASSAGE_VECTORS:
            properties[PASSAGE_FIELD] = {
                "type": "nested",
                "properties": {VECTOR_FIELD: vector_field()},
            }
    return {"dynamic": "strict", "properties": properties}


def mapping_digest() -> str:
    """Eight hex digits that change whenever the mapping does."""
    text = json.dumps(index_mappings(), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:8]
