"""The systemd units in deploy/ run management commands that exist."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

UNITS = sorted(
    (Path(__file__).resolve().parents[2] / "deploy/systemd").glob("*.service")
)


@pytest.mark.parametrize("unit", UNITS, ids=lambda path: path.name)
def test_unit_runs_an_existing_management_command(unit):
    [command] = re.findall(r"^ExecStart=.* manage\.py (\S+)", unit.read_text(), re.M)
    assert command in get_commands()


def test_every_timer_has_its_service():
    for timer in UNITS[0].parent.glob("*.timer"):
        assert timer.with_suffix(".service").exists()


def test_the_link_checker_unit_is_bounded_in_memory_and_time():
    """It reads from servers the public can name (issue #24)."""
    text = (UNITS[0].parent / "repertorio-check-sources.service").read_text()
    assert re.search(r"^MemoryMax=\d+[KMG]$", text, re.M)
    assert re.search(r"^RuntimeMaxSec=\d+[smh]?$", text, re.M)
