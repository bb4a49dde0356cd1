"""A practice that stops being public leaves search: a view restriction on it or on
an ancestor, and an unpublished ancestor; removing the restriction, or publishing the
ancestor again, brings it back."""

import pytest
from wagtail.models import PageViewRestriction

from practices.models import PracticeIndexPage
from search.models import PendingIndexUpdate
from tests.search.test_index_sync import _document, _new_practice

pytestmark = pytest.mark.django_db


def _restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


@pytest.fixture
def practice_and_index(own_index, django_capture_on_commit_callbacks):
    """A practice in the index, and the practice index page above it."""
    with django_capture_on_commit_callbacks(execute=True):
        page = _new_practice()
    return page, PracticeIndexPage.objects.get(locale=page.locale)


def test_a_restriction_on_the_practice_removes_it_and_lifting_it_restores_it(
    own_index,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = _new_practice()
    assert _document(page.translation_key) is not None
    with django_capture_on_commit_callbacks(execute=True):
        restriction = _restrict(page)
    assert _document(page.translation_key) is None
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert _document(page.translation_key) is not None


def test_a_restriction_on_an_ancestor_removes_the_practices_below(
    practice_and_index, django_capture_on_commit_callbacks
):
    page, index = practice_and_index
    with django_capture_on_commit_callbacks(execute=True):
        _restrict(index)
    assert _document(page.translation_key) is None


def test_unpublishing_an_ancestor_removes_the_practices_below(
    practice_and_index, django_capture_on_commit_callbacks
):
    page, index = practice_and_index
    with django_capture_on_commit_callbacks(execute=True):
        index.unpublish()
    assert _document(page.translation_key) is None


def test_publishing_an_unpublished_ancestor_again_brings_the_practices_back(
    practice_and_index, django_capture_on_commit_callbacks
):
    page, index = practice_and_index
    with django_capture_on_commit_callbacks(execute=True):
        index.unpublish()
    assert _document(page.translation_key) is None
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()
    assert _document(page.translation_key) is not None


def test_publishing_a_live_ancestor_queues_nothing(
    practice_and_index, django_capture_on_commit_callbacks
):
    """Editing an index page that stays live leaves its practices' documents alone:
    re-writing every practice on each edit of the index would be wasted work."""
    page, index = practice_and_index
    with django_capture_on_commit_callbacks(execute=False):
        index.save_revision().publish()
        assert not PendingIndexUpdate.objects.exists()


def test_moving_an_ancestor_under_a_restricted_page_removes_the_practices_below(
    practice_and_index, django_capture_on_commit_callbacks
):
    """The practice index (not a practice) moves under a restricted page: the
    practice below is no longer public, and leaves search."""
    from pages.models import StandardPage

    page, index = practice_and_index
    home = index.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        members = home.add_child(
            instance=StandardPage(title="Solo miembros", slug="solo-miembros")
        )
        _restrict(members)
    assert _document(page.translation_key) is not None
    with django_capture_on_commit_callbacks(execute=True):
        index.move(members, pos="last-child")
    assert _document(page.translation_key) is None
