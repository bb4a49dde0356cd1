"""The search request's clause weights, re-fitted offline on the tuning half.

Today's search scores a practice by a sum of clauses (search/ranking.py,
search/query.py), each with a weight set by hand: the words as typed, their
machine translation, the misspelt key terms corrected, the typo-tolerant match,
the glossary's named phrases, the vector half; then the rescore's phrase, word
share and area bonus over the first RESCORE_WINDOW matches. `clause_scores.py`
asks the node for each candidate's score per clause under today's weights; here,
without the node, the candidates are ranked again under other weights (each a
multiple of today's, so 1 everywhere is today's search) and the multiples fitted
by coordinate ascent on the tuning half's mean nDCG@10. The words as typed keep
1: only the ratios between clauses rank.

`manage.py search evaluate --clause-scores-in SCORES.json` fits again from the
scores a run saved (`--clause-weights --clause-scores-out SCORES.json`), without
building an index. Whether a fit is more than noise is read by cross-validation
inside the tuning half (`cross_validated_gains`): fitted on one part, scored on
the other.
"""

import json
import random
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .judgements import HALVES, KINDS
from .metrics import ndcg_at

# The first pass's clauses and the rescore's, as `clause_scores.py` names them.
FIRST_PASS = (
    "typed",
    "translated",
    "corrected",
    "typo",
    "key_phrase",
    "vector",
    "admitted",
)
RESCORE = ("phrase", "share", "area", "theme")
CLAUSES = FIRST_PASS + RESCORE
# Scale: the others are fitted against it.
FIXED = "typed"
# The rescore's window (search/query.py RESCORE_WINDOW).
WINDOW = 100
# Each clause's multiple of today's weight tried in turn.
GRID = (0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6)
# The vector half's score, VECTOR_BOOST x similarity from (1 + cos) / 2 = 0.6
# (search/ranking.py): from `vector_offset` up only, `vector_offset` subtracted.
# 0 is today's.
VECTOR_OFFSETS = (0, 0.3, 0.45, 0.5, 0.55)
# A weight moves only for more than this much mean nDCG@10 (ties keep today's).
MIN_GAIN = 1e-4
# Cross-validation inside the tuning half: this many random halvings, each part
# fitted and scored on the other.
CV_SPLITS = 3
CV_SEED = 26


@dataclass(frozen=True)
class Candidate:
    """One practice a query's request scored: its id and its score per clause
    under today's weights (absent: the clause did not match)."""

    key: str
    scores: dict[str, float]
    # Its similarity to the query, (1 + cos) / 2, when the vector half scored it.
    similarity: float = 0.0


@dataclass(frozen=True)
class QueryCandidates:
    """One judged query's candidates in today's first-pass order."""

    kind: str
    half: str
    q: str
    relevant: frozenset[str]
    candidates: tuple[Candidate, ...]
    # Today's live ranking (ids), to check the re-ranking reproduces it.
    live: tuple[str, ...] = ()
    # The query with its misspelt key terms corrected ("" when none were).
    corrected: str = ""


@dataclass(frozen=True)
class Weights:
    """Each clause's multiple of today's weight, and the vector half's offset."""

    multiples: dict[str, float] = field(
        default_factory=lambda: dict.fromkeys(CLAUSES, 1.0)
    )
    vector_offset: float = 0.0

    def with_multiple(self, clause: str, value: float) -> "Weights":
        return replace(self, multiples={**self.multiples, clause: value})

    def describe(self) -> str:
        parts = [f"{c} x{self.multiples[c]:g}" for c in CLAUSES]
        return ", ".join(parts) + f", vector offset {self.vector_offset:g}"


TODAY = Weights()


def vector_score(candidate: Candidate, weights: Weights, boost_today: float) -> float:
    """The vector half's score under `weights`: today's VECTOR_BOOST x similarity,
    less the offset, from the offset up (0 below it)."""
    if "vector" not in candidate.scores:
        return 0.0
    offset = weights.vector_offset
    if not offset:
        return candidate.scores["vector"]
    if candidate.similarity < offset:
        return 0.0
    return boost_today * (candidate.similarity - offset)


def first_pass(candidate: Candidate, weights: Weights, boost_today: float) -> float:
    total = 0.0
    for clause in FIRST_PASS:
        if clause == "vector":
            score = vector_score(candidate, weights, boost_today)
        else:
            score = candidate.scores.get(clause, 0.0)
        total += weights.multiples[clause] * score
    return total


def matches(candidate: Candidate, weights: Weights, boost_today: float) -> bool:
    """Whether the candidate still matches: a clause of the first pass finds it
    (a vector-only match below a raised offset no longer does)."""
    return any(
        clause in candidate.scores
        and (clause != "vector" or vector_score(candidate, weights, boost_today) > 0)
        for clause in FIRST_PASS
    )


def reranked(
    query: QueryCandidates,
    weights: Weights,
    *,
    boost_today: float = 30.0,
    window: int = WINDOW,
) -> list[str]:
    """The candidates' ids as the search would rank them under `weights`: the
    first pass's sum, its first `window` rescored by the RESCORE clauses; ties
    keep today's first-pass order (the node's)."""
    kept = [c for c in query.candidates if matches(c, weights, boost_today)]
    first = sorted(
        range(len(kept)), key=lambda i: -first_pass(kept[i], weights, boost_today)
    )
    rescored, rest = first[:window], first[window:]

    def final(i: int) -> float:
        score = first_pass(kept[i], weights, boost_today)
        for clause in RESCORE:
            score += weights.multiples[clause] * kept[i].scores.get(clause, 0.0)
        return score

    ordered = sorted(rescored, key=lambda i: -final(i)) + rest
    return [kept[i].key for i in ordered]


def query_ndcg(query: QueryCandidates, weights: Weights, boost_today: float) -> float:
    return ndcg_at(reranked(query, weights, boost_today=boost_today), query.relevant)


def mean_ndcg(
    queries: Sequence[QueryCandidates], weights: Weights, boost_today: float = 30.0
) -> float:
    if not queries:
        return 0.0
    return statistics.mean(query_ndcg(q, weights, boost_today) for q in queries)


def fit(
    queries: Sequence[QueryCandidates],
    *,
    start: Weights = TODAY,
    clauses: Iterable[str] = CLAUSES,
    grid: Sequence[float] = GRID,
    offsets: Sequence[float] = VECTOR_OFFSETS,
    boost_today: float = 30.0,
    rounds: int = 5,
) -> Weights:
    """Coordinate ascent on `queries`' mean nDCG@10: each clause's multiple (but
    FIXED's) tried over `grid` in turn, then the vector offset over `offsets`,
    the best kept when it gains more than MIN_GAIN; until a round moves none."""
    weights = start
    best = mean_ndcg(queries, weights, boost_today)
    free = [c for c in clauses if c != FIXED]
    for _round in range(rounds):
        moved = False
        steps = [("multiple", c, grid) for c in free]
        if offsets:
            steps.append(("offset", "vector", offsets))
        for what, clause, values in steps:
            for value in values:
                if what == "multiple":
                    trial = weights.with_multiple(clause, value)
                else:
                    trial = replace(weights, vector_offset=value)
                if trial == weights:
                    continue
                score = mean_ndcg(queries, trial, boost_today)
                if score > best + MIN_GAIN:
                    weights, best, moved = trial, score, True
        if not moved:
            break
    return weights


def table(
    queries: Sequence[QueryCandidates],
    named: Sequence[tuple[str, Weights]],
    boost_today: float = 30.0,
) -> list[str]:
    """Mean nDCG@10 by half and kind for each set of weights."""
    head = f"{'half':<9} {'kind':<11} {'n':>3}" + "".join(
        f" {name:>16}" for name, _w in named
    )
    lines = [head]
    for half in HALVES:
        for kind in (*KINDS, None):
            chosen = [
                q
                for q in queries
                if q.half == half and (kind is None or q.kind == kind)
            ]
            row = f"{half:<9} {kind or 'all':<11} {len(chosen):>3}"
            for _name, weights in named:
                row += f" {mean_ndcg(chosen, weights, boost_today):>16.3f}"
            lines.append(row)
    return lines


def live_agreement(queries: Sequence[QueryCandidates], boost_today: float) -> str:
    """How many queries' first ten today's weights re-rank exactly as the live
    search ranked them (ids and order)."""
    same = sum(
        1
        for q in queries
        if reranked(q, TODAY, boost_today=boost_today)[:10] == list(q.live[:10])
    )
    return (
        f"today's weights re-rank {same} of {len(queries)} queries' first ten as live"
    )


def cross_validated_gains(
    queries: Sequence[QueryCandidates],
    boost_today: float = 30.0,
    splits: int = CV_SPLITS,
    seed: int = CV_SEED,
) -> list[float]:
    """For each random halving of `queries`, each part's fitted weights' gain in
    mean nDCG@10 over today's on the other part: near or below 0, the fit is
    noise."""
    gains = []
    for fitted_on, scored_on in halvings(queries, splits, seed):
        weights = fit(fitted_on, boost_today=boost_today)
        gains.append(
            mean_ndcg(scored_on, weights, boost_today)
            - mean_ndcg(scored_on, TODAY, boost_today)
        )
    return gains


def halvings(items: Sequence, splits: int = CV_SPLITS, seed: int = CV_SEED):
    """`splits` random halvings of `items` drawn from `seed`, each given both ways
    round: (the part fitted on, the part scored on)."""
    shuffler = random.Random(seed)
    for _split in range(splits):
        order = list(items)
        shuffler.shuffle(order)
        middle = len(order) // 2
        yield order[:middle], order[middle:]
        yield order[middle:], order[:middle]


def fit_report(
    queries: Sequence[QueryCandidates], boost_today: float = 30.0, out=print
) -> Weights:
    """Fit on the tuning half and print today's and the fitted weights' figures,
    and the fit's gain cross-validated inside the tuning half."""
    tuning = [q for q in queries if q.half == HALVES[0]]
    out(live_agreement(queries, boost_today))
    fitted = fit(tuning, boost_today=boost_today)
    multiples_only = fit(tuning, boost_today=boost_today, offsets=())
    out(f"fitted: {fitted.describe()}")
    out(f"fitted without offset: {multiples_only.describe()}")
    for line in table(
        queries,
        [("today", TODAY), ("fitted", fitted), ("no offset", multiples_only)],
        boost_today,
    ):
        out(line)
    gains = cross_validated_gains(tuning, boost_today)
    out(
        "cross-validated inside the tuning half (fitted on a random half, scored "
        f"on the other, {len(gains)} times): mean gain {statistics.mean(gains):+.4f} "
        f"({' '.join(f'{g:+.3f}' for g in gains)})"
    )
    return fitted


def save(
    queries: Sequence[QueryCandidates],
    path: Path,
    boost_today: float,
    texts: dict[str, dict[str, str]] | None = None,
) -> None:
    """The queries' candidates, and each practice's own text per language when
    given (`clause_scores.practice_texts`)."""
    rows = [
        {
            **asdict(q),
            "relevant": sorted(q.relevant),
            "candidates": [asdict(c) for c in q.candidates],
        }
        for q in queries
    ]
    saved = {"vector_boost": boost_today, "queries": rows}
    if texts is not None:
        saved["texts"] = texts
    path.write_text(json.dumps(saved))


def load(path: Path) -> tuple[list[QueryCandidates], float]:
    data = json.loads(Path(path).read_text())
    queries = [
        QueryCandidates(
            kind=row["kind"],
            half=row["half"],
            q=row["q"],
            relevant=frozenset(row["relevant"]),
            candidates=tuple(Candidate(**c) for c in row["candidates"]),
            live=tuple(row["live"]),
            corrected=row.get("corrected", ""),
        )
        for row in data["queries"]
    ]
    return queries, data["vector_boost"]
