"""Binary-relevance scores of one ranked list."""

import math


def ndcg_at(ranked: list[str], relevant: frozenset[str], k: int = 10) -> float:
    gains = sum(
        1 / math.log2(position + 2)
        for position, item in enumerate(ranked[:k])
        if item in relevant
    )
    ideal = sum(
        1 / math.log2(position + 2) for position in range(min(k, len(relevant)))
    )
    return gains / ideal if ideal else 0.0


def recall_at(ranked: list[str], relevant: frozenset[str], k: int = 50) -> float:
    """Share of the relevant records found in the first k, out of at most k."""
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & relevant) / min(k, len(relevant))
