"""Is public search able to answer? Used by the readiness endpoint and `search status`."""

from dataclasses import dataclass

from opensearchpy.exceptions import OpenSearchException

from .client import get_client, index_name

PRACTICES = "practices"


@dataclass(frozen=True)
class SearchHealth:
    ok: bool
    detail: str


def check_search_health() -> SearchHealth:
    client = get_client()
    try:
        health = client.cluster.health()
    except (OpenSearchException, OSError) as exc:
        return SearchHealth(False, f"OpenSearch unreachable: {type(exc).__name__}")
    if health.get("status") not in ("green", "yellow"):
        return SearchHealth(False, f"OpenSearch cluster status {health.get('status')}")
    try:
        exists = client.indices.exists(index=index_name(PRACTICES))
    except (OpenSearchException, OSError) as exc:
        return SearchHealth(False, f"OpenSearch unreachable: {type(exc).__name__}")
    if not exists:
        return SearchHealth(False, f"index {index_name(PRACTICES)} is missing")
    return SearchHealth(True, f"cluster {health.get('status')}")
