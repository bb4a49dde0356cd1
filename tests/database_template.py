"""One migrated test database per run, copied for each test process.

pytest-django migrates a test database in every pytest-xdist process (some 17 s a
process on PostgreSQL, in each tier). Here the first process to need one migrates a
template and sets the site up in it (pages.site_setup.ensure_site), under a lock the
run's processes share, and each process, that one too, then works on a copy of its
own, as Django's `manage.py test --parallel` does (`clone_test_db`: `CREATE DATABASE
… TEMPLATE` on PostgreSQL, a copy of the file on SQLite).

The template is migrated afresh on every run, never kept from an earlier one: a
migration that breaks still fails the run. The run's folder (the lock, and the names
of the templates made) belongs to the process that made it, xdist's controller or a
run's only process, which drops the templates at the end. `make test` gives both of
its tiers one folder of its own (TEST_DATABASE_RUN_FOLDER), so the browser tier
copies the template the integration tier migrated, and drops it when both are done
(`python -m tests.database_template drop FOLDER`).
"""

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connections
from django.test.utils import teardown_databases

RUN_FOLDER = pytest.StashKey[Path]()
WORKER_INPUT = "repertorio_test_run_folder"  # the folder, as handed to each process
TEMPLATES = "templates.json"  # alias -> template database name, once migrated
SHARED_RUN_FOLDER = "TEST_DATABASE_RUN_FOLDER"  # a folder several runs share


def hand_over(node) -> None:
    """xdist's controller hands its run folder to each test process it starts."""
    node.workerinput[WORKER_INPUT] = str(_own_run_folder(node.config))


def finish(config) -> None:
    """After the last process has dropped its copy, the run's owner drops the
    templates."""
    if RUN_FOLDER in config.stash:
        from pytest_django.plugin import blocking_manager_key

        with config.stash[blocking_manager_key].unblock():
            drop_templates(config.stash[RUN_FOLDER])
        del config.stash[RUN_FOLDER]


def set_up(config, prepare: Callable[[], object], verbosity: int = 0) -> list:
    """Point every connection at a fresh copy of the run's template, made first by
    migrating and then calling `prepare` if no process of the run has made it yet.
    Returns what Django's `teardown_databases` takes to drop the copies."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        folder, copy = _own_run_folder(config), "copy"
    else:
        folder, copy = Path(workerinput[WORKER_INPUT]), workerinput["workerid"]
    old_names = [
        (connection, connection.settings_dict["NAME"], True)
        for connection in connections.all()
    ]
    with _locked(folder / "lock"):
        templates = folder / TEMPLATES
        if templates.exists():
            for alias, name in json.loads(templates.read_text()).items():
                connections[alias].settings_dict["NAME"] = name
        else:
            for connection in connections.all():
                connection.creation.create_test_db(
                    verbosity=verbosity, autoclobber=True, serialize=False
                )
            prepare()
            templates.write_text(
                json.dumps(
                    {
                        connection.alias: connection.settings_dict["NAME"]
                        for connection in connections.all()
                    }
                )
            )
        # A template must have no session open while it is copied (PostgreSQL), and
        # its last one closed writes SQLite's log back into the file.
        connections.close_all()
        for connection in connections.all():
            _remove_sqlite_logs(connection, copy)  # a crashed run's, not this copy's
            connection.creation.clone_test_db(suffix=copy, verbosity=verbosity)
    for connection in connections.all():
        # In place: the live server's threads make their connections from this dict.
        connection.settings_dict.update(
            connection.creation.get_test_db_clone_settings(copy)
        )
        connection.close()
    return old_names


def tear_down(old_names: list, verbosity: int = 0) -> None:
    """Drop this process's copies. A connection that another context of the process
    left open (Playwright's greenlet has connections of its own:
    tests/browser_support.py) would stop PostgreSQL from dropping a copy, so its
    session is ended first."""
    for connection, _, _ in old_names:
        if connection.vendor == "postgresql":
            with connection.creation._nodb_cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid()",
                    [connection.settings_dict["NAME"]],
                )
    sqlite_copies = [
        connection.settings_dict["NAME"]
        for connection, _, _ in old_names
        if connection.vendor == "sqlite"
    ]
    teardown_databases(old_names, verbosity=verbosity)
    for name in sqlite_copies:  # left by that other context's connection
        for log in (f"{name}-wal", f"{name}-shm"):
            Path(log).unlink(missing_ok=True)


def drop_templates(folder: Path) -> None:
    templates = folder / TEMPLATES
    if templates.exists():
        for alias, name in json.loads(templates.read_text()).items():
            connection = connections[alias]
            connection.close()
            try:
                connection.creation._destroy_test_db(name, verbosity=0)
            except Exception as exc:  # noqa: BLE001 - the next run drops it first
                print(f"could not drop the template test database {name}: {exc}")
    shutil.rmtree(folder, ignore_errors=True)


def _remove_sqlite_logs(connection, copy: str) -> None:
    if connection.vendor == "sqlite":
        name = connection.creation.get_test_db_clone_settings(copy)["NAME"]
        for log in (f"{name}-wal", f"{name}-shm"):
            Path(log).unlink(missing_ok=True)


def _own_run_folder(config) -> Path:
    """The run's folder: one several runs share (its maker drops the templates), or
    one of this run's own."""
    if os.environ.get(SHARED_RUN_FOLDER):
        return Path(os.environ[SHARED_RUN_FOLDER])
    if RUN_FOLDER not in config.stash:
        config.stash[RUN_FOLDER] = Path(tempfile.mkdtemp(prefix="repertorio-test-db-"))
    return config.stash[RUN_FOLDER]


@contextmanager
def _locked(path: Path):
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


if __name__ == "__main__":  # python -m tests.database_template drop FOLDER
    import sys

    import django

    command, folder = sys.argv[1:]
    if command != "drop":
        sys.exit(f"unknown command {command!r}: drop FOLDER")
    django.setup()
    drop_templates(Path(folder))
