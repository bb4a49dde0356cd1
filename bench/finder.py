"""`make finder-bench` (`python -m bench.finder --size 10000`): the practice finder's
API timed for one client at SIZE practices; prints size, machine and p50/p95/p99.

The repertory is the load benchmark's synthetic one (bench/corpus.py), imported as
real pages on the benchmark's own node and database (bench/environment.py), served
by gunicorn as production is. The contexts are the finder's judged contexts
(finder/evaluation/contexts.json), posted in turn: real officials' problems, places
and aims, so the candidates, facts and reasons are computed as they would be.
"""

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from .environment import add_bench_arguments, prepare_workdir, start_django

WARM_UP = 20


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.finder", description=__doc__)
    parser.add_argument("--size", type=int, default=10_000, help="practices")
    parser.add_argument("--requests", type=int, default=300, help="timed requests")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    add_bench_arguments(parser, port=9261, app_port=8766)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = prepare_workdir(
        args.size, reuse=args.reuse, database_url=args.database_url
    )
    start_django(args, workdir)
    return run(args, workdir)


def run(args, workdir: Path) -> int:
    import urllib3
    from django.conf import settings
    from django.core.management import call_command
    from tqdm import tqdm

    from finder.evaluation.judged import judged_contexts
    from practices.models import PracticePage
    from search import commands

    from .corpus import CorpusShape, write_corpus
    from .load import percentile
    from .node import BenchNode
    from .run import _cpu_model, import_corpus
    from .server import AppServer

    node = BenchNode(port=args.port, heap=args.heap)
    server = AppServer(port=args.app_port, workers=args.workers)
    node.start()
    try:
        shape = CorpusShape.learn(args.data)
        corpus = write_corpus(workdir / "corpus.jsonl", args.size, args.seed, shape)
        call_command("migrate", verbosity=0, interactive=False)
        call_command("setup_site", verbosity=0)
        if PracticePage.objects.count() < args.size:
            import_corpus(corpus, args.size)
        pages = PracticePage.objects.live().count()
        with tqdm(total=pages, desc="search rebuild", unit="doc") as bar:
            report = commands.rebuild_index(progress=bar.update, translate=False)
        if not (settings.STATIC_ROOT / "staticfiles.json").is_file():
            call_command("collectstatic", verbosity=0, interactive=False)
        server.start(workdir / "gunicorn-finder.log")
        bodies = [
            json.dumps({**judged.params, "lang": judged.lang}).encode()
            for judged in judged_contexts()
        ]
        http = urllib3.PoolManager(maxsize=1, retries=False)
        url = f"{server.url}/api/v1/finder/"
        load_before = os.getloadavg()
        timings, errors = [], 0
        total = WARM_UP + args.requests
        for index in tqdm(range(total), desc="finder API, 1 client", unit="req"):
            body = bodies[index % len(bodies)]
            started = time.perf_counter()
            response = http.request(
                "POST",
                url,
                body=body,
                headers={"Content-Type": "application/json"},
                timeout=30,
            )
            elapsed = (time.perf_counter() - started) * 1000
            if index < WARM_UP:
                continue
            timings.append(elapsed)
            if response.status != 200:
                errors += 1
        load_after = os.getloadavg()
    finally:
        server.stop()
        if not args.keep_node:
            node.stop()
    print()
    print(
        f"Practice finder API (POST /api/v1/finder/), 1 client, {len(timings)} "
        f"requests after {WARM_UP} to warm up, the {len(bodies)} judged contexts in turn"
    )
    print(
        f"size: {pages:,} practices ({report.documents:,} documents), "
        f"search mode {args.search_mode}, {args.workers} gunicorn workers, "
        f"node heap {args.heap}"
    )
    print(
        f"machine: {_cpu_model()}, {os.cpu_count()} cores; load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after (other work shares it)"
    )
    print(
        f"p50 {percentile(timings, 50):.0f} ms, p95 {percentile(timings, 95):.0f} ms, "
        f"p99 {percentile(timings, 99):.0f} ms, mean {statistics.mean(timings):.0f} ms, "
        f"max {max(timings):.0f} ms; errors {errors}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
