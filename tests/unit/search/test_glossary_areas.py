"""The glossary's areas and themes a practice is about and a query asks for
(search/glossary_areas.py), and the rescore's bonuses for them (search/ranking.py
AREA_BONUS, THEME_BONUS). Pure logic (no node)."""

from unittest import mock

import pytest

from search import ranking
from search.filters import SearchFilters
from search.glossary_areas import (
    AREA_MENTIONS,
    THEME_MENTIONS,
    area_mentions,
    mentions,
    practice_areas,
    practice_themes,
    query_areas,
    query_themes,
)
from search.mapping import AREAS_FIELD, THEMES_FIELD
from search.ranking import TEXT

pytestmark = pytest.mark.unit


def test_each_phrase_named_counts_for_its_area_accents_and_capitals_aside():
    mentions = area_mentions(
        "LICITACION pública: contratos firmados con proveedores del municipio"
    )
    assert mentions["procurement"] == 3


def test_the_longest_phrase_at_a_place_counts_once():
    """ "Ley de acceso a la información" is one mention, not also "acceso a la
    información"."""
    assert area_mentions("La ley de acceso a la información de Jalisco") == {
        "information": 1
    }


def test_plurals_count_as_their_phrase():
    assert (
        area_mentions("contrataciones públicas; public contracts")["procurement"] == 2
    )


def test_words_the_glossary_lacks_name_no_area():
    assert area_mentions("el festival de música del sábado") == {}


def _naming_procurement(times: int) -> str:
    return " ".join(["Se publican sus contratos."] * times)


def test_a_practice_is_about_an_area_from_so_many_mentions_in_one_language():
    about = practice_areas({"es": _naming_procurement(AREA_MENTIONS)})
    assert about == ["procurement"]
    assert practice_areas({"es": _naming_procurement(AREA_MENTIONS - 1)}) == []


def test_mentions_in_two_languages_are_not_added_up():
    """A bilingual practice says the same in both: each language is read alone."""
    english = " ".join(["The city publishes its contracts."] * (AREA_MENTIONS - 1))
    texts = {"es": _naming_procurement(AREA_MENTIONS - 1), "en": english}
    assert practice_areas(texts) == []


def test_each_language_is_read_with_its_own_phrases():
    """Spanish "mayor" is "greater", not the English "mayor" (alcalde)."""
    assert area_mentions("mayor transparencia y mayor control", "es")["government"] == 0
    assert area_mentions("the mayor and the city council", "en")["government"] == 2
    spanish_mayor = " ".join(["Una mayor apertura."] * AREA_MENTIONS)
    assert practice_areas({"es": spanish_mayor}) == []


def test_a_query_asks_for_the_areas_its_words_or_their_correction_name():
    assert query_areas("contratación abierta en Jalisco", language="es") == [
        "procurement"
    ]
    assert query_areas("cabildreo", "cabildeo", language="es") == ["integrity"]
    assert query_areas("fútbol en Zapopan", "", language="es") == []


def test_a_query_naming_no_phrase_of_its_language_is_read_in_the_other():
    """An English query typed on the Spanish site."""
    assert query_areas("open contracting", language="es") == ["procurement"]
    assert "government" not in query_areas("mayor transparencia", language="es")


@pytest.mark.parametrize(
    "question",
    [
        "¿qué hacen otros municipios para publicar sus contratos?",
        "what do other cities do about procurement?",
    ],
)
def test_a_questions_asking_words_name_no_area(question):
    """ "Otros municipios" asks for examples, not for the government area: only
    its topic's phrases name areas."""
    assert ranking.matched_words(SearchFilters(q=question), "").areas == (
        "procurement",
    )


def test_the_same_words_not_asking_name_their_area():
    filters = SearchFilters(q="contratos de otros municipios")
    assert ranking.matched_words(filters, "").areas == ("government", "procurement")


def _area_clauses(q: str, field: str = AREAS_FIELD, **ranked) -> list[dict]:
    """The bonus clauses for a practice about the query's areas (themes, with
    THEMES_FIELD): in the rescore, or beside the phrase."""
    ranked_query = TEXT.ranked(SearchFilters(q=q), translated="", **ranked)
    if ranked_query.rescore:
        query = ranked_query.rescore["query"]["rescore_query"]
    else:
        query = ranked_query.query
    should = query.get("bool", {}).get("should", [])
    return [
        clause["constant_score"]
        for clause in should
        if field in clause.get("constant_score", {}).get("filter", {}).get("terms", {})
    ]


def test_the_rescore_adds_the_bonus_for_a_practice_about_the_querys_area():
    (clause,) = _area_clauses("contratación abierta")
    assert clause["filter"]["terms"][AREAS_FIELD] == ["procurement"]
    assert clause["boost"] == ranking.AREA_BONUS > 0


def test_a_request_that_cannot_rescore_adds_it_beside_the_phrase():
    (clause,) = _area_clauses("contratación abierta", rescorable=False)
    assert clause["boost"] == ranking.AREA_BONUS


def test_no_bonus_for_words_naming_no_area_or_when_it_is_off():
    assert _area_clauses("festival de música") == []
    with mock.patch.object(ranking, "AREA_BONUS", 0):
        assert _area_clauses("contratación abierta") == []


def _hybrid_clauses(q: str, country: str = "") -> list[dict]:
    words = {"match": {"title_es": q}}
    filters = SearchFilters(q=q, selected={"country": (country,)} if country else {})
    matched = ranking.matched_words(filters, "")
    return ranking.hybrid_query(
        words,
        [0.1] * 4,
        ranking.filtered_by(filters),
        ranking.admitted_about(ranking.filtered_by(filters), matched),
    )["bool"]["should"]


def _admitted_about(clause: dict) -> dict:
    return clause["constant_score"]["filter"]["bool"]["filter"][-1]


def test_a_selections_practices_about_the_querys_theme_are_admitted():
    """Under a country, its practices about open contracting match without the
    words; not those about the broader procurement area (off)."""
    assert len(_hybrid_clauses("contratación abierta")) == 2
    words, vector, theme = _hybrid_clauses("contratación abierta", "MX")
    assert _admitted_about(theme) == {"terms": {THEMES_FIELD: ["open-contracting"]}}
    assert theme["constant_score"]["boost"] == ranking.THEME_ADMITTED > 0
    with mock.patch.object(ranking, "THEME_ADMITTED", 0):
        assert len(_hybrid_clauses("contratación abierta", "MX")) == 2


def test_switched_on_the_area_admits_them_only_under_a_selection():
    with mock.patch.multiple(ranking, AREA_ADMITTED=1.0, THEME_ADMITTED=0):
        assert len(_hybrid_clauses("contratación abierta")) == 2
        admitted = _hybrid_clauses("contratación abierta", "MX")[2]
    assert _admitted_about(admitted) == {"terms": {AREAS_FIELD: ["procurement"]}}


def test_a_practice_is_about_a_theme_from_fewer_mentions_than_an_area():
    naming = " ".join(["El congreso abre su registro de cabilderos."] * THEME_MENTIONS)
    assert "lobbying" in practice_themes({"es": naming})
    fewer = " ".join(["El registro de cabilderos."] * (THEME_MENTIONS - 1))
    assert practice_themes({"es": fewer}) == []


def test_a_phrase_without_a_theme_names_none_but_keeps_its_words():
    """ "Educación superior" belongs to no theme: it names none, and its words are
    not read again for "educación" (public services)."""
    assert mentions("educación", "es", column="theme") == {"public-services": 1}
    assert mentions("educación superior", "es", column="theme") == {}
    assert mentions("educación superior", "es", column="area") == {"services": 1}


def test_a_query_asks_for_the_theme_its_words_name_as_well_as_the_area():
    words = ranking.matched_words(SearchFilters(q="registro de cabilderos"), "")
    assert words.areas == ("integrity",)
    assert words.themes == ("lobbying",)
    assert query_themes("fútbol en Zapopan", language="es") == []


def _theme_clauses(q: str, **ranked) -> list[dict]:
    return _area_clauses(q, THEMES_FIELD, **ranked)


def test_the_rescore_adds_the_theme_bonus_beside_the_areas():
    (clause,) = _theme_clauses("registro de cabilderos")
    assert clause["filter"]["terms"][THEMES_FIELD] == ["lobbying"]
    assert clause["boost"] == ranking.THEME_BONUS > 0
    (beside_phrase,) = _theme_clauses("registro de cabilderos", rescorable=False)
    assert beside_phrase["boost"] == ranking.THEME_BONUS
    with mock.patch.object(ranking, "THEME_BONUS", 0):
        assert _theme_clauses("registro de cabilderos") == []
