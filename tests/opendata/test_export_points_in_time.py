"""An export holds an OpenSearch point in time while it streams; it must give it
back however the download ends."""

import pytest

from search.client import get_client

pytestmark = pytest.mark.django_db
EXPORT = "/api/v1/practices/export/"


def _open_points_in_time() -> int:
    answer = get_client().transport.perform_request(
        "GET", "/_search/point_in_time/_all"
    )
    return len(answer.get("pits", []))


def test_an_export_closed_before_its_first_byte_frees_its_point_in_time(client, corpus):
    before = _open_points_in_time()
    response = client.get(EXPORT, {"format": "csv"})
    assert response.status_code == 200
    assert _open_points_in_time() == before + 1
    response.close()  # what the WSGI server does when the client goes away
    assert _open_points_in_time() == before


def test_an_export_read_to_the_end_frees_its_point_in_time(client, corpus):
    before = _open_points_in_time()
    response = client.get(EXPORT, {"format": "jsonl"})
    b"".join(response.streaming_content)
    assert _open_points_in_time() == before
