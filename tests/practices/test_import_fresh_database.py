"""On a database that has only been migrated, an import stops before writing, with
one clear line, and a dry run says the same; no traceback."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
OGP_SMALL = Path(__file__).parent / "fixtures" / "ogp_small.csv"


def _manage(database: Path, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kb.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _practice_pages(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT COUNT(*) FROM practices_practicepage"
        ).fetchone()[0]


@pytest.mark.slow
def test_import_and_dry_run_on_a_freshly_migrated_database(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    migrated = _manage(database, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr
    for extra in (["--publish"], ["--dry-run"]):
        result = _manage(
            database, "import_practices", "--format", "ogp", str(OGP_SMALL), *extra
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(errors) == 1, result.stderr
        assert "setup_site" in errors[0] and "nothing was written" in errors[0]
        assert _practice_pages(database) == 0
    # Once the site exists, the same command imports.
    assert _manage(database, "setup_site").returncode == 0
    done = _manage(
        database, "import_practices", "--format", "ogp", str(OGP_SMALL), "--publish"
    )
    assert done.returncode == 0, done.stderr
    assert _practice_pages(database) > 0
