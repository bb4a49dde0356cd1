"""The rescore's share of the query's words: a practice holding most of them ranks
above one sharing a single word. Pure logic (no node)."""

from unittest import mock

import pytest
from django.test import override_settings

from search import ranking
from search.filters import SearchFilters
from search.ranking import TEXT

# The ranking's own: the share for questions only (the last test).
KEPT = {
    "WORD_SHARE_WEIGHT": ranking.WORD_SHARE_WEIGHT,
    "WORD_SHARE_QUESTIONS_ONLY": ranking.WORD_SHARE_QUESTIONS_ONLY,
}
# For every query of 3 words or more, as measured.
WEIGHT = 20


@pytest.fixture(autouse=True)
def _share_for_every_query():
    with mock.patch.multiple(
        ranking,
        WORD_SHARE_WEIGHT=WEIGHT,
        WORD_SHARE_QUESTIONS_ONLY=False,
        AREA_BONUS=0,
        THEME_BONUS=0,
    ):
        yield


def _rescore_query(q: str) -> dict:
    return TEXT.ranked(SearchFilters(q=q), translated="").rescore["query"][
        "rescore_query"
    ]


def _share(q: str) -> dict[str, float]:
    """Each word the share counts, with what holding it adds."""
    _phrase, share = _rescore_query(q)["bool"]["should"]
    counted = {}
    for clause in share["bool"]["should"]:
        words = clause["constant_score"]["filter"]["multi_match"]
        counted[words["query"]] = clause["constant_score"]["boost"]
        assert not any(f.startswith("body") for f in words["fields"])
    return counted


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_the_first_matches_gain_by_the_share_of_the_querys_words_they_hold():
    share = _share("trámites y servicios públicos en línea")
    assert share == dict.fromkeys(
        ["tramites", "servicios", "publicos", "linea"], WEIGHT / 4
    )


@override_settings(SEARCH_KEY_TERM_TYPOS=True)
def test_a_misspelt_key_term_counts_as_corrected():
    assert "cabilderos" in _share("registro de cabildreos del congreso")


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_off_the_phrase_alone_rescores():
    with mock.patch.object(ranking, "WORD_SHARE_WEIGHT", 0):
        assert set(_rescore_query("trámites y servicios públicos")) == {"dis_max"}


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_two_words_are_rescored_by_the_phrase_alone():
    assert set(_rescore_query("mejora regulatoria")) == {"dis_max"}
    assert set(_rescore_query("conflictos de interés")) == {"dis_max"}


@override_settings(SEARCH_KEY_TERM_TYPOS=False)
def test_the_ranking_rescores_questions_alone_by_the_share():
    with mock.patch.multiple(ranking, **KEPT):
        assert set(_rescore_query("trámites y servicios públicos")) == {"dis_max"}
        assert _share("¿cómo publicar los contratos de obra pública?") == (
            dict.fromkeys(
                ["contratos", "obra", "publica"], KEPT["WORD_SHARE_WEIGHT"] / 3
            )
        )
