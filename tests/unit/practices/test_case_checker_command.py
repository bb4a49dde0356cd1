"""The case checker the writers' guide names runs from a shell, as written there."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from practices.demo.case_file import CASES_DIR

pytestmark = pytest.mark.unit


def test_the_checker_runs_on_one_case_from_the_shell():
    case = sorted(CASES_DIR.glob("*.json"))[0]
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    finished = subprocess.run(
        [sys.executable, "-m", "practices.demo.check_cases", str(case)],
        cwd=Path(__file__).resolve().parents[3],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 checked" in finished.stdout, finished.stderr[-2000:]
