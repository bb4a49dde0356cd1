"""`make run` serves the site and runs the background worker beside it."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_starts_the_queue_worker_beside_the_server():
    """Published practices wait for machine translation and indexing; without a
    worker they waited forever. The worker stops when the server does."""
    recipe = subprocess.run(
        ["make", "-n", "-W", "pyproject.toml", "run"],  # noqa: S607 - fixed arguments
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.replace("\\\n", " ")
    serve = next(line for line in recipe.splitlines() if "runserver" in line)
    # The index drain (and its embedding) is a task of its own backend; machine
    # translation, the duplicate search and the dumps are the other backend's.
    assert "manage.py db_worker --backend index" in serve
    assert "manage.py db_worker --backend background --queue-name '*'" in serve
    assert "trap" in serve and "kill" in serve
