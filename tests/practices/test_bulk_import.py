"""New pages written in batches (services.PracticeBatch, practices/bulk.py) are
normal Wagtail pages."""

import pytest
from wagtail.models import Page, PageLogEntry

from practices.models import PracticePage
from practices.services import PracticeBatch
from search.models import PendingIndexUpdate
from tests.factories import create_practices, practice_record, translation_pair

pytestmark = pytest.mark.django_db


def _records(count: int, prefix: str = "bulk"):
    return [
        practice_record(
            f"{prefix}-{n}",
            f"Mesa de transparencia número {n}",
            "Una mesa abierta de seguimiento.",
            themes=["open-data"],
            keywords=["mesa", f"mesa {n}"],
            start_year=2015 + n % 5,
        )
        for n in range(count)
    ]


def test_batches_keep_the_page_tree_consistent(site, monkeypatch):
    monkeypatch.setattr(PracticeBatch, "BATCH_SIZE", 3)
    create_practices(_records(7))
    create_practices(_records(2, prefix="later"))
    assert Page.find_problems() == ([], [], [], [], [])
    index = PracticePage.objects.first().get_parent()
    index.refresh_from_db()
    assert index.numchild == index.get_children().count() == 9
    paths = list(PracticePage.objects.values_list("path", flat=True))
    assert len(set(paths)) == len(paths) == 9


def test_each_page_has_its_revision_terms_keywords_sources_and_history(site):
    create_practices(_records(2))
    page = PracticePage.objects.get(source_id="bulk-1")
    assert page.live and not page.has_unpublished_changes
    assert page.live_revision_id == page.latest_revision_id is not None
    revision = page.latest_revision.as_object()
    assert revision.title == page.title
    assert [t.slug for t in revision.themes.all()] == ["open-data"]
    assert {t.slug for t in page.themes.all()} == {"open-data"}
    assert sorted(k.name for k in page.keywords.all()) == ["mesa", "mesa 1"]
    assert [s.url for s in page.sources.all()] == ["https://example.org/bulk-1"]
    assert page.url_path.endswith(f"/{page.slug}/")
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def test_published_batch_is_queued_for_search_once_per_practice(site):
    create_practices(_records(4))
    queued = set(PendingIndexUpdate.objects.values_list("translation_key", flat=True))
    assert queued == set(PracticePage.objects.values_list("translation_key", flat=True))


def test_a_translation_in_the_same_batch_joins_its_original(site):
    create_practices(
        translation_pair(
            "pair",
            {"title": "Cabildo abierto", "summary": "Sesiones abiertas."},
            {"title": "Open council", "summary": "Open sessions."},
        )
    )
    keys = set(PracticePage.objects.values_list("translation_key", flat=True))
    assert len(keys) == 1
    assert PracticePage.objects.count() == 2


def test_a_slug_taken_by_a_sibling_is_refused_and_nothing_is_written(site):
    create_practices([practice_record("one", "Mesa", "Resumen.", slug="mesa")])
    with pytest.raises(Exception, match="mesa"):
        create_practices([practice_record("two", "Otra mesa", "Resumen.", slug="mesa")])
    assert PracticePage.objects.count() == 1
