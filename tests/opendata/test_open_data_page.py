"""The open data page: editable, with the codebook from the exporter's columns and
the dated dumps `export_practices --dump` writes, each with its SHA-256."""

import csv
import datetime
import hashlib
import io
import json
import re

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from pages.models import SitePages
from practices.dataset import COLUMNS
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def dump_dir(settings, tmp_path):
    settings.OPEN_DATA_DUMP_DIR = tmp_path / "open-data"
    return settings.OPEN_DATA_DUMP_DIR


def test_the_dump_command_writes_dated_files_with_their_sha256(corpus, dump_dir):
    out = io.StringIO()
    call_command("export_practices", "--dump", stdout=out)
    today = datetime.date.today().isoformat()
    names = sorted(p.name for p in dump_dir.iterdir())
    assert names == [
        f"repertorio-practices-{today}.csv",
        f"repertorio-practices-{today}.csv.sha256",
        f"repertorio-practices-{today}.en.csv",
        f"repertorio-practices-{today}.en.csv.sha256",
        f"repertorio-practices-{today}.es.csv",
        f"repertorio-practices-{today}.es.csv.sha256",
        f"repertorio-practices-{today}.jsonl",
        f"repertorio-practices-{today}.jsonl.sha256",
    ]
    live = PracticePage.objects.live().values("translation_key").distinct().count()
    for extension in ("csv", "jsonl", "es.csv", "en.csv"):
        data = (dump_dir / f"repertorio-practices-{today}.{extension}").read_bytes()
        checksum = dump_dir / f"repertorio-practices-{today}.{extension}.sha256"
        assert checksum.read_text() == (
            f"{hashlib.sha256(data).hexdigest()}  repertorio-practices-{today}.{extension}\n"
        )
        assert hashlib.sha256(data).hexdigest() in out.getvalue()
    rows = list(
        csv.DictReader(
            io.StringIO(
                (dump_dir / f"repertorio-practices-{today}.csv").read_text(), newline=""
            )
        )
    )
    assert len(rows) == live == 22
    lines = (dump_dir / f"repertorio-practices-{today}.jsonl").read_text().splitlines()
    assert {json.loads(line)["id"] for line in lines} == {row["id"] for row in rows}


@pytest.mark.parametrize(
    "path, language", [("/datos-abiertos/", "es"), ("/en/open-data/", "en")]
)
def test_the_page_shows_every_column_and_links_the_dumps(
    client, corpus, dump_dir, path, language
):
    call_command("export_practices", "--dump", stdout=io.StringIO())
    page = SitePages.load().open_data.get_translation(
        Locale.objects.get(language_code=language)
    )
    assert page.url == path
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for column in COLUMNS:
        assert f"<code>{column.name}</code>" in html
    assert 'href="/api/v1/taxonomy/?vocabulary=theme"' in html
    assert "CC BY-NC-SA 4.0" in html
    # The Excel file is named where downloads are explained, for the reader who
    # double-clicks; its sentence reaches Spanish with the catalogue.
    assert ("CSV, Excel o JSON" if language == "es" else "CSV, Excel or JSON") in html
    if language == "en":
        assert "The Excel file (.xlsx) holds the CSV" in html
    today = datetime.date.today().isoformat()
    latest = html[html.index("data-latest-dumps") :]
    latest = latest[: latest.index("</p>")]
    # The reader's spreadsheet file first, then the other language's, then the
    # machines' files.
    other = "en" if language == "es" else "es"
    hrefs = [
        f'href="/open-data/dumps/repertorio-practices-{today}.{kind}"'
        for kind in (f"{language}.csv", f"{other}.csv", "csv", "jsonl")
    ]
    positions = [latest.index(href) for href in hrefs]
    assert positions == sorted(positions)
    name = f"repertorio-practices-{today}.csv"
    assert f'href="/open-data/dumps/{name}"' in html
    digest = (dump_dir / f"{name}.sha256").read_text().split()[0]
    assert digest in html
    download = client.get(f"/open-data/dumps/{name}")
    assert download.status_code == 200
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == digest
    assert client.get("/open-data/dumps/..%2Fsettings.py").status_code == 404
    assert (
        client.get("/open-data/dumps/repertorio-practices-2001-01-01.csv").status_code
        == 404
    )


def test_the_codebook_is_in_spanish_on_the_spanish_page(client, corpus, dump_dir):
    html = client.get("/datos-abiertos/").content.decode()
    assert "Libro de códigos" in html
    assert "Título en español." in html
    # The CSV's headings as the search page's CSV link writes them.
    assert "Encabezado en el CSV" in html
    assert "<td>Título (español)</td>" in html
    assert "<td>País (código)</td>" in html
    assert "Datos abiertos" in client.get("/").content.decode()  # footer link


def test_every_new_endpoint_is_in_the_openapi_document():
    spec = yaml.safe_load((settings.BASE_DIR / "docs/api/openapi.yaml").read_text())
    for path in (
        "/api/v1/practices/export/",
        "/api/v1/practices/{id}/",
        "/api/v1/taxonomy/",
        "/feeds/practices.atom",
    ):
        assert "get" in spec["paths"][path], path


def test_dump_downloads_say_they_are_utf8_text(client, corpus, dump_dir):
    """A browser that opens a dump rather than saving it reads its accents right:
    the same types as the export API's, with their charset."""
    call_command("export_practices", "--dump", stdout=io.StringIO())
    today = datetime.date.today().isoformat()
    expected = {
        "es.csv": "text/csv; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "jsonl": "application/x-ndjson; charset=utf-8",
        "jsonl.sha256": "text/plain; charset=utf-8",
    }
    for kind, content_type in expected.items():
        response = client.get(f"/open-data/dumps/repertorio-practices-{today}.{kind}")
        assert response.status_code == 200
        assert response["Content-Type"] == content_type, kind


@pytest.mark.parametrize(
    ("path", "language"), [("/datos-abiertos/", "es"), ("/en/open-data/", "en")]
)
def test_before_any_dated_version_the_page_links_the_whole_repertory(
    client, corpus, dump_dir, path, language
):
    """The page promises the whole repertory: with no dated version yet, it links
    the live export of everything, in the page's language, not a dead end."""
    html = client.get(path).content.decode()
    assert "data-latest-dumps" not in html
    whole = html[html.index("data-whole-collection") :].split("</p>")[0]
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', whole)]
    assert [h.split("format=")[1] for h in hrefs] == ["csv", "xlsx", "json"]
    assert all(f"lang={language}" in h for h in hrefs)
    response = client.get(hrefs[0])
    assert response.status_code == 200
    b"".join(response.streaming_content)  # read to the end: the slot is given back
    everything = client.get("/api/v1/search/", {"lang": language}).json()["total"]
    assert int(response["X-Total-Count"]) == everything > 0
