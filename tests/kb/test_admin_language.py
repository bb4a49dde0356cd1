"""The admin loads nothing from third parties."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_shows_no_gravatar(client, django_user_model):
    """Gravatar images were blocked by the admin's CSP and showed broken."""
    from pages.site_setup import ensure_site

    ensure_site()
    user = django_user_model.objects.create_superuser(
        "avatar", email="editor@example.org", password="x"
    )
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "gravatar.com" not in html
