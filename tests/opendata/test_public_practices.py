"""Search, exports, feeds, sitemaps and dumps list the same practices: the public ones.

A practice that is unpublished, behind a view restriction, or under an unpublished
page is in none of them; a locked one (locked for editing) is in all of them.
"""

import pytest
from wagtail.models import Locale, PageViewRestriction

from opendata.sitemaps import PagesSitemap
from pages.site_setup import ensure_site
from practices.dataset import PageAddresses, all_practice_keys, practice_groups
from practices.models import PracticeIndexPage, PracticePage
from search.document_builder import live_practice_pages
from tests.factories import create_practices, practice_record, translation_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    """Five practices in Spanish, one with its English translation, each in a
    different state; the English practice index is unpublished."""
    ensure_site()
    records = [
        practice_record(f"public-{name}", f"Práctica {name}", f"Resumen {name}.")
        for name in ("plain", "locked", "private", "draft")
    ]
    records += translation_pair(
        "public-pair",
        {"title": "Práctica traducida", "summary": "Resumen en español."},
        {"title": "Translated practice", "summary": "Summary in English."},
    )
    create_practices(records)
    pages = {
        (page.source_id.removeprefix("public-"), page.locale.language_code): page
        for page in PracticePage.objects.filter(source_id__startswith="public-")
    }
    locked = pages["locked", "es"]
    locked.locked = True
    locked.save()
    PageViewRestriction.objects.create(
        page=pages["private", "es"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="not-for-readers",
    )
    pages["draft", "es"].unpublish()
    PracticeIndexPage.objects.get(
        locale=Locale.objects.get(language_code="en")
    ).unpublish()
    return pages


def _ours(pages) -> set[int]:
    return {page.pk for page in pages if page.source_id.startswith("public-")}


def test_every_reader_of_practices_lists_the_public_ones_only(practices):
    public = {
        practices[name].pk
        for name in (("plain", "es"), ("locked", "es"), ("pair", "es"))
    }
    assert _ours(PracticePage.objects.public_practices()) == public

    indexed = _ours(live_practice_pages())
    keys = [key for batch in all_practice_keys() for key in batch]
    groups = practice_groups(keys, lang="es", url_for=PageAddresses())
    dumped = _ours(page for group in groups for page in group.pages.values())
    in_sitemap = _ours(
        page.specific
        for page in PagesSitemap().items()
        if page.specific_class is PracticePage
    )

    assert indexed == public, "search indexes what readers cannot reach"
    assert dumped == public, "exports, feeds and dumps list what search does not"
    assert in_sitemap == public, "the sitemap lists what search does not"


def test_the_english_translation_under_an_unpublished_index_is_not_public(
    practices,
):
    hidden = practices["pair", "en"]
    assert hidden.live
    assert not PracticePage.objects.public_practices().filter(pk=hidden.pk).exists()
    assert PracticePage.objects.public_practices().filter(pk=practices["pair", "es"].pk)
