"""Reading a search's first ten as parts of their scores (search/evaluation/
attribution.py): the words' clauses split per field, people's text apart from
machine translations, intruders told from the relevant.

Pure logic (no node, no database)."""

import pytest

from search.evaluation.attribution import Attribution, named_clauses, score_parts
from search.query import TIE_BREAKER, matching_query

pytestmark = pytest.mark.unit


def test_each_clause_of_the_words_is_named_per_field_and_by_what_it_matches():
    words = matching_query(
        "registro de cabildreos", "register of cabildreos", "registro de cabilderos"
    )
    body = {
        "query": {"bool": {"should": [words, {"knn": {}}]}},
        "rescore": {"query": {"rescore_query": {"dis_max": {}}}},
    }
    named = named_clauses(
        words, body, "register of cabildreos", "registro de cabilderos"
    )
    names = [
        clause.get("multi_match", clause.get("bool", {})).get("_name")
        for clause in named
    ]
    assert "corrected.0|title_es" in names
    assert "translated.1|body_mt_en" in names
    assert "words.2|summary_en" in names
    assert names[-3:] == ["typo|", "vector|", "rescore|"]
    one = next(c["multi_match"] for c in named if "multi_match" in c)
    assert len(one["fields"]) == 1


def test_a_clause_scores_its_best_field_and_a_share_of_the_others():
    parts = score_parts(
        {
            "words.2|body_en": 10.0,
            "words.2|body_mt_es": 4.0,
            "translated.1|title_mt_es": 6.0,
            "vector|": 18.0,
        }
    )
    assert parts["words people"] == 10.0
    assert parts["words machine"] == pytest.approx(4.0 * TIE_BREAKER)
    assert parts["translated machine"] == 6.0
    assert parts["vector"] == 18.0


def test_an_intruder_is_a_non_relevant_practice_above_a_relevant_one():
    attributed = Attribution()
    attributed.add(
        [False, True, False],
        [
            {"words machine": 5.0},
            {"words people": 9.0, "translated machine": 1.0},
            {"vector": 18.0},
        ],
    )
    assert attributed.counts == {"intruder": 1, "relevant": 1, "other": 1}
    assert attributed.only_machine["intruder"] == 1
    assert attributed.vector_only["other"] == 1
    assert attributed.mostly_machine["relevant"] == 0
    assert attributed.table()[1].startswith("intruder")
