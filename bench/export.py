"""`python -m bench.export --size N`: how fast the open data export streams a whole
repertory of N practices, and the web worker's peak memory while it does.

It reuses the load harness's pieces: the corpus shaped after the real catalogues,
the import, an OpenSearch node of its own (port 9270 by default, so neither the
shared node nor `make bench`'s is disturbed) and gunicorn as production runs it,
with one worker so that worker serves every export. Each format is downloaded in
full, the rows are counted on the client side, and the worker's resident memory is
read from /proc while the download runs (VmRSS, sampled) and after it (VmHWM, the
kernel's own high-water mark since the worker started).
"""

import argparse
import csv
import io
import os
import platform
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .environment import add_bench_arguments, prepare_workdir, start_django

CHUNK = 64 * 1024


@dataclass
class ExportFigures:
    file_format: str
    rows: int
    declared: int
    seconds: float
    megabytes: float
    rss_before_mb: float
    rss_peak_mb: float
    hwm_mb: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__)
    parser.add_argument("--size", type=int, default=10_000, help="practices")
    add_bench_arguments(parser, port=9270, app_port=8770)
    parser.set_defaults(modes="text")  # an export reads no vectors
    parser.add_argument("--formats", default="csv,jsonl")
    parser.add_argument(
        "--worker-timeout",
        type=int,
        default=1800,
        help="gunicorn's worker timeout: a whole export is one request",
    )
    parser.add_argument(
        "--seed-size",
        type=int,
        default=1000,
        help="practices imported through the importer; the rest are SQL copies of "
        "them (bench/clone.py)",
    )
    return parser.parse_args(argv)


def _status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class RssSampler(threading.Thread):
    """The largest VmRSS of one process, sampled every 50 ms until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, _status_mb(self.pid, "VmRSS"))
            self._done.wait(0.05)

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak


def download(url: str, file_format: str, pid: int) -> ExportFigures:
    import urllib3

    http = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(read=600))
    before = _status_mb(pid, "VmRSS")
    sampler = RssSampler(pid)
    sampler.start()
    started = time.monotonic()
    response = http.request(
        "GET",
        f"{url}/api/v1/practices/export/?format={file_format}",
        preload_content=False,
    )
    if response.status != 200:
        sampler.stop()
        raise RuntimeError(
            f"export answered {response.status}: {response.read()[:300]}"
        )
    declared = int(response.headers["X-Total-Count"])
    text = io.TextIOWrapper(_Counting(response), encoding="utf-8", newline="")
    if file_format == "csv":
        rows = sum(1 for _row in csv.reader(text)) - 1  # the header
    else:
        rows = sum(1 for line in text if line.strip())
    seconds = time.monotonic() - started
    size = text.buffer.count
    response.release_conn()
    peak = sampler.stop()
    return ExportFigures(
        file_format=file_format,
        rows=rows,
        declared=declared,
        seconds=seconds,
        megabytes=size / 1e6,
        rss_before_mb=before,
        rss_peak_mb=peak,
        hwm_mb=_status_mb(pid, "VmHWM"),
    )


class _Counting(io.RawIOBase):
    """A readable view of a streamed response that counts the bytes read."""

    def __init__(self, response):
        self.response = response
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.response.read(min(len(buffer), CHUNK))
        self.count += len(data)
        buffer[: len(data)] = data
        return len(data)


def print_table(size: int, pages: int, figures: list[ExportFigures]) -> None:
    cpus = os.cpu_count()
    print()
    print(
        f"Open data export, {size:,} practices ({pages:,} live pages), one gunicorn "
        f"sync worker, {platform.machine()} with {cpus} cores, Python "
        f"{platform.python_version()}"
    )
    header = (
        "format",
        "rows",
        "X-Total-Count",
        "seconds",
        "rows/s",
        "MB",
        "worker RSS before",
        "peak RSS (sampled)",
        "VmHWM",
    )
    rows = [
        (
            f.file_format,
            f"{f.rows:,}",
            f"{f.declared:,}",
            f"{f.seconds:.1f}",
            f"{f.rows_per_second:,.0f}",
            f"{f.megabytes:.1f}",
            f"{f.rss_before_mb:.0f} MB",
            f"{f.rss_peak_mb:.0f} MB",
            f"{f.hwm_mb:.0f} MB",
        )
        for f in figures
    ]
    widths = [
        max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)
    ]
    for row in (header, *rows):
        print(" | ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)))


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = prepare_workdir(args.size, reuse=args.reuse)
    start_django(args, workdir)
    from django.core.management import call_command

    from practices.models import PracticePage
    from search import commands
    from search.client import get_client
    from search.indexer import alias_name

    def indexed_count() -> int:
        try:
            return get_client().count(index=alias_name(), request_timeout=30)["count"]
        except Exception:  # noqa: BLE001 - no index yet: rebuild
            return -1

    from .clone import (
        clone_practices,
        finish_filled_index,
        index_copies,
        practice_count,
    )
    from .corpus import CorpusShape, write_corpus
    from .node import BenchNode
    from .run import import_corpus
    from .server import AppServer

    node = BenchNode(port=args.port, heap=args.heap)
    # One worker serves every export; the export of a large repertory outlasts
    # gunicorn's default 30 s timeout (see docs/operations.md).
    server = AppServer(port=args.app_port, workers=1, timeout=args.worker_timeout)
    node.start()
    figures = []
    try:
        shape = CorpusShape.learn(args.data)
        imported = min(args.size, args.seed_size)
        corpus = write_corpus(workdir / "corpus.jsonl", imported, args.seed, shape)
        call_command("migrate", verbosity=0, interactive=False)
        call_command("setup_site", verbosity=0)
        if PracticePage.objects.count() < imported:
            import_corpus(corpus, imported)
        if practice_count() < args.size:
            started = time.monotonic()
            added = clone_practices(args.size)
            print(f"copied {added:,} practices in {time.monotonic() - started:.0f} s")
        pages = PracticePage.objects.live().count()
        if indexed_count() != practice_count():
            started = time.monotonic()
            if args.size > args.seed_size:
                # The copies' documents are copied too (bench/clone.py).
                if not finish_filled_index(practice_count()):
                    index_copies()
            else:
                commands.rebuild_index(translate=False)
            print(f"index built in {time.monotonic() - started:.0f} s")
        server.start(workdir / "gunicorn-export.log")
        (pid,) = server.worker_pids()
        for file_format in args.formats.split(","):
            figures.append(download(server.url, file_format, pid))
    finally:
        server.stop()
        if not args.keep_node:
            node.stop()
    print_table(args.size, pages, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
