"""Weighing a rewording: the counts decide, the best scores only on a tie. Pure logic
(no node)."""

import pytest

from search.suggestion import (
    BETTER_MATCH,
    decided_by_counts,
    matches_better,
    suggestion_wins,
)


def hits(total: int, max_score: float | None) -> dict:
    return {"total": {"value": total}, "max_score": max_score}


@pytest.mark.parametrize(
    "asked, offered, expected",
    [(3, 7, True), (7, 3, False), (0, 2, True), (2, 0, False), (0, 0, False)],
)
def test_different_counts_or_none_decide_without_scores(asked, offered, expected):
    assert decided_by_counts(asked, offered) is expected


def test_as_many_practices_leave_it_to_the_scores():
    assert decided_by_counts(5, 5) is None


def test_the_rewording_must_match_clearly_better_on_a_tie():
    assert matches_better(10.0, 10.0 * BETTER_MATCH + 0.1)
    assert not matches_better(10.0, 10.0 * BETTER_MATCH)
    assert not matches_better(None, None)


@pytest.mark.parametrize(
    "asked, offered, expected",
    [
        (hits(3, 50.0), hits(4, 1.0), True),  # more, however weak
        (hits(4, 1.0), hits(3, 50.0), False),  # fewer, however strong
        (hits(4, 10.0), hits(4, 13.0), True),
        (hits(4, 10.0), hits(4, 11.0), False),
        (hits(0, None), hits(0, None), False),
    ],
)
def test_the_hits_sections_are_weighed_the_same_way(asked, offered, expected):
    assert suggestion_wins(asked, offered) is expected
