"""The words clauses' field weights re-fitted offline: a clause scored again from
its fields' scores as the node's `best_fields` scores it, the candidates
re-ranked under other field multiples, and the per-field request built from the
named words clauses. Pure logic (no node)."""

import numpy as np
import pytest

from search import query as search_query
from search.evaluation.clause_scores import field_clauses, word_clauses
from search.evaluation.clause_weights import Candidate, QueryCandidates
from search.evaluation.field_weights import (
    FieldModel,
    best_fields,
    field_group,
    field_key,
    fields_today,
    fit,
    oracle_bound,
    random_multiples,
)
from search.query import matching_query

pytestmark = pytest.mark.unit


def node_score(per_field: dict[str, float], clause_boost: float) -> float:
    """What the node scores a best_fields clause from its fields at boost 1."""
    today = fields_today()
    boosted = np.array([today[f] * s for f, s in per_field.items()])
    return clause_boost * float(best_fields(boosted))


def candidate(key: str, per_field: dict[str, float], **others: float) -> Candidate:
    scores = {field_key("typed", f): s for f, s in per_field.items()}
    scores["typed"] = node_score(per_field, search_query.WORDS_BOOST)
    return Candidate(key, scores | others)


def query(candidates, relevant, half="tuning"):
    return QueryCandidates(
        kind="english",
        half=half,
        q="open data",
        relevant=frozenset(relevant),
        candidates=tuple(candidates),
    )


def test_best_fields_is_the_best_field_and_a_share_of_the_others():
    assert best_fields(np.array([4.0, 1.0, 2.0])) == pytest.approx(4.0 + 0.3 * 3.0)


def test_machine_fields_form_their_own_groups():
    assert field_group("title_es") == "title"
    assert field_group("title_mt_en") == "title_mt"
    assert field_group("body_en") == "body"


def test_todays_multiples_score_the_words_as_the_node_did():
    model = FieldModel(
        [query([candidate("a", {"title_es": 2.0, "body_mt_en": 5.0})], ["a"])]
    )
    assert model.recomposition_misses() == (0, 1)
    fq = model.queries[0]
    today = model.first_pass(fq, model.today()[None, :])[0]
    assert today == pytest.approx(fq.query.candidates[0].scores["typed"])


def test_a_lighter_machine_body_ranks_the_title_match_first():
    """A practice found only through the machine-translated body ("in line with")
    outranks one whose title holds the words until that group weighs less."""
    machine = candidate("machine", {"body_mt_en": 10.0})
    title = candidate("title", {"title_en": 1.0})
    model = FieldModel([query([machine, title], ["title"])])
    fq = model.queries[0]
    lighter = model.today().copy()
    lighter[model.groups.index("body_mt")] = 0.25
    scores = model.ndcgs(fq, np.array([model.today(), lighter]))
    assert scores[0] < 1.0
    assert scores[1] == pytest.approx(1.0)
    assert oracle_bound(model, [fq], random_multiples(50, len(model.groups))) == 1.0
    fitted = fit(model, [fq])
    assert model.ndcgs(fq, fitted[None, :])[0] == pytest.approx(1.0)


def test_other_clauses_are_kept_as_scored():
    """A candidate without per-field scores (a question's cross_fields clause)
    keeps its node score under any multiples."""
    kept = Candidate("kept", {"typed": 7.0, "vector": 20.0})
    model = FieldModel([query([kept], ["kept"])])
    zero = np.zeros((1, len(model.groups)))
    assert model.first_pass(model.queries[0], zero)[0] == pytest.approx([27.0])


def test_each_best_fields_words_clause_is_asked_per_field_at_boost_one():
    words = word_clauses(
        matching_query("open data", translated="datos abiertos"), corrected=""
    )
    clauses = field_clauses({"bool": {"should": [words]}})
    names = {options["_name"] for c in clauses for options in c["match"].values()}
    fields = list(fields_today())
    assert names == {
        field_key(clause, f) for clause in ("typed", "translated") for f in fields
    }
    assert all(
        "boost" not in options for c in clauses for options in c["match"].values()
    )
    across = word_clauses(matching_query("open data", across_fields=True), "")
    assert field_clauses({"bool": {"should": [across]}}) == []
