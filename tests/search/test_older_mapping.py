"""An index built before a field was added (its mapping is strict) keeps taking
updates after an upgrade, without the new field, and `search status` asks for the
rebuild that brings it; on the real node."""

import uuid
from unittest import mock

import pytest
from django.http import QueryDict

from practices.models import PracticePage
from search import indexer
from search.client import get_client
from search.commands import status_lines
from search.filters import parse_filters
from search.finder import FinderQuery, find_practices
from search.indexer import alias_name, create_index, rebuild
from search.mapping import AREAS_FIELD, THEMES_FIELD, index_mappings
from search.service import search_practices
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


def _index_without(field: str, version: int) -> str:
    """The alias on an index of mapping `version`, built before `field` was added."""

    def mappings_then(with_vectors: bool = False) -> dict:
        mappings = index_mappings(with_vectors=with_vectors)
        del mappings["properties"][field]
        return mappings

    name = f"{alias_name()}-v{version}-0ld0ld00-20260101000000000"
    with mock.patch.object(indexer, "index_mappings", mappings_then):
        create_index(name)
    get_client().indices.put_alias(index=name, name=alias_name())
    return name


@pytest.fixture
def older_index(private_index_prefix, site):
    """The alias on an index of mapping 9 (no glossary areas)."""
    return _index_without(AREAS_FIELD, 9)


def _publish_procurement_practice(capture) -> PracticePage:
    source_id = f"compras-{uuid.uuid4().hex[:6]}"
    with capture(execute=True):
        create_practices(
            [
                practice_record(
                    source_id,
                    "El estado abre sus compras",
                    "Cada licitación, sus proveedores, las adjudicaciones directas "
                    "y los contratos firmados, en datos de compras públicas "
                    "abiertas.",
                )
            ]
        )
    return PracticePage.objects.get(source_id=source_id)


def test_publishing_still_indexes_the_practice_without_the_new_field(
    older_index, django_capture_on_commit_callbacks
):
    page = _publish_procurement_practice(django_capture_on_commit_callbacks)
    document = get_client().get(index=alias_name(), id=page.translation_key)
    assert document["_source"]["titles"]["es"] == "El estado abre sus compras"
    assert AREAS_FIELD not in document["_source"]


def test_status_asks_for_a_rebuild_until_there_is_one(
    older_index, django_capture_on_commit_callbacks
):
    page = _publish_procurement_practice(django_capture_on_commit_callbacks)
    assert any(
        older_index in line and "search rebuild" in line for line in status_lines()
    )
    rebuild()
    assert not any("search rebuild" in line for line in status_lines())
    document = get_client().get(index=alias_name(), id=page.translation_key)
    assert document["_source"][AREAS_FIELD] == ["procurement"]


@pytest.fixture
def index_without_themes(private_index_prefix, site):
    """The alias on an index of mapping 10 (glossary areas, no glossary themes)."""
    return _index_without(THEMES_FIELD, 10)


@pytest.mark.parametrize("mode", ["text", "hybrid"])
def test_an_index_without_the_themes_field_takes_updates_and_answers(
    index_without_themes, django_capture_on_commit_callbacks, settings, mode
):
    """Until the rebuild, a practice about lobbying is indexed without its themes,
    and a search naming the theme under a country (its bonus, the admission of
    the country's practices about it) and the finder (its "about" part) answer
    as they did."""
    settings.SEARCH_MODE = mode
    source_id = f"cabildeo-{uuid.uuid4().hex[:6]}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    source_id,
                    "El congreso regula el cabildeo",
                    "Cada cabildero se inscribe en el padrón de cabilderos y "
                    "publica sus reuniones de cabildeo.",
                )
            ]
        )
    page = PracticePage.objects.get(source_id=source_id)
    document = get_client().get(index=alias_name(), id=page.translation_key)
    assert THEMES_FIELD not in document["_source"]
    found = search_practices(parse_filters(QueryDict("q=cabildeo&lang=es&country=MX")))
    assert [hit.id for hit in found.results] == [str(page.translation_key)]
    matched = find_practices(FinderQuery("Queremos regular el cabildeo en el congreso"))
    assert [m.hit.id for m in matched.matches] == [str(page.translation_key)]
    assert matched.matches[0].parts["about"] == 0.0
