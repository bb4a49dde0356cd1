"""Search matches each glossary phrase its words name as a phrase too (the practice
finder's named glossary phrases): accented or not, through a typo's correction,
and not when the words are that phrase and nothing more.

Pure logic (the glossary file; no node, no database)."""

import pytest
from django.test import override_settings

from search.filters import SearchFilters
from search.query import KEY_PHRASE_BOOST
from search.ranking import TEXT, matched_words

pytestmark = pytest.mark.unit


def _phrase_clauses(q: str) -> list[dict]:
    query = TEXT.ranked(SearchFilters(q=q), translated="").query
    return [
        clause["multi_match"]
        for clause in query["bool"]["should"]
        if clause.get("multi_match", {}).get("type") == "phrase"
    ]


@pytest.mark.parametrize(
    "q",
    [
        "participación ciudadana en el parlamento",
        "participacion ciudadana en el parlamento",
        "PARTICIPACIÓN CIUDADANA en el parlamento",
    ],
)
def test_a_named_glossary_phrase_is_matched_as_a_phrase_with_or_without_accents(q):
    (clause,) = _phrase_clauses(q)
    assert clause["query"] == "participacion ciudadana"
    assert clause["boost"] == KEY_PHRASE_BOOST
    # Every language's fields: the search analyzers add the English phrases.
    assert {"title_es^4", "title_en^4", "body_mt_en^0.5"} <= set(clause["fields"])


def test_words_that_are_one_glossary_phrase_and_nothing_more_get_no_phrase_clause():
    """The words' clause (with the phrase's synonyms) and the phrase rescore match
    those already."""
    assert _phrase_clauses("presupuesto participativo") == []
    assert _phrase_clauses("consulta pública de proyectos de ley") == []


def test_phrases_of_either_language_are_named_whatever_the_reader_s_language():
    words = matched_words(
        SearchFilters(q="open data y datos abiertos municipales", lang="es"), ""
    )
    assert set(words.key_phrases) == {"open data", "datos abiertos"}


@override_settings(SEARCH_KEY_TERM_TYPOS=True)
def test_a_misspelt_phrase_is_named_through_its_correction():
    (clause,) = _phrase_clauses("registro de cabildreos del congreso")
    assert clause["query"] == "registro de cabilderos"


def test_a_question_names_the_phrases_of_what_it_asks():
    clauses = _phrase_clauses(
        "¿cómo evitar conflictos de interés en las compras del gobierno?"
    )
    assert {c["query"] for c in clauses} == {
        "conflictos de interes",
        "compras del gobierno",
    }
