"""Bulk actions on the practices listing: classify (moderators), review, export."""

import csv
import datetime
import io

import pytest
from opensearchpy.exceptions import NotFoundError

from practices.models import PracticePage
from search.client import get_client
from search.indexer import alias_name

pytestmark = pytest.mark.django_db


def _url(action: str, pages) -> str:
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"/admin/bulk/wagtailcore/page/{action}/?{ids}&next=/admin/practices/"


def _document(key):
    try:
        return get_client().get(index=alias_name(), id=str(key))["_source"]
    except NotFoundError:
        return None


@pytest.fixture
def two(make_practice):
    return [
        make_practice("Cabildo abierto en Guadalajara", themes=["open-data"]),
        make_practice("Contraloría social de obra", themes=["public-works"]),
    ]


def test_the_listing_offers_the_desk_bulk_actions(client_for, editor, two):
    html = client_for(editor).get("/admin/practices/").content.decode()
    for action in ("desk_mark_reviewed", "desk_classify", "desk_export"):
        assert f"/admin/bulk/wagtailcore/page/{action}/" in html


def test_moderators_add_a_theme_and_a_keyword_and_search_follows(
    client_for, moderator, two, empty_index, django_capture_on_commit_callbacks
):
    client = client_for(moderator)
    confirm = client.get(_url("desk_classify", two))
    assert confirm.status_code == 200
    assert "Contraloría social de obra" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url("desk_classify", two),
            {
                "operation": "add",
                "theme": _theme_pk("water-sanitation"),
                "keyword": "agua",
            },
        )
    assert response.status_code == 302
    for page in two:
        page = PracticePage.objects.get(pk=page.pk)
        assert "water-sanitation" in {t.slug for t in page.themes.all()}
        assert "agua" in page.keywords.names()
        document = _document(page.translation_key)
        assert "water-sanitation" in document["theme"]
        assert "agua" in document["terms_es"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url("desk_classify", two),
            {"operation": "remove", "theme": _theme_pk("open-data")},
        )
    first = PracticePage.objects.get(pk=two[0].pk)
    assert "open-data" not in {t.slug for t in first.themes.all()}
    assert "open-data" not in _document(first.translation_key)["theme"]


def test_editors_cannot_change_classification_in_bulk(client_for, editor, two):
    response = client_for(editor).post(
        _url("desk_classify", two),
        {"operation": "add", "theme": _theme_pk("water-sanitation")},
    )
    assert response.status_code == 302
    for page in two:
        page = PracticePage.objects.get(pk=page.pk)
        assert "water-sanitation" not in {t.slug for t in page.themes.all()}


def test_classify_needs_a_term(client_for, moderator, two):
    response = client_for(moderator).post(
        _url("desk_classify", two), {"operation": "add"}
    )
    assert response.status_code == 200
    assert "Choose a theme, an outcome or a keyword." in response.content.decode()


def test_editors_mark_practices_as_reviewed_in_bulk(client_for, editor, two):
    response = client_for(editor).post(_url("desk_mark_reviewed", two))
    assert response.status_code == 302
    today = datetime.date.today()
    assert [PracticePage.objects.get(pk=p.pk).last_reviewed for p in two] == [today] * 2


def test_export_the_selection_as_open_data_csv(client_for, editor, two, make_practice):
    draft = make_practice("Borrador de práctica", publish=False)
    response = client_for(editor).post(_url("desk_export", [*two, draft]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = {value for row in rows for value in row.values()}
    assert "Cabildo abierto en Guadalajara" in titles
    assert "Contraloría social de obra" in titles
    assert "Borrador de práctica" not in titles
    assert len(rows) == 2


def _theme_pk(slug: str) -> int:
    from taxonomy.models import Theme

    return Theme.objects.get(slug=slug).pk


def test_a_theme_added_on_spanish_pages_classifies_the_whole_practice(
    client_for, moderator, make_pair, empty_index, django_capture_on_commit_callbacks
):
    """The issue's case: three English-original practices, the theme and a keyword
    added on their Spanish pages; both languages and the search facet agree."""
    pairs = [
        make_pair(
            {
                "title": f"Práctica {n}",
                "summary": "Resumen.",
                "original_language": "en",
            },
            {"title": f"Practice {n}", "summary": "Summary."},
        )
        for n in range(3)
    ]
    pairs = [
        sorted(pair, key=lambda page: page.locale.language_code != "es")
        for pair in pairs
    ]
    spanish = [es for es, _en in pairs]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            _url("desk_classify", spanish),
            {
                "operation": "add",
                "theme": _theme_pk("water-sanitation"),
                "keyword": "drenaje",
            },
            follow=True,
        )
    assert "3 practices published" in response.content.decode()
    for es, en in pairs:
        for page in (es, en):
            page = PracticePage.objects.get(pk=page.pk)
            assert "water-sanitation" in {t.slug for t in page.themes.all()}
            assert not page.has_unpublished_changes
        assert "drenaje" in PracticePage.objects.get(pk=es.pk).keywords.names()
        assert "drainage" in PracticePage.objects.get(pk=en.pk).keywords.names()
        document = _document(en.translation_key)
        assert "water-sanitation" in document["theme"]
        assert "drainage" in document["terms_en"]


@pytest.mark.parametrize("action", ["desk_mark_reviewed", "desk_export"])
def test_the_confirmation_offers_no_include_descendants_box(
    client_for, editor, two, action
):
    """Practices have no child pages: Wagtail's box, unlabelled and so never
    translated ("Include descendants" in the Spanish admin), has nothing to do."""
    html = client_for(editor).get(_url(action, two)).content.decode()
    assert "Contraloría social de obra" in html
    assert "include_descendants" not in html
    assert "Include descendants" not in html
