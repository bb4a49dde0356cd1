"""A practice copied in the admin is a new practice written here, not a second
page claiming its original's catalogue record."""

import pytest
from django.urls import reverse

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def _copy(client, page, slug: str, **extra):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "Cabildo abierto en Zapopan",
            "new_slug": slug,
            "new_parent_page": page.get_parent().pk,
            **extra,
        },
    )


def test_an_editors_copy_keeps_no_source_record(
    client_for, editor, make_practice, empty_index
):
    """The copy kept the original's catalogue and identifier: importers updating
    that record and the open data's "id in that catalogue" then named two
    practices. Its editor opens the latest revision, which must say so too."""
    original = make_practice()
    original.is_demo, original.last_reviewed = True, original.first_published_at.date()
    original.save()
    response = _copy(client_for(editor), original, "cabildo-zapopan")
    assert response.status_code == 302
    copy = PracticePage.objects.get(slug="cabildo-zapopan")
    assert copy.translation_key != original.translation_key
    for shown in (copy, copy.get_latest_revision_as_object()):
        assert (shown.source_catalogue, shown.source_id) == ("editorial", "")
        assert not shown.is_demo and shown.last_reviewed is None
    original.refresh_from_db()
    assert original.source_id.startswith("desk-") and original.is_demo


def test_a_copy_published_with_its_original_stays_published(
    client_for, moderator, make_practice, empty_index
):
    original = make_practice()
    _copy(client_for(moderator), original, "cabildo-zapopan", publish_copies="on")
    copy = PracticePage.objects.get(slug="cabildo-zapopan")
    assert copy.live and not copy.has_unpublished_changes
    assert copy.source_id == ""
