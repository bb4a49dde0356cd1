"""Each candidate's score per clause of today's request (search/evaluation/
clause_scores.py), asked of the real node over the shared small repertory: the
named clauses add up to the node's score, and today's weights re-rank the
candidates as the search ranks them."""

import pytest

from search.evaluation.clause_scores import query_candidates
from search.evaluation.clause_weights import TODAY, reranked
from search.evaluation.field_weights import FieldModel
from search.evaluation.judgements import JudgedQuery

from .helpers import search

pytestmark = pytest.mark.django_db

QUERIES = [
    # The words, their translation, the typo-tolerant match, the vector half.
    ("spanish", "es", "presupuesto participativo", ""),
    # A misspelt key term corrected.
    ("misspelled", "es", "proteccion de denunsiantes", ""),
    # Under a country: the selection's nearest (a dis_max of k-NN clauses).
    ("filtered", "es", "datos abiertos", "MX"),
    # A question: its topic matched, the word share in the rescore.
    ("question", "es", "¿cómo publicar los contratos de obra pública del estado?", ""),
]


@pytest.mark.parametrize(("kind", "lang", "q", "country"), QUERIES)
def test_clauses_add_up_and_todays_weights_rank_as_the_search(
    corpus, kind, lang, q, country
):
    judged = JudgedQuery(kind, lang, q, country, (), frozenset())
    querystring = f"q={q}&lang={lang}" + (f"&country={country}" if country else "")
    live = [hit.id for hit in search(querystring).results]
    # query_candidates raises when the named clauses do not add up to the score.
    candidates = query_candidates(judged, {}, live)
    assert candidates.candidates
    assert all(c.scores for c in candidates.candidates)
    assert reranked(candidates, TODAY)[: len(live)] == live


@pytest.mark.parametrize(("kind", "lang", "q", "country"), QUERIES[:2])
def test_the_words_fields_scores_recompose_the_nodes(corpus, kind, lang, q, country):
    """Each best_fields words clause, asked per field at boost 1, is scored again
    under today's field boosts as the node scored it (a country's and a question's
    words meet across fields, `cross_fields`: not asked per field)."""
    judged = JudgedQuery(kind, lang, q, country, (), frozenset())
    model = FieldModel([query_candidates(judged, {}, [])])
    misses, split = model.recomposition_misses()
    assert split
    assert misses == 0


def test_a_question_is_scored_by_its_phrase_and_word_share(corpus):
    judged = JudgedQuery(
        "question", "es", QUERIES[3][2], "", (), frozenset({"jalisco-obra"})
    )
    candidates = query_candidates(judged, {}, [])
    clauses = set().union(*(c.scores for c in candidates.candidates))
    assert {"typed", "share"} <= clauses
