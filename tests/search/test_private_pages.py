"""A practice that stops being public leaves search: a view restriction on it or on
an ancestor, and an unpublished ancestor; removing the restriction brings it back."""

import pytest
from wagtail.models import PageViewRestriction

from practices.models import PracticeIndexPage
from tests.search.test_index_sync import _document, _new_practice, own_index  # noqa: F401

pytestmark = pytest.mark.django_db


def _restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


def test_a_restriction_on_the_practice_removes_it_and_lifting_it_restores_it(
    own_index,  # noqa: F811
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
    own_index,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = _new_practice()
    index = PracticeIndexPage.objects.get(locale=page.locale)
    with django_capture_on_commit_callbacks(execute=True):
        _restrict(index)
    assert _document(page.translation_key) is None


def test_unpublishing_an_ancestor_removes_the_practices_below(
    own_index,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = _new_practice()
    index = PracticeIndexPage.objects.get(locale=page.locale)
    with django_capture_on_commit_callbacks(execute=True):
        index.unpublish()
    assert _document(page.translation_key) is None
