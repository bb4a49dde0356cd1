"""A search's words are machine-translated from their language into the other: an
English query gets its Spanish words, not its words read as Spanish ("open data
portal" became "open Dates portal"). Their language is the reader's unless
Apertium's dictionary of the other knows more of them."""

import pytest
from django.http import QueryDict

from practices.translation import ApertiumTranslator, language_of
from search import ranking
from search.filters import parse_filters
from search.synonyms import fold

pytestmark = pytest.mark.django_db  # translations are kept in the queries cache


@pytest.fixture(autouse=True)
def _apertium(settings):
    if not ApertiumTranslator().status().ok:
        pytest.skip("Apertium with apertium-en-es is not installed")
    settings.SEARCH_QUERY_TRANSLATION = True


def translation(query: str) -> str:
    return fold(ranking.query_translation(parse_filters(QueryDict(query))))


def test_an_english_query_is_translated_into_spanish():
    assert translation("q=open+data+portal&lang=en").split() == [
        "portal",
        "de",
        "dato",
        "abierto",
    ]


def test_a_spanish_query_is_translated_into_english():
    assert translation("q=datos+abiertos&lang=es") == "open data"


def test_spanish_words_on_the_english_site_are_translated_into_english():
    assert translation("q=datos+abiertos&lang=en") == "open data"


def test_english_words_on_the_spanish_site_are_translated_into_spanish():
    assert "dato" in translation("q=open+data+portal&lang=es").split()


def test_words_neither_dictionary_knows_are_in_the_reader_s_language():
    assert language_of("xyzzyq plugh", "en") == "en"
    assert language_of("xyzzyq plugh", "es") == "es"


def test_before_every_query_went_spanish_to_english(monkeypatch):
    """What `QUERY_FROM_ITS_LANGUAGE` changed."""
    monkeypatch.setattr(ranking, "QUERY_FROM_ITS_LANGUAGE", False)
    assert translation("q=open+data+portal&lang=en") == "open dates portal"
