"""The filter object: strict parsing, and every link to another search built by it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.utils import translation

from search.filters import FilterError, parse_filters

pytestmark = pytest.mark.django_db

UNICODE_DIGITS = ["²", "١", "٣", "𝟙", "½", "1²", "Ⅻ", "１"]


def _params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _filters(querystring: str):
    return parse_filters(QueryDict(querystring))


def test_a_page_link_from_page_two_holds_the_page_once():
    filters = _filters("q=participacion&country=MX&page=2")
    assert _params(filters.url_with(page=3)) == {
        "q": ["participacion"],
        "country": ["MX"],
        "page": ["3"],
    }
    assert _params(filters.url_with(page=1)) == {
        "q": ["participacion"],
        "country": ["MX"],
    }


def test_each_link_parses_back_to_the_search_it_names():
    filters = _filters("q=agua&country=MX&country=BR&year_from=2015&sort=newest&page=2")
    for url, expected in [
        (filters.url_with(page=3), {"page": 3}),
        (filters.url_with(q="aguas"), {"q": "aguas", "page": 1}),
        (filters.url_with(year_from=None), {"year_from": None, "page": 1}),
        (filters.toggle_url("country", "BR"), {"page": 1}),
    ]:
        again = parse_filters(QueryDict(urlsplit(url).query))
        for name, value in expected.items():
            assert getattr(again, name) == value, (url, name)
    assert parse_filters(
        QueryDict(urlsplit(filters.toggle_url("country", "BR")).query)
    ).values("country") == ("MX",)


def test_the_suggestion_link_replaces_the_words_and_keeps_the_filters():
    filters = _filters("q=agau&country=CO&page=2&page_size=10")
    assert _params(filters.url_with(q="agua")) == {
        "q": ["agua"],
        "country": ["CO"],
        "page_size": ["10"],
    }


def test_toggling_adds_or_removes_one_value_back_on_page_one():
    filters = _filters("country=MX&page=3")
    assert _params(filters.toggle_url("country", "BR")) == {"country": ["MX", "BR"]}
    assert filters.toggle_url("country", "MX") == "?"


def test_clear_all_keeps_only_the_words():
    filters = _filters("q=agua&country=MX&level=state&page=2&sort=newest")
    assert filters.clear_url("/buscar/") == "/buscar/?q=agua"
    assert _filters("country=MX").clear_url("/buscar/") == "/buscar/"


def test_links_to_another_endpoint_carry_the_language_and_extra_parameters():
    filters = parse_filters(QueryDict("q=agua&lang=en&page=4"))
    url = filters.url_with(
        "/api/v1/x/", with_lang=True, extra=(("format", "csv"),), page=1
    )
    assert url == "/api/v1/x/?q=agua&lang=en&format=csv"


@pytest.mark.parametrize("name", ["page", "page_size", "year_from", "year_to"])
@pytest.mark.parametrize("digit", UNICODE_DIGITS)
def test_unicode_digits_are_a_filter_error_not_a_crash(name, digit):
    with pytest.raises(FilterError) as error:
        _filters(f"{name}={digit}")
    assert error.value.parameter == name


@pytest.mark.parametrize(
    "querystring, parameter",
    [
        ("page=%2B1", "page"),
        ("page=1.0", "page"),
        ("page= 1e3", "page"),
        ("page=0x10", "page"),
        ("page=9999999", "page"),
        ("page_size=-5", "page_size"),
        ("year_from=٢٠٢٠", "year_from"),
        ("year_to=20_20", "year_to"),
    ],
)
def test_only_ascii_digits_make_a_number(querystring, parameter):
    with pytest.raises(FilterError) as error:
        _filters(querystring)
    assert error.value.parameter == parameter


def test_messages_speak_the_language_of_the_search():
    with translation.override("en"), pytest.raises(FilterError) as spanish:
        parse_filters(QueryDict("page=²"), default_lang="es")
    with pytest.raises(FilterError) as english:
        _filters("page=²&lang=en")
    assert spanish.value.message == (
        "debe ser un número entero, escrito con las cifras 0 a 9"
    )
    assert english.value.message == "must be a whole number"
