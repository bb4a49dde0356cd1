"""Where a search request's time goes in the app: `python -m bench.app_profile`.

Runs against the index and database a `make bench` run of that size left (run it
with `--keep-node`). Sends the bench's seeded requests (API and HTML, as the load
mixes them) through Django's test client in this process, one at a time, in one
search mode, first timed plainly, then under cProfile. The first table splits each
request's wall time into the engine's `took`, the rest of the round trips to the
node (HTTP, gzip, JSON), the query's embedding, its translation, the shared caches
and what is left (Django, the service, rendering); the second lists the functions
with the most time of their own and cumulative time under the profiler (which
slows Python, not the engine).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from .environment import SHARED_DATA, start_django, workdir_for

# Components timed by wrapping the named callables: (label, module, attribute path).
TIMED = (
    ("node round trips", "opensearchpy.transport", "Transport.perform_request"),
    ("query embedding", "search.vectors", "embed"),
    ("query translation", "practices.translation.service", "warm_pipeline"),
    ("shared caches", "django.core.cache.backends.db", "DatabaseCache.get"),
    ("shared caches", "django.core.cache.backends.db", "DatabaseCache.get_many"),
    ("shared caches", "django.core.cache.backends.db", "DatabaseCache._base_set"),
    ("shared caches", "django.core.cache.backends.db", "DatabaseCache.incr"),
    ("shared caches", "django.core.cache.backends.db", "DatabaseCache.has_key"),
    ("templates", "django.template.backends.django", "Template.render"),
)


class Timings:
    """Wall time per component (outermost call only, so nested timed calls are not
    counted twice) and the engine's own `took` from the node's answers."""

    def __init__(self):
        self.spent: dict[str, float] = defaultdict(float)
        self.took_ms = 0.0
        self.searches = 0
        self._depth = 0

    @contextmanager
    def wrapped(self):
        import importlib

        originals = []
        for label, module_name, path in TIMED:
            module = importlib.import_module(module_name)
            owner_name, _, attribute = path.rpartition(".")
            owner = getattr(module, owner_name) if owner_name else module
            original = getattr(owner, attribute)
            originals.append((owner, attribute, original))
            setattr(owner, attribute, self._timed(label, original))
            if not owner_name:
                # `from module import name` copies already made elsewhere.
                self._patch_copies(module_name, attribute, original, originals)
        try:
            yield self
        finally:
            for owner, attribute, original in reversed(originals):
                setattr(owner, attribute, original)

    def _patch_copies(self, module_name, attribute, original, originals):
        import sys

        for module in list(sys.modules.values()):
            if module is None or module.__name__ == module_name:
                continue
            if getattr(module, attribute, None) is original:
                originals.append((module, attribute, original))
                setattr(module, attribute, getattr(sys.modules[module_name], attribute))

    def _timed(self, label, original):
        timings = self

        def timed(*args, **kwargs):
            if timings._depth:
                return original(*args, **kwargs)
            timings._depth += 1
            started = time.perf_counter()
            try:
                result = original(*args, **kwargs)
            finally:
                timings._depth -= 1
                timings.spent[label] += time.perf_counter() - started
            if label == "node round trips" and isinstance(result, dict):
                for answer in result.get("responses", [result]):
                    if "took" in answer:
                        timings.took_ms += answer["took"]
                        timings.searches += 1
            return result

        return timed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.app_profile")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=9260)
    parser.add_argument("--mode", default="hybrid", help="hybrid or text")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument(
        "--offset",
        type=int,
        default=1000,
        help="where in the seeded mix to start (past what the bench's levels sent, "
        "so queries are new to the shared caches unless --repeat)",
    )
    parser.add_argument(
        "--repeat",
        action="store_true",
        help="time the same requests a second time (query vectors and translations "
        "then come from the shared cache)",
    )
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    args = parser.parse_args(argv)
    args.modes = args.mode
    start_django(args, workdir_for(args.size))
    os.environ["SEARCH_MODE"] = args.mode
    from django.core.management import call_command
    from django.test import Client

    from search.vectors import preload_for_web

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    call_command("migrate", verbosity=0)  # a database left by an older bench run
    preload_for_web()
    shape = CorpusShape.learn(args.data)
    mix = request_mix(shape, 2000, args.seed)
    rotated = mix[args.offset :] + mix[: args.offset]
    planned = rotated[: args.requests]
    # The profiled pass sends requests of its own, new to the caches too.
    profiled = rotated[args.requests : 2 * args.requests]
    client = Client(HTTP_HOST="127.0.0.1")
    for request in mix[-10:]:  # warm: imports, labels, templates
        client.get(request.url_path)

    def send_all(requests):
        walls = []
        for request in requests:
            started = time.perf_counter()
            response = client.get(request.url_path)
            walls.append((time.perf_counter() - started) * 1000)
            if response.status_code >= 500:
                raise RuntimeError(f"{request.url_path}: {response.status_code}")
        return walls

    passes = [("new queries", planned)]
    if args.repeat:
        passes.append(("the same queries again", planned))
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"{args.requests} requests of the bench mix (from #{args.offset}), mode "
        f"{args.mode}, {args.size:,}-practice bench database, node 127.0.0.1:"
        f"{args.port}, in process, one at a time; load average {load}"
    )
    print()
    print("| pass | component | ms/request | share |")
    print("| --- | --- | --- | --- |")
    for name, requests in passes:
        timings = Timings()
        with timings.wrapped():
            walls = send_all(requests)
        total = sum(walls)
        n = len(walls)
        round_trips = timings.spent.pop("node round trips", 0.0) * 1000
        rows = [
            ("engine took", timings.took_ms),
            ("node round trips beyond took", round_trips - timings.took_ms),
        ]
        rows += [(label, seconds * 1000) for label, seconds in timings.spent.items()]
        rows.append(
            ("the rest (Django, service, views)", total - sum(v for _, v in rows))
        )
        for label, ms in rows:
            print(f"| {name} | {label} | {ms / n:.1f} | {ms / total:.0%} |")
        print(
            f"| {name} | **whole request** (p50 / p95 "
            f"{percentile(walls, 50):.0f} / {percentile(walls, 95):.0f} ms) | "
            f"{statistics.mean(walls):.1f} | 100% |"
        )
        print(f"| {name} | engine searches | {timings.searches / n:.2f} | |")
    print()
    profiler = cProfile.Profile()
    profiler.enable()
    send_all(profiled)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(order).print_stats(args.top)
        print(f"under cProfile, by {order}:")
        print(out.getvalue().split("\n", 4)[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
