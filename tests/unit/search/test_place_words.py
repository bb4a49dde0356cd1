"""How many of the words a search under a place requires (search/ranking.py,
PLACE_WORDS_REQUIRED and PLACE_ANY_WORD_BOOST; docs/search.md, seventh wave)."""

import pytest
from django.test import override_settings

from search.filters import SearchFilters
from search.query import WORDS_REQUIRED
from search.ranking import matched_words

pytestmark = pytest.mark.unit

IN_PARAGUAY = {"country": ("PY",)}


def multi_matches(query: dict) -> list[dict]:
    """Every multi_match of a query, depth first."""
    found = []
    if isinstance(query, dict):
        for key, value in query.items():
            if key == "multi_match":
                found.append(value)
            else:
                found += multi_matches(value)
    elif isinstance(query, list):
        for value in query:
            found += multi_matches(value)
    return found


def required_of(query: dict) -> set[str]:
    return {m["minimum_should_match"] for m in multi_matches(query)}


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_under_a_place_the_words_required_are_todays_unless_switched():
    words = matched_words(SearchFilters(q="compras abiertas", selected=IN_PARAGUAY), "")
    assert required_of(words.query()) == {WORDS_REQUIRED}
    assert words.query()["bool"]["minimum_should_match"] == 1


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_any_word_under_a_place_relaxes_the_words_but_not_the_typo_clause(
    monkeypatch,
):
    monkeypatch.setattr("search.ranking.PLACE_WORDS_REQUIRED", "1")
    in_place = matched_words(
        SearchFilters(q="compras abiertas", selected=IN_PARAGUAY), ""
    ).query()
    anywhere = matched_words(SearchFilters(q="compras abiertas"), "").query()
    assert required_of(in_place) == {"1"}
    assert required_of(anywhere) == {WORDS_REQUIRED}
    typo = next(c for c in in_place["bool"]["should"] if "match" in c)
    assert typo["match"]["suggest"]["minimum_should_match"] == WORDS_REQUIRED


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_any_word_after_the_words_under_a_place_only(monkeypatch):
    monkeypatch.setattr("search.ranking.PLACE_ANY_WORD_BOOST", 0.1)
    in_place = matched_words(
        SearchFilters(q="compras abiertas", selected=IN_PARAGUAY), ""
    ).query()
    anywhere = matched_words(SearchFilters(q="compras abiertas"), "").query()
    words, any_word = in_place["bool"]["should"]
    assert in_place["bool"]["minimum_should_match"] == 1
    assert required_of(words) == {WORDS_REQUIRED}
    assert any_word["bool"]["boost"] == 0.1
    assert {m["minimum_should_match"] for m in multi_matches(any_word)} == {"1"}
    assert required_of(anywhere) == {WORDS_REQUIRED}
    assert "boost" not in anywhere["bool"]
