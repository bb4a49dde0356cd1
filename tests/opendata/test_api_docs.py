"""The API describes itself: an index at /api/v1/ with absolute links, the OpenAPI
document served, a page reading it for people in both languages; answers follow
Accept-Language without `lang` and give absolute practice URLs; the open data page
links the latest dumps and all of this."""

import datetime
import io

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_api_index_links_every_endpoint_absolutely(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    links = response.json()["links"]
    assert links["search"] == "http://testserver/api/v1/search/"
    assert links["practice"] == "http://testserver/api/v1/practices/{id}/"
    assert links["openapi"] == "http://testserver/api/v1/openapi.yaml"
    assert links["documentation"] == {
        "es": "http://testserver/api/",
        "en": "http://testserver/en/api/",
    }
    for name in ("autocomplete", "finder", "export", "taxonomy", "feed"):
        assert links[name].startswith("http://testserver/")


def test_the_api_index_links_every_path_of_the_openapi_document(client):
    """A researcher who starts at the index finds every endpoint (the finder's POST
    was missing)."""
    links = client.get("/api/v1/").json()["links"]
    linked = {
        href.removeprefix("http://testserver")
        for href in links.values()
        if isinstance(href, str)
    }
    document = yaml.safe_load(
        b"".join(client.get("/api/v1/openapi.yaml").streaming_content)
    )
    assert set(document["paths"]) - {"/api/v1/"} <= linked  # all but itself


def test_the_openapi_document_is_served_as_yaml(client):
    response = client.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/yaml")
    document = yaml.safe_load(b"".join(response.streaming_content))
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/" in document["paths"]


@pytest.mark.parametrize(
    "path, heading, note",
    [("/api/", "API pública", True), ("/en/api/", "Public API", False)],
)
def test_the_api_page_reads_the_document_for_people(client, path, heading, note):
    html = client.get(path).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "<code>GET /api/v1/practices/export/</code>" in html
    # A parameter from a reference, with its values.
    assert "<code>sort</code>" in html and "relevance, newest, oldest, mexico" in html
    assert 'href="/api/v1/openapi.yaml"' in html
    # The descriptions are the document's English: marked as such on the Spanish page.
    assert ('data-only-in="en"' in html) is note
    assert ('<td lang="en">' in html) is note


def test_without_lang_the_search_api_follows_accept_language(client, corpus):
    english = client.get(
        "/api/v1/search/", {"q": "Zapopan"}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    assert english.json()["results"][0]["title"] == "Participatory budgets in Zapopan"
    assert "Accept-Language" in english["Vary"]
    spanish = client.get("/api/v1/search/", {"q": "Zapopan"})
    assert spanish.json()["results"][0]["title"].startswith("Presupuestos")
    # `lang` wins over the header.
    forced = client.get(
        "/api/v1/search/", {"q": "Zapopan", "lang": "es"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert forced.json()["results"][0]["title"].startswith("Presupuestos")


def test_errors_follow_accept_language_too(client, corpus):
    english = client.get("/api/v1/search/", {"page": "x"}, HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["error"]["message"] == "must be a whole number"
    spanish = client.get("/api/v1/search/", {"page": "x"}, HTTP_ACCEPT_LANGUAGE="es-MX")
    assert spanish.json()["error"]["message"].startswith("debe ser un número entero")
    bad = client.get("/api/v1/autocomplete/", {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="es")
    assert bad.json()["error"] == {
        "message": "debe ser uno de estos valores: es, en",
        "parameter": "lang",
    }


def test_api_results_carry_absolute_urls(client, corpus):
    body = client.get("/api/v1/search/", {"q": "Zapopan"}).json()
    assert body["results"][0]["url"].startswith("http://testserver/")
    found = client.get("/api/v1/autocomplete/", {"q": "zapo"}).json()
    assert found["practices"][0]["url"].startswith("http://testserver/")


def test_the_open_data_page_links_the_latest_dumps_and_the_api(
    client, corpus, settings, tmp_path
):
    settings.OPEN_DATA_DUMP_DIR = tmp_path / "open-data"
    html = client.get("/datos-abiertos/").content.decode()
    assert "data-latest-dumps" not in html
    call_command("export_practices", "--dump", stdout=io.StringIO())
    html = client.get("/datos-abiertos/").content.decode()
    today = datetime.date.today().isoformat()
    assert "data-latest-dumps" in html
    for extension in ("csv", "jsonl"):
        link = (
            f'href="/open-data/dumps/repertorio-practices-{today}.{extension}" download'
        )
        assert link in html
        assert (
            client.get(
                f"/open-data/dumps/repertorio-practices-{today}.{extension}"
            ).status_code
            == 200
        )
    for href in ('href="/api/"', 'href="/api/v1/"', 'href="/api/v1/openapi.yaml"'):
        assert href in html
    english = client.get("/en/open-data/").content.decode()
    assert 'href="/en/api/"' in english
