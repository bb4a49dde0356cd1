from django.core.management.base import BaseCommand

from finder.evaluation.judged import HALVES, judged_contexts
from finder.evaluation.runner import evaluate, score


class Command(BaseCommand):
    help = (
        "The practice finder's judged contexts: nDCG@5 of the finder and plain search"
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser(
            "evaluate",
            help="Both halves on a fresh copy of the demo repertory (make finder-eval)",
        )
        run.add_argument("--per-context", action="store_true")
        tune = sub.add_parser(
            "tune",
            help="The tuning half only, on the configured database and index",
        )
        tune.add_argument("--per-context", action="store_true")

    def handle(self, *args, **options):
        if options["action"] == "evaluate":
            evaluate(per_context=options["per_context"], out=self.stdout.write)
            return
        scores = score(
            ("tuning",), per_context=options["per_context"], out=self.stdout.write
        )
        contexts = judged_contexts()
        batches = sorted({context.batch for context in contexts})
        for engine in scores.by_engine:
            line = f"{engine}: tuning nDCG@5 {scores.mean(engine, HALVES[0]):.3f}"
            if len(batches) > 1:
                line += "".join(
                    f", batch {batch} "
                    + f"{scores.mean(engine, HALVES[0], only=_ids(contexts, batch)):.3f}"
                    for batch in batches
                )
            self.stdout.write(line)


def _ids(contexts, batch: int) -> frozenset:
    return frozenset(c.id for c in contexts if c.batch == batch)
