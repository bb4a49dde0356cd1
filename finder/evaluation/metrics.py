"""Graded relevance: nDCG with the gains the judged set gives."""

import math


def ndcg_at(ranked: list[str], grades: dict[str, int], k: int = 5) -> float:
    """nDCG@k with gain 2^grade - 1 (a 3 counts seven times a 1)."""
    gains = sum(
        (2 ** grades.get(item, 0) - 1) / math.log2(position + 2)
        for position, item in enumerate(ranked[:k])
    )
    best = sorted(grades.values(), reverse=True)[:k]
    ideal = sum(
        (2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(best)
    )
    return gains / ideal if ideal else 0.0
