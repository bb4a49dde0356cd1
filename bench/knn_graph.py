"""The k-NN graph's parameters, one at a time: `python -m bench.knn_graph`.

Runs against the index a `make bench` run of that size left on the bench node
(`--keep-node`). Takes its practices' real sentence vectors (`--copies N`: each
N times, jittered as `make bench --copies` does, for a larger graph), and for each
variant of the vector field's method (Lucene HNSW: `m`, `ef_construction`, the
scalar quantizer; `ef_search` at query time shares its method's index) builds an
index of those vectors alone, merged to one segment as
`search rebuild` leaves it; then sends the k-NN request a search sends
(`search.ranking.nearest_request`, k = VECTOR_CANDIDATES) for the bench's seeded
queries, embedded by the real encoder. The table gives build time, size, the
engine's `took` and the share of the exact nearest neighbours found (recall, by
brute force over the same vectors). Each variant's index is deleted afterwards.
"""

import copy
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

from .environment import attach_to_bench, tool_parser, workdir_for

COPY_JITTER = 0.014  # as bench.run: a copy stays about 0.95 cosine from its original


def variants(base: dict) -> dict[str, tuple[dict, dict]]:
    """name -> (the vector field's mapping, extra k-NN query parameters)."""

    def method(**parameters) -> dict:
        field = copy.deepcopy(base)
        field["method"].setdefault("parameters", {}).update(parameters)
        return field

    floats = copy.deepcopy(base)
    floats["method"].get("parameters", {}).pop("encoder", None)
    return {
        "as mapped (m 16, ef_construction 100, sq int8)": (base, {}),
        "float vectors, no quantizer (before)": (floats, {}),
        "m 8": (method(m=8), {}),
        "ef_construction 32": (method(ef_construction=32), {}),
        # At query time, on the index as mapped. The Lucene engine searches with
        # the larger of k and ef_search: only a value above k changes anything.
        "as mapped, ef_search 200": (base, {"method_parameters": {"ef_search": 200}}),
        "float vectors, ef_search 200": (
            floats,
            {"method_parameters": {"ef_search": 200}},
        ),
    }


def build_index(client, index: str, field: dict, vectors) -> tuple[float, int]:
    """An index of the vectors alone, merged to one segment: (seconds, bytes)."""
    from opensearchpy import helpers

    from search.mapping import VECTOR_FIELD

    client.indices.create(
        index=index,
        body={
            "settings": {
                "number_of_shards": 1,
                "number_of_replicas": 0,
                "refresh_interval": "-1",
                "knn": True,
            },
            "mappings": {"properties": {VECTOR_FIELD: field}},
        },
    )
    started = time.monotonic()
    helpers.bulk(
        client,
        (
            {"_index": index, "_id": str(i), VECTOR_FIELD: v.tolist()}
            for i, v in enumerate(vectors)
        ),
        chunk_size=500,
        request_timeout=600,
    )
    client.indices.refresh(index=index, request_timeout=600)
    client.indices.forcemerge(
        index=index, params={"max_num_segments": 1}, request_timeout=3600
    )
    seconds = time.monotonic() - started
    stats = client.indices.stats(index=index, metric="store")
    return seconds, stats["_all"]["primaries"]["store"]["size_in_bytes"]


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.knn_graph")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument(
        "--only", default="", help="variants whose names contain this, comma-separated"
    )
    parser.add_argument(
        "--from-cache",
        action="store_true",
        help="the vectors from the bench's vector cache file, not from the index "
        "(on a node of its own while a bench run holds the other)",
    )
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from opensearchpy import helpers

    from search.client import get_client
    from search.indexer import alias_name
    from search.mapping import VECTOR_FIELD, vector_field
    from search.ranking import VECTOR_CANDIDATES, nearest_request
    from search.vectors import embed, load_encoder

    from .corpus import CorpusShape
    from .load import percentile, request_mix
    from .vector_cache import cache_file

    client = get_client()
    rng = np.random.default_rng(args.seed)
    if args.from_cache:
        cached = cache_file(workdir_for(args.size).parent)
        originals = np.load(cached)["vectors"].astype(np.float32)
    else:
        originals = np.asarray(
            [
                hit["_source"][VECTOR_FIELD]
                for hit in helpers.scan(
                    client,
                    index=alias_name(),
                    query={"query": {"match_all": {}}, "_source": [VECTOR_FIELD]},
                )
                if VECTOR_FIELD in hit["_source"]
            ],
            dtype=np.float32,
        )
    parts = [originals]
    for _ in range(1, args.copies):
        jittered = originals + rng.normal(0, COPY_JITTER, originals.shape)
        parts.append(jittered / np.linalg.norm(jittered, axis=1, keepdims=True))
    vectors = np.concatenate(parts).astype(np.float32)
    load_encoder()
    shape = CorpusShape.learn(args.data)
    texts = sorted(
        {
            dict(p.params)["q"]
            for p in request_mix(shape, 2000, args.seed)
            if "q" in dict(p.params)
        }
    )[: args.queries]
    queries = embed(texts)
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :VECTOR_CANDIDATES]
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    chosen = {
        name: spec
        for name, spec in variants(vector_field()).items()
        if not wanted or any(w in name for w in wanted)
    }
    built: dict[str, tuple[str, float, int]] = {}
    took: dict[str, list[float]] = {name: [] for name in chosen}
    found: dict[str, list[float]] = {name: [] for name in chosen}
    try:
        # Variants that differ only at query time share one index.
        by_field: dict[str, tuple[str, float, int]] = {}
        for number, (name, (field, _extra)) in enumerate(chosen.items()):
            key = json.dumps(field, sort_keys=True)
            if key not in by_field:
                index = f"bench-knn-graph-{number}"
                client.indices.delete(
                    index=index, params={"ignore_unavailable": "true"}
                )
                by_field[key] = (index, *build_index(client, index, field, vectors))
            built[name] = by_field[key]
        # Interleaved, each query to every variant in turn (a different one first
        # each time): the machine's load weighs on all alike. The first round warms.
        names = list(chosen)
        for round_ in range(2):
            for number, (vector, nearest) in enumerate(
                zip(queries, exact, strict=True)
            ):
                turn = number % len(names)
                for name in names[turn:] + names[:turn]:
                    body = nearest_request(vector.tolist())
                    body["query"]["knn"][VECTOR_FIELD].update(chosen[name][1])
                    response = client.search(index=built[name][0], body=body)
                    if round_:
                        took[name].append(response["took"])
                        ids = {int(hit["_id"]) for hit in response["hits"]["hits"]}
                        found[name].append(
                            len(ids & set(nearest.tolist())) / len(nearest)
                        )
    finally:
        for index in {index for index, *_ in built.values()}:
            client.indices.delete(index=index, params={"ignore_unavailable": "true"})
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"k-NN graph variants: {len(vectors):,} real sentence vectors ("
        f"{len(originals):,} practices x {args.copies}), {len(texts)} bench queries, "
        f"top {VECTOR_CANDIDATES}, one segment; node 127.0.0.1:{args.port}; "
        f"{os.cpu_count()} cores; load average {load}"
    )
    print("| variant | build + merge s | MB | took p50 / p95 / mean ms | recall@k |")
    print("| --- | --- | --- | --- | --- |")
    for name, (_index, build, size) in built.items():
        print(
            f"| {name} | {build:.0f} | {size / 2**20:.0f} | "
            f"{percentile(took[name], 50):.0f} / {percentile(took[name], 95):.0f} / "
            f"{statistics.mean(took[name]):.1f} | {statistics.mean(found[name]):.3f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
