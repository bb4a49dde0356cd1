"""`python -m bench.query_translation`: what translating a search query costs.

Translates the judged Spanish queries of the relevance harness
(search/evaluation/queries.csv) Spanish→English twice: with a new `apertium`
process per query (how queries were translated before), and through this process's
warm pipeline (`practices.translation.apertium.warm_pipeline`, how they are now).
Prints one small table of milliseconds per query. No database, no index.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from .timing_row import timing_row

REPO = Path(__file__).resolve().parent.parent


def _row(name: str, millis: list[float]) -> str:
    return timing_row(name, millis, width=34, cell=9, places=1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.query_translation", description=__doc__
    )
    parser.add_argument(
        "--cold", type=int, default=10, help="queries sent through a new process each"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from practices.translation.apertium import ApertiumTranslator, warm_pipeline
    from search.evaluation.judgements import read_queries

    queries = [row["q"] for row in read_queries() if row["lang"] == "es"]
    cold = []
    for q in queries[: args.cold]:
        started = time.perf_counter()
        ApertiumTranslator().translate([q], "es", "en")
        cold.append((time.perf_counter() - started) * 1000)
    pipeline = warm_pipeline("es", "en")
    pipeline.close()
    started = time.perf_counter()
    pipeline.translate(queries[0])
    first = (time.perf_counter() - started) * 1000
    warm = []
    for q in queries:
        started = time.perf_counter()
        pipeline.translate(q)
        warm.append((time.perf_counter() - started) * 1000)
    print(
        f"{'Spanish query -> English (ms)':<34} {'n':>5} {'median':>9} {'p95':>9} {'max':>9}"
    )
    print(_row("new apertium process per query", cold))
    print(_row("warm pipeline, first query", [first]))
    print(_row("warm pipeline, each query", warm))
    return 0


if __name__ == "__main__":
    sys.exit(main())
