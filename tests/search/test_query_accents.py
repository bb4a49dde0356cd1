"""Spanish typed without accents is given them back before Apertium translates it:
its dictionary knows "transformación", not "transformacion", and passed such a
word through untranslated ("transformacion Digital of the government")."""

import pytest
from django.http import QueryDict

from practices.translation import ApertiumTranslator, spanish_with_accents
from practices.translation.apertium import warm_analyser, warm_pipeline
from search import ranking
from search.filters import parse_filters
from search.synonyms import fold

pytestmark = pytest.mark.django_db  # translations are kept in the queries cache


@pytest.fixture(autouse=True)
def _apertium(settings, monkeypatch):
    if not ApertiumTranslator().status().ok:
        pytest.skip("Apertium with apertium-en-es is not installed")
    settings.SEARCH_QUERY_TRANSLATION = True
    # A pipeline's first answer waits for Apertium to start: on a loaded machine
    # that passes a search's 2 s, and the words would go untranslated.
    for pipeline in (warm_pipeline("es", "en"), warm_analyser("es")):
        monkeypatch.setattr(pipeline, "timeout", 30)


def translation(query: str) -> str:
    return fold(ranking.query_translation(parse_filters(QueryDict(query))))


@pytest.mark.parametrize(
    ("typed", "accented"),
    [
        ("transformacion digital del gobierno", "transformación digital del gobierno"),
        ("conflictos de interes", "conflictos de interés"),
        ("participacion de jovenes", "participación de jóvenes"),
        ("politica fiscal", "política fiscal"),
        ("tramites en linea", "trámites en línea"),
    ],
)
def test_words_the_dictionary_knows_only_accented_get_their_accents(typed, accented):
    assert spanish_with_accents(typed) == accented


def test_words_typed_as_the_dictionary_knows_them_stay_as_typed():
    assert spanish_with_accents("información pública") == "información pública"
    assert spanish_with_accents("datos abiertos") == "datos abiertos"
    # A noun (bells) though "campañas" is likelier: not second-guessed.
    assert spanish_with_accents("campanas") == "campanas"


def test_verb_forms_alone_can_be_spelt_again():
    assert spanish_with_accents("educacion publica", unknown_words=False) == (
        "educacion pública"
    )


def test_a_verb_form_typed_for_an_accented_noun_or_adjective_gets_its_accent():
    assert spanish_with_accents("educacion publica") == "educación pública"
    assert spanish_with_accents("tramites") == "trámites"
    assert spanish_with_accents("como publicar el presupuesto") == (
        "como publicar el presupuesto"
    )


def test_an_unaccented_query_is_translated_as_the_accented_one(monkeypatch):
    monkeypatch.setattr(ranking, "QUERY_ACCENTS_RESTORED", True)
    assert translation("q=transformacion+digital+del+gobierno&lang=es") == translation(
        "q=transformación+digital+del+gobierno&lang=es"
    )
    assert "interest" in translation("q=conflictos+de+interes&lang=es").split()


def test_as_mapped_unaccented_words_pass_through_untranslated():
    """`QUERY_ACCENTS_RESTORED` off (measured, docs/search.md seventh wave)."""
    assert (
        "transformacion"
        in translation("q=transformacion+digital+del+gobierno&lang=es").split()
    )
