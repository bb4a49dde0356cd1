"""Reading settings from the environment, with errors a newcomer can act on."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use true or false.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from exc


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


SUPPORTED_DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "pgsql")
# How long a SQLite writer waits for the lock held by another.
SQLITE_BUSY_SECONDS = 20


def database_from_url(url: str, *, conn_max_age: int = 60) -> dict:
    """Parse DATABASE_URL, refusing anything we do not run on."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in SUPPORTED_DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r} is not usable: expected "
            "sqlite:////absolute/path.sqlite3 or "
            "postgres://user:password@host:5432/name."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r} is not usable: {exc}"
        ) from exc
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} names no database.")
    if scheme == "sqlite":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # A writer waits up to this long for another's lock instead of failing
            # at once with "database is locked".
            "timeout": SQLITE_BUSY_SECONDS,
            # Take the write lock when a transaction begins, so two transactions
            # that read then write queue up rather than deadlock (which SQLite can
            # only answer with an immediate "database is locked").
            "transaction_mode": "IMMEDIATE",
            # Readers (searches, listings) do not wait for a writer, nor it for them.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


CACHE_TABLE = "kb_cache"
# The shared caches by alias (see kb/caches.py for what each holds): their table on
# the database, and how many entries before the database cache culls.
CACHE_TABLES = {
    "default": CACHE_TABLE,
    "counters": "kb_cache_counters",
    "queries": "kb_cache_queries",
}
DEFAULT_CACHE_MAX_ENTRIES = {
    "default": 5_000,
    "counters": 50_000,
    "queries": 10_000,
}


def cache_from_url(url: str, alias: str = "default", max_entries: int | None = None):
    """One shared cache: Redis for redis:// or rediss:// URLs, the database otherwise.

    On the database each alias has its own table, so culling one (Django deletes a
    third of the keys past MAX_ENTRIES) never reaches another's keys. On Redis the
    aliases share the server under their own key prefix.
    """
    max_entries = max_entries or DEFAULT_CACHE_MAX_ENTRIES[alias]
    if not url:
        return {
            "BACKEND": "kb.database_cache.AtomicDatabaseCache",
            "LOCATION": CACHE_TABLES[alias],
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        }
    scheme = url.split("://", 1)[0]
    if scheme not in ("redis", "rediss", "unix"):
        raise ImproperlyConfigured(
            f"REDIS_URL/CACHE_URL={url!r} is not usable: expected "
            "redis://host:6379/0 (or rediss:// for TLS)."
        )
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "" if alias == "default" else alias,
    }


def caches_from_url(url: str, max_entries: dict[str, int] | None = None) -> dict:
    """Every shared cache alias (CACHE_TABLES), on the database or on Redis."""
    max_entries = max_entries or {}
    return {
        alias: cache_from_url(url, alias, max_entries.get(alias))
        for alias in CACHE_TABLES
    }
