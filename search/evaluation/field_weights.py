"""Per-field weights of the words clauses, re-fitted offline on the tuning half.

Each words clause (the words as typed, their translation, their correction) is a
`best_fields` `multi_match` over title, terms, summary and body, in people's text
and machine translation, each field boosted by TEXT_BOOSTS x (MACHINE_WEIGHT for
a machine field) (search/query.py `text_fields`): the node scores it as its
clause boost x (the best boosted field + TIE_BREAKER x the other boosted fields).
`clause_scores.py` asks each field's score at boost 1, so the clause can be
scored again offline under other field boosts: each field group's (title,
terms, summary, body x people's, machine) multiple of today's, 1 everywhere being
today's search. The other clauses keep today's scores (a `cross_fields` clause,
the questions', too: it is not a sum of its fields); the named phrases and the
rescore's phrase, which also read TEXT_BOOSTS, keep today's (the live search
would move them too).

`oracle_bound`: the best of random field multiples for each query alone, an
upper bound on what any per-field weights reach; `fit_report` fits them on the
tuning half, cross-validated inside it (`clause_weights.cross_validated_gains`'s
halvings).
"""

import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .. import query as search_query
from .clause_weights import (
    CV_SEED,
    CV_SPLITS,
    FIRST_PASS,
    GRID,
    MIN_GAIN,
    RESCORE,
    WINDOW,
    QueryCandidates,
)
from .judgements import HALVES, KINDS
from .metrics import ndcg_at

# The words clauses split per field, and their boosts' names in search/query.py.
WORDS_CLAUSES = {
    "typed": "WORDS_BOOST",
    "translated": "QUERY_TRANSLATION_BOOST",
    "corrected": "KEY_TERM_BOOST",
}
TIE_BREAKER = 0.3
PREFIX = "field|"
# Random field multiples tried per query for the bound (plus today's).
ORACLE_DRAWS = 400
ORACLE_SEED = 15


def field_key(clause: str, field: str) -> str:
    """A candidate's score key for `clause`'s match in `field` ("title_mt_es")."""
    return f"{PREFIX}{clause}|{field}"


def field_group(field: str) -> str:
    """ "title_es" -> "title", "title_mt_en" -> "title_mt": the group a multiple
    applies to."""
    kind = field.split("_", 1)[0]
    return f"{kind}_mt" if "_mt_" in field else kind


def fields_today() -> dict[str, float]:
    """Every text field and its boost today (search/query.py `text_fields`)."""
    boosts = {}
    for spec in search_query.text_fields():
        field, boost = spec.split("^", 1)
        boosts[field] = float(boost)
    return boosts


def groups(fields: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(field_group(f) for f in fields))


def best_fields(scores: np.ndarray, tie_breaker: float = TIE_BREAKER) -> np.ndarray:
    """A `best_fields` clause's score from its boosted fields' scores (last axis):
    the best + tie_breaker x the others."""
    best = scores.max(axis=-1)
    return best + tie_breaker * (scores.sum(axis=-1) - best)


@dataclass
class FieldQuery:
    """One query's candidates as arrays: what field weights leave as it is, and
    each words clause's per-field scores at boost 1."""

    query: QueryCandidates
    fixed: np.ndarray  # (n,) first-pass clauses not split per field
    rescore: np.ndarray  # (n,) the rescore's phrase and share
    split: dict[str, np.ndarray]  # clause -> (n, fields) scores at boost 1
    node: dict[str, np.ndarray]  # clause -> (n,) the node's score, 0 when kept fixed


def field_query(
    query: QueryCandidates, fields: Sequence[str], clause_boosts: dict[str, float]
) -> FieldQuery:
    n = len(query.candidates)
    fixed = np.zeros(n)
    rescore = np.zeros(n)
    split = {c: np.zeros((n, len(fields))) for c in WORDS_CLAUSES}
    node = {c: np.zeros(n) for c in WORDS_CLAUSES}
    for i, candidate in enumerate(query.candidates):
        scores = candidate.scores
        for clause in FIRST_PASS:
            score = scores.get(clause, 0.0)
            per_field = [scores.get(field_key(clause, f), 0.0) for f in fields]
            if clause in WORDS_CLAUSES and any(per_field):
                split[clause][i] = per_field
                node[clause][i] = score
            else:
                fixed[i] += score
        rescore[i] = sum(scores.get(c, 0.0) for c in RESCORE)
    return FieldQuery(query, fixed, rescore, split, node)


class FieldModel:
    """The candidates re-ranked under field multiples, several sets at once."""

    def __init__(self, queries: Sequence[QueryCandidates]):
        today = fields_today()
        self.fields = list(today)
        self.groups = groups(self.fields)
        self.boosts = np.array([today[f] for f in self.fields])
        self.group_of = np.array(
            [self.groups.index(field_group(f)) for f in self.fields]
        )
        self.clause_boosts = {
            c: float(getattr(search_query, name)) for c, name in WORDS_CLAUSES.items()
        }
        self.queries = [
            field_query(q, self.fields, self.clause_boosts) for q in queries
        ]

    def first_pass(self, fq: FieldQuery, multiples: np.ndarray) -> np.ndarray:
        """(sets, n) first-pass scores under (sets, groups) multiples."""
        boosts = self.boosts[None, :] * multiples[:, self.group_of]  # (sets, fields)
        total = np.broadcast_to(fq.fixed, (len(multiples), len(fq.fixed))).copy()
        for clause, scores in fq.split.items():
            boosted = scores[None, :, :] * boosts[:, None, :]
            total += self.clause_boosts[clause] * best_fields(boosted)
        return total

    def recomposition_misses(self) -> tuple[int, int]:
        """(candidates whose words clauses today's multiples do not score as the
        node did, candidates split)."""
        today = np.ones((1, len(self.groups)))
        misses = split = 0
        for fq in self.queries:
            boosts = self.boosts * today[0, self.group_of]
            for clause, scores in fq.split.items():
                rows = scores.any(axis=1)
                mine = self.clause_boosts[clause] * best_fields(scores * boosts)
                node = fq.node[clause]
                wrong = np.abs(mine - node) > 1e-3 * np.maximum(1.0, node)
                misses += int((wrong & rows).sum())
                split += int(rows.sum())
        return misses, split

    def ndcgs(self, fq: FieldQuery, multiples: np.ndarray) -> np.ndarray:
        """nDCG@10 of `fq` under each set of multiples: the first pass, its first
        WINDOW rescored; ties keep the node's order."""
        first = self.first_pass(fq, multiples)
        keys = [c.key for c in fq.query.candidates]
        out = np.empty(len(multiples))
        for s in range(len(multiples)):
            order = np.argsort(-first[s], kind="stable")[:WINDOW]
            final = first[s][order] + fq.rescore[order]
            top = order[np.argsort(-final, kind="stable")][:10]
            out[s] = ndcg_at([keys[i] for i in top], fq.query.relevant)
        return out

    def mean(self, chosen: Sequence[FieldQuery], multiples: np.ndarray) -> np.ndarray:
        """Mean nDCG@10 over `chosen` for each set of multiples."""
        if not chosen:
            return np.zeros(len(multiples))
        return np.mean([self.ndcgs(fq, multiples) for fq in chosen], axis=0)

    def today(self) -> np.ndarray:
        return np.ones(len(self.groups))

    def describe(self, multiples: np.ndarray) -> str:
        return ", ".join(
            f"{g} x{m:g}" for g, m in zip(self.groups, multiples, strict=True)
        )


def random_multiples(
    count: int, width: int, grid: Sequence[float] = GRID, seed: int = ORACLE_SEED
) -> np.ndarray:
    """Today's multiples and `count` sets drawn from `grid`."""
    shuffler = random.Random(seed)
    drawn = [[shuffler.choice(grid) for _ in range(width)] for _ in range(count)]
    return np.array([[1.0] * width, *drawn])


def oracle_bound(
    model: FieldModel, chosen: Sequence[FieldQuery], draws: np.ndarray
) -> float:
    """Mean over `chosen` of each query's best nDCG@10 under any of `draws`."""
    if not chosen:
        return 0.0
    return float(np.mean([model.ndcgs(fq, draws).max() for fq in chosen]))


def fit(
    model: FieldModel,
    chosen: Sequence[FieldQuery],
    grid: Sequence[float] = GRID,
    rounds: int = 5,
) -> np.ndarray:
    """Coordinate ascent on `chosen`'s mean nDCG@10, each group's multiple over
    `grid` in turn, kept when it gains more than MIN_GAIN."""
    weights = model.today()
    best = float(model.mean(chosen, weights[None, :])[0])
    for _round in range(rounds):
        moved = False
        for g in range(len(model.groups)):
            trials = np.repeat(weights[None, :], len(grid), axis=0)
            trials[:, g] = grid
            scores = model.mean(chosen, trials)
            top = int(np.argmax(scores))
            if scores[top] > best + MIN_GAIN:
                weights, best, moved = trials[top].copy(), float(scores[top]), True
        if not moved:
            break
    return weights


def cross_validated_gains(
    model: FieldModel,
    chosen: Sequence[FieldQuery],
    splits: int = CV_SPLITS,
    seed: int = CV_SEED,
) -> list[float]:
    """For each random halving of `chosen` (clause_weights' seed), each part's
    fitted multiples' gain over today's on the other part."""
    shuffler = random.Random(seed)
    gains = []
    for _split in range(splits):
        order = list(chosen)
        shuffler.shuffle(order)
        middle = len(order) // 2
        parts = (order[:middle], order[middle:])
        for fitted_on, scored_on in (parts, parts[::-1]):
            weights = fit(model, fitted_on)
            scores = model.mean(scored_on, np.array([weights, model.today()]))
            gains.append(float(scores[0] - scores[1]))
    return gains


def fit_report(
    queries: Sequence[QueryCandidates], out: Callable[[str], None] = print
) -> np.ndarray:
    """The bound, the fit on the tuning half, its figures by half and kind, and
    its cross-validated gain."""
    model = FieldModel(queries)
    misses, split = model.recomposition_misses()
    out(
        f"field groups {', '.join(model.groups)}; {split} candidates' words clauses "
        f"split per field, {misses} not recomposed as the node scored them"
    )
    draws = random_multiples(ORACLE_DRAWS, len(model.groups))
    today = model.today()[None, :]
    for half in HALVES:
        chosen = [fq for fq in model.queries if fq.query.half == half]
        out(
            f"{half}: today {float(model.mean(chosen, today)[0]):.3f}; best of today's "
            f"and {ORACLE_DRAWS} random field multiples per query "
            f"{oracle_bound(model, chosen, draws):.3f}"
        )
    tuning = [fq for fq in model.queries if fq.query.half == HALVES[0]]
    fitted = fit(model, tuning)
    out(f"fitted: {model.describe(fitted)}")
    out(f"{'half':<9} {'kind':<11} {'n':>3} {'today':>8} {'fitted':>8}")
    both = np.array([model.today(), fitted])
    for half in HALVES:
        for kind in (*KINDS, None):
            chosen = [
                fq
                for fq in model.queries
                if fq.query.half == half and (kind is None or fq.query.kind == kind)
            ]
            scores = model.mean(chosen, both)
            out(
                f"{half:<9} {kind or 'all':<11} {len(chosen):>3} "
                f"{scores[0]:>8.3f} {scores[1]:>8.3f}"
            )
    gains = cross_validated_gains(model, tuning)
    out(
        "cross-validated inside the tuning half (fitted on a random half, scored "
        f"on the other, {len(gains)} times): mean gain {statistics.mean(gains):+.4f} "
        f"({' '.join(f'{g:+.3f}' for g in gains)})"
    )
    return fitted
