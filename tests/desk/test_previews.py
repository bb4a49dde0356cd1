"""The admin's preview panel frames the page it previews (same origin only); the
public page stays unframeable."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _frame_ancestors(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return next(
        part.strip()
        for part in policy.split(";")
        if part.strip().startswith("frame-ancestors")
    )


def test_a_preview_may_be_framed_by_the_admin_only(
    client_for, moderator, make_practice
):
    page = make_practice("Cabildo abierto en Guadalajara")
    client = client_for(moderator)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert preview.status_code == 200
    assert "Cabildo abierto en Guadalajara" in preview.content.decode()
    assert _frame_ancestors(preview) == "frame-ancestors 'self'"
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"
    # The preview keeps the public page's strict scripts (no 'unsafe-inline').
    assert "'unsafe-inline'" not in preview.headers["Content-Security-Policy"]

    public = client.get(page.url)
    assert _frame_ancestors(public) == "frame-ancestors 'none'"
    assert public.headers["X-Frame-Options"] == "DENY"


def test_a_request_cannot_claim_to_be_a_preview(client, make_practice):
    page = make_practice("Cabildo abierto en Guadalajara")
    response = client.get(page.url + "?is_dummy=1", HTTP_IS_DUMMY="1")
    assert _frame_ancestors(response) == "frame-ancestors 'none'"


def test_the_preview_carries_wagtails_userbar_for_the_editors_checks(
    client_for, editor, make_practice
):
    """The editor's checks panel (content metrics, accessibility) reads the preview
    through Wagtail's userbar: without it the panel showed "-" and "0 issues"
    without checking anything. Readers' pages stay without it, signed in or not."""
    page = make_practice("Cabildo abierto en Guadalajara")
    client = client_for(editor)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert "wagtail-userbar" in preview.content.decode()
    assert "wagtail-userbar" not in client.get(page.url).content.decode()
    client.logout()
    assert "wagtail-userbar" not in client.get(page.url).content.decode()
