"""Per-language analysis on the real node: accents folded, plurals and stems matched."""

import pytest

from search.client import get_client
from search.indexer import alias_name
from search.mapping import index_settings

from .helpers import search, titles, tokens_of_each

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


ANALYZERS = list(index_settings([])["analysis"]["analyzer"])
ACCENTED = (
    "Participación ciudadana: información pública, órganos de fiscalización, "
    "niñas y jóvenes indígenas en línea, régimen de auditoría, países"
)
UNACCENTED = (
    "Participacion ciudadana: informacion publica, organos de fiscalizacion, "
    "ninas y jovenes indigenas en linea, regimen de auditoria, paises"
)
SINGULAR_AND_PLURAL = [
    ("dato abierto", "datos abiertos"),
    ("obra pública", "obras públicas"),
    ("conflicto de interés", "conflictos de intereses"),
    ("declaración patrimonial", "declaraciones patrimoniales"),
    ("beneficiario final", "beneficiarios finales"),
    ("servidor público", "servidores públicos"),
    ("licitación", "licitaciones"),
    ("contraloría municipal", "contralorías municipales"),
    ("país", "países"),
    ("ley", "leyes"),
    ("voz", "voces"),
    ("régimen", "regímenes"),
    ("mes", "meses"),
]


@pytest.mark.parametrize("analyzer", ANALYZERS)
def test_every_analyzer_gives_unaccented_spanish_the_tokens_of_accented(
    glossary_index, analyzer
):
    accented, unaccented = tokens_of_each(
        glossary_index, analyzer, [ACCENTED, UNACCENTED]
    )
    assert accented == unaccented


@pytest.mark.parametrize("analyzer", [a for a in ANALYZERS if a.startswith("es")])
@pytest.mark.parametrize("singular, plural", SINGULAR_AND_PLURAL)
def test_spanish_singular_and_plural_meet(glossary_index, analyzer, singular, plural):
    """Every analyzer of Spanish text: the index analyzer gives both the same
    tokens, the search analyzer gives both the tokens the singular is indexed with
    (besides synonyms, which may differ: "municipal" is also an English term). The
    English analyzers meet Spanish words through the glossary's synonyms
    (tests/search/test_glossary.py), the folded one through fuzzy matching."""
    one, many = tokens_of_each(glossary_index, analyzer, [singular, plural])
    (indexed,) = tokens_of_each(glossary_index, "es", [singular])
    assert indexed <= one and indexed <= many
    if analyzer == "es":
        assert one == many
