"""The clause weights re-fitted offline: candidates re-ranked under other weights
as the search would rank them, and coordinate ascent finding a better weight.
Pure logic (no node)."""

from search.evaluation.clause_scores import summed, word_clauses
from search.evaluation.clause_weights import (
    TODAY,
    Candidate,
    QueryCandidates,
    cross_validated_gains,
    fit,
    load,
    mean_ndcg,
    reranked,
    save,
)
from search.query import matching_query


def query(candidates, relevant, half="tuning", kind="english"):
    return QueryCandidates(
        kind=kind,
        half=half,
        q="open data",
        relevant=frozenset(relevant),
        candidates=tuple(candidates),
        live=tuple(c.key for c in candidates),
    )


def test_todays_weights_keep_the_first_pass_order_and_rescore_the_window():
    """Under today's weights the first pass sums the clauses; the phrase is added
    to the first `window` only, so a later candidate with a strong phrase stays
    behind."""
    candidates = [
        Candidate("a", {"typed": 10.0}),
        Candidate("b", {"typed": 8.0, "phrase": 5.0}),
        Candidate("c", {"typed": 1.0, "phrase": 50.0}),
    ]
    assert reranked(query(candidates, []), TODAY, window=3) == ["c", "b", "a"]
    assert reranked(query(candidates, []), TODAY, window=2) == ["b", "a", "c"]


def test_a_lighter_translation_ranks_the_words_typed_first():
    """A candidate ranked first by its translation's clause falls below one
    matching the words typed once the translation weighs half."""
    candidates = [
        Candidate("translated", {"translated": 12.0, "typed": 1.0}),
        Candidate("typed", {"typed": 9.0}),
    ]
    lighter = TODAY.with_multiple("translated", 0.5)
    assert reranked(query(candidates, []), TODAY) == ["translated", "typed"]
    assert reranked(query(candidates, []), lighter) == ["typed", "translated"]


def test_the_vector_offset_weighs_a_vector_match_less_than_its_likeness():
    """An offset subtracted from the similarity (from 0.6 up today) lets a text
    match without the vector half pass a loose neighbour; between two
    neighbours it changes nothing."""
    candidates = [
        Candidate("loose", {"vector": 30 * 0.62, "typed": 1.0}, similarity=0.62),
        Candidate("words", {"typed": 12.0}),
        Candidate("near", {"vector": 30 * 0.9}, similarity=0.9),
    ]
    offset = TODAY.__class__(multiples=TODAY.multiples, vector_offset=0.55)
    assert reranked(query(candidates, []), TODAY) == ["near", "loose", "words"]
    assert reranked(query(candidates, []), offset) == ["words", "near", "loose"]


def test_the_fit_finds_the_weight_that_ranks_the_relevant_first():
    """Every query's relevant practice is the one its translation matches weakly
    and its words strongly; a weight of 0.5 or less on the translation puts it
    first, and the fit finds one while leaving the words typed at 1."""
    queries = []
    for n in range(6):
        queries.append(
            query(
                [
                    Candidate(f"wrong{n}", {"translated": 20.0 + n, "typed": 2.0}),
                    Candidate(f"right{n}", {"translated": 4.0, "typed": 12.0}),
                ]
                + [Candidate(f"other{n}.{i}", {"typed": 1.0}) for i in range(10)],
                {f"right{n}"},
            )
        )
    before = mean_ndcg(queries, TODAY)
    fitted = fit(queries, clauses=("typed", "translated"), offsets=())
    assert fitted.multiples["typed"] == 1
    assert fitted.multiples["translated"] <= 0.5
    assert mean_ndcg(queries, fitted) == 1.0 > before


def test_the_fit_keeps_todays_weights_when_nothing_gains():
    """Ties keep today's weights: a fit on queries already ranked perfectly moves
    nothing."""
    queries = [
        query(
            [Candidate("r", {"typed": 5.0, "vector": 20.0}, 0.67)]
            + [Candidate(f"o{i}", {"typed": 1.0}) for i in range(5)],
            {"r"},
        )
    ]
    assert fit(queries) == TODAY


def test_saved_scores_load_as_they_were(tmp_path):
    """The scores a run saves are fitted again from the file."""
    queries = [query([Candidate("a", {"typed": 1.5, "vector": 18.0}, 0.6)], {"a"})]
    path = tmp_path / "scores.json"
    save(queries, path, 30)
    assert load(path) == (queries, 30)


def test_cross_validation_gains_nothing_where_today_ranks_perfectly():
    """Fitted on half of queries already ranked perfectly, weights gain nothing on
    the other half."""
    queries = [
        query(
            [Candidate(f"r{n}", {"typed": 5.0, "translated": 1.0})]
            + [Candidate(f"o{n}.{i}", {"typed": 1.0}) for i in range(5)],
            {f"r{n}"},
        )
        for n in range(6)
    ]
    assert cross_validated_gains(queries, splits=2) == [0.0] * 4


def test_the_request_clauses_are_named_by_what_they_match():
    """The words typed, their translation and correction, the typo-tolerant match
    and each named glossary phrase get their own name (a `match` names its
    field's query), so the node scores each."""
    query_json = matching_query(
        "proteccion de denunsiantes",
        "whistleblower protection",
        "proteccion de denunciantes",
        key_phrases=("proteccion de denunciantes", "whistleblower protection"),
    )
    should = word_clauses(query_json, "proteccion de denunciantes")["bool"]["should"]
    names = [
        clause["match"]["suggest"]["_name"]
        if "match" in clause
        else clause["multi_match"]["_name"]
        for clause in should
    ]
    assert names == [
        "corrected",
        "translated",
        "typed",
        "typo",
        "key_phrase.4",
        "key_phrase.5",
    ]
    assert summed({"typed": 2.0, "key_phrase.4": 0.5, "key_phrase.5": 0.25}) == {
        "typed": 2.0,
        "key_phrase": 0.75,
    }


def test_every_clause_weight_is_a_constant_the_request_reads(monkeypatch):
    """The harness's engines vary the clause weights by patching constants
    (search/evaluation/runner.py `_ours_with_constants`): each reaches the
    request."""
    from search import query as search_query

    for name, value in (("WORDS_BOOST", 5), ("TYPO_BOOST", 1.25)):
        monkeypatch.setattr(search_query, name, value)
    monkeypatch.setattr(search_query, "PHRASE_BOOST", 2.5)
    should = matching_query("datos abiertos")["bool"]["should"]
    assert should[0]["multi_match"]["boost"] == 5
    assert should[1]["match"]["suggest"]["boost"] == 1.25
    assert (
        search_query.rescore("datos abiertos")["query"]["rescore_query"]["dis_max"][
            "boost"
        ]
        == 2.5
    )
