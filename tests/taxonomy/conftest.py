import pytest


@pytest.fixture
def editor_client(admin_client, site):
    """A superuser's client on a site set up as the admin expects it."""
    return admin_client
