"""`make bench` (`python -m bench --size N`): build a repertory of N practices, serve it
as production does, load it, and print one table.

Everything runs on this machine and on the benchmark's own OpenSearch node (port
9260 by default), with its own SQLite database and index prefix under
`.cache/bench/`, so the development node and database are left alone.
"""

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


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
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--port", type=int, default=9260, help="the bench node's port")
    parser.add_argument("--heap", default="1g", help="the bench node's Java heap")
    parser.add_argument("--app-port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--wagtail-searches",
        type=int,
        default=60,
        help="searches compared with Wagtail's own search (0: skip that side)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=REPO.parent / "shared" / "data",
        help="the real catalogues the corpus is shaped after",
    )
    parser.add_argument(
        "--search-mode",
        choices=("text", "hybrid"),
        default="text",
        help="hybrid adds sentence vectors: every practice is embedded on import "
        "(tens of ms each on this machine), so keep it for small sizes",
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=1,
        help="index each practice this many times (new ids): a larger index for "
        "the search figures without importing as many pages (--size 10000 "
        "--copies 10: 100,000 documents)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep a database already holding this size (no import rate then)",
    )
    parser.add_argument(
        "--keep-node", action="store_true", help="leave the bench node running"
    )
    return parser.parse_args(argv)


def configure_environment(args: argparse.Namespace, workdir: Path) -> None:
    """Production settings against the bench's own database and node."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "kb.settings.production",
            "SECRET_KEY": "bench-only-not-a-secret",
            "SEARCH_MODE": args.search_mode,
            # One load generator on 127.0.0.1 is one client to the rate limits.
            "SEARCH_RATE_LIMIT": "1000000/m",
            "API_RATE_LIMIT": "1000000/m",
            "CONTACT_EMAIL": "bench@example.org",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DEBUG": "false",
            "DATABASE_URL": f"sqlite:///{workdir / 'repertorio.sqlite3'}",
            "REPERTORIO_DATA_DIR": str(workdir),
            "OPENSEARCH_URL": f"http://127.0.0.1:{args.port}",
            "OPENSEARCH_INDEX_PREFIX": "bench",
            "LOG_LEVEL": "WARNING",
            "REPERTORIO_SHARED_DATA": str(args.data),
        }
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = REPO / ".cache" / "bench" / f"size-{args.size}"
    workdir.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        for name in ("repertorio.sqlite3", "repertorio.sqlite3-wal"):
            (workdir / name).unlink(missing_ok=True)
    configure_environment(args, workdir)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from .run import run

    return run(args, workdir)


if __name__ == "__main__":
    raise SystemExit(main())
