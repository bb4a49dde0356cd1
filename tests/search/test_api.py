"""The JSON API: its shape, every parameter error, and OpenSearch being down."""

import time
from pathlib import Path

import pytest
import yaml

from practices.facets import FACET_NAMES
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"
OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"


def test_the_response_has_the_documented_shape(client, corpus):
    body = client.get(API, {"q": "agua", "country": ["CO", "IN"], "lang": "en"}).json()
    assert set(body) == {
        "total",
        "page",
        "page_size",
        "took_ms",
        "results",
        "facets",
        "suggestion",
        "warnings",
        "documented_count",
        "undated_count",
    }
    assert body["total"] == 2
    result = body["results"][0]
    assert set(result) == {
        "id",
        "url",
        "title",
        "summary",
        "highlights",
        "country",
        "themes",
        "year",
        "language",
        "level",
        "evidence",
        "outcomes",
        "documented_results",
    }
    assert set(body["facets"]) == {
        "country",
        "subdivision",
        "region",
        "theme",
        "outcome",
        "evidence",
        "level",
        "regulated_party",
        "type",
        "status",
        "original",
        "language",
        "year",
    }
    colombia = next(v for v in body["facets"]["country"] if v["value"] == "CO")
    assert colombia == {
        "value": "CO",
        "label": "Colombia",
        "count": 1,
        "selected": True,
    }


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "200", "page_size": "100"}, "page"),
        ({"sort": "random"}, "sort"),
        ({"lang": "fr"}, "lang"),
        ({"year_from": "20x"}, "year_from"),
        ({"year_from": "2020", "year_to": "2010"}, "year_to"),
        ({"q": "x" * 301}, "q"),
        ({"q": ["a", "b"]}, "q"),
    ],
)
def test_malformed_parameters_answer_400_naming_the_parameter(
    client, corpus, params, parameter
):
    response = client.get(API, params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "agua", "page": "-1"}, "debe ser al menos 1"),
        ({"q": "water", "page": "-1", "lang": "en"}, "must be at least 1"),
        ({"q": "agua", "page": "0"}, "debe ser al menos 1"),
        ({"q": "agua", "page": "abc"}, "debe ser un número entero"),
    ],
)
def test_a_page_below_one_is_told_so_in_the_language_of_the_search(
    client, corpus, params, message
):
    response = client.get(API, params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "page"
    assert response.json()["error"]["message"].startswith(message)


@pytest.mark.parametrize(
    "lang, message",
    [
        ("es", "No hay página 50: esta búsqueda tiene {total} prácticas en 1 página."),
        ("en", "There is no page 50: this search has {total} practices on 1 page."),
    ],
)
def test_a_page_past_the_last_is_a_404_saying_how_many_there_are(
    client, corpus, lang, message
):
    """Not an empty page that looks like a search that found nothing."""
    total = client.get(API, {"country": "MX", "lang": lang}).json()["total"]
    assert 0 < total <= 20
    response = client.get(API, {"country": "MX", "lang": lang, "page": "50"})
    assert response.status_code == 404
    assert response.json()["error"] == {
        "message": message.format(total=total),
        "parameter": "page",
    }
    nothing = client.get(API, {"q": "qqqzzzxxx", "lang": lang})
    assert nothing.status_code == 200 and nothing.json()["results"] == []


def test_unknown_facet_values_are_ignored_and_listed(client, corpus):
    body = client.get(API, {"country": ["MX", "QQ"], "theme": "no-such-theme"}).json()
    assert body["warnings"] == [
        "unknown country 'QQ' ignored",
        "unknown theme 'no-such-theme' ignored",
    ]
    assert body["total"] == client.get(API, {"country": "MX"}).json()["total"]


@pytest.mark.parametrize(
    "q", ['"unbalanced', "a AND OR", "(((", "title:x^", "\\", "*?~"]
)
def test_query_syntax_never_breaks_search(client, corpus, q):
    assert client.get(API, {"q": q}).status_code == 200


def test_search_answers_503_quickly_when_opensearch_is_down(
    client, corpus, opensearch_down
):
    started = time.monotonic()
    response = client.get(API, {"q": "agua"})
    assert response.status_code == 503
    assert "temporarily unavailable" in response.json()["error"]["message"]
    assert time.monotonic() - started < 2


def test_autocomplete_endpoint(client, corpus):
    body = client.get("/api/v1/autocomplete/", {"q": "whistle", "lang": "en"}).json()
    assert "Whistleblower protection law" in {p["title"] for p in body["practices"]}
    assert (
        client.get("/api/v1/autocomplete/", {"q": "x", "lang": "xx"}).status_code == 400
    )


def test_the_openapi_schema_documents_every_facet_of_the_registry():
    schema = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    parameters = {
        p["name"] for p in schema["paths"]["/api/v1/search/"]["get"]["parameters"]
    }
    assert set(FACET_NAMES) <= parameters


@pytest.mark.parametrize("name", ["page", "page_size", "year_from", "year_to"])
def test_unicode_digits_answer_400_in_the_requested_language(client, corpus, name):
    english = client.get(API, {name: "²", "lang": "en"})
    assert english.status_code == 400
    assert english.json()["error"]["parameter"] == name
    assert english.json()["error"]["message"].startswith("must be")
    spanish = client.get(API, {name: "²"})  # Spanish is the API's default language
    assert spanish.status_code == 400
    assert spanish.json()["error"]["message"].startswith("debe ser")


def test_a_page_past_a_single_practice_says_one_practice(
    client, own_index, django_capture_on_commit_callbacks
):
    """Not "1 practices on 1 page"; the search page says the same as the API."""
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [practice_record("one-of-a-kind", "Mesa zqxunica", "Una sola práctica.")]
        )
    assert client.get(API, {"q": "zqxunica"}).json()["total"] == 1
    response = client.get(API, {"q": "zqxunica", "page": "2", "lang": "en"})
    assert response.status_code == 404
    message = "There is no page 2: this search has one practice."
    assert response.json()["error"]["message"] == message
    page = client.get("/en/search/", {"q": "zqxunica", "page": "2"})
    assert page.status_code == 404
    assert message in page.content.decode()
