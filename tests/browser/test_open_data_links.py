"""Every open data link of a search, followed in Chromium, in Spanish and in English:
the CSV (read as Excel reads it), JSON and JSON Lines downloads, the feed (link and <link rel=alternate>), the OpenSearch
description, the open data page from the footer and its vocabulary link."""

import codecs
import csv
import io
import json
import re
from pathlib import Path

import feedparser
import openpyxl
import pytest
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

JOURNEYS = [
    {
        "search": "/buscar/",
        "download": "Descargar estas 3 prácticas",
        "subscribe": "Suscribirse a esta búsqueda",
        "feed_title": "Repertorio: prácticas nuevas y actualizadas",
        "open_data": "Datos abiertos",
        "codebook": "Libro de códigos",
        "country_label": "México",
        "country_heading": "País",
        "file_stem": "repertorio-practicas-",
        "opensearch": "/opensearch.xml",
    },
    {
        "search": "/en/search/",
        "download": "Download these 3 practices",
        "subscribe": "Subscribe to this search",
        "feed_title": "Repertorio: new and updated practices",
        "open_data": "Open data",
        "codebook": "Codebook",
        "country_label": "Mexico",
        "country_heading": "Country",
        "file_stem": "repertorio-practices-",
        "opensearch": "/en/opensearch.xml",
    },
]


def _download(page, name: str, stem: str) -> str:
    with page.expect_download() as info:
        page.locator(".open-data-links").get_by_role(
            "link", name=name, exact=True
        ).click()
    download = info.value
    assert download.suggested_filename.startswith(stem)
    data = open(download.path(), "rb").read()  # noqa: SIM115
    if name == "Excel":
        assert download.suggested_filename.endswith(".xlsx")
        return data
    if name == "CSV":
        # As Excel does: UTF-8 only when the file starts with a byte order mark.
        assert data.startswith(b"\xef\xbb\xbf")
        return data.decode("utf-8-sig")
    return data.decode("utf-8")


@pytest.mark.parametrize("journey", JOURNEYS, ids=["es", "en"])
def test_every_open_data_link_from_the_search_page(page, journey):
    page.goto(page.base + journey["search"])
    page.locator("input[name=country][value=MX]").check()
    links = page.locator(".open-data-links")
    expect(links).to_contain_text(journey["download"])
    expect(links).to_contain_text("(CSV · Excel · JSON · JSON Lines)")

    stem = journey["file_stem"]
    text = _download(page, "CSV", stem)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 3
    assert {row[journey["country_heading"]] for row in rows} == {
        journey["country_label"]
    }
    workbook = openpyxl.load_workbook(io.BytesIO(_download(page, "Excel", stem)))
    assert workbook.active.max_row == 4  # the header and the same 3 practices
    array = json.loads(_download(page, "JSON", stem))
    assert {row["country_label"] for row in array} == {journey["country_label"]}
    lines = _download(page, "JSON Lines", stem).splitlines()
    assert [json.loads(line)["id"] for line in lines] == [row["id"] for row in array]

    feed_link = links.get_by_role("link", name=journey["subscribe"])
    alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    # The head's feed link follows the filters the script applied without a reload.
    assert alternate.get_attribute("href") == feed_link.get_attribute("href")
    response = page.request.get(page.base + feed_link.get_attribute("href"))
    assert response.ok
    feed = feedparser.parse(response.body())
    assert feed.feed.title == journey["feed_title"]
    assert len(feed.entries) == 3
    description = page.locator('link[rel="search"]').first.get_attribute("href")
    assert description == journey["opensearch"]
    assert page.request.get(page.base + description).ok

    with page.expect_navigation():
        feed_link.click()  # a browser may show or save it; it must not fail

    page.goto(page.base + journey["search"])
    page.locator(".site-footer").get_by_role("link", name=journey["open_data"]).click()
    expect(page.locator("h1")).to_have_text(journey["open_data"])
    expect(page.locator("#codebook-heading")).to_have_text(journey["codebook"])
    page.get_by_role("link", name="theme", exact=True).first.click()
    vocabularies = json.loads(page.locator("body").inner_text())["vocabularies"]
    themes = vocabularies["theme"]["terms"]
    assert any(theme["code"] == "open-data" for theme in themes)


@pytest.fixture(scope="module")
def dated_dumps(corpus, django_db_blocker, tmp_path_factory):
    """Today's dumps of the shared repertory, written once for the four walks below
    (they only download them)."""
    directory = tmp_path_factory.mktemp("open-data")
    with override_settings(OPEN_DATA_DUMP_DIR=directory), django_db_blocker.unblock():
        call_command("export_practices", "--dump", stdout=io.StringIO())
    return directory


@pytest.mark.parametrize(
    "path, api_link, api_heading",
    [
        ("/datos-abiertos/", "Cómo usar la API pública", "API pública"),
        ("/en/open-data/", "How to use the public API", "Public API"),
    ],
)
@pytest.mark.parametrize("width", [1366, 390])
def test_the_open_data_page_leads_to_the_dumps_and_the_api(
    open_page, site_url, settings, dated_dumps, path, api_link, api_heading, width
):
    settings.OPEN_DATA_DUMP_DIR = dated_dumps
    page = open_page(width)
    page.goto(site_url + path)
    latest = page.locator("[data-latest-dumps]")
    with page.expect_download() as info:
        latest.get_by_role("link").first.click()  # the reader's spreadsheet
    language = "es" if path == "/datos-abiertos/" else "en"
    assert info.value.suggested_filename.endswith(f".{language}.csv")
    data = Path(info.value.path()).read_bytes()
    header = data.decode("utf-8-sig").splitlines()[0]  # as Excel reads it
    assert data.startswith(codecs.BOM_UTF8)
    assert ("Título (español)" if language == "es" else "Title (Spanish)") in header
    with page.expect_download() as info:
        latest.get_by_role("link", name=re.compile("^CSV")).nth(2).click()
    assert re.fullmatch(
        r"repertorio-practices-[\d-]+\.csv", info.value.suggested_filename
    )
    with page.expect_download() as info:
        latest.get_by_role("link", name=re.compile("^JSON Lines")).click()
    assert info.value.suggested_filename.endswith(".jsonl")
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.get_by_role("link", name=api_link).click()
    expect(page.locator("h1")).to_have_text(api_heading)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.locator("a[href='/api/v1/']").first.click()
    index = json.loads(page.locator("body").inner_text())
    assert index["links"]["openapi"] == site_url + "/api/v1/openapi.yaml"
    response = page.request.get(index["links"]["openapi"])
    assert response.ok and b"openapi: 3.1" in response.body()


@pytest.mark.parametrize(
    "locale, message",
    [
        ("es-MX", "debe ser un año entre 1900 y 2100"),
        ("en-GB", "must be a year between 1900 and 2100"),
    ],
)
def test_the_api_answers_in_the_browsers_language(open_page, site_url, locale, message):
    """Without `lang`, an API error follows the browser's Accept-Language."""
    page = open_page(locale=locale)
    response = page.goto(site_url + "/api/v1/search/?year_from=abc")
    assert response.status == 400
    error = json.loads(page.locator("body").inner_text())["error"]
    assert error == {"message": message, "parameter": "year_from"}
