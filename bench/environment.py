"""Where a benchmark runs: a folder of its own under `.cache/bench/` with a SQLite
database, an OpenSearch node of its own, and production settings pointed at both, so
the development node and database are left alone.
"""

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
DATABASE_FILES = ("repertorio.sqlite3", "repertorio.sqlite3-wal")


def add_bench_arguments(
    parser: argparse.ArgumentParser, *, port: int, app_port: int
) -> None:
    """The options of a benchmark that builds a repertory on its own node and serves
    it: the corpus, the node, the app's port and what to keep afterwards."""
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--port", type=int, default=port, help="the bench node's port")
    parser.add_argument("--heap", default="1g", help="the bench node's Java heap")
    parser.add_argument("--app-port", type=int, default=app_port)
    parser.add_argument(
        "--data",
        type=Path,
        default=SHARED_DATA,
        help="the real catalogues the corpus is shaped after",
    )
    parser.add_argument(
        "--modes",
        default="hybrid,text",
        help="search modes served and measured in turn on the same index, "
        "comma-separated: hybrid (the default mode: text and sentence vectors; "
        "every practice is embedded once, the vectors cached between runs under "
        ".cache/bench/), hybrid-2req (the vector half as a request of its own) and "
        "text; +cache keeps whole answers (hybrid+cache: SEARCH_ANSWER_CACHE_SECONDS)",
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="postgres://user:password@host:5432/name: run on PostgreSQL, as "
        "production does (the database is emptied first unless --reuse); default: "
        "a SQLite file under .cache/bench/, which lets one writer wait behind the "
        "load's readers for seconds",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep a database already holding this size (no import rate then)",
    )
    parser.add_argument(
        "--keep-node", action="store_true", help="leave the bench node running"
    )


def bench_modes(args: argparse.Namespace) -> list[str]:
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bases = {mode.split("+")[0] for mode in modes}
    flags = {flag for mode in modes for flag in mode.split("+")[1:]}
    if not modes or bases - {"hybrid", "hybrid-2req", "text"} or flags - {"cache"}:
        raise SystemExit(
            f"--modes: hybrid, hybrid-2req or text, each with an optional +cache; "
            f"not {args.modes!r}"
        )
    return modes


def bench_search_mode(args: argparse.Namespace) -> str:
    """The bench process's own mode: hybrid (an index with vectors) if any run
    serves hybrid."""
    modes = bench_modes(args)
    return "text" if all(m.split("+")[0] == "text" for m in modes) else "hybrid"


def workdir_for(size: int) -> Path:
    return REPO / ".cache" / "bench" / f"size-{size}"


def prepare_workdir(size: int, *, reuse: bool, database_url: str = "") -> Path:
    """The size's folder, created if missing, its database removed unless reused."""
    workdir = workdir_for(size)
    workdir.mkdir(parents=True, exist_ok=True)
    if not reuse:
        if database_url:
            recreate_postgres_database(database_url)
        for name in DATABASE_FILES:
            (workdir / name).unlink(missing_ok=True)
    return workdir


def recreate_postgres_database(url: str) -> None:
    """Drop and create the database the URL names (the role must be allowed to)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise SystemExit(f"--database-url: expected postgres://…, not {url!r}")
    name = parts.path.lstrip("/")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def configure_environment(args: argparse.Namespace, workdir: Path) -> None:
    """Production settings against the bench's own database and node."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "kb.settings.production",
            "SECRET_KEY": "bench-only-not-a-secret",
            "SEARCH_MODE": bench_search_mode(args),
            # One load generator on 127.0.0.1 is one client to the rate limits.
            "SEARCH_RATE_LIMIT": "1000000/m",
            "API_RATE_LIMIT": "1000000/m",
            "CONTACT_EMAIL": "bench@example.org",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DEBUG": "false",
            "DATABASE_URL": getattr(args, "database_url", "")
            or f"sqlite:///{workdir / DATABASE_FILES[0]}",
            "REPERTORIO_DATA_DIR": str(workdir),
            "OPENSEARCH_URL": f"http://127.0.0.1:{args.port}",
            "OPENSEARCH_INDEX_PREFIX": "bench",
            "LOG_LEVEL": "WARNING",
            "REPERTORIO_SHARED_DATA": str(args.data),
        }
    )


def start_django(args: argparse.Namespace, workdir: Path) -> None:
    """Django set up on the bench's settings (`args.modes`, `args.port`,
    `args.data`); models can be imported after this."""
    configure_environment(args, workdir)
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def tool_parser(prog: str, *, searches: int | None = None) -> argparse.ArgumentParser:
    """The options every measuring tool shares: the bench's size (its folder under
    .cache/bench/), its node's port, the seed of the request mix and the catalogues
    the mix is shaped after; `--searches` when the tool times a number of them."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=9260)
    if searches is not None:
        parser.add_argument("--searches", type=int, default=searches)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    return parser


def attach_to_bench(args: argparse.Namespace) -> None:
    """Django on the index a `python -m bench --keep-node` run left (hybrid, with
    vectors). Copying, building and merging an index take minutes: not the
    request path's 1.5 s timeout."""
    args.modes = "hybrid"
    os.environ.setdefault("OPENSEARCH_TIMEOUT_SECONDS", "600")
    start_django(args, workdir_for(args.size))
