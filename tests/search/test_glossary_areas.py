"""A practice about the field a query names ranks above one that shares the query's
words in passing (search/glossary_areas.py, search/ranking.py AREA_BONUS), on the
real node."""

import uuid
from unittest import mock

import pytest
from django.http import QueryDict

from practices.models import PracticePage
from search import ranking
from search.client import get_client
from search.filters import parse_filters
from search.indexer import alias_name
from search.mapping import AREAS_FIELD
from search.service import search_practices
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_passing_and_about(empty_index, django_capture_on_commit_callbacks):
    """A hospital naming its cleaning contracts twice, and a state's procurement
    portal naming five procurement phrases, "contratos" once."""
    tag = uuid.uuid4().hex[:6]
    in_passing, about = f"hospital-{tag}", f"compras-{tag}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    in_passing,
                    "Un hospital publica sus contratos de limpieza",
                    "Los pacientes consultan horarios, vacunas y los contratos "
                    "de limpieza del hospital.",
                ),
                practice_record(
                    about,
                    "El estado abre sus compras",
                    "Cada licitación, sus proveedores, las adjudicaciones directas "
                    "y los contratos firmados, en datos de compras públicas "
                    "abiertas.",
                ),
            ]
        )
    return in_passing, about


def _first(query: str) -> str:
    results = search_practices(parse_filters(QueryDict(query)))
    return PracticePage.objects.get(translation_key=results.results[0].id).source_id


def test_the_practice_about_procurement_is_indexed_so(in_passing_and_about):
    in_passing, about = in_passing_and_about
    areas = {}
    for source_id in in_passing_and_about:
        page = PracticePage.objects.get(source_id=source_id)
        document = get_client().get(index=alias_name(), id=page.translation_key)
        areas[source_id] = document["_source"][AREAS_FIELD]
    assert areas == {in_passing: [], about: ["procurement"]}


@pytest.mark.parametrize("mode", ["text", "hybrid"])
def test_it_ranks_first_for_a_procurement_word(in_passing_and_about, settings, mode):
    settings.SEARCH_MODE = mode
    in_passing, about = in_passing_and_about
    assert _first("q=contratos&lang=es") == about
    with mock.patch.object(ranking, "AREA_BONUS", 0):
        assert _first("q=contratos&lang=es") == in_passing
