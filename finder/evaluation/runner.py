"""Score the finder and plain search on the judged contexts: nDCG@5 per half.

`evaluate()` builds a throw-away database and index with the demo repertory (the
relevance harness's isolated environment) and prints one table; `score()` runs on
whatever database and index are configured, for a quick look while tuning (on the
tuning half only: the held-out half is for judging).
"""

import io
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.management import call_command

from practices.models import PracticePage
from search.evaluation.runner import isolated_environment
from search.filters import MAX_QUERY_LENGTH, parse_filters
from search.indexer import rebuild
from search.service import SearchUnavailable, search_practices

from ..context import parse_context
from ..service import find_for
from .judged import HALVES, SPLIT_SEED, JudgedContext, judged_contexts, split
from .metrics import ndcg_at

DEPTH = 5


class JudgedContextInvalid(ValueError):
    """A judged context the finder's own parser refuses: the set needs fixing."""


class RankingFailed(Exception):
    """An engine gave no ranking for a context (the search page would show an
    error): scored 0, and counted apart so a comparison does not profit from it."""


def finder_ranking(judged: JudgedContext) -> list[str]:
    context = parse_context(judged.params, lang=judged.lang)
    if not context.is_valid:
        raise JudgedContextInvalid(f"{judged.id}: {context.errors}")
    return [found.hit.id for found in find_for(context, size=DEPTH).practices]


def search_ranking(judged: JudgedContext) -> list[str]:
    """Plain search on the problem's words, as the search page would run it."""
    filters = parse_filters(
        {"q": judged.problem[:MAX_QUERY_LENGTH], "page_size": str(DEPTH)},
        default_lang=judged.lang,
    )
    try:
        return [hit.id for hit in search_practices(filters).results]
    except SearchUnavailable as error:
        raise RankingFailed(str(error)) from error


RANKERS: dict[str, Callable[[JudgedContext], list[str]]] = {
    "finder": finder_ranking,
    "search": search_ranking,
}


@dataclass
class Scores:
    # engine -> half -> context id -> nDCG@5
    by_engine: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    # engine -> ids of the contexts it gave no ranking for
    failed: dict[str, set[str]] = field(default_factory=dict)

    def mean(
        self,
        engine: str,
        half: str,
        leaving_out: frozenset = frozenset(),
        only: frozenset | None = None,
    ) -> float:
        values = [
            value
            for context, value in self.by_engine[engine][half].items()
            if context not in leaving_out and (only is None or context in only)
        ]
        return statistics.mean(values) if values else 0.0

    def all_failed(self) -> frozenset:
        return frozenset().union(*self.failed.values())

    def table(self, only: frozenset | None = None) -> list[str]:
        """nDCG@5 per half and engine; `only`: of these contexts alone."""
        engines = list(self.by_engine)

        def mean(engine, half, leaving_out=frozenset()):
            return self.mean(engine, half, leaving_out, only)

        lines = [
            f"{'half':<10} {'n':>3}" + "".join(f" {e + ' nDCG@5':>14}" for e in engines)
        ]
        for half in HALVES:
            count = len(
                [
                    c
                    for c in self.by_engine[engines[0]][half]
                    if only is None or c in only
                ]
            )
            row = f"{half:<10} {count:>3}"
            row += "".join(f" {mean(engine, half):>14.3f}" for engine in engines)
            lines.append(row)
        if {"finder", "search"} <= set(engines):
            gaps = [mean("finder", h) - mean("search", h) for h in HALVES]
            lines.append(
                "finder - search: "
                + ", ".join(f"{h} {g:+.3f}" for h, g in zip(HALVES, gaps, strict=True))
            )
        failed = self.all_failed()
        if only is not None:
            failed &= only
        if failed:
            lines.append(
                f"failed (scored 0): {', '.join(sorted(failed))}; "
                "without them: "
                + ", ".join(
                    f"{h} " + " ".join(f"{e} {mean(e, h, failed):.3f}" for e in engines)
                    for h in HALVES
                )
            )
        return lines


def score(
    halves: tuple[str, ...] = HALVES,
    engines: tuple[str, ...] = ("finder", "search"),
    *,
    per_context: bool = False,
    out: Callable[[str], None] = print,
) -> Scores:
    """Score on the configured database and index (the demo repertory loaded)."""
    keys = {
        str(key): source_id
        for key, source_id in PracticePage.objects.values_list(
            "translation_key", "source_id"
        )
    }
    parts = split(judged_contexts())
    scores = Scores()
    for engine in engines:
        scores.by_engine[engine] = {half: {} for half in HALVES}
        scores.failed[engine] = set()
        for half in halves:
            for judged in parts[half]:
                try:
                    ranking = RANKERS[engine](judged)
                except RankingFailed as error:
                    scores.failed[engine].add(judged.id)
                    out(f"{engine:<7} {half:<9} {judged.id} failed: {error}")
                    ranking = []
                ranked = [keys.get(key, key) for key in ranking]
                value = ndcg_at(ranked, judged.relevant, DEPTH)
                scores.by_engine[engine][half][judged.id] = value
                if per_context:
                    out(f"{engine:<7} {half:<9} {judged.id} {value:.2f} {ranked}")
    return scores


def evaluate(
    *, per_context: bool = False, out: Callable[[str], None] = print
) -> Scores:
    """Both halves, finder and plain search, on a fresh copy of the demo repertory."""
    started = time.monotonic()
    with isolated_environment():
        call_command("load_demo", stdout=io.StringIO())
        rebuild()
        setup = time.monotonic() - started
        scores = score(per_context=per_context, out=out)
    contexts = judged_contexts()
    out(
        f"{len(contexts)} judged contexts (split seed {SPLIT_SEED}, each batch on its "
        "own: "
        + ", ".join(f"{h} {len(v)}" for h, v in split(contexts).items())
        + f") over the demo repertory; set-up {setup:.0f}s"
    )
    for line in scores.table():
        out(line)
    batches = sorted({context.batch for context in contexts})
    if len(batches) > 1:
        for batch in batches:
            ids = frozenset(c.id for c in contexts if c.batch == batch)
            out(f"batch {batch} alone ({len(ids)} contexts):")
            for line in scores.table(only=ids):
                out(line)
    return scores
