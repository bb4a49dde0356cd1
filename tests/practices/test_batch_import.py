"""New pages written in batches (services.PracticeBatch, practices/page_batch.py) are
normal Wagtail pages."""

import re

import pytest
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from practices import services
from practices.models import PracticePage
from practices.services import PracticeBatch
from search.document_builder import build_document, facet_ancestry, practice_groups
from search.models import PendingIndexUpdate
from tests.factories import create_practices, practice_record, translation_pair

pytestmark = pytest.mark.django_db


def _records(count: int, prefix: str = "batch"):
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
    page = PracticePage.objects.get(source_id="batch-1")
    assert page.live and not page.has_unpublished_changes
    assert page.live_revision_id == page.latest_revision_id is not None
    revision = page.latest_revision.as_object()
    assert revision.title == page.title
    assert [t.slug for t in revision.themes.all()] == ["open-data"]
    assert {t.slug for t in page.themes.all()} == {"open-data"}
    assert sorted(k.name for k in page.keywords.all()) == ["mesa", "mesa 1"]
    assert [s.url for s in page.sources.all()] == ["https://example.org/batch-1"]
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


# Fields a revision holds that identify the page or that Wagtail takes from the page
# itself when an editor opens the revision (`with_content_json`).
_IDENTITY = {
    "pk",
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "url_path",
    "slug",
    "title",
    "draft_title",
    "source_id",
    "translation_key",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "live_revision",
    "latest_revision",
}


def _without_ids(value):
    """Child rows (sources, keywords) without their own and their page's ids, and
    without `sort_order`: the batch numbers sources in their order, where the
    service leaves it empty (both list them in that order)."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        ids = {"pk", "page", "content_object", "sort_order", "title", "url"}
        return [{k: v for k, v in row.items() if k not in ids} for row in value]
    return value


def _twin(source_id: str):
    return practice_record(
        source_id,
        f"Mesa de transparencia {source_id}",
        "Una mesa abierta de seguimiento.",
        themes=["open-data"],
        keywords=["mesa", "seguimiento"],
        subdivision="MX-JAL",
        government_level="municipal",
        start_year=2018,
        end_year=2020,
        actions="<p>Se publican las actas.</p>",
    )


def _references(page):
    """The page's reference index rows; a child row's own id in the content path
    (`tagged_keywords.<id>.tag`) is left out."""
    rows = ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
        "content_type",
        "base_content_type",
        "to_content_type",
        "to_object_id",
        "model_path",
        "content_path",
    )
    return sorted((*row[:5], re.sub(r"\.\d+\.", ".*.", row[5])) for row in rows)


def test_a_batch_page_is_the_page_the_one_by_one_service_makes(site):
    """Same tree place, revision, history, reference index rows, keywords, admin
    search entry and search document as `create_practice` + publish gives."""
    single = services.create_practice(_twin("single"), publish=True)
    create_practices([_twin("batch")])
    batch = PracticePage.objects.get(source_id="batch")
    single = PracticePage.objects.get(pk=single.pk)
    assert Page.find_problems() == ([], [], [], [], [])
    parent = single.get_parent()
    for page in (single, batch):
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id is not None
        assert page.revisions.count() == 1
        assert page.url_path == f"{parent.url_path}{page.slug}/"
        assert page.get_parent().pk == parent.pk
        assert page.draft_title == page.title
        assert page.first_published_at and page.last_published_at
    assert batch.depth == single.depth and batch.numchild == single.numchild == 0

    def content(page):
        values = page.latest_revision.content
        return {k: _without_ids(v) for k, v in values.items() if k not in _IDENTITY}

    assert content(batch) == content(single)
    assert content(batch)["sources"] and content(batch)["tagged_keywords"]

    def history(page):
        return list(
            PageLogEntry.objects.filter(page=page).values_list(
                "action", "content_changed", "revision_id", "label", "data"
            )
        )

    assert [entry[0] for entry in history(single)] == [
        "wagtail.publish",
        "wagtail.create",
    ]
    assert [e[:2] for e in history(batch)] == [e[:2] for e in history(single)]
    assert history(batch)[0][2] == batch.live_revision_id
    assert history(batch)[0][3] == batch.title

    assert _references(single), "the single page has reference index rows"
    assert _references(batch) == _references(single)
    assert sorted(t.name for t in batch.keywords.all()) == ["mesa", "seguimiento"]
    assert sorted(t.name for t in single.keywords.all()) == ["mesa", "seguimiento"]
    admin_hits = {p.pk for p in PracticePage.objects.search("Mesa de transparencia")}
    assert {single.pk, batch.pk} <= admin_hits

    groups = dict(practice_groups([single.translation_key, batch.translation_key]))
    ancestry = facet_ancestry()
    documents = [
        build_document(groups[page.translation_key], ancestry)
        for page in (single, batch)
    ]
    volatile = {"id", "page_ids", "urls", "titles", "published_at", "suggest"}
    volatile |= {"title_es", "title_autocomplete"}
    assert [{k: v for k, v in d.items() if k not in volatile} for d in documents] == [
        {k: v for k, v in documents[0].items() if k not in volatile}
    ] * 2


def test_one_practice_reads_only_its_terms_and_still_refuses_unknown_ones(site):
    """create_practice without a vocabulary loads the terms the record names (not
    every subdivision); a term that does not exist is still an invalid practice."""
    page = services.create_practice(_twin("alone"), publish=True)
    assert page.subdivision.code == "MX-JAL"
    assert [t.slug for t in page.themes.all()] == ["open-data"]
    unknown = practice_record(
        "unknown", "Mesa", "Resumen.", themes=["no-such-theme"], subdivision="MX-ZZ"
    )
    with pytest.raises(services.InvalidPractice, match="no-such-theme") as raised:
        services.create_practice(unknown)
    assert "MX-ZZ" in str(raised.value)
    moved = practice_record("alone", "Mesa", "Resumen.", subdivision="AR-B")
    with pytest.raises(services.InvalidPractice, match="is not in MX"):
        services.update_practice(page, moved)
