"""Creating, filling and swapping the practices index; writing documents to it.

The public name is an alias (`<prefix>-practices`) pointing at one versioned index
(`<prefix>-practices-v<mapping version>-<timestamp>`). A rebuild fills a new index
and moves the alias in one atomic request, so searches never see a missing or
half-filled index.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from opensearchpy import helpers
from opensearchpy.exceptions import NotFoundError

from practices.facets import FACETS

from .client import get_client, index_name
from .documents import build_document, facet_ancestry, practice_groups
from .mapping import MAPPING_VERSION, index_mappings, index_settings, mapping_digest
from .synonyms import synonym_rules

PRACTICES = "practices"
# Index management and bulk writes may take longer than a search on a busy node; the
# short client timeout is for the request path only.
ADMIN_TIMEOUT = 30


def alias_name() -> str:
    return index_name(PRACTICES)


def taxonomy_label_pairs() -> list[tuple[str, str]]:
    """(Spanish, English) labels of every term whose facet takes them as synonyms."""
    return [
        (term.label_es, term.label_en)
        for facet in FACETS
        if facet.synonyms
        for term in facet.terms()
    ]


def create_index(name: str) -> None:
    body = {
        "settings": index_settings(synonym_rules(taxonomy_label_pairs())),
        "mappings": index_mappings(),
    }
    get_client().indices.create(index=name, body=body, request_timeout=ADMIN_TIMEOUT)


def indices_behind_alias() -> list[str]:
    client = get_client()
    if not client.indices.exists_alias(name=alias_name()):
        return []
    try:
        return sorted(client.indices.get_alias(name=alias_name()))
    except NotFoundError:
        return []


def ensure_index() -> str:
    """The index behind the alias, creating an empty one if there is none."""
    current = indices_behind_alias()
    if current:
        return current[0]
    name = _new_index_name()
    create_index(name)
    get_client().indices.put_alias(
        index=name, name=alias_name(), request_timeout=ADMIN_TIMEOUT
    )
    return name


def _new_index_name() -> str:
    stamp = f"{time.strftime('%Y%m%d%H%M%S')}{time.time_ns() % 1000:03d}"
    return f"{alias_name()}-v{MAPPING_VERSION}-{mapping_digest()}-{stamp}"


@dataclass
class RebuildReport:
    index: str
    documents: int
    removed_indices: list[str] = field(default_factory=list)
    seconds: float = 0.0


def rebuild() -> RebuildReport:
    started = time.monotonic()
    client = get_client()
    name = _new_index_name()
    create_index(name)
    ancestors = facet_ancestry()
    actions = (
        {"_index": name, "_id": str(key), "_source": build_document(pages, ancestors)}
        for key, pages in practice_groups()
    )
    documents, _errors = helpers.bulk(
        client, actions, chunk_size=500, request_timeout=120
    )
    client.indices.refresh(index=name, request_timeout=ADMIN_TIMEOUT)
    old = indices_behind_alias()
    swap = [{"add": {"index": name, "alias": alias_name()}}]
    swap += [{"remove": {"index": old_name, "alias": alias_name()}} for old_name in old]
    if not old and client.indices.exists(index=alias_name()):
        # A plain index squats the alias's name (an old or hand-made one): replace it
        # in the same atomic step.
        swap.append({"remove_index": {"index": alias_name()}})
    client.indices.update_aliases(body={"actions": swap}, request_timeout=ADMIN_TIMEOUT)
    if old:
        # Searches already sent to the old index may still be running: let them finish
        # (none outlives the client timeout) before the index disappears under them.
        time.sleep(settings.OPENSEARCH_TIMEOUT_SECONDS + 0.5)
    for old_name in old:
        client.indices.delete(
            index=old_name,
            params={"ignore_unavailable": "true"},
            request_timeout=ADMIN_TIMEOUT,
        )
    return RebuildReport(name, documents, old, time.monotonic() - started)


@dataclass
class WriteResult:
    indexed: set[UUID] = field(default_factory=set)
    deleted: set[UUID] = field(default_factory=set)
    failed: dict[UUID, str] = field(default_factory=dict)


def write_documents(translation_keys: Iterable[UUID]) -> WriteResult:
    """Index the practices that are live and delete the rest; never raises for one doc."""
    keys = {UUID(str(key)) for key in translation_keys}
    result = WriteResult()
    if not keys:
        return result
    ensure_index()
    ancestors = facet_ancestry()
    actions, live = [], set()
    for key, pages in practice_groups(keys):
        live.add(key)
        actions.append(
            {
                "_op_type": "index",
                "_index": alias_name(),
                "_id": str(key),
                "_source": build_document(pages, ancestors),
            }
        )
    for key in keys - live:
        actions.append({"_op_type": "delete", "_index": alias_name(), "_id": str(key)})
    _ok, errors = helpers.bulk(
        get_client(),
        actions,
        raise_on_error=False,
        raise_on_exception=True,
        refresh="wait_for",
    )
    for error in errors:
        ((op, info),) = error.items()
        key = UUID(info["_id"])
        if op == "delete" and info.get("status") == 404:
            continue  # already absent: nothing to remove
        result.failed[key] = str(info.get("error") or info.get("status"))
    for key in live - set(result.failed):
        result.indexed.add(key)
    for key in keys - live - set(result.failed):
        result.deleted.add(key)
    return result


def delete_documents(ids: Iterable[str]) -> list[str]:
    """Remove documents by id, whatever they hold; returns the ids that failed."""
    actions = [
        {"_op_type": "delete", "_index": alias_name(), "_id": str(i)} for i in ids
    ]
    _ok, errors = helpers.bulk(
        get_client(),
        actions,
        raise_on_error=False,
        refresh="wait_for",
        request_timeout=ADMIN_TIMEOUT,
    )
    return [
        info["_id"]
        for error in errors
        for info in error.values()
        if info.get("status") != 404
    ]


def indexed_ids() -> set[str]:
    client = get_client()
    ids = set()
    for hit in helpers.scan(
        client, index=alias_name(), query={"_source": False}, size=1000
    ):
        ids.add(hit["_id"])
    return ids


def document_count() -> int:
    return get_client().count(index=alias_name())["count"]
