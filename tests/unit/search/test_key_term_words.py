"""A word of the query's language is no typo of a key term: Apertium's dictionary of
the language keeps it ("protect" near the glossary's "protest"), while a true
misspelling of a term is still corrected, in English and in Spanish.

The real analyser (Debian's apertium-eng-spa), no node, no database."""

import pytest

from practices.translation import ApertiumTranslator
from search.key_terms import corrected_query

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _apertium():
    if not ApertiumTranslator().status().ok:
        pytest.skip("Apertium with apertium-en-es is not installed")


@pytest.mark.parametrize(
    "typed, language",
    [
        # "protect" is one edit from the glossary's "protest".
        ("how can we protect people who report corruption?", "en"),
        ("protect journalists", "en"),
        # "publicar" is one edit from "publicas", "institución" two from
        # "institucional".
        ("¿cómo publicar los contratos de obra pública del municipio?", "es"),
        ("institución anticorrupción", "es"),
    ],
)
def test_a_word_of_the_language_is_not_corrected(typed, language):
    assert corrected_query(typed, language) == ""


@pytest.mark.parametrize(
    "typed, language, meant",
    [
        ("transparencai", "en", "transparency"),
        ("lobying register", "en", "lobbying register"),
        ("presupusto participativo", "es", "presupuesto participativo"),
        ("registro de cabildreos", "es", "registro de cabilderos"),
        ("registro de cabilderso", "es", "registro de cabilderos"),
        # Apertium reads "beneficiar" + "os" (to benefit you): a join is no word.
        ("beneficiaros finales", "es", "beneficiarios finales"),
        # Asked as typed: with an accent restored it would be a word ("púbicas").
        ("contrataciones pubicas", "es", "contrataciones publicas"),
        # Punctuation around a word is no part of it: a question is corrected too.
        ("¿registro de cabildreos?", "es", "registro de cabilderos"),
        ("transparencai, please", "en", "transparency please"),
        ("«lobying» register", "en", "lobbying register"),
    ],
)
def test_a_misspelt_key_term_is_still_corrected(typed, language, meant):
    assert corrected_query(typed, language) == meant


def test_without_the_dictionary_a_word_near_a_term_is_corrected():
    """What the dictionary prevents (`KEY_TERMS_KEEP_WORDS` off)."""
    assert corrected_query("protect journalists", "en", keep_words=False) == (
        "protest journalists"
    )
    assert corrected_query("institución anticorrupción", "es", keep_words=False) == (
        "institucional anticorrupcion"
    )
