"""Import the real OGP export into a private database and index, run the judged
queries through each engine, print nDCG@10 and recall@50 by query kind."""

import copy
import io
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test.utils import override_settings, setup_databases, teardown_databases
from wagtail.search.backends import get_search_backend

from practices.importers.batch import run_import
from practices.importers.formats import row_reader
from practices.models import PracticePage
from practices.translation import translate_pending
from taxonomy.models import Country

from .. import mapping as search_mapping
from .. import query as search_query
from .. import ranking as search_ranking
from .. import service as search_service
from ..client import get_client
from ..commands import drain_queue
from ..labels import clear_label_cache
from ..service import search_practices
from .attribution import Attribution, attribute
from .ceiling import PER_QUERY_HEAD, ceiling_table, per_query_line, query_ceiling
from .clause_scores import CANDIDATES, practice_texts, query_candidates
from .clause_weights import fit_report
from .clause_weights import save as save_clause_scores
from .field_weights import fit_report as field_fit_report
from .judgements import (
    HALVES,
    KINDS,
    SPLIT_SEED,
    JudgedQuery,
    judge,
    write_without_judgements,
)
from .metrics import ndcg_at, recall_at
from .rankings import VectorsOnlyRanking
from .reach import practice_vectors, query_reach, search_filters
from .similarity import FIELD_KINDS, IndexVariant, every_field_named, set_variant

OGP_FILE = "ogp_commitments_subset.csv"
WAGTAIL_BACKEND = "wagtail_opensearch"
DEPTH = 50
SETUP_TIMEOUT_SECONDS = 30


class EvaluationSkipped(Exception):
    """The shared data is absent: nothing to evaluate, said plainly."""


def default_data_dir() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "data"


@dataclass
class Score:
    kind: str
    q: str
    ndcg: float
    recall: float
    half: str = HALVES[0]
    # How many results the search gave within DEPTH (what --per-query prints
    # beside the relevant count).
    found: int = 0


@dataclass
class EngineReport:
    name: str
    scores: list[Score] = field(default_factory=list)

    def by_kind(
        self, kind: str | None, half: str | None = None
    ) -> tuple[float, float, int]:
        scores = [
            s
            for s in self.scores
            if (kind is None or s.kind == kind) and (half is None or s.half == half)
        ]
        if not scores:
            return 0.0, 0.0, 0
        return (
            statistics.mean(s.ndcg for s in scores),
            statistics.mean(s.recall for s in scores),
            len(scores),
        )


@dataclass
class Evaluation:
    queries: int
    records: int
    engines: list[EngineReport]
    setup_seconds: float

    def table(self, half: str | None = None) -> list[str]:
        """One row per kind and one for all; `half` is one of HALVES, or both."""
        head = f"{half or 'both halves':<12} {'n':>3}" + "".join(
            f" {engine.name + ' nDCG@10':>20} {'R@50':>6}" for engine in self.engines
        )
        lines = [head]
        for kind in (*KINDS, None):
            _n, _r, count = self.engines[0].by_kind(kind, half)
            row = f"{kind or 'all':<12} {count:>3}"
            for engine in self.engines:
                ndcg, recall, _count = engine.by_kind(kind, half)
                row += f" {ndcg:>20.3f} {recall:>6.3f}"
            lines.append(row)
        return lines


def evaluate(
    data_dir: Path | None = None,
    *,
    engines: tuple[str, ...] = ("ours", "wagtail"),
    per_query: bool = False,
    ceiling: bool = False,
    attribution: bool = False,
    clause_weights: bool = False,
    clause_scores_out: Path | None = None,
    field_weights: bool = False,
    out: Callable[[str], None] = print,
) -> Evaluation:
    """Run the judged set; raises EvaluationSkipped when the OGP file is absent.
    `ceiling`: also what the judgements allow a ranking (`ceiling.py`);
    `attribution`: which clauses and fields score the first ten of the tuning
    half's searches (`attribution.py`); `clause_weights`: also the clause weights
    fitted on the tuning half (`clause_weights.py`), the scores saved to
    `clause_scores_out` if given; `field_weights`: also the words clauses' field
    weights (`field_weights.py`)."""
    source = Path(data_dir or default_data_dir()) / OGP_FILE
    if not source.is_file():
        raise EvaluationSkipped(
            f"{source} is absent: the relevance harness needs the real OGP export in "
            "../shared/data beside the repository (a fresh clone does not have it)"
        )
    judged = judge(source)
    started = time.monotonic()
    with isolated_environment() as workdir, ExitStack() as index_changes:
        if PASSAGE_ENGINES.intersection(engines):
            index_changes.enter_context(
                mock.patch.object(search_mapping, "PASSAGE_VECTORS", True)
            )
        index_variants = bool(INDEX_VARIANTS.keys() & set(engines))
        if index_variants:
            index_changes.enter_context(
                mock.patch.object(search_mapping, "BM25_BY_FIELD", every_field_named())
            )
        stripped = workdir / "ogp_without_policy_areas.csv"
        write_without_judgements(source, stripped)
        records = _load(stripped, with_wagtail="wagtail" in engines, out=out)
        setup_seconds = time.monotonic() - started
        identifiers = dict(
            PracticePage.objects.values_list("translation_key", "source_id")
        )
        reports = []
        for name in engines:
            rank = RANKERS[name]
            if index_variants:
                set_variant(INDEX_VARIANTS.get(name, IndexVariant()))
            report = EngineReport(name)
            for query in judged:
                ranked = rank(query, identifiers)
                report.scores.append(
                    Score(
                        query.kind,
                        query.q,
                        ndcg_at(ranked, query.relevant),
                        recall_at(ranked, query.relevant, DEPTH),
                        query.half,
                        len(ranked),
                    )
                )
            reports.append(report)
        ceilings = _ceilings(judged, identifiers) if ceiling else []
        attributed = _attribution(judged, identifiers) if attribution else None
        candidates = (
            _clause_candidates(judged, identifiers)
            if clause_weights or clause_scores_out or field_weights
            else []
        )
        texts = (
            practice_texts({str(k): v for k, v in identifiers.items()})
            if clause_scores_out
            else None
        )
    evaluation = Evaluation(len(judged), records, reports, setup_seconds)
    out(
        f"{len(judged)} judged queries over {records} OGP commitments (policy areas "
        f"and Theme removed); set-up {setup_seconds:.0f}s; split in halves by "
        f"kind with seed {SPLIT_SEED!r}: decide on tuning, quote held-out"
    )
    for half in HALVES:
        out("")
        for line in evaluation.table(half):
            out(line)
    if per_query:
        out("")
        out(
            "half     kind       relevant"
            + "".join(f" {r.name + ' nDCG/R@50/found':>22}" for r in reports)
        )
        for position, query in enumerate(judged):
            cells = "".join(per_query_cell(r.scores[position]) for r in reports)
            line = (
                f"{query.half:<9}{query.kind:<11}{len(query.relevant):>8}{cells}  "
                f"{query.q} {query.country}"
            )
            out(line.rstrip())
    if ceiling:
        _print_ceilings(ceilings, per_query, out)
    if attributed:
        out("")
        out(
            "What scores the first ten (tuning half; parts of the score: people's "
            "text and machine translations per clause; docs/search.md, seventh wave)"
        )
        for line in attributed.table():
            out(line)
    if clause_scores_out:
        save_clause_scores(
            candidates,
            clause_scores_out,
            search_ranking.VECTOR_BOOST,
            texts=texts,
        )
    if clause_weights:
        out("")
        out(
            "Clause weights fitted on the tuning half, each a multiple of today's "
            f"(first {CANDIDATES} candidates re-ranked offline; docs/search.md, "
            "seventh wave)"
        )
        fit_report(candidates, search_ranking.VECTOR_BOOST, out=out)
    if field_weights:
        out("")
        out(
            "Words clauses' field weights, each group a multiple of today's "
            f"(first {CANDIDATES} candidates re-ranked offline; docs/search.md, "
            "seventh wave)"
        )
        field_fit_report(candidates, out=out)
    return evaluation


def _attribution(judged: list[JudgedQuery], identifiers: dict) -> Attribution:
    keys = {str(key): source_id for key, source_id in identifiers.items()}
    attributed = Attribution()
    for query in judged:
        if query.half == HALVES[0]:
            attributed.add(*attribute(query, keys, DEPTH))
    return attributed


def _clause_candidates(judged: list[JudgedQuery], identifiers: dict) -> list:
    keys = {str(key): source_id for key, source_id in identifiers.items()}
    return [
        query_candidates(query, keys, _ours(query, identifiers)) for query in judged
    ]


def _ceilings(judged: list[JudgedQuery], identifiers: dict) -> list:
    keys = {str(key): source_id for key, source_id in identifiers.items()}
    vectors = practice_vectors()
    return [
        query_ceiling(
            query_reach(query, _ours(query, identifiers), keys, vectors), DEPTH
        )
        for query in judged
    ]


def _print_ceilings(ceilings: list, per_query: bool, out) -> None:
    out("")
    out(
        "What the judgements allow (means over queries; shares out of each query's "
        "relevant practices; docs/search.md, sixth wave)"
    )
    for half in HALVES:
        out("")
        for line in ceiling_table(ceilings, half):
            out(line)
    if per_query:
        out("")
        out(PER_QUERY_HEAD)
        for row in ceilings:
            out(per_query_line(row))


def per_query_cell(score: Score) -> str:
    """One engine's figures for one query: nDCG@10, recall@50 and how many results
    it gave within DEPTH."""
    return f" {score.ndcg:5.2f}/{score.recall:4.2f}/{score.found:>3}".rjust(23)


@contextmanager
def isolated_environment() -> Iterator[Path]:
    """A throw-away database and index prefix, so no real data is touched."""
    prefix = f"relevance-{uuid.uuid4().hex[:10]}"
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    if WAGTAIL_BACKEND in backends:
        backends[WAGTAIL_BACKEND]["INDEX_PREFIX"] = f"{prefix}-wagtail-"
    workdir = Path(tempfile.mkdtemp(prefix="relevance-"))
    connection = connections["default"]
    test_settings = connection.settings_dict.setdefault("TEST", {})
    saved_name = test_settings.get("NAME")
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(workdir / "relevance.sqlite3")
    else:
        test_settings["NAME"] = f"{connection.settings_dict['NAME']}_relevance"
    try:
        with override_settings(
            OPENSEARCH_INDEX_PREFIX=prefix,
            WAGTAILSEARCH_BACKENDS=backends,
            # Bulk writes after the import share the node with other work: a search's
            # short timeout would make every queued write fail and be retried.
            OPENSEARCH_TIMEOUT_SECONDS=SETUP_TIMEOUT_SECONDS,
            # A search the node stops early returns what it found so far (or fails):
            # on a busy node that would change the scores, not measure relevance.
            OPENSEARCH_SEARCH_TIMEOUT_SECONDS=SETUP_TIMEOUT_SECONDS,
        ):
            old = setup_databases(
                verbosity=0,
                interactive=False,
                aliases={"default"},
                serialized_aliases=set(),
            )
            clear_label_cache()
            try:
                yield workdir
            finally:
                # The indices first: clearing the label cache writes to the
                # configured database, which fails where it was never migrated,
                # and must not leave 558 practices' indices on the shared node.
                get_client().indices.delete(
                    index=f"{prefix}-*", params={"expand_wildcards": "all"}
                )
                teardown_databases(old, verbosity=0)
                clear_label_cache()
    finally:
        test_settings["NAME"] = saved_name
        shutil.rmtree(workdir, ignore_errors=True)


def _load(path: Path, *, with_wagtail: bool, out) -> int:
    # The site's pages are pages/' to create; search/ sits below it and asks through
    # the command, not an import.
    call_command("setup_site", stdout=io.StringIO())
    report = run_import(row_reader("ogp", path), publish=True)
    if report.rejected:
        raise RuntimeError(f"the OGP export did not import: {report.rejected[:3]}")
    # Publishing queued every practice for machine translation, as in production.
    out(translate_pending().summary())
    # The import queued every practice; apply what the commit's drain left over.
    report = drain_queue()
    if report.remaining:
        raise RuntimeError(f"the index queue did not drain: {report.error}")
    if with_wagtail:
        call_command("wagtail_update_index", backend_name=WAGTAIL_BACKEND, verbosity=0)
    return PracticePage.objects.live().count()


def _ours(query: JudgedQuery, identifiers: dict) -> list[str]:
    results = search_practices(search_filters(query, DEPTH))
    keys = {str(key): source_id for key, source_id in identifiers.items()}
    return [keys[hit.id] for hit in results.results if hit.id in keys]


def _wagtail(query: JudgedQuery, _identifiers: dict) -> list[str]:
    pages = PracticePage.objects.live()
    if query.country:
        pages = pages.filter(country_id=Country.objects.get(code=query.country).pk)
    backend = get_search_backend(WAGTAIL_BACKEND)
    return [page.source_id for page in backend.search(query.q, pages)[:DEPTH]]


def _ours_with(**changes) -> Callable[[JudgedQuery, dict], list[str]]:
    """Our search with some settings changed: an experiment to compare."""

    def rank(query: JudgedQuery, identifiers: dict) -> list[str]:
        with override_settings(**changes):
            return _ours(query, identifiers)

    return rank


def _ours_with_constants(**constants) -> Callable[[JudgedQuery, dict], list[str]]:
    """Our search with constants changed (the vector half's in search/ranking.py,
    weights and boosts in search/query.py): an experiment to compare."""
    return _with_constants(_ours, **constants)


def _with_constants(
    ranker: Callable[[JudgedQuery, dict], list[str]], **constants
) -> Callable[[JudgedQuery, dict], list[str]]:
    """`ranker` with constants of search.ranking or search.query changed."""
    by_module = [
        (module, {k: v for k, v in constants.items() if hasattr(module, k)})
        for module in (search_ranking, search_query)
    ]
    # A misspelt name would otherwise score our search unchanged, unnoticed.
    unknown = set(constants).difference(*(changes for _module, changes in by_module))
    if unknown:
        raise ValueError(
            f"no such constant in search.ranking or search.query: {unknown}"
        )

    def rank(query: JudgedQuery, identifiers: dict) -> list[str]:
        with ExitStack() as patched:
            for module, changes in by_module:
                if changes:
                    patched.enter_context(mock.patch.multiple(module, **changes))
            return ranker(query, identifiers)

    return rank


def _ours_ranked_by(ranking) -> Callable[[JudgedQuery, dict], list[str]]:
    """Our search ranked by a ranking search itself does not use (rankings.py)."""

    def rank(query: JudgedQuery, identifiers: dict) -> list[str]:
        with mock.patch.object(search_service, "chosen_ranking", lambda: ranking):
            return _ours(query, identifiers)

    return rank


def _in_other_language(rank) -> Callable[[JudgedQuery, dict], list[str]]:
    """`rank` with each query sent with the other `lang`."""

    def rank_in_other_language(query: JudgedQuery, identifiers: dict) -> list[str]:
        other = replace(query, lang="en" if query.lang == "es" else "es")
        return rank(other, identifiers)

    return rank_in_other_language


RANKERS: dict[str, Callable[[JudgedQuery, dict], list[str]]] = {
    "ours": _ours,
    "text": _ours_with(SEARCH_MODE="text"),
    # Without the area bonus (search/ranking.py AREA_BONUS; docs/search.md, eighth
    # wave).
    "areas-off": _ours_with_constants(AREA_BONUS=0),
    # Without the themes: their bonus and a selection's practices about them let
    # in (search/ranking.py THEME_BONUS, THEME_ADMITTED; docs/search.md, ninth
    # wave), and without the second alone.
    "themes-off": _ours_with_constants(THEME_BONUS=0, THEME_ADMITTED=0),
    "theme-not-admitted": _ours_with_constants(THEME_ADMITTED=0),
    # The practices a selection leaves that are about the query's area admitted
    # (search/ranking.py AREA_ADMITTED, off; docs/search.md, eighth wave).
    "area-admitted": _ours_with_constants(AREA_ADMITTED=1.0),
    "vectors": _ours_ranked_by(VectorsOnlyRanking()),
    "wagtail": _wagtail,
    "query-mt": _ours_with(SEARCH_QUERY_TRANSLATION=True),
    "key-terms": _ours_with(SEARCH_KEY_TERM_TYPOS=True),
    "key-terms+mt": _ours_with(
        SEARCH_KEY_TERM_TYPOS=True, SEARCH_QUERY_TRANSLATION=True
    ),
    "synonym-words": _ours_with(SEARCH_SYNONYM_PHRASES=False),
    "key-terms+mt+synonym-words": _ours_with(
        SEARCH_KEY_TERM_TYPOS=True,
        SEARCH_QUERY_TRANSLATION=True,
        SEARCH_SYNONYM_PHRASES=False,
    ),
    # Each query sent with the other `lang`: recall must not depend on it.
    "other-lang": _in_other_language(_ours),
    "other-lang-spanish-to-english": _in_other_language(
        _ours_with_constants(QUERY_FROM_ITS_LANGUAGE=False)
    ),
    "knn-min-.55": _ours_with_constants(VECTOR_MIN_SCORE=0.55),
    "knn-min-.65": _ours_with_constants(VECTOR_MIN_SCORE=0.65),
    "knn-boost-20": _ours_with_constants(VECTOR_BOOST=20),
    "knn-boost-45": _ours_with_constants(VECTOR_BOOST=45),
    "knn-k-50": _ours_with_constants(VECTOR_CANDIDATES=50),
    # Sixth wave: the same constants read on both halves (docs/search.md).
    "knn-k-200": _ours_with_constants(VECTOR_CANDIDATES=200),
    "knn-min-.58": _ours_with_constants(VECTOR_MIN_SCORE=0.58),
    "knn-min-.62": _ours_with_constants(VECTOR_MIN_SCORE=0.62),
    "knn-boost-60": _ours_with_constants(VECTOR_BOOST=60),
    "machine-weight-.75": _ours_with_constants(MACHINE_WEIGHT=0.75),
    "machine-weight-1": _ours_with_constants(MACHINE_WEIGHT=1.0),
    "translation-boost-3": _ours_with_constants(QUERY_TRANSLATION_BOOST=3),
    "place-in-one-field": _ours_with_constants(PLACE_ACROSS_FIELDS=False),
    "questions-typed": _ours_with_constants(QUESTION_BY_TOPIC=False),
    "questions-topic": _ours_with_constants(
        QUESTION_WITHOUT_ACTIONS=False, QUESTION_ACROSS_FIELDS=False
    ),
    "questions-topic-across": _ours_with_constants(QUESTION_WITHOUT_ACTIONS=False),
    "questions-actions": _ours_with_constants(QUESTION_ACROSS_FIELDS=False),
    "key-terms-any-word": _ours_with_constants(KEY_TERMS_KEEP_WORDS=False),
    "query-spanish-to-english": _ours_with_constants(QUERY_FROM_ITS_LANGUAGE=False),
    "no-key-phrases": _ours_with_constants(QUERY_KEY_PHRASES=False),
    "key-phrases-whole-query": _ours_with_constants(KEY_PHRASE_WHOLE_QUERY=True),
    "key-phrases-.5": _ours_with_constants(KEY_PHRASE_BOOST=0.5),
    "key-phrases-1": _ours_with_constants(KEY_PHRASE_BOOST=1),
    "key-phrases-2": _ours_with_constants(KEY_PHRASE_BOOST=2),
    # Passage vectors (an index built with them: PASSAGE_ENGINES), docs/search.md,
    # sixth wave; the bars 0.05 higher, as the best of several passages lies nearer.
    "passages": _ours_with_constants(VECTOR_PASSAGES=True),
    "passages-boost-45": _ours_with_constants(VECTOR_PASSAGES=True, VECTOR_BOOST=45),
    "passages-min-.65": _ours_with_constants(
        VECTOR_PASSAGES=True,
        VECTOR_MIN_SCORE=0.65,
        FILTERED_VECTOR_MIN_SCORE=0.65,
        SELECTION_FLOOR=0.62,
    ),
    "passage-vectors": _with_constants(
        _ours_ranked_by(VectorsOnlyRanking()), VECTOR_PASSAGES=True
    ),
    "question-vector-typed": _ours_with_constants(QUESTION_VECTOR_TOPIC=False),
    # Issue 26, sixth wave: the rescore's share of the query's words (questions).
    "word-share-off": _ours_with_constants(WORD_SHARE_WEIGHT=0),
    "word-share-20": _ours_with_constants(
        WORD_SHARE_WEIGHT=20, WORD_SHARE_QUESTIONS_ONLY=False
    ),
    "word-share-10": _ours_with_constants(
        WORD_SHARE_WEIGHT=10, WORD_SHARE_QUESTIONS_ONLY=False
    ),
    "word-share-40": _ours_with_constants(
        WORD_SHARE_WEIGHT=40, WORD_SHARE_QUESTIONS_ONLY=False
    ),
    "word-share-2-words": _ours_with_constants(
        WORD_SHARE_WEIGHT=20, WORD_SHARE_MIN_WORDS=2, WORD_SHARE_QUESTIONS_ONLY=False
    ),
    "word-share-every-field": _ours_with_constants(
        WORD_SHARE_WEIGHT=20,
        WORD_SHARE_FIELDS=("title", "summary", "terms", "body"),
        WORD_SHARE_QUESTIONS_ONLY=False,
    ),
    "word-share-typos": _ours_with_constants(
        WORD_SHARE_WEIGHT=20, WORD_SHARE_TYPOS=True, WORD_SHARE_QUESTIONS_ONLY=False
    ),
    "word-share-questions-20": _ours_with_constants(
        WORD_SHARE_WEIGHT=20, WORD_SHARE_QUESTIONS_ONLY=True
    ),
    "word-share-questions-10": _ours_with_constants(
        WORD_SHARE_WEIGHT=10, WORD_SHARE_QUESTIONS_ONLY=True
    ),
    "phrase-slop-5": _ours_with_constants(PHRASE_SLOP=5),
    # Seventh wave: fewer of the words under a place (docs/search.md).
    "place-any-word": _ours_with_constants(PLACE_WORDS_REQUIRED="1"),
    "place-any-word-after": _ours_with_constants(PLACE_ANY_WORD_BOOST=0.1),
    # Seventh wave: machine translations' accidental matches (docs/search.md).
    "mt-clause-75": _ours_with_constants(MACHINE_CLAUSE=True),
    "mt-clause-all": _ours_with_constants(
        MACHINE_CLAUSE=True, MACHINE_WORDS_REQUIRED="100%"
    ),
    "mt-clause-3<75": _ours_with_constants(
        MACHINE_CLAUSE=True, MACHINE_WORDS_REQUIRED="3<75%"
    ),
    "mt-phrase": _ours_with_constants(MACHINE_CLAUSE=True, MACHINE_AS_PHRASE=True),
    "translation-on-people": _ours_with_constants(TRANSLATION_ON_MACHINE=False),
    "mt-clause-all-translation-on-people": _ours_with_constants(
        MACHINE_CLAUSE=True,
        MACHINE_WORDS_REQUIRED="100%",
        TRANSLATION_ON_MACHINE=False,
    ),
    "tie-breaker-0": _ours_with_constants(TIE_BREAKER=0),
    "tie-breaker-.1": _ours_with_constants(TIE_BREAKER=0.1),
    "machine-weight-.3": _ours_with_constants(MACHINE_WEIGHT=0.3),
    "tie-breaker-.5": _ours_with_constants(TIE_BREAKER=0.5),
    "mt-coverage-.5": _ours_with_constants(MACHINE_COVERAGE_BOOST=0.5),
    "mt-coverage-1": _ours_with_constants(MACHINE_COVERAGE_BOOST=1),
    # Partial matches in a translation weigh less, whole ones more.
    "mt-coverage-1-weight-.3": _ours_with_constants(
        MACHINE_COVERAGE_BOOST=1, MACHINE_WEIGHT=0.3
    ),
    "mt-coverage-2-weight-.3": _ours_with_constants(
        MACHINE_COVERAGE_BOOST=2, MACHINE_WEIGHT=0.3
    ),
    # Seventh wave: the clause weights coordinate ascent fitted on the tuning half
    # (`--clause-weights`), as fitted and rounded; not kept (docs/search.md).
    "clause-weights-fitted": _ours_with_constants(
        QUERY_TRANSLATION_BOOST=1.875,
        TYPO_BOOST=1.25,
        KEY_PHRASE_BOOST=0.5,
        VECTOR_BOOST=37.5,
        PHRASE_BOOST=2.5,
        WORD_SHARE_WEIGHT=15,
    ),
    "clause-weights-rounded": _ours_with_constants(
        QUERY_TRANSLATION_BOOST=2,
        TYPO_BOOST=1.25,
        KEY_PHRASE_BOOST=0.5,
        VECTOR_BOOST=35,
        PHRASE_BOOST=2.5,
        WORD_SHARE_WEIGHT=15,
    ),
    # Seventh wave: Spanish typed without accents given them back before the
    # query's translation (QUERY_ACCENTS_RESTORED): every word the dictionary does
    # not know or knows only as a verb, the verb forms alone, and for the query's
    # vector too, or alone.
    "accents-restored": _ours_with_constants(QUERY_ACCENTS_RESTORED=True),
    "accents-verbs": _ours_with_constants(
        QUERY_ACCENTS_RESTORED=True, QUERY_ACCENTS_UNKNOWN_WORDS=False
    ),
    "accents-vector-too": _ours_with_constants(
        QUERY_ACCENTS_RESTORED=True, VECTOR_ACCENTS_RESTORED=True
    ),
    "accents-vector-only": _ours_with_constants(VECTOR_ACCENTS_RESTORED=True),
}
# Issue 26, seventh wave: BM25's parameters per kind of text field, and the search
# analyzers' stop words (similarity.py; docs/search.md). Each is our search on one
# index set to the variant before the engine's queries; every other engine of the
# run is scored as mapped (BM25 at k1 1.2, b 0.75; each language's stop words).
INDEX_VARIANTS: dict[str, IndexVariant] = {
    "bm25-title-b0": IndexVariant({"title": {"b": 0}}),
    "bm25-title-b.3": IndexVariant({"title": {"b": 0.3}}),
    "bm25-summary-b.3": IndexVariant({"summary": {"b": 0.3}}),
    "bm25-body-b.3": IndexVariant({"body": {"b": 0.3}}),
    "bm25-body-b1": IndexVariant({"body": {"b": 1}}),
    "bm25-body-k1-.6": IndexVariant({"body": {"k1": 0.6}}),
    "bm25-body-k1-2": IndexVariant({"body": {"k1": 2}}),
    "bm25-terms-b.3": IndexVariant({"terms": {"b": 0.3}}),
    "bm25-k1-.8": IndexVariant({kind: {"k1": 0.8} for kind in FIELD_KINDS}),
    "bm25-body-k1-3": IndexVariant({"body": {"k1": 3}}),
    "bm25-k1-2": IndexVariant({kind: {"k1": 2} for kind in FIELD_KINDS}),
    "bm25-body-k1-2-b1": IndexVariant({"body": {"k1": 2, "b": 1}}),
    "bm25-body-k1-3-b1": IndexVariant({"body": {"k1": 3, "b": 1}}),
    "bm25-body-k1-5": IndexVariant({"body": {"k1": 5}}),
    "bm25-prose-k1-3": IndexVariant(
        {"body": {"k1": 3}, "summary": {"k1": 3}, "problem": {"k1": 3}}
    ),
    "stop-words-both": IndexVariant(both_stop_words=True),
}
RANKERS.update(dict.fromkeys(INDEX_VARIANTS, _ours))
# The engines that need the passages' vectors in the index they search.
PASSAGE_ENGINES = {name for name in RANKERS if name.startswith("passage")}
