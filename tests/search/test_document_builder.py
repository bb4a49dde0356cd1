"""Documents built in bulk (`practice_groups` reads plain values, a batch of pages at a
time) are exactly those built from the practice's model instances."""

from collections import defaultdict

import pytest

from practices.translation import machine_translations_for
from search import document_builder
from search.document_builder import (
    build_document,
    facet_ancestry,
    live_practice_pages,
    practice_groups,
)

pytestmark = pytest.mark.django_db


def _from_model_instances() -> dict:
    """Each live practice's document built from `PracticePage` instances, one
    practice at a time, as the single-page path did."""
    groups = defaultdict(list)
    for page in live_practice_pages():
        groups[page.translation_key].append(page)
    ancestry = facet_ancestry()
    return {
        key: build_document(pages, ancestry, machine_translations_for(pages))
        for key, pages in groups.items()
    }


def test_bulk_documents_equal_those_built_from_pages(corpus, monkeypatch):
    # Batches of three pages: translation pairs and whole practices straddle them.
    monkeypatch.setattr(document_builder, "PAGE_BATCH", 3)
    expected = _from_model_instances()
    groups = list(practice_groups())
    machine = machine_translations_for(p for _key, pages in groups for p in pages)
    ancestry = facet_ancestry()
    built = {key: build_document(pages, ancestry, machine) for key, pages in groups}
    assert len(built) == len(groups) == len(expected) > 10
    assert any(len(pages) == 2 for _key, pages in groups)
    for key, document in expected.items():
        assert built[key] == document, key


def test_one_practice_read_alone_equals_its_bulk_document(corpus):
    groups = dict(practice_groups())
    key, pages = next((k, p) for k, p in groups.items() if len(p) == 2)
    ((alone_key, alone),) = list(practice_groups([key]))
    ancestry = facet_ancestry()
    assert alone_key == key
    assert build_document(alone, ancestry) == build_document(pages, ancestry)
