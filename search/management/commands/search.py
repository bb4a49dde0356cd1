import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import commands
from search.vectors import EmbeddingTally


class Command(BaseCommand):
    help = "Operate the practices search index: rebuild, status, reconcile, drain."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild = sub.add_parser(
            "rebuild", help="Build a new index, swap the alias, drop the old one"
        )
        rebuild.add_argument(
            "--no-translate",
            action="store_true",
            help="Do not machine-translate single-language practices first",
        )
        sub.add_parser("status", help="Index, alias, document count and queue length")
        sub.add_parser(
            "reconcile", help="Compare database and index, fix and report drift"
        )
        evaluate = sub.add_parser(
            "evaluate",
            help="Relevance by query kind on the real OGP export (nDCG@10, recall@50)",
        )
        evaluate.add_argument(
            "--data-dir", type=Path, help="Where ogp_commitments_subset.csv is"
        )
        evaluate.add_argument(
            "--engine",
            action="append",
            help="Engines to score, any of search.evaluation.RANKERS (default: ours "
            "and wagtail); text and vectors are our search with one half of the "
            "hybrid only",
        )
        evaluate.add_argument(
            "--per-query", action="store_true", help="Also print every query's scores"
        )
        evaluate.add_argument(
            "--ceiling",
            action="store_true",
            help="Also print what the judgements allow: ideal re-orderings of our "
            "results, relevant practices never returned or holding none of the "
            "query's words (docs/search.md)",
        )
        evaluate.add_argument(
            "--attribution",
            action="store_true",
            help="Also print which clauses and fields (people's text, machine "
            "translations) score the first ten of the tuning half (docs/search.md)",
        )
        evaluate.add_argument(
            "--clause-weights",
            action="store_true",
            help="Also fit the search request's clause weights on the tuning half, "
            "re-ranking each query's first candidates offline (docs/search.md)",
        )
        evaluate.add_argument(
            "--clause-scores-out",
            type=Path,
            help="Save each candidate's score per clause as JSON (fit again with "
            "--clause-scores-in)",
        )
        evaluate.add_argument(
            "--clause-scores-in",
            type=Path,
            help="Only fit the clause weights again from scores saved by "
            "--clause-scores-out (no index is built)",
        )
        evaluate.add_argument(
            "--field-weights",
            action="store_true",
            help="Also fit the words clauses' per-field weights on the tuning half "
            "offline (with --clause-scores-in: from saved scores; docs/search.md)",
        )
        drain = sub.add_parser("drain", help="Apply queued index updates")
        drain.add_argument(
            "--watch", type=float, default=0, help="Repeat every N seconds"
        )

    def handle(self, *args, **options):
        action = options["action"]
        try:
            if action == "rebuild":
                published = commands.published_count()
                bars = dict(file=sys.stderr, disable=None)  # no bar off a terminal
                with (
                    tqdm(
                        total=published, unit="practice", desc="indexing", **bars
                    ) as bar,
                    tqdm(unit="text", desc="embedding new texts", **bars) as texts,
                ):
                    report = commands.rebuild_index(
                        bar.update,
                        translate=not options["no_translate"],
                        translation_progress=True,
                        out=self.stdout.write,
                        tally=EmbeddingTally(embedded=texts.update),
                    )
                self.stdout.write(
                    f"Rebuilt {report.index}: {report.documents} practices in "
                    f"{report.seconds:.1f}s; removed {', '.join(report.removed_indices) or 'none'}."
                )
                embedded = report.embedding
                if embedded.texts:
                    self.stdout.write(
                        f"Embedded {embedded.texts} new texts in "
                        f"{embedded.seconds:.1f}s of encoder time "
                        f"({embedded.per_second:.0f} texts/s); the rest were stored."
                    )
            elif action == "status":
                for line in commands.status_lines():
                    self.stdout.write(line)
            elif action == "reconcile":
                report = commands.reconcile()
                self.stdout.write(report.summary())
            elif action == "evaluate":
                self._evaluate(options)
            elif action == "drain":
                self._drain(options["watch"])
        except commands.SearchOperationError as exc:
            raise CommandError(str(exc)) from exc

    def _evaluate(self, options):
        # Imported here: the harness loads Django's test utilities, which the
        # index's everyday commands do not need.
        from search.evaluation import RANKERS, EvaluationSkipped, evaluate

        if options["clause_scores_in"]:
            from search.evaluation.clause_weights import fit_report, load
            from search.evaluation.field_weights import fit_report as field_report

            saved = load(options["clause_scores_in"])
            if options["field_weights"]:
                field_report(saved[0], out=self.stdout.write)
            else:
                fit_report(*saved, out=self.stdout.write)
            return
        engines = tuple(options["engine"] or ("ours", "wagtail"))
        unknown = [name for name in engines if name not in RANKERS]
        if unknown:
            raise CommandError(
                f"unknown engine {unknown[0]!r}; one of {', '.join(RANKERS)}"
            )
        try:
            evaluate(
                options["data_dir"],
                engines=engines,
                per_query=options["per_query"],
                ceiling=options["ceiling"],
                attribution=options["attribution"],
                clause_weights=options["clause_weights"],
                clause_scores_out=options["clause_scores_out"],
                field_weights=options["field_weights"],
                out=self.stdout.write,
            )
        except EvaluationSkipped as exc:
            self.stdout.write(f"skipped: {exc}")

    def _drain(self, watch: float):
        while True:
            report = commands.drain_queue()
            if report.indexed or report.deleted or report.failed or not watch:
                self.stdout.write(
                    f"indexed {report.indexed}, removed {report.deleted}, failed {report.failed}, "
                    f"still queued {report.remaining}"
                    + (f" ({report.error})" if report.error else "")
                    + (
                        f"; {report.embedding_summary()}"
                        if report.embedded.texts
                        else ""
                    )
                )
            if not watch:
                return
            time.sleep(watch)
