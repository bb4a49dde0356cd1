"""What the judgements allow a ranking: ideal re-orderings, what is never returned,
what holds none of the query's words. Pure logic (no node)."""

import math

import pytest

from search.evaluation.ceiling import (
    QueryReach,
    ceiling_table,
    ideal_ndcg,
    ndcg_of_positions,
    query_ceiling,
    reachable_ideal_ndcg,
)
from search.evaluation.metrics import ndcg_at


def dcg(positions):
    return sum(1 / math.log2(p + 2) for p in positions)


def reach(**changes) -> QueryReach:
    fields = dict(
        kind="english",
        half="held-out",
        q="open data",
        country="",
        relevant=frozenset({"r1", "r2", "r3", "r4"}),
        # r3 returned past the first two; r4 never returned.
        ranked=("x1", "r1", "x2", "r2", "r3"),
        returned=frozenset({"x1", "r1", "x2", "r2", "r3", "x3"}),
        reachable=frozenset({"x1", "r1", "x2", "r2", "x3", "x4"}),
        near=frozenset({"r3", "x1"}),
    )
    return QueryReach(**(fields | changes))


def test_positions_score_as_the_harness_ndcg_scores_the_same_ranking():
    relevant = frozenset({"a", "b", "c"})
    ranking = ["x", "a", "y", "b", "z", "c"]
    positions = [i for i, item in enumerate(ranking) if item in relevant]
    assert ndcg_of_positions(positions, 3) == pytest.approx(ndcg_at(ranking, relevant))


def test_the_ideal_ranks_what_was_found_first_out_of_all_relevant():
    assert ideal_ndcg(3, 3) == pytest.approx(1.0)
    assert ideal_ndcg(12, 40) == pytest.approx(1.0)  # ten relevant fill the ten
    assert ideal_ndcg(2, 4) == pytest.approx(dcg([0, 1]) / dcg(range(4)))
    assert ideal_ndcg(0, 4) == 0.0
    assert ideal_ndcg(0, 0) == 0.0


def test_the_word_ranker_ranks_unreachable_relevant_after_every_reachable_one():
    # 2 of 4 relevant hold a word, among 6 practices that do: the other two
    # relevant come at positions 6 and 7, still inside the first ten.
    assert reachable_ideal_ndcg(2, 6, 4) == pytest.approx(
        dcg([0, 1, 6, 7]) / dcg(range(4))
    )
    # Among 30 reachable practices they fall past the tenth: they count nothing.
    assert reachable_ideal_ndcg(2, 30, 4) == pytest.approx(dcg([0, 1]) / dcg(range(4)))
    assert reachable_ideal_ndcg(4, 30, 4) == pytest.approx(1.0)
    # Nothing holds a word: the relevant ones may still lead an arbitrary order.
    assert reachable_ideal_ndcg(0, 0, 4) == pytest.approx(1.0)


def test_a_query_ceiling_splits_the_gap_into_ranking_and_recall():
    c = query_ceiling(reach(), depth=3)
    assert (c.relevant, c.returned, c.with_words) == (4, 6, 6)
    assert c.ours == pytest.approx(dcg([1, 3, 4]) / dcg(range(4)))
    # Today's first three hold r1 only; all it returns hold r1, r2, r3.
    assert c.ideal_top == pytest.approx(dcg([0]) / dcg(range(4)))
    assert c.ideal_all == pytest.approx(dcg([0, 1, 2]) / dcg(range(4)))
    assert c.ours <= c.ideal_all
    assert c.unreturned == pytest.approx(1 / 4)  # r4
    assert c.unreachable == pytest.approx(2 / 4)  # r3, r4
    assert c.reachable_ideal == pytest.approx(dcg([0, 1, 6, 7]) / dcg(range(4)))
    assert c.below_floor == pytest.approx(3 / 4)  # r1, r2, r4
    assert c.neither == pytest.approx(1 / 4)  # r4


def test_without_vectors_the_vector_columns_are_left_blank():
    c = query_ceiling(reach(near=None), depth=50)
    assert c.below_floor is None and c.neither is None
    line = ceiling_table([c], "held-out")[1]
    assert line.split()[-2:] == ["-", "-"]


def test_the_table_has_a_row_per_kind_present_and_one_for_all_of_a_half():
    rows = [
        query_ceiling(reach(relevant=frozenset({"r1"})), 50),
        query_ceiling(reach(kind="spanish"), 50),
        query_ceiling(reach(kind="spanish", half="tuning"), 50),
    ]
    lines = ceiling_table(rows, "held-out")
    assert [line.split()[0] for line in lines[1:]] == ["english", "spanish", "all"]
    # n, then the relevant count's mean and median over the half's two queries.
    assert lines[-1].split()[1:4] == ["2", "2.5", "2.5"]
