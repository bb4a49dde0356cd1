"""Exports cannot take every web worker (issue #24): a cap on live exports in
progress per client and overall, the whole collection served from the latest
dated dump, and a server-side time limit on every batch of the walk."""

import csv
import io

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections

from practices.dataset.dumps import write_dumps
from search.scan import SCAN_SERVER_TIMEOUT, _complete, batch_request
from search.service import SearchUnavailable

pytestmark = pytest.mark.django_db
EXPORT = "/api/v1/practices/export/"


@pytest.fixture
def capped(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.EXPORT_CONCURRENT_PER_CLIENT = 1
    settings.EXPORT_CONCURRENT_TOTAL = 2


def _export(client, address: str, **params):
    return client.get(
        EXPORT,
        {"format": "csv", "country": "MX", **params},
        HTTP_X_FORWARDED_FOR=address,
    )


def _close(response) -> None:
    """What the WSGI server does when a download ends; the test database stays
    open, as the test client keeps it (request_finished would close it)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def test_exports_in_progress_are_capped_per_client_and_overall(client, corpus, capped):
    first = _export(client, "203.0.113.70")
    assert first.status_code == 200
    # The same client while its first download is still streaming.
    again = _export(client, "203.0.113.70")
    assert again.status_code == 429
    assert int(again["Retry-After"]) > 0
    assert "exports in progress" in again.json()["error"]["message"]
    second = _export(client, "203.0.113.71")
    assert second.status_code == 200
    # Two in progress: a third client waits too.
    assert _export(client, "203.0.113.72").status_code == 429

    _close(first)  # the download ends (or the client goes away)
    after = _export(client, "203.0.113.70")
    assert after.status_code == 200
    b"".join(after.streaming_content)  # read to the end: the slot is given back
    _close(second)
    assert _export(client, "203.0.113.72").status_code == 200


def test_a_failed_export_gives_its_slot_back(client, corpus, capped, settings):
    settings.OPENSEARCH_URL = ["http://127.0.0.1:9"]
    for _ in range(3):
        assert _export(client, "203.0.113.73").status_code == 503


def test_the_whole_collection_comes_from_the_latest_dump(
    client, corpus, settings, opensearch_down
):
    """With the node down, only the dump can answer: no live walk is started. The
    machines' dump holds the columns' codes, without a byte order mark; a byte
    order mark asked for is added."""
    [csv_dump, jsonl_dump, *_] = write_dumps(directory=settings.OPEN_DATA_DUMP_DIR)
    as_dumped = {"csv": {"headers": "codes", "bom": "0"}, "jsonl": {}}
    for dump in (csv_dump, jsonl_dump):
        response = client.get(
            EXPORT, {"format": dump.file_format, **as_dumped[dump.file_format]}
        )
        assert response.status_code == 200
        assert response["X-Open-Data-Dump"] == dump.name
        assert dump.name in response["Content-Disposition"]
        body = b"".join(response.streaming_content)
        assert body == (settings.OPEN_DATA_DUMP_DIR / dump.name).read_bytes()
    with_bom = client.get(EXPORT, {"format": "csv", "headers": "codes", "bom": "1"})
    assert b"".join(with_bom.streaming_content).startswith(b"\xef\xbb\xbf")
    # A selection is not in the dump: it needs the (here unavailable) search.
    assert client.get(EXPORT, {"format": "csv", "q": "agua"}).status_code == 503
    assert client.get(EXPORT, {"format": "json"}).status_code == 503


@pytest.mark.parametrize(
    "lang, file_name, title_heading",
    [
        ("es", "repertorio-practicas-{day}.csv", "Título (español)"),
        ("en", "repertorio-practices-{day}.csv", "Title (Spanish)"),
    ],
)
def test_the_readers_csv_of_the_whole_collection_comes_from_the_dump(
    client, corpus, settings, opensearch_down, lang, file_name, title_heading
):
    """The CSV a reader downloads by default (headings in their language, with the
    BOM) is a dated dump too, read the way Excel reads it: UTF-8 because of the
    BOM, accents intact. `bom=0` leaves the BOM out."""
    dumps = write_dumps(directory=settings.OPEN_DATA_DUMP_DIR)
    [dump] = [d for d in dumps if d.headings == lang]
    response = client.get(EXPORT, {"format": "csv", "lang": lang})
    assert response.status_code == 200
    assert response["X-Open-Data-Dump"] == dump.name
    expected_name = file_name.format(day=dump.day.isoformat())
    assert f'filename="{expected_name}"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body == (settings.OPEN_DATA_DUMP_DIR / dump.name).read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert title_heading in rows[0]
    titles = [row[rows[0].index(title_heading)] for row in rows[1:]]
    assert len(titles) == 22
    assert any("ó" in title or "á" in title for title in titles), titles
    without = client.get(EXPORT, {"format": "csv", "lang": lang, "bom": "0"})
    assert b"".join(without.streaming_content) == body[3:]


def test_every_batch_carries_a_server_side_time_limit():
    request = batch_request({"size": 10}, "pit-id", None)
    assert request["timeout"] == SCAN_SERVER_TIMEOUT


def test_a_batch_the_node_cut_short_is_refused_not_exported():
    with pytest.raises(SearchUnavailable):
        _complete({"timed_out": True, "hits": {"hits": []}})
    assert _complete({"timed_out": False, "hits": {"hits": []}})
