"""What a hybrid search costs the engine, variant by variant: `python -m bench.hybrid_cost`.

Runs against the index a `make bench` run of that size left on the bench node (run
it with `--keep-node`). For each of the bench's seeded API searches with words it
sends, back to back (so a noisy machine weighs on every variant alike):

- the vector half as a k-NN clause of the search request (one request, the default);
- the design before issue 25: a k-NN request for the 100 neighbours, then the search
  with up to 100 id clauses (two requests);
- the words alone (text mode);

- the one request with its terms aggregations told `execution_hint: map`, and
  with 50 neighbours instead of 100;

each on the index as `search rebuild` left it and, with `--merged`, on a copy merged
down to one segment. The request cache is cleared before each request. The table
gives the engine's own `took` and the wall time seen by the client (ms).
"""

import copy
import statistics
import time

from . import mapping_variant
from .environment import attach_to_bench, tool_parser

MERGED_SUFFIX = "-merged"


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.hybrid_cost", searches=100)
    parser.add_argument(
        "--merged",
        action="store_true",
        help="also on a copy of the index force-merged to one segment",
    )
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from django.http import QueryDict

    from search.client import get_client
    from search.filters import parse_filters
    from search.indexer import alias_name, indices_behind_alias
    from search.query import RankedQuery, build_search_request, matching_query, rescore
    from search.ranking import TEXT, close_enough, hybrid_query, nearest_request
    from search.vectors import query_vector

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    client = get_client()
    indices = {"as built": alias_name()}
    if args.merged:
        indices["merged"] = merged_copy(client, indices_behind_alias()[0])
    for name, index in indices.items():
        segments = client.indices.segments(index=index, request_timeout=60)["indices"]
        count = sum(
            len(shard["segments"])
            for found in segments.values()
            for copies in found["shards"].values()
            for shard in copies
        )
        print(f"{name}: {index}, {count} segments")

    shape = CorpusShape.learn(args.data)
    mix = [
        p
        for p in request_mix(shape, 2000, args.seed)
        if p.kind == "api" and dict(p.params).get("q")
    ][: args.searches]

    def send(index: str, body: dict) -> tuple[dict, float, float]:
        client.indices.clear_cache(index=index, request=True, request_timeout=30)
        started = time.perf_counter()
        response = client.search(index=index, body=body, request_timeout=30)
        return response, response["took"], (time.perf_counter() - started) * 1000

    took: dict[str, list[float]] = {}
    wall: dict[str, list[float]] = {}
    for planned in mix:
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        vector = query_vector(filters.q)
        words = matching_query(filters.q)
        for name, index in indices.items():
            one = build_search_request(
                filters, RankedQuery(hybrid_query(words, vector), rescore(filters.q))
            )
            _r, t1, w1 = send(index, one)
            near, t2a, w2a = send(index, nearest_request(vector))
            two = build_search_request(
                filters,
                RankedQuery(
                    hybrid_query(words, close_enough(near["hits"]["hits"])),
                    rescore(filters.q),
                ),
            )
            _r, t2b, w2b = send(index, two)
            _r, t3, w3 = send(
                index,
                build_search_request(filters, TEXT.ranked(filters, translated="")),
            )
            _r, t4, w4 = send(index, with_execution_hint(one, "map"))
            _r, t5, w5 = send(index, with_k(one, 50))
            for variant, t, w in (
                ("hybrid, one request (k-NN clause)", t1, w1),
                ("hybrid, one request, terms aggs execution_hint map", t4, w4),
                ("hybrid, one request, k = 50 neighbours", t5, w5),
                ("hybrid, two requests (k-NN, then ids)", t2a + t2b, w2a + w2b),
                ("text only", t3, w3),
            ):
                took.setdefault(f"{variant}, {name}", []).append(t)
                wall.setdefault(f"{variant}, {name}", []).append(w)
    print(
        f"engine took and client wall time (ms) over {len(mix)} searches with words, "
        f"{args.size:,} practices, node 127.0.0.1:{args.port}, request cache cleared "
        "before each request"
    )
    print(
        "| request | n | took p50 | took p95 | took mean | wall p50 | wall p95 | "
        "wall mean |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, values in took.items():
        print(
            f"| {name} | {len(values)} | {percentile(values, 50):.0f} | "
            f"{percentile(values, 95):.0f} | {statistics.mean(values):.1f} | "
            f"{percentile(wall[name], 50):.0f} | {percentile(wall[name], 95):.0f} | "
            f"{statistics.mean(wall[name]):.1f} |"
        )
    return 0


def with_execution_hint(body: dict, hint: str) -> dict:
    """The body with every terms aggregation told how to collect (`map`: a hash of
    the values met, instead of the shard's global ordinals)."""
    body = copy.deepcopy(body)

    def walk(aggs: dict) -> None:
        for agg in aggs.values():
            if "terms" in agg:
                agg["terms"]["execution_hint"] = hint
            walk(agg.get("aggs", {}))

    walk(body.get("aggs", {}))
    return body


def with_k(body: dict, k: int) -> dict:
    """The body with its k-NN clause asking for `k` neighbours."""
    body = copy.deepcopy(body)
    for clause in body["query"]["bool"]["should"]:
        knn = clause.get("function_score", {}).get("query", {}).get("knn")
        for field in (knn or {}).values():
            field["k"] = k
    return body


def merged_copy(client, source: str) -> str:
    """A copy of the index, same settings and mapping, merged to one segment (made
    once, kept for later runs; the bench node's index, deleted with it)."""
    return mapping_variant.merged_copy(client, source, source + MERGED_SUFFIX)


if __name__ == "__main__":
    raise SystemExit(main())
