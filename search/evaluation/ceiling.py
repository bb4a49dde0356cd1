"""What the judgements allow: how far from perfect today's ranking is, and why.

For each judged query, from what today's search returns and which practices hold
any of the query's words (`reach.py` asks the node), the best nDCG@10 a ranking
could reach under each limit: re-ordering today's first results, re-ordering all
of them, and ranking by words at all. The gap between "ours" and the first is
ranking; the rest is recall, and what no word-matching ranker can reach.
"""

import math
import statistics
from dataclasses import dataclass

from .judgements import KINDS
from .metrics import ndcg_at

K = 10


@dataclass(frozen=True)
class QueryReach:
    """One judged query's relevant practices against what reaches them."""

    kind: str
    half: str
    q: str
    country: str
    relevant: frozenset[str]
    # Today's search: its first results in order, and every practice it returns.
    ranked: tuple[str, ...]
    returned: frozenset[str]
    # Practices (among those the query's country holds) holding any of its words.
    reachable: frozenset[str]
    # Practices at or above the vector half's floor; None without vectors.
    near: frozenset[str] | None = None


def ndcg_of_positions(positions: list[int], relevant: int, k: int = K) -> float:
    """Binary nDCG@k of a ranking whose relevant items sit at these (0-based)
    positions, out of `relevant` relevant items in all."""
    gains = sum(1 / math.log2(p + 2) for p in positions if p < k)
    ideal = sum(1 / math.log2(p + 2) for p in range(min(k, relevant)))
    return gains / ideal if ideal else 0.0


def ideal_ndcg(found: int, relevant: int, k: int = K) -> float:
    """nDCG@k when the `found` relevant items a ranking holds are ranked first."""
    return ndcg_of_positions(list(range(min(found, k))), relevant, k)


def reachable_ideal_ndcg(
    reachable_relevant: int, reachable: int, relevant: int, k: int = K
) -> float:
    """nDCG@k of the best ranker that knows only which practices hold the query's
    words: the `reachable_relevant` ones first, then the other reachable
    practices, then the unreachable relevant ones (`reachable` in all)."""
    unreachable = relevant - reachable_relevant
    first = list(range(min(reachable_relevant, k)))
    after = list(range(reachable, min(reachable + unreachable, k)))
    return ndcg_of_positions(first + after, relevant, k)


@dataclass(frozen=True)
class QueryCeiling:
    """One query's figures (shares out of its relevant practices)."""

    kind: str
    half: str
    q: str
    country: str
    relevant: int
    # How many practices today's search returns, and how many hold a word.
    returned: int
    with_words: int
    ours: float
    ideal_top: float
    ideal_all: float
    unreturned: float
    unreachable: float
    reachable_ideal: float
    below_floor: float | None
    neither: float | None


def query_ceiling(reach: QueryReach, depth: int) -> QueryCeiling:
    relevant = reach.relevant
    count = len(relevant)

    def share(found: frozenset[str]) -> float:
        return len(relevant - found) / count if count else 0.0

    near = reach.near
    return QueryCeiling(
        kind=reach.kind,
        half=reach.half,
        q=reach.q,
        country=reach.country,
        relevant=count,
        returned=len(reach.returned),
        with_words=len(reach.reachable),
        ours=ndcg_at(list(reach.ranked), relevant, K),
        ideal_top=ideal_ndcg(len(relevant & set(reach.ranked[:depth])), count),
        ideal_all=ideal_ndcg(len(relevant & reach.returned), count),
        unreturned=share(reach.returned),
        unreachable=share(reach.reachable),
        reachable_ideal=reachable_ideal_ndcg(
            len(relevant & reach.reachable), len(reach.reachable), count
        ),
        below_floor=None if near is None else share(near),
        neither=None if near is None else share(reach.reachable | near),
    )


COLUMNS = (
    ("rel mean", 8),
    ("median", 6),
    ("returned", 8),
    ("with words", 10),
    ("ours", 5),
    ("ideal@50", 8),
    ("ideal all", 9),
    ("unreturned", 10),
    ("no word", 7),
    ("ideal words", 11),
    ("below floor", 11),
    ("neither", 7),
)


def ceiling_row(label: str, rows: list[QueryCeiling]) -> str:
    """One line of the table: means over `rows` (the relevant count's median too)."""

    def mean(values) -> str:
        values = [v for v in values if v is not None]
        return f"{statistics.mean(values):.3f}" if values else "-"

    figures = [
        f"{statistics.mean(r.relevant for r in rows):.1f}",
        f"{statistics.median(r.relevant for r in rows):g}",
        f"{statistics.mean(r.returned for r in rows):.1f}",
        f"{statistics.mean(r.with_words for r in rows):.1f}",
        mean(r.ours for r in rows),
        mean(r.ideal_top for r in rows),
        mean(r.ideal_all for r in rows),
        mean(r.unreturned for r in rows),
        mean(r.unreachable for r in rows),
        mean(r.reachable_ideal for r in rows),
        mean(r.below_floor for r in rows),
        mean(r.neither for r in rows),
    ]
    cells = "".join(
        f" {figure:>{width}}"
        for figure, (_n, width) in zip(figures, COLUMNS, strict=True)
    )
    return f"{label:<12} {len(rows):>3}{cells}"


def ceiling_table(ceilings: list[QueryCeiling], half: str) -> list[str]:
    """By kind and for all, the queries of one half."""
    head = f"{'ceiling ' + half:<16}" + "".join(
        f" {name:>{width}}" for name, width in COLUMNS
    )
    lines = [head]
    for kind in (*KINDS, None):
        rows = [
            c for c in ceilings if c.half == half and (kind is None or c.kind == kind)
        ]
        if rows:
            lines.append(ceiling_row(kind or "all", rows))
    return lines


def per_query_line(c: QueryCeiling) -> str:
    def share(value: float | None) -> str:
        return "    -" if value is None else f"{value:5.2f}"

    return (
        f"{c.half:<9}{c.kind:<11}{c.relevant:>4} {c.returned:>4} {c.with_words:>4} "
        f"{c.ours:5.2f} {c.ideal_top:5.2f} "
        f"{c.ideal_all:5.2f} {c.unreturned:5.2f} {c.unreachable:5.2f} "
        f"{c.reachable_ideal:5.2f} {share(c.below_floor)} {share(c.neither)}  "
        f"{c.q} {c.country}"
    ).rstrip()


PER_QUERY_HEAD = "half     kind        rel  ret  w/w  ours  @50   all  unret noword words floor neith"
