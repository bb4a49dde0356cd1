"""Typo tolerance on key terms: a misspelt glossary term is read as the term, so its
synonyms, and the practices written in the other language, are found."""

import json

import pytest
from django.http import QueryDict

from search.filters import parse_filters
from search.key_terms import corrected_query, edit_distance
from search.ranking import chosen_ranking

from .helpers import search, titles


@pytest.mark.parametrize(
    "typed, language, meant",
    [
        ("declaraciones patrimoniles", "es", "declaraciones patrimoniales"),
        ("registro de cabildreos", "es", "registro de cabilderos"),
        ("beneficiaros finales", "es", "beneficiarios finales"),
        ("transparensia presupuestaria", "es", "transparencia presupuestaria"),
        ("conflict of intrest", "en", "conflict of interest"),
        ("whistelblower", "en", "whistleblower"),
    ],
)
def test_a_misspelt_glossary_term_is_corrected(typed, language, meant):
    assert corrected_query(typed, language) == meant


@pytest.mark.parametrize(
    "typed, language",
    [
        ("datos abiertos", "es"),  # glossary words
        ("opne data", "en"),  # too short to tell a typo from another word
        ("transparensia", "en"),  # a Spanish term, searched as English
        ("xyzzyq plugh", "es"),  # near nothing
    ],
)
def test_words_that_are_terms_short_or_near_none_stay_as_they_are(typed, language):
    assert corrected_query(typed, language) == ""


def test_a_swap_of_neighbouring_letters_is_one_edit():
    assert edit_distance("cabildreos", "cabilderos", 2) == 1
    assert edit_distance("abc", "xyz", 1) == 2  # stops past the limit


@pytest.mark.django_db
def test_a_typo_in_a_spanish_key_term_still_finds_the_english_practice(
    corpus, settings
):
    settings.SEARCH_KEY_TERM_TYPOS = True
    assert "Beneficial ownership register" in titles(
        search("q=registro+de+beneficiaros+finales")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("knn_request", ["inline", "separate"])
def test_the_hybrid_ranking_matches_the_corrected_key_terms(
    corpus, settings, knn_request
):
    """Vectors on, the words' query still holds the misspelt term corrected, with
    the k-NN clause inside the request or asked for first."""
    settings.SEARCH_KEY_TERM_TYPOS = True
    settings.SEARCH_VECTOR_REQUEST = knn_request
    filters = parse_filters(QueryDict("q=registro+de+beneficiaros+finales"))
    ranked = chosen_ranking().ranked(filters)
    assert "registro de beneficiarios finales" in json.dumps(ranked.query)
