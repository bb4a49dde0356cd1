"""The export holds exactly what the search finds, as CSV or JSON Lines."""

import csv
import datetime
import io
import json

import pytest
from django.http import QueryDict
from django.utils import timezone

from practices.dataset import COLUMNS
from search.filters import parse_filters
from search.scan import scan_practice_ids

pytestmark = pytest.mark.django_db
EXPORT = "/api/v1/practices/export/"
SEARCH = "/api/v1/search/"

SELECTIONS = [
    "",
    "q=presupuesto",
    "q=water&lang=en",
    "country=MX",
    "country=MX&country=BR",
    "level=municipal&sort=newest",
    "theme=open-data",
    "year_from=2018&year_to=2020&sort=oldest",
    "type=proactive-transparency&region=latin-america-caribbean",
    "subdivision=MX-JAL&q=datos",
]


def _search_ids(client, query: str) -> tuple[int, set[str]]:
    body = client.get(f"{SEARCH}?{query}&page_size=100").json()
    assert body["total"] <= 100, "the corpus fits on one page"
    assert body["warnings"] == [], "every filter of the selection is known"
    return body["total"], {hit["id"] for hit in body["results"]}


def _jsonl(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("query", SELECTIONS)
def test_the_export_holds_the_same_practices_as_the_search(client, corpus, query):
    total, ids = _search_ids(client, query)
    assert total > 0, f"the selection {query!r} should match something"
    for file_format, read in (("jsonl", _jsonl), ("csv", _csv)):
        response = client.get(f"{EXPORT}?{query}&format={file_format}&headers=codes")
        assert response.status_code == 200
        rows = read(response)
        assert int(response["X-Total-Count"]) == total
        assert len(rows) == total
        assert {row["id"] for row in rows} == ids


def test_the_walk_pages_through_batches_without_repeating_or_skipping(corpus):
    filters = parse_filters(QueryDict("sort=newest"))
    scan = scan_practice_ids(filters, batch_size=4)
    batches = list(scan.batches)
    ids = [i for batch in batches for i in batch]
    assert scan.total == 22
    assert len(ids) == len(set(ids)) == 22
    assert [len(b) for b in batches] == [4, 4, 4, 4, 4, 2]


def test_the_export_follows_the_search_order(client, corpus):
    search = client.get(f"{SEARCH}?sort=oldest&page_size=100").json()
    years = [hit["year"] for hit in search["results"]]
    rows = _jsonl(client.get(f"{EXPORT}?sort=oldest&format=jsonl"))
    assert [row["start_year"] for row in rows] == years


def test_csv_has_the_codebook_columns_dated_name_licence_and_both_languages(
    client, corpus
):
    response = client.get(f"{EXPORT}?q=Zapopan&headers=codes&bom=0")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="repertorio-practicas-{today}.csv"'
    )
    assert response["Link"] == (
        '<https://creativecommons.org/licenses/by-nc-sa/4.0/>; rel="license"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert not text.startswith("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    assert next(reader) == [column.name for column in COLUMNS]
    (row,) = _csv_rows(text)
    assert row["title_es"] == "Presupuestos participativos en Zapopan"
    assert row["title_en"] == "Participatory budgets in Zapopan"
    assert "/en/practices/" in row["url_en"]
    assert row["country"] == "MX"
    assert row["country_label"] == "México"
    assert row["subdivision"] == "MX-JAL"
    assert row["theme"] == "participatory-budgeting"
    assert row["start_year"] == "2016"
    assert row["source_urls"] == "https://example.org/zapopan"
    assert row["licence"] == "https://creativecommons.org/licenses/by-nc-sa/4.0/"
    datetime.datetime.fromisoformat(row["first_published_at"])


def _csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_labels_follow_the_language_asked_for(client, corpus):
    (row,) = _jsonl(client.get(f"{EXPORT}?q=Zapopan&format=jsonl&lang=en"))
    assert row["country_label"] == "Mexico"
    assert row["theme"] == ["participatory-budgeting"]
    assert row["start_year"] == 2016


def _excel_text(data: bytes) -> str:
    """What Excel shows of a CSV file it opens: UTF-8 only after a byte order mark
    (read as utf-8-sig, the mark removed), the Windows code page otherwise."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig")
    return data.decode("cp1252", errors="replace")


def test_excel_reads_the_spanish_csv_with_its_accents(client, corpus):
    """The CSV link of the Spanish site gives a file Excel reads as UTF-8: a BOM,
    headings and file name in Spanish, accents intact."""
    response = client.get(f"{EXPORT}?q=Zapopan&lang=es")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="repertorio-practicas-{today}.csv"'
    )
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")
    text = _excel_text(data)
    assert "Ã" not in text
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert len(header) == len(set(header)) == len(COLUMNS)
    assert header[:4] == [
        "Identificador",
        "Página (español)",
        "Página (inglés)",
        "Título (español)",
    ]
    assert "País (código)" in header and "País" in header
    assert "Temas (códigos)" in header or "Tema (códigos)" in header
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["País"] == "México"
    assert row["Título (español)"] == "Presupuestos participativos en Zapopan"


def test_english_readers_get_english_headings_and_name(client, corpus):
    """`lang=en`, or an English browser without `lang`, gives English headings."""
    today = timezone.localdate().isoformat()
    for query, headers in (
        ("q=Zapopan&lang=en", {}),
        ("q=Zapopan", {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9,es;q=0.5"}),
    ):
        response = client.get(f"{EXPORT}?{query}", **headers)
        assert response["Content-Disposition"] == (
            f'attachment; filename="repertorio-practices-{today}.csv"'
        )
        text = _excel_text(b"".join(response.streaming_content))
        header = next(csv.reader(io.StringIO(text, newline="")))
        assert header[:4] == [
            "Identifier",
            "Page (Spanish)",
            "Page (English)",
            "Title (Spanish)",
        ]
        assert "Country (code)" in header


def test_codes_and_no_bom_on_request(client, corpus):
    """`headers=codes` keeps the stable column codes; `bom=0` drops the mark."""
    response = client.get(f"{EXPORT}?q=Zapopan&headers=codes&bom=0")
    data = b"".join(response.streaming_content)
    assert data.startswith(b"id,url_es,url_en,title_es,")
    response = client.get(f"{EXPORT}?q=Zapopan&headers=codes")
    assert b"".join(response.streaming_content).startswith("\ufeffid,".encode())


def test_format_json_is_an_array_of_the_json_lines_rows(client, corpus):
    for query in ("q=Zapopan", "country=MX", "q=nothing-matches-this-xyz"):
        response = client.get(f"{EXPORT}?{query}&format=json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Content-Disposition"].endswith('.json"')
        rows = json.loads(b"".join(response.streaming_content))
        assert isinstance(rows, list)
        assert rows == _jsonl(client.get(f"{EXPORT}?{query}&format=jsonl"))
        assert len(rows) == int(response["X-Total-Count"])
    assert len(rows) == 0


def test_the_search_page_links_csv_json_and_json_lines(client, corpus):
    """Each link names its format and the page's language, even Spanish."""
    for path, lang in (("/buscar/?q=Zapopan", "es"), ("/en/search/?q=Zapopan", "en")):
        html = client.get(path).content.decode()
        for file_format, text in (
            ("csv", ">CSV<"),
            ("json", ">JSON<"),
            ("jsonl", ">JSON Lines<"),
        ):
            assert f"lang={lang}&amp;format={file_format}" in html
            assert text in html


def test_drafts_and_personal_data_never_appear(client, corpus):
    text = b"".join(client.get(f"{EXPORT}?format=jsonl").streaming_content).decode()
    assert "Borrador secreto" not in text
    for word in ("email", "submitter", "@example"):
        assert word not in text


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"format": "xls"}, "format"),
        ({"format": ["csv", "jsonl"]}, "format"),
        ({"bom": "yes"}, "bom"),
        ({"headers": "english"}, "headers"),
        ({"sort": "random"}, "sort"),
        ({"lang": "fr"}, "lang"),
        ({"year_from": "20x"}, "year_from"),
        ({"year_from": "2020", "year_to": "2010"}, "year_to"),
        ({"q": "x" * 301}, "q"),
    ],
)
def test_bad_input_gets_the_search_apis_400(client, corpus, params, parameter):
    response = client.get(EXPORT, params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter
    search_params = {
        k: v for k, v in params.items() if k not in ("format", "bom", "headers")
    }
    if search_params:
        assert response.json() == client.get(SEARCH, search_params).json()


@pytest.mark.parametrize("paging", ["page=99999", "page=abc", "page_size=1000"])
def test_the_export_walks_every_result_and_leaves_paging_unread(client, corpus, paging):
    """An export has no pages: a search's address on any page exports the same."""
    response = client.get(f"{EXPORT}?format=jsonl&country=MX&{paging}")
    assert response.status_code == 200, response.content
    rows = _jsonl(response)  # read to the end: the download's slot is given back
    whole = _jsonl(client.get(f"{EXPORT}?format=jsonl&country=MX"))
    assert len(rows) > 1 and rows == whole


def test_search_down_answers_503_not_a_broken_file(client, corpus, opensearch_down):
    response = client.get(EXPORT)
    assert response.status_code == 503
    assert "temporarily unavailable" in response.json()["error"]["message"]
