"""The contribution tests' shared set-up."""

import pytest

from pages.site_setup import ensure_site


@pytest.fixture
def private_uploads(settings, tmp_path, db):
    """The site set up, contributors' uploads kept in a private folder of this test
    and published documents in a media folder of its own."""
    ensure_site()
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
