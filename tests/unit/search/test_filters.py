"""The filter object as pure logic: strict parsing, its defaults and the links it
builds. The vocabulary is a small fixed one here; tests/search/test_filters.py
parses against the real taxonomy."""

from collections import defaultdict
from urllib.parse import parse_qsl

import pytest
from django.http import QueryDict

from search import filters as filters_module
from search.filters import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    FilterError,
    SearchFilters,
    accepted_language,
    parse_filters,
)
from search.labels import Label

VOCABULARY = {
    "country": {"MX": Label("México", "Mexico"), "AR": Label("Argentina", "Argentina")},
    "theme": {"open-data": Label("Datos abiertos", "Open data")},
}


@pytest.fixture(autouse=True)
def fixed_vocabulary(monkeypatch):
    """Parsing checks facet values against the labels; here a fixed vocabulary
    instead of the database's."""
    labels = defaultdict(dict, VOCABULARY)
    monkeypatch.setattr(filters_module, "facet_labels", lambda: labels)


def parse(querystring: str, **kwargs) -> SearchFilters:
    return parse_filters(QueryDict(querystring), **kwargs)


def refused(querystring: str) -> FilterError:
    with pytest.raises(FilterError) as error:
        parse(querystring)
    return error.value


def test_an_empty_query_string_is_the_default_search():
    assert parse("") == SearchFilters()


def test_words_are_trimmed_and_inner_spaces_collapsed():
    assert parse("q=%20agua%20%20%20potable%20").q == "agua potable"


def test_control_characters_in_the_query_are_spaces():
    """A NUL or an escape in a crafted link is neither searched nor echoed into the
    page's title and search box."""
    assert parse("q=agua%00potable%1B%7F").q == "agua potable"
    assert parse("q=%00") == SearchFilters()


def test_values_come_repeated_or_comma_separated_codes_in_any_case_once_each():
    filters = parse("country=mx,AR&country=MX&theme=open-data")
    assert filters.selected == {"country": ("MX", "AR"), "theme": ("open-data",)}


def test_an_unknown_value_is_a_warning_and_the_rest_of_the_search_stands():
    filters = parse("q=agua&country=ZZ&country=MX")
    assert filters.selected == {"country": ("MX",)}
    assert filters.warnings == ("unknown country 'ZZ' ignored",)
    assert filters.q == "agua"


@pytest.mark.parametrize(
    "querystring, parameter",
    [
        ("q=" + "a" * (MAX_QUERY_LENGTH + 1), "q"),
        ("lang=fr", "lang"),
        ("sort=random", "sort"),
        ("page=0", "page"),
        ("page=²", "page"),
        ("page=-1", "page"),
        ("page=1&page=2", "page"),
        (f"page_size={MAX_PAGE_SIZE + 1}", "page_size"),
        ("page=101&page_size=100", "page"),
        ("year_from=1899", "year_from"),
        ("year_to=2101", "year_to"),
        ("year_from=2020&year_to=2019", "year_to"),
        ("documented=maybe", "documented"),
        ("undated=sometimes", "undated"),
        ("q=a&q=b", "q"),
    ],
)
def test_what_cannot_be_understood_is_refused_naming_the_parameter(
    querystring, parameter
):
    assert refused(querystring).parameter == parameter


def test_the_refusal_speaks_the_language_the_search_asks_for():
    english = refused("lang=en&sort=random").message
    spanish = refused("lang=es&sort=random").message
    assert "relevance, newest, oldest, mexico" in english
    assert english != spanish


def test_the_last_undated_value_counts_so_a_form_can_untick_its_box():
    assert parse("year_from=2000&undated=0&undated=1").undated is True
    assert parse("year_from=2000&undated=1&undated=0").undated is False
    assert parse("year_from=2000").undated is None


def test_one_end_of_the_years_keeps_undated_practices_both_ends_leave_them_out():
    assert SearchFilters().includes_undated
    assert SearchFilters(year_from=2000).includes_undated
    assert not SearchFilters(year_from=2000, year_to=2010).includes_undated
    assert SearchFilters(year_from=2000, year_to=2010, undated=True).includes_undated


def test_the_offset_follows_page_and_page_size():
    assert SearchFilters(page=3, page_size=10).offset == 20


def test_active_filters_count_values_years_and_documented_not_words():
    filters = SearchFilters(
        q="agua",
        selected={"country": ("MX", "AR"), "theme": ("open-data",)},
        year_from=2000,
        documented=True,
    )
    assert filters.active_filter_count == 5


def test_the_query_string_leaves_out_every_default():
    assert SearchFilters().querystring() == ""
    assert (
        SearchFilters(page_size=DEFAULT_PAGE_SIZE, sort="relevance").query_items() == []
    )


def test_a_changed_search_goes_back_to_page_one_a_page_link_does_not():
    filters = SearchFilters(q="agua", page=4)
    assert dict(parse_qsl(filters.url_with(q="riego")[1:])) == {"q": "riego"}
    assert dict(parse_qsl(filters.url_with(page=5)[1:])) == {"q": "agua", "page": "5"}


def test_a_link_carries_the_language_only_when_asked_and_not_spanish():
    english = SearchFilters(q="water", lang="en")
    assert english.url_with("/api/search", with_lang=True) == (
        "/api/search?q=water&lang=en"
    )
    assert english.url_with("/api/search") == "/api/search?q=water"
    assert SearchFilters(lang="es").url_with("/buscar", with_lang=True) == "/buscar"


def test_toggling_a_value_adds_it_then_removes_it_and_drops_an_empty_facet():
    filters = SearchFilters(selected={"country": ("MX",)}, page=3)
    added = filters.toggled("country", "AR")
    assert added.selected == {"country": ("MX", "AR")} and added.page == 1
    assert filters.toggled("country", "MX").selected == {}


def test_clearing_keeps_the_words_and_the_language_only():
    filters = SearchFilters(
        q="agua", lang="en", selected={"country": ("MX",)}, year_to=2010, page=2
    )
    assert filters.clear_url("/en/search") == "/en/search?q=agua"


def test_every_link_parses_back_to_the_search_it_names():
    filters = SearchFilters(
        q="agua",
        selected={"country": ("MX", "AR"), "theme": ("open-data",)},
        year_from=2000,
        year_to=2010,
        undated=True,
        documented=True,
        sort="newest",
        page=2,
        page_size=50,
    )
    assert parse(filters.querystring()) == filters


@pytest.mark.parametrize(
    "header, language",
    [
        (None, "es"),
        ("", "es"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR, en;q=0.5, es;q=0.8", "es"),
        ("en;q=0, es;q=0.1", "es"),
        ("en;q=bad, es;q=0.5", "es"),
        ("de, fr", "es"),
        ("EN", "en"),
    ],
)
def test_an_api_request_without_lang_takes_the_first_of_ours_it_accepts(
    header, language
):
    assert accepted_language(header) == language
