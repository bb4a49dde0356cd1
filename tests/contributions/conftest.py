"""The contribution tests' shared set-up."""

import pytest
from django.contrib.auth.models import Group

from .test_contribution_form import URL, _data


@pytest.fixture
def private_uploads(settings, tmp_path, site):
    """The site set up, contributors' uploads kept in a private folder of this test
    and published documents in a media folder of its own."""
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def moderator_client(client, django_user_model):
    """A moderator signed in, and one contribution (Ana's, in Spanish) waiting."""
    user = django_user_model.objects.create_user("moderadora", password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.post(URL, _data())
    client.force_login(user)
    return client
