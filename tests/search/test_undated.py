"""Practices without a start year: counted, kept or left out by a year range as the
reader chooses (kept by default when only one end is set), and sorted last, with the
page saying so."""

import uuid

import pytest
from django.http import QueryDict

from search.filters import parse_filters
from search.service import search_practices
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def undated(own_index, django_capture_on_commit_callbacks):
    """Two published practices without a start year, beside the dated corpus."""
    tag = uuid.uuid4().hex[:6]
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    f"undated-{tag}-{n}",
                    f"Consejo vecinal sin fecha {n}",
                    "Un consejo vecinal revisa las cuentas del municipio.",
                    country="BR",
                    government_level="municipal",
                )
                for n in (1, 2)
            ]
        )
    return 2


def _search(query: str):
    return search_practices(parse_filters(QueryDict(query)))


def _dated(query: str) -> int:
    """The same range counted without the undated practices."""
    return _search(query + "&undated=0").total


def test_one_end_keeps_the_undated_by_default(undated):
    results = _search("year_from=2018")
    assert results.undated_count == undated
    assert results.total == _dated("year_from=2018") + undated
    assert results.undated_shown == undated
    assert results.undated_left_out == 0


def test_both_ends_leave_them_out_by_default_and_say_how_many(undated):
    results = _search("year_from=2018&year_to=2019")
    assert results.total == _dated("year_from=2018&year_to=2019")
    assert results.undated_left_out == undated
    kept = _search("year_from=2018&year_to=2019&undated=1")
    assert kept.total == results.total + undated


def test_the_last_value_counts_so_a_form_can_untick_the_box(undated):
    """The form sends a hidden 0 before its checkbox's 1."""
    assert (
        _search("year_from=2018&undated=0&undated=1").total
        == _search("year_from=2018").total
    )
    assert _search("year_from=2018&undated=0").undated_left_out == undated


def test_links_carry_undated_only_when_it_differs_from_the_default():
    one_end = parse_filters(QueryDict("year_from=2018&undated=1"))
    assert "undated" not in one_end.url_with()
    assert "undated=0" in one_end.url_with(undated=False)
    both = parse_filters(QueryDict("year_from=2018&year_to=2019"))
    assert "undated=1" in both.url_with(undated=True)
    assert "undated" not in parse_filters(QueryDict("undated=0")).url_with()


@pytest.mark.parametrize("sort", ["oldest", "newest"])
def test_undated_practices_sort_last(undated, sort):
    years = [hit.year for hit in _search(f"sort={sort}&page_size=100").results]
    assert years[-undated:] == [None] * undated
    assert None not in years[:-undated]


def test_the_api_counts_them(client, undated):
    body = client.get("/api/v1/search/?year_from=2018&year_to=2019").json()
    assert body["undated_count"] == undated
    assert client.get("/api/v1/search/", {"undated": "maybe"}).status_code == 400


@pytest.mark.parametrize(
    "path, left_out, include, last, note",
    [
        (
            "/buscar/",
            "2 prácticas sin año de inicio quedan fuera por el rango de años.",
            "Incluirlas",
            "Las 2 prácticas sin año de inicio van al final.",
            "Incluir las 2 prácticas sin fecha",
        ),
        (
            "/en/search/",
            "2 practices without a start year are left out by the year range.",
            "Include them",
            "The 2 practices without a start year come last.",
            "Include the 2 undated practices",
        ),
    ],
)
def test_the_page_says_what_the_year_range_does(
    client, undated, path, left_out, include, last, note
):
    html = client.get(path, {"year_from": "2018", "year_to": "2019"}).content.decode()
    assert left_out in html
    assert f'year_to=2019&amp;undated=1">{include}</a>' in html
    assert note in html
    assert 'name="undated" value="0"' in html
    html = client.get(path, {"sort": "oldest"}).content.decode()
    assert last in html
