"""Creating, filling and swapping the practices index; writing documents to it.

The public name is an alias (`<prefix>-practices`) pointing at one versioned index
(`<prefix>-practices-v<mapping version>-<timestamp>`). A rebuild fills a new index
and moves the alias in one atomic request, so searches never see a missing or
half-filled index.
"""

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from uuid import UUID

from django.conf import settings
from opensearchpy import helpers
from opensearchpy.exceptions import NotFoundError

from practices.facets import FACETS
from practices.translation import machine_translations_for

from .answers import index_changed
from .client import get_bulk_client, get_client, index_name
from .document_builder import (
    build_document,
    embedding_text,
    facet_ancestry,
    passage_texts,
    practice_groups,
)
from .mapping import (
    MAPPING_VERSION,
    PASSAGE_FIELD,
    VECTOR_FIELD,
    index_mappings,
    index_settings,
    mapping_digest,
)
from .synonyms import synonym_rules
from .vectors import EmbeddingTally, encoder_problem, vectors_for

logger = logging.getLogger(__name__)

PRACTICES = "practices"
# Index management and bulk writes may take longer than a search on a busy node; the
# short client timeout is for the request path only.
ADMIN_TIMEOUT = 30
KNN_PLUGIN = "opensearch-knn"
# Practices built, embedded and sent per step of a rebuild.
DOCUMENT_BATCH = 200
# Bulk requests of about 5 MB (500 practices of 7-10 KB), two in flight.
BULK_CHUNK_DOCUMENTS = 500
BULK_THREADS = 2
# A rebuilt index is merged down to this many segments before the alias moves:
# fewer segments, fewer HNSW graphs and term dictionaries for each search to visit.
FORCE_MERGE_SEGMENTS = 1
MERGE_TIMEOUT = 1800


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


def knn_plugin_installed() -> bool:
    """Whether every node of the cluster has the k-NN plugin."""
    info = get_client().nodes.info(metric="plugins", filter_path="nodes.*.plugins.name")
    nodes = info.get("nodes", {})
    return bool(nodes) and all(
        any(plugin["name"] == KNN_PLUGIN for plugin in node.get("plugins", []))
        for node in nodes.values()
    )


def vectors_problem() -> str | None:
    """Why a new index would have no vector field, or None when it will have one."""
    if settings.SEARCH_MODE == "text":
        return "vectors are turned off (SEARCH_MODE=text)"
    if not knn_plugin_installed():
        return f"the OpenSearch node has no {KNN_PLUGIN} plugin"
    return encoder_problem()


def create_index(
    name: str, with_vectors: bool | None = None, *, filling: bool = False
) -> None:
    """Create an index; `filling`: for a bulk build, with no replicas and no refresh
    until `finish_filling` (each document is then analysed once, and segments are
    written in large batches rather than every second)."""
    if with_vectors is None:
        with_vectors = vectors_problem() is None
    index = index_settings(
        synonym_rules(taxonomy_label_pairs()), with_vectors=with_vectors
    )
    index["number_of_replicas"] = (
        0 if filling else settings.OPENSEARCH_NUMBER_OF_REPLICAS
    )
    if filling:
        index["refresh_interval"] = "-1"
    body = {"settings": index, "mappings": index_mappings(with_vectors=with_vectors)}
    get_client().indices.create(index=name, body=body, request_timeout=ADMIN_TIMEOUT)


def finish_filling(name: str) -> None:
    """Back to the live settings: refresh every second, the configured replicas."""
    client = get_client()
    client.indices.put_settings(
        index=name,
        body={
            "index": {
                "refresh_interval": None,
                "number_of_replicas": settings.OPENSEARCH_NUMBER_OF_REPLICAS,
            }
        },
        request_timeout=ADMIN_TIMEOUT,
    )
    client.indices.refresh(index=name, request_timeout=ADMIN_TIMEOUT)
    if settings.OPENSEARCH_NUMBER_OF_REPLICAS:
        # Copy the replicas before the alias moves, so the new index is as safe as the
        # old one; on a cluster too small to hold them this gives up after the timeout.
        client.cluster.health(
            index=name,
            wait_for_status="green",
            params={"timeout": f"{ADMIN_TIMEOUT}s"},
            request_timeout=ADMIN_TIMEOUT + 5,
        )


def index_fields(name: str | None = None) -> set[str]:
    """The top-level fields the index (or the alias's) maps."""
    mapping = get_client().indices.get_mapping(
        index=name or alias_name(), request_timeout=ADMIN_TIMEOUT
    )
    return {
        field
        for index in mapping.values()
        for field in index.get("mappings", {}).get("properties", {})
    }


def mapped_part(document: dict, fields: set[str]) -> dict:
    """The document without the fields the index does not map: an index built
    before a field was added (its mapping is strict) keeps taking updates, without
    that field, until `search rebuild` builds one of today's mapping."""
    return {name: value for name, value in document.items() if name in fields}


def mapping_behind(index: str) -> str | None:
    """What `search status` says when `index` was built for another mapping than
    today's (its name carries the version and digest, `_new_index_name`)."""
    today = f"v{MAPPING_VERSION}-{mapping_digest()}"
    if f"-{today}-" in index:
        return None
    return (
        f"mapping: {index} was built for another mapping than today's ({today}): "
        "run `manage.py search rebuild`; until then new fields are left out"
    )


def index_has_vectors(name: str | None = None) -> bool:
    return VECTOR_FIELD in index_fields(name)


def search_documents(
    groups: Iterable,
    with_vectors: bool,
    progress: Callable[[int], None] | None = None,
    tally: EmbeddingTally | None = None,
    *,
    with_passages: bool = False,
) -> Iterator[tuple[UUID, dict]]:
    """(translation key, document) for each group, vectors attached in batches
    (texts not embedded before are encoded BATCH_SIZE at a time, into `tally`), and
    the passages' vectors `with_passages`."""
    ancestors = facet_ancestry()
    groups = iter(groups)
    while batch := list(islice(groups, DOCUMENT_BATCH)):
        machine = machine_translations_for(p for _key, pages in batch for p in pages)
        documents = [
            (key, build_document(pages, ancestors, machine)) for key, pages in batch
        ]
        if with_vectors:
            try:
                vectors = vectors_for(
                    [embedding_text(pages) for _k, pages in batch], tally=tally
                )
                passages = (
                    _passage_vectors(batch, machine, tally) if with_passages else []
                )
            except Exception:  # a broken model leaves text search intact
                logger.exception("embedding failed; indexing without vectors")
                vectors, passages = [], []
            for (_key, document), vector in zip(documents, vectors, strict=False):
                document[VECTOR_FIELD] = vector
            for (_key, document), nested in zip(documents, passages, strict=False):
                document[PASSAGE_FIELD] = nested
        if progress:
            progress(len(batch))
        yield from documents


def _passage_vectors(
    batch: list, machine: dict, tally: EmbeddingTally | None
) -> list[list[dict]]:
    """Each practice's passages as the nested field's objects, one vector each."""
    texts = [passage_texts(pages, machine) for _key, pages in batch]
    vectors = iter(vectors_for([text for own in texts for text in own], tally=tally))
    return [[{VECTOR_FIELD: next(vectors)} for _text in own] for own in texts]


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
    embedding: EmbeddingTally = field(default_factory=EmbeddingTally)


def rebuild(
    progress: Callable[[int], None] | None = None,
    tally: EmbeddingTally | None = None,
) -> RebuildReport:
    """Fill a new index and swap the alias; `progress(n)` hears of each batch,
    `tally` of the texts embedded."""
    started = time.monotonic()
    tally = tally or EmbeddingTally()
    client = get_client()
    name = _new_index_name()
    with_vectors = vectors_problem() is None
    create_index(name, with_vectors=with_vectors, filling=True)
    with_passages = with_vectors and PASSAGE_FIELD in index_fields(name)
    actions = (
        {"_index": name, "_id": str(key), "_source": document}
        for key, document in search_documents(
            practice_groups(),
            with_vectors,
            progress,
            tally,
            with_passages=with_passages,
        )
    )
    documents = 0
    in_flight: deque[Future] = deque()

    bulk_client = get_bulk_client()

    def send(chunk: list[dict]) -> int:
        return helpers.bulk(
            bulk_client, chunk, chunk_size=len(chunk), request_timeout=120
        )[0]

    # Documents are built here, in the caller's thread and database connection
    # (helpers.parallel_bulk would read the generator from a pool thread); up to
    # BULK_THREADS requests are analysed by the engine meanwhile.
    with ThreadPoolExecutor(BULK_THREADS) as pool:
        while chunk := list(islice(actions, BULK_CHUNK_DOCUMENTS)):
            in_flight.append(pool.submit(send, chunk))
            if len(in_flight) >= BULK_THREADS:
                documents += in_flight.popleft().result()
        while in_flight:
            documents += in_flight.popleft().result()
    finish_filling(name)
    if FORCE_MERGE_SEGMENTS:
        client.indices.forcemerge(
            index=name,
            params={"max_num_segments": FORCE_MERGE_SEGMENTS},
            request_timeout=MERGE_TIMEOUT,
        )
    old = indices_behind_alias()
    swap = [{"add": {"index": name, "alias": alias_name()}}]
    swap += [{"remove": {"index": old_name, "alias": alias_name()}} for old_name in old]
    if not old and client.indices.exists(index=alias_name()):
        # A plain index squats the alias's name (an old or hand-made one): replace it
        # in the same atomic step.
        swap.append({"remove_index": {"index": alias_name()}})
    client.indices.update_aliases(body={"actions": swap}, request_timeout=ADMIN_TIMEOUT)
    index_changed()
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
    return RebuildReport(name, documents, old, time.monotonic() - started, tally)


@dataclass
class WriteResult:
    indexed: set[UUID] = field(default_factory=set)
    deleted: set[UUID] = field(default_factory=set)
    failed: dict[UUID, str] = field(default_factory=dict)


def write_documents(
    translation_keys: Iterable[UUID], *, refresh: bool = True
) -> WriteResult:
    """Index the practices that are live and delete the rest; never raises for one doc.

    `refresh`: return once searches see the change; a caller writing many batches
    refreshes once at the end instead (`refresh_index`).
    """
    keys = {UUID(str(key)) for key in translation_keys}
    result = WriteResult()
    if not keys:
        return result
    ensure_index()
    actions, live = [], set()
    fields = index_fields()
    documents = search_documents(
        practice_groups(keys),
        VECTOR_FIELD in fields,
        with_passages=PASSAGE_FIELD in fields,
    )
    for key, document in documents:
        live.add(key)
        actions.append(
            {
                "_op_type": "index",
                "_index": alias_name(),
                "_id": str(key),
                "_source": mapped_part(document, fields),
            }
        )
    for key in keys - live:
        actions.append({"_op_type": "delete", "_index": alias_name(), "_id": str(key)})
    _ok, errors = helpers.bulk(
        get_bulk_client(),
        actions,
        raise_on_error=False,
        raise_on_exception=True,
        refresh="wait_for" if refresh else "false",
        request_timeout=ADMIN_TIMEOUT,
    )
    if refresh:  # searches see the change now (else at `refresh_index`)
        index_changed()
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


def refresh_index() -> None:
    """Make what was written searchable now, not at the next scheduled refresh."""
    get_client().indices.refresh(index=alias_name(), request_timeout=ADMIN_TIMEOUT)
    index_changed()  # after the refresh: no answer kept meanwhile misses the change


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
    index_changed()
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
