"""Tests here export, feed and map the small shared repertory (`own_index`, for a
test that publishes practices, is in tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def _no_dumps_unless_written(settings, tmp_path):
    """No dated dump unless a test writes one: a whole-collection export is served
    from the latest dump, and one left on this machine must not change a test."""
    settings.OPEN_DATA_DUMP_DIR = tmp_path / "open-data"
