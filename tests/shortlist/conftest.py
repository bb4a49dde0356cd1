"""Tests of the list and comparison pages and the list's exports, on the small shared
repertory."""

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import PracticePage


@pytest.fixture
def key_of(corpus):
    """A corpus practice's public id, from its source id."""

    def key(source_id: str) -> str:
        page = PracticePage.objects.filter(source_id=source_id).first()
        return str(page.translation_key)

    return key


def address(name: str, language: str, ids: list[str] | str) -> str:
    """The page `name` (shortlist, compare) in a language, for these ids."""
    with translation.override(language):
        path = reverse(name)
    joined = ids if isinstance(ids, str) else ",".join(ids)
    return f"{path}?ids={joined}"
