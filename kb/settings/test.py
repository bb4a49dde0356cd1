"""Test runs: a real database (DATABASE_URL, SQLite by default) and the real OpenSearch node."""

from .base import *  # noqa: F403
from .environment import CACHE_TABLES, DEFAULT_CACHE_MAX_ENTRIES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A file, not SQLite's default in-memory test database, so the browser tests' server
# thread sees the same data as the tests.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-repertorio.sqlite3")}  # noqa: F405

# The browser tests' server answers in short-lived threads; a connection kept past its
# request would outlive the thread and stop PostgreSQL from dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# The browser tests' pages are served from threads of the test process while
# pytest-django blocks database access between tests; a database cache hit in that
# window left a request's transaction open on PostgreSQL, holding the rate-limit row
# that every later request waited on. Tests of the shared (database) cache itself
# configure it explicitly (tests/kb/test_rate_limits.py).
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": alias,  # one memory store per alias, as the tables are
        "OPTIONS": {"MAX_ENTRIES": DEFAULT_CACHE_MAX_ENTRIES[alias]},
    }
    for alias in CACHE_TABLES
}

# A publish's index drain runs at once, inside the test, as it ran after the commit
# before it became a task: tests search right after they publish. The "background"
# queues (duplicates, translation, dumps) stay in the database, where a test runs
# them with a worker or calls their function (tests/desk/test_duplicates.py).
TASKS = {
    **TASKS,  # noqa: F405
    "index": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["index"],
    },
}
