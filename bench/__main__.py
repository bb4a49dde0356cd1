"""`make bench` (`python -m bench --size N`): build a repertory of N practices, serve it
as production does, load it, and print one table.

Everything runs on this machine and on the benchmark's own OpenSearch node (port
9260 by default), with its own SQLite database (or the PostgreSQL database of
`--database-url`) and index prefix under `.cache/bench/`, so the development node
and database are left alone.
"""

import argparse

from .environment import add_bench_arguments, prepare_workdir, start_django


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", type=int, default=100_000, help="practices")
    parser.add_argument(
        "--clients", default="1,8,16", help="concurrent clients, comma-separated"
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=0,
        help="requests per level (default: 300 at 1 client, 600 at more)",
    )
    add_bench_arguments(parser, port=9260, app_port=8765)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--wagtail-searches",
        type=int,
        default=60,
        help="searches compared with Wagtail's own search (0: skip that side)",
    )
    parser.add_argument(
        "--mixes",
        default="uniform",
        help="request mixes per mode, comma-separated: uniform (every request of "
        "the mix once in turn) and zipf (drawn with Zipf-shaped popularity, so "
        "some searches repeat)",
    )
    parser.add_argument(
        "--publish-every",
        type=float,
        default=1.0,
        help="seconds between the publishing probe's publishes (0: none)",
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=1,
        help="index each practice this many times (new ids): a larger index for "
        "the search figures without importing as many pages (--size 10000 "
        "--copies 10: 100,000 documents)",
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = prepare_workdir(
        args.size, reuse=args.reuse, database_url=args.database_url
    )
    start_django(args, workdir)
    from .run import run

    return run(args, workdir)


if __name__ == "__main__":
    raise SystemExit(main())
