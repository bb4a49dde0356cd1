"""What the vector half of hybrid search costs at scale: `python -m bench.knn_cost`.

Fills an index on the benchmark's own node with N unit vectors of the practices
index's vector field (same mapping: 512 dimensions, Lucene HNSW, cosine), then sends
the k-NN request a search sends (`search.query.nearest_request`) and prints a table
of index time, size and per-query latency. The vectors are seeded random: embedding
100k synthetic practices would take the encoder most of an hour on two cores, and a
graph of random vectors is no easier to search than one of sentences. Everything
runs on 127.0.0.1 and the index is deleted at the end.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
BULK_CHUNK = 1000


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.knn_cost", description=__doc__
    )
    parser.add_argument("--size", type=int, default=100_000, help="vectors indexed")
    parser.add_argument("--queries", type=int, default=200, help="k-NN queries timed")
    parser.add_argument("--port", type=int, default=9260, help="the bench node's port")
    parser.add_argument("--heap", default="1g", help="the bench node's Java heap")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument(
        "--keep-node", action="store_true", help="leave the node running afterwards"
    )
    return parser.parse_args(argv)


def unit_vectors(rng: np.random.Generator, count: int, dimensions: int) -> np.ndarray:
    vectors = rng.standard_normal((count, dimensions), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings.dev")
    os.environ["OPENSEARCH_URL"] = f"http://127.0.0.1:{args.port}"
    os.environ["OPENSEARCH_TIMEOUT_SECONDS"] = "60"
    import django

    django.setup()

    from opensearchpy import helpers

    from search.client import get_client
    from search.mapping import VECTOR_DIMENSIONS, VECTOR_FIELD, vector_field
    from search.ranking import VECTOR_CANDIDATES, nearest_request

    from .node import BenchNode

    node = BenchNode(port=args.port, heap=args.heap)
    node.start()
    client = get_client()
    index = f"bench-knn-cost-{args.size}"
    rng = np.random.default_rng(args.seed)
    try:
        client.indices.delete(index=index, params={"ignore_unavailable": "true"})
        client.indices.create(
            index=index,
            body={
                "settings": {
                    "number_of_shards": 1,
                    "number_of_replicas": 0,
                    "knn": True,
                },
                "mappings": {"properties": {VECTOR_FIELD: vector_field()}},
            },
        )
        started = time.monotonic()
        for start in range(0, args.size, BULK_CHUNK):
            count = min(BULK_CHUNK, args.size - start)
            batch = unit_vectors(rng, count, VECTOR_DIMENSIONS)
            helpers.bulk(
                client,
                (
                    {"_index": index, "_id": str(start + i), VECTOR_FIELD: v.tolist()}
                    for i, v in enumerate(batch)
                ),
                request_timeout=300,
            )
            print(f"\rindexed {start + count:,}/{args.size:,}", end="", flush=True)
        client.indices.refresh(index=index, request_timeout=300)
        index_seconds = time.monotonic() - started
        print()
        stats = client.indices.stats(index=index, metric="store,segments")
        primaries = stats["_all"]["primaries"]
        queries = unit_vectors(rng, args.queries, VECTOR_DIMENSIONS)
        for vector in queries[:20]:  # warm the graph into the page cache
            client.search(index=index, body=nearest_request(vector.tolist()))
        took, wall = [], []
        for vector in queries:
            begun = time.monotonic()
            response = client.search(index=index, body=nearest_request(vector.tolist()))
            wall.append((time.monotonic() - begun) * 1000)
            took.append(response["took"])
    finally:
        try:
            client.indices.delete(index=index, params={"ignore_unavailable": "true"})
        finally:
            if not args.keep_node:
                node.stop()

    def pct(values, q):
        return statistics.quantiles(values, n=100)[q - 1]

    print(
        f"k-NN cost: {args.size:,} vectors x {VECTOR_DIMENSIONS} dims, Lucene HNSW "
        f"(cosine), top {VECTOR_CANDIDATES}; {os.cpu_count()} cores, heap {args.heap}"
    )
    print(
        f"index: {index_seconds:.0f} s ({args.size / index_seconds:.0f} vectors/s), "
        f"{primaries['store']['size_in_bytes'] / 2**20:.0f} MB on disk, "
        f"{primaries['segments']['count']} segments"
    )
    print(f"{'per k-NN query':<22} {'p50':>8} {'p95':>8} {'mean':>8}")
    for name, values in (("node (took) ms", took), ("client (wall) ms", wall)):
        print(
            f"{name:<22} {pct(values, 50):>8.1f} {pct(values, 95):>8.1f} "
            f"{statistics.mean(values):>8.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
