"""Walking a whole result set in order, for exports and feeds.

A search page stops at 10,000 results; an export does not. The walk holds an
OpenSearch point in time, so every batch sees the same index state however long
the download takes, and pages through it with `search_after`: each batch is one
small request that returns practice ids only, so memory stays flat at any size.
The query and filters are the search page's own: the ranking the settings choose
(`ranking.py`), in the request `query.build_search_request` makes of it.
"""

from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, replace

from opensearchpy.exceptions import OpenSearchException, TransportError

from .client import get_client
from .filters import SearchFilters
from .indexer import alias_name
from .node import SearchUnavailable, TooManyClauses, engine_errors
from .query import build_search_request
from .ranking import chosen_ranking

EXPORT_BATCH_SIZE = 1000
KEEP_ALIVE = "2m"
# A download is not the interactive path: a busy node may take longer than a
# search page's 1.5 s to open the point in time or to answer a batch.
SCAN_TIMEOUT = 30
# Server side, below the client's: the node cancels a batch's search task that runs
# longer, rather than go on working for a client that has given up.
SCAN_SERVER_TIMEOUT = "25s"
# The practice id breaks ties, so two practices with equal sort values are never
# skipped or repeated between batches.
TIEBREAK = {"id": {"order": "asc"}}
# Newest publication first: what a feed of new and updated practices lists.
PUBLISHED = [{"published_at": {"order": "desc", "missing": "_last"}}, TIEBREAK]


@dataclass
class PracticeScan:
    """The ids of every practice a search matches, in its order, batch by batch."""

    total: int
    batches: Iterator[list[str]]


def _body(
    filters: SearchFilters, sort: list | None, size: int, *, plain: bool = False
) -> dict:
    # A walk in sorted batches cannot rescore: the phrase is scored on every match.
    ranked = chosen_ranking().ranked(filters, rescorable=False, plain=plain)
    request = build_search_request(replace(filters, page=1, page_size=1), ranked)
    return {
        "query": request["query"],
        "post_filter": request["post_filter"],
        "sort": list(sort or request["sort"]) + [TIEBREAK],
        "size": size,
        "_source": False,
    }


def _call(method, **kwargs) -> dict:
    with engine_errors():
        return method(**kwargs)


def _asked(filters: SearchFilters, sort: list | None, size: int, send):
    """`send(body)` for the walk's body; sent again with the words alone when the
    query passed the node's clause limit, as a search page is (search/service.py)."""
    try:
        return send(_body(filters, sort, size))
    except TooManyClauses:
        return send(_body(filters, sort, size, plain=True))


def scan_practice_ids(
    filters: SearchFilters, *, batch_size: int = EXPORT_BATCH_SIZE
) -> PracticeScan:
    """Open the walk; the first batch and the total are fetched before returning, so
    an unavailable node is reported here rather than halfway through a download."""
    client = get_client()
    pit = _call(
        client.create_pit,
        index=alias_name(),
        params={"keep_alive": KEEP_ALIVE},
        request_timeout=SCAN_TIMEOUT,
    )
    pit_id = pit["pit_id"]
    try:
        body, first = _asked(
            filters,
            None,
            batch_size,
            lambda body: (body, _search(client, body, pit_id, None, track_total=True)),
        )
    except SearchUnavailable:
        _close(client, pit_id)
        raise
    return PracticeScan(
        total=first["hits"]["total"]["value"],
        batches=PitBatches(client, body, pit_id, first),
    )


class PitBatches:
    """The walk's batches of ids. Closing it frees the point in time even when no
    batch was read: a generator closed before its first step never runs its
    `finally`, and a download abandoned before its first byte would leave the point
    in time open until it expires (the node refuses new ones past its limit)."""

    def __init__(self, client, body: dict, pit_id: str, first: dict):
        self._walk = _batches(client, body, pit_id, first)
        self._client, self._pit_id = client, pit_id
        self._started = False

    def __iter__(self):
        return self

    def __next__(self) -> list[str]:
        self._started = True
        return next(self._walk)

    def close(self) -> None:
        self._walk.close()
        if not self._started:
            _close(self._client, self._pit_id)


def batch_request(body: dict, pit_id: str, after: list | None, track_total=False):
    """One batch's search: the walk's query from `after`, limited server side."""
    request = {
        **body,
        "pit": {"id": pit_id, "keep_alive": KEEP_ALIVE},
        "track_total_hits": track_total,
        "timeout": SCAN_SERVER_TIMEOUT,
    }
    if after is not None:
        request["search_after"] = after
    return request


def _search(client, body: dict, pit_id: str, after: list | None, *, track_total=False):
    return _complete(
        _call(
            client.search,
            body=batch_request(body, pit_id, after, track_total),
            params={"cancel_after_time_interval": SCAN_SERVER_TIMEOUT},
            request_timeout=SCAN_TIMEOUT,
        )
    )


def _complete(response: dict) -> dict:
    """A batch cut short by the server timeout would skip practices: refused."""
    if response.get("timed_out"):
        raise SearchUnavailable("OpenSearch stopped the walk at its time limit")
    return response


def _batches(client, body: dict, pit_id: str, response: dict) -> Iterator[list[str]]:
    try:
        while True:
            hits = response["hits"]["hits"]
            if not hits:
                return
            yield [hit["_id"] for hit in hits]
            if len(hits) < body["size"]:
                return
            pit_id = response.get("pit_id", pit_id)
            response = _search(client, body, pit_id, hits[-1]["sort"])
    finally:
        _close(client, pit_id)


def _close(client, pit_id: str) -> None:
    # If this fails the point in time expires by itself after KEEP_ALIVE.
    with suppress(OpenSearchException, TransportError, OSError):
        client.delete_pit(body={"pit_id": [pit_id]}, request_timeout=SCAN_TIMEOUT)


def latest_practice_ids(filters: SearchFilters, size: int) -> list[str]:
    """The most recently published practices a search matches, newest first."""
    response = _asked(
        filters,
        PUBLISHED[:1],
        size,
        lambda body: _call(
            get_client().search,
            index=alias_name(),
            body={**body, "timeout": SCAN_SERVER_TIMEOUT},
            params={"cancel_after_time_interval": SCAN_SERVER_TIMEOUT},
            request_timeout=SCAN_TIMEOUT,
        ),
    )
    return [hit["_id"] for hit in _complete(response)["hits"]["hits"]]
