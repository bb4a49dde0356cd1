"""A revision nobody signed (the importers and the demo loader write them) is
credited to "system" in the admin, as the page history does, never to "None"."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_reverting_to_an_imported_revision_names_the_system(
    client_for, moderator, make_practice, empty_index
):
    page = make_practice()
    imported = page.latest_revision
    assert imported.user is None
    page.save_revision(user=moderator)

    html = client_for(moderator).get(
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, imported.pk])
    )

    text = _text(html.content.decode())
    assert "You are viewing a previous version" in text
    assert " None " not in text
    assert re.search(r"previous version of this page from .{5,60} by system", text)


def test_the_aging_pages_report_names_the_system(client_for, moderator, make_practice):
    make_practice()
    html = client_for(moderator).get(reverse("wagtailadmin_reports:aging_pages"))
    text = _text(html.content.decode())
    assert " None " not in text
    assert re.search(r" (system|sistema) ", text)
