"""An export holds an OpenSearch point in time while it streams; it must give it
back however the download ends."""

import base64

import pytest
from django.conf import settings

from search.client import get_client

pytestmark = pytest.mark.django_db
EXPORT = "/api/v1/practices/export/"


def _open_points_in_time() -> int:
    """Points in time open on this test process's indexes. The node is shared with
    the other test processes, whose exports open and close their own meanwhile;
    a point in time's id names the indexes it holds, so those are left out."""
    answer = get_client().transport.perform_request(
        "GET", "/_search/point_in_time/_all"
    )
    ours = f"{settings.OPENSEARCH_INDEX_PREFIX}-".encode()
    # A long-running shared node once listed a point in time without its id.
    ids = [pit.get("pit_id") for pit in answer.get("pits", [])]
    return sum(ours in _decoded(pit_id) for pit_id in ids if pit_id)


def _decoded(pit_id: str) -> bytes:
    return base64.urlsafe_b64decode(pit_id + "=" * (-len(pit_id) % 4))


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
