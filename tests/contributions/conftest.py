"""The contribution tests' shared set-up."""

import pytest


@pytest.fixture
def private_uploads(settings, tmp_path, site):
    """The site set up, contributors' uploads kept in a private folder of this test
    and published documents in a media folder of its own."""
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
