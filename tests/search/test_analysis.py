"""Per-language analysis on the real node: accents folded, plurals and stems matched."""

import pytest

from search.client import get_client
from search.indexer import alias_name

from .helpers import search, titles

pytestmark = pytest.mark.django_db


def _tokens(analyzer: str, text: str) -> list[str]:
    response = get_client().indices.analyze(
        index=alias_name(), body={"analyzer": analyzer, "text": text}
    )
    return [token["token"] for token in response["tokens"]]


def test_spanish_analysis_folds_accents_stems_and_drops_stop_words(corpus):
    assert _tokens("es", "Participación de las colonias") == ["participacion", "coloni"]
    assert _tokens("es", "colonia") == _tokens("es", "colonias")
    assert _tokens("es", "presupuestos") == _tokens("es", "presupuesto")


def test_english_analysis_stems_plurals(corpus):
    assert _tokens("en", "budgets") == _tokens("en", "budget")
    assert _tokens("en", "the registers") == ["register"]


def test_a_query_without_accents_finds_accented_text(corpus):
    assert "Datos abiertos de obra pública en Jalisco" in titles(
        search("q=obra+publica")
    )


def test_singular_finds_plural_in_spanish(corpus):
    assert "Presupuestos participativos en Zapopan" in titles(
        search("q=presupuesto+participativo")
    )


def test_typos_are_tolerated(corpus):
    assert "Protección de denunciantes en la contraloría estatal" in titles(
        search("q=proteccion+denunciantez")
    )
    assert "Beneficial ownership register" in titles(
        search("q=benefical+ownrship&lang=en")
    )


def test_drafts_are_never_found(corpus):
    assert search("q=borrador+secreto").total == 0
