"""The benchmark's steps, in order; `python -m bench` sets up Django and calls `run`."""

import os
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from opensearchpy import helpers
from tqdm import tqdm

from practices.importers.batch import run_import
from practices.importers.jsonl import read_jsonl
from practices.models import PracticePage
from search import commands
from search.client import get_client
from search.indexer import alias_name
from search.mapping import VECTOR_FIELD
from search.vectors import EmbeddingTally, tallied

from . import vector_cache
from .corpus import CorpusShape, write_corpus
from .environment import bench_modes
from .load import LoadRun, percentile, request_mix, run_load, zipf_mix
from .node import BenchNode
from .publishing import PublishProbe
from .server import AppServer
from .wagtail_compare import SideBySide, time_side_by_side, update_wagtail_index

MIX_SIZE = 2000
# The noise added to each coordinate of a copy's unit vector (512 dimensions): the
# copy stays about 0.95 cosine from its original.
COPY_JITTER = 0.014
WARM_UP = 40
# What each measured mode sets in the server's environment. "hybrid, 2 requests" is
# the vector half as a k-NN request of its own (the design before issue #25).
MODES = {
    "hybrid": {"SEARCH_MODE": "hybrid"},
    "hybrid-2req": {"SEARCH_MODE": "hybrid", "SEARCH_VECTOR_REQUEST": "separate"},
    "text": {"SEARCH_MODE": "text"},
}
# A mode's "+cache": whole answers kept for identical searches (search/answers.py).
FLAGS = {"cache": {"SEARCH_ANSWER_CACHE_SECONDS": "300"}}


def mode_environment(mode: str) -> dict[str, str]:
    base, *flags = mode.split("+")
    env = dict(MODES[base])
    for flag in flags:
        env.update(FLAGS[flag])
    return env


@dataclass
class LevelResult:
    run: LoadRun
    engine_ms: float  # the engine's query and fetch time per HTTP request
    searches: float  # engine searches per HTTP request
    app_cpu_ms: float  # the workers' CPU time per HTTP request (Python)
    rss_mb: float
    private_mb: float
    mode: str = ""
    publish: PublishProbe | None = None


@dataclass
class Figures:
    size: int
    pages: int = 0
    corpus_source: str = ""
    import_seconds: float | None = None
    rebuild_seconds: float = 0.0
    rebuild_documents: int = 0
    embedded_texts: int = 0
    import_embedded: int = 0
    import_embedding_seconds: float = 0.0
    embedding_seconds: float = 0.0
    cached_vectors: int = 0
    documents: int = 0
    wagtail_index_seconds: float | None = None
    levels: list[LevelResult] = field(default_factory=list)
    side_by_side: SideBySide | None = None


def engine_search_stats() -> tuple[int, int]:
    """(searches, milliseconds spent in query, fetch and suggest) on our index."""
    stats = get_client().indices.stats(index=alias_name(), metric="search")
    search = stats["_all"]["primaries"]["search"]
    spent = (
        search["query_time_in_millis"]
        + search["fetch_time_in_millis"]
        + search.get("suggest_time_in_millis", 0)
    )
    return search["query_total"], spent


def run(args, workdir: Path) -> int:
    node = BenchNode(port=args.port, heap=args.heap)
    modes = bench_modes(args)
    with_vectors = any(mode_environment(m)["SEARCH_MODE"] == "hybrid" for m in modes)
    vectors_file = vector_cache.cache_file(workdir.parent)
    figures = Figures(size=args.size)
    node.start()
    server = None
    try:
        shape = CorpusShape.learn(args.data)
        figures.corpus_source = f"{shape.source} ({shape.seeds} seed records)"
        corpus = write_corpus(workdir / "corpus.jsonl", args.size, args.seed, shape)
        call_command("migrate", verbosity=0, interactive=False)
        call_command("setup_site", verbosity=0)
        if with_vectors:
            figures.cached_vectors = vector_cache.restore(vectors_file)
        present = PracticePage.objects.count()
        if present < args.size:
            with (
                tqdm(desc="embedding new texts (import)", unit="text") as texts,
                tallied(EmbeddingTally(embedded=texts.update)) as tally,
            ):
                figures.import_seconds = import_corpus(corpus, args.size)
            figures.import_embedded = tally.texts
            figures.import_embedding_seconds = tally.seconds
        figures.pages = PracticePage.objects.live().count()
        started = time.monotonic()
        # Machine translation is measured on its own (`search rebuild` prints its
        # throughput); translating 100k synthetic records would swamp this figure.
        with (
            tqdm(total=figures.pages, desc="search rebuild", unit="doc") as bar,
            tqdm(desc="embedding new texts", unit="text") as texts,
        ):
            report = commands.rebuild_index(
                progress=bar.update,
                translate=False,
                tally=EmbeddingTally(embedded=texts.update),
            )
        figures.rebuild_seconds = time.monotonic() - started
        figures.rebuild_documents = report.documents
        figures.documents = report.documents
        figures.embedded_texts = report.embedding.texts
        figures.embedding_seconds = report.embedding.seconds
        if with_vectors:
            vector_cache.save(vectors_file)
        if args.copies > 1:
            figures.documents = copy_documents(args.copies, args.seed)
        if not (settings.STATIC_ROOT / "staticfiles.json").is_file():
            call_command("collectstatic", verbosity=0, interactive=False)
        uniform = request_mix(shape, MIX_SIZE, args.seed)
        mixes = {
            "uniform": uniform,
            "zipf": zipf_mix(uniform, MIX_SIZE, args.seed),
        }
        for mode in modes:
            server = AppServer(
                port=args.app_port,
                workers=args.workers,
                env=mode_environment(mode),
                index_worker=bool(args.publish_every),
            )
            server.start(workdir / f"gunicorn-{mode}.log")
            run_load(server.url, uniform[-WARM_UP:], clients=1, requests=WARM_UP)
            for mix_name in args.mixes.split(","):
                mix = mixes[mix_name]
                offset = 0
                for clients in (int(c) for c in args.clients.split(",")):
                    count = args.requests or (300 if clients == 1 else 600)
                    # Each level sends requests the levels before it did not (in the
                    # uniform mix): a repeated search without words would come from
                    # the node's request cache.
                    level_mix = mix[offset:] + mix[:offset]
                    level = measure_level(
                        server, level_mix, clients, count, args.publish_every
                    )
                    level.mode = (
                        mode if mix_name == "uniform" else f"{mode}, {mix_name}"
                    )
                    figures.levels.append(level)
                    offset = (offset + count) % len(mix)
            server.stop()
            server = None
        if args.wagtail_searches:
            figures.wagtail_index_seconds = build_wagtail_index()
            api = [p for p in uniform if p.kind == "api"][: args.wagtail_searches]
            with tqdm(total=len(api), desc="ours vs Wagtail", unit="search") as bar:
                figures.side_by_side = time_side_by_side(
                    [p.url_path.split("?", 1)[1] for p in api], progress=bar
                )
    finally:
        if server is not None:
            server.stop()
        if not args.keep_node:
            node.stop()
    print_table(figures, args)
    return 0


def import_corpus(corpus: Path, size: int) -> float:
    def rows():
        return tqdm(read_jsonl(corpus), total=size, desc="import", unit="row")

    started = time.monotonic()
    report = run_import(rows, publish=True)
    seconds = time.monotonic() - started
    if report.aborted or report.rejected:
        raise RuntimeError(f"the generated corpus was rejected: {report.summary()}")
    return seconds


def copy_documents(copies: int, seed: int) -> int:
    """Index every document `copies - 1` more times under new ids (as the issue's
    own 100k measurement did), for search figures at a size the import cannot reach
    in time on a shared machine. A copy's vector is its original's with a little
    noise (renormalised), so the k-NN graph holds distinct points, not stacks of
    identical ones; the index is then merged to one segment, as a rebuild leaves
    it."""
    client = get_client()
    index = alias_name()
    rng = np.random.default_rng(seed)
    originals = [
        (hit["_id"], hit["_source"])
        for hit in helpers.scan(client, index=index, query={"query": {"match_all": {}}})
    ]

    def copied(key: str, source: dict, n: int) -> dict:
        document = {**source, "id": f"{key}-copy{n}"}
        if VECTOR_FIELD in source:
            vector = np.asarray(source[VECTOR_FIELD], dtype=np.float32)
            vector = vector + rng.normal(0, COPY_JITTER, vector.shape)
            document[VECTOR_FIELD] = (vector / np.linalg.norm(vector)).tolist()
        return document

    actions = (
        {"_index": index, "_id": f"{key}-copy{n}", "_source": copied(key, source, n)}
        for n in range(1, copies)
        for key, source in originals
    )
    with tqdm(total=len(originals) * (copies - 1), desc="copies", unit="doc") as bar:
        for _ok, _item in helpers.streaming_bulk(
            client, actions, chunk_size=500, request_timeout=120
        ):
            bar.update(1)
    client.indices.refresh(index=index, request_timeout=600)
    client.indices.forcemerge(
        index=index, params={"max_num_segments": 1}, request_timeout=3600
    )
    return client.count(index=index)["count"]


def build_wagtail_index() -> float:
    started = time.monotonic()
    update_wagtail_index()
    return time.monotonic() - started


def measure_level(
    server: AppServer, mix, clients: int, count: int, publish_every: float
) -> LevelResult:
    searches_before, spent_before = engine_search_stats()
    cpu_before = server.worker_cpu_seconds()
    # An editor publishes about once a second meanwhile (its searches for the new
    # practice count in the engine's figures too: one in twenty or fewer).
    # Words of their own in every run: a reused database keeps earlier runs' pages.
    stamp = format(int(time.time()), "x")
    probe = PublishProbe(
        server.url, label=f"zqsonda{stamp}c{clients}n", interval=publish_every
    )
    probe.start()
    try:
        with tqdm(total=count, desc=f"load, {clients} clients", unit="req") as bar:
            result = run_load(
                server.url, mix, clients=clients, requests=count, progress=bar
            )
    finally:
        probe.stop()
    cpu = server.worker_cpu_seconds() - cpu_before
    searches_after, spent_after = engine_search_stats()
    requests = len(result.samples) + probe.polls
    return LevelResult(
        result,
        engine_ms=(spent_after - spent_before) / requests,
        searches=(searches_after - searches_before) / requests,
        app_cpu_ms=cpu * 1000 / requests,
        rss_mb=server.worker_rss_mb(),
        private_mb=server.worker_private_mb(),
        publish=probe,
    )


def _row(cells: list[str], widths: list[int]) -> str:
    return (
        "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"
    )


def print_table(figures: Figures, args) -> None:
    header = [
        "mode",
        "scenario",
        "requests",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "req/s",
        "errors",
        "4xx",
        "engine ms/req",
        "searches/req",
        "app CPU ms/req",
        "worker RSS / own MB",
        "publish→found p50/p95 ms",
    ]
    rows = []
    for level in figures.levels:
        for kind, label in (("api", "API"), ("html", "HTML page")):
            samples = level.run.of(kind)
            if not samples:
                continue
            ms = [s.ms for s in samples]
            errors = sum(1 for s in samples if s.status == 0 or s.status >= 500)
            refused = sum(1 for s in samples if 400 <= s.status < 500)
            clients = level.run.clients
            rows.append(
                [
                    level.mode,
                    f"{label}, {clients} client{'s' if clients > 1 else ''}",
                    str(len(samples)),
                    f"{percentile(ms, 50):.0f}",
                    f"{percentile(ms, 95):.0f}",
                    f"{percentile(ms, 99):.0f}",
                    f"{len(level.run.samples) / level.run.seconds:.1f}"
                    if kind == "api"
                    else "(same run)",
                    str(errors),
                    str(refused),
                    f"{level.engine_ms:.1f}",
                    f"{level.searches:.2f}",
                    f"{level.app_cpu_ms:.1f}",
                    f"{level.rss_mb:.0f} / {level.private_mb:.0f}",
                    _publish_cell(level.publish) if kind == "api" else "",
                ]
            )
    side = figures.side_by_side
    if side is not None and side.searches:
        ours = (
            percentile(side.ours_ms, 50),
            percentile(side.ours_ms, 95),
            percentile(side.ours_ms, 99),
        )
        theirs = (
            percentile(side.wagtail_ms, 50),
            percentile(side.wagtail_ms, 95),
            percentile(side.wagtail_ms, 99),
        )
        blank = [""] * (len(header) - 6)  # the columns after p99
        rows.append(
            ["", "ours, in process, 1 at a time", str(side.searches)]
            + [f"{v:.0f}" for v in ours]
            + blank
        )
        rows.append(
            ["", "Wagtail search + 4 .facet()", str(side.searches)]
            + [f"{v:.0f}" for v in theirs]
            + blank
        )
        rows.append(
            ["", "Wagtail / ours (ratio)", ""]
            + [f"{t / o:.1f}x" for t, o in zip(theirs, ours, strict=True)]
            + blank
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    cpu = _cpu_model()
    print()
    print(
        f"Repertorio bench: {figures.documents:,} documents in the index from "
        f"{figures.size:,} practices ({figures.pages:,} live pages"
        + (f", each indexed {args.copies} times" if args.copies > 1 else "")
        + "), "
        f"corpus shaped after {figures.corpus_source}"
    )
    print(
        f"machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}; "
        f"OpenSearch on 127.0.0.1:{args.port}, heap {args.heap}, 1 shard, 0 replicas; "
        f"gunicorn {args.workers} sync workers, DEBUG off, {connection.display_name}; "
        f"modes: {args.modes}; load average before the table "
        f"{Path('/proc/loadavg').read_text().split(' ', 3)[:3]}"
    )
    print(
        "The load generator, the app and the engine share the same cores (and other "
        "people's work): figures are noisy; compare runs on the same machine only."
    )
    print()
    print(_row(header, widths))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(_row(row, widths))
    print()
    if figures.import_seconds is not None:
        print(
            f"import (import_practices path, JSONL, publish): {figures.pages:,} rows in "
            f"{figures.import_seconds:.1f} s = {figures.pages / figures.import_seconds:.0f} rows/s"
        )
    else:
        print("import: skipped (--reuse: the database already held the corpus)")
    print(
        f"search rebuild: {figures.rebuild_documents:,} documents in "
        f"{figures.rebuild_seconds:.1f} s = "
        f"{figures.rebuild_documents / figures.rebuild_seconds:.0f} docs/s"
    )
    if figures.wagtail_index_seconds is not None:
        print(
            f"Wagtail's update_index (its side): {figures.pages:,} pages in "
            f"{figures.wagtail_index_seconds:.1f} s"
        )
    if figures.import_embedded:
        print(
            f"the import embedded {figures.import_embedded:,} texts in "
            f"{figures.import_embedding_seconds:.1f} s of encoder time = "
            f"{figures.import_embedded / figures.import_embedding_seconds:.0f} texts/s"
        )
    if figures.cached_vectors or figures.embedded_texts:
        print(
            f"sentence vectors: {figures.cached_vectors:,} restored from the cache "
            f"file, {figures.embedded_texts:,} texts embedded by the rebuild in "
            f"{figures.embedding_seconds:.1f} s of encoder time"
            + (
                f" = {figures.embedded_texts / figures.embedding_seconds:.0f} texts/s"
                if figures.embedding_seconds
                else ""
            )
        )
    print(
        "engine ms/req: the node's query+fetch+suggest time per HTTP request (the "
        "publishing probe's searches included); searches/req: engine searches per "
        "request; app CPU ms/req: the gunicorn workers' CPU time per request (Python); "
        "worker RSS / own MB: the largest worker's resident set, and the pages it "
        "holds alone (not shared with the master copy-on-write)."
    )
    print(
        "publish→found: a practice published through the service about once a "
        "second during the level, until the search API returns it (n published; "
        "any never found within 30 s are counted as lost)."
    )
    print(
        "errors: failures and 5xx; 4xx: answers refusing the request (a page past "
        "the last one is a 404 by design)."
    )


def _publish_cell(probe: PublishProbe | None) -> str:
    if probe is None:
        return "-"
    ms = [seconds * 1000 for seconds in probe.seconds]
    notes = [f"n={len(ms)}"]
    if probe.lost:
        notes.append(f"{probe.lost} lost")
    if probe.failed:
        notes.append(f"{probe.failed} failed: {probe.last_error[:60]}")
    if not ms:
        return f"- ({', '.join(notes)})"
    return f"{percentile(ms, 50):.0f} / {percentile(ms, 95):.0f} ({', '.join(notes)})"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"
