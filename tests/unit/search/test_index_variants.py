"""BM25's parameters per kind of text field (search/mapping.py `BM25_BY_FIELD`) and
the harness's index variants (search/evaluation/similarity.py), as settings."""

import pytest

from search import mapping
from search.evaluation.similarity import (
    FIELD_KINDS,
    IndexVariant,
    every_field_named,
    variant_settings,
)

pytestmark = pytest.mark.unit


def test_as_mapped_every_text_field_is_scored_by_the_default_bm25():
    properties = mapping.index_mappings()["properties"]
    assert "similarity" not in mapping.index_settings([])
    assert not [
        name
        for name, spec in properties.items()
        if "similarity" in spec
        or "similarity" in spec.get("fields", {}).get("folded", {})
    ]


def test_each_kind_of_text_field_names_its_own_similarity(monkeypatch):
    monkeypatch.setattr(mapping, "BM25_BY_FIELD", {"title": {"b": 0.3}, "problem": {}})
    properties = mapping.index_mappings()["properties"]
    for name in ("title_es", "title_mt_en", "problem_es", "problem_mt_es"):
        kind = name.split("_")[0]
        assert properties[name]["similarity"] == f"{kind}_bm25"
        assert properties[name]["fields"]["folded"]["similarity"] == f"{kind}_bm25"
    assert "similarity" not in properties["body_es"]
    assert mapping.index_settings([])["similarity"] == {
        "title_bm25": {"type": "BM25", "k1": 1.2, "b": 0.3},
        "problem_bm25": {"type": "BM25", "k1": 1.2, "b": 0.75},
    }


def test_a_variant_sets_every_kind_and_leaves_the_rest_at_the_defaults():
    settings = variant_settings(IndexVariant({"body": {"k1": 2}}))
    assert set(settings["similarity"]) == {f"{kind}_bm25" for kind in FIELD_KINDS}
    assert settings["similarity"]["body_bm25"] == {"type": "BM25", "k1": 2, "b": 0.75}
    assert settings["similarity"]["title_bm25"] == {
        "type": "BM25",
        "k1": 1.2,
        "b": 0.75,
    }
    assert set(every_field_named()) == set(FIELD_KINDS)


def test_the_default_variant_puts_the_search_analyzers_back_as_mapped():
    analyzers = mapping.index_settings([])["analysis"]["analyzer"]
    searching = variant_settings(IndexVariant())["analysis"]["analyzer"]
    assert searching == {name: analyzers[name] for name in ("es_search", "en_search")}


def test_both_stop_words_follow_each_language_s_own():
    searching = variant_settings(IndexVariant(both_stop_words=True))["analysis"][
        "analyzer"
    ]
    english = searching["en_search"]["filter"]
    assert english[english.index("en_stop") + 1] == "es_stop"
    spanish = searching["es_search"]["filter"]
    assert spanish[spanish.index("es_stop") + 1] == "en_stop"


def test_an_unknown_kind_of_field_is_refused():
    with pytest.raises(ValueError, match="summaries"):
        variant_settings(IndexVariant({"summaries": {"b": 0}}))
