"""The first search after a refresh, with and without eager global ordinals on the
facet fields: `python -m bench.eager_ordinals`.

A facet's terms aggregation reads the shard's global ordinals, which a refresh that
changed the index throws away; by default the first search after it rebuilds them,
with `eager_global_ordinals` the refresh does. With editors publishing, every
refresh is such a change. Against the index a `make bench` run left on its node
(`--keep-node`): for each of the bench's seeded API searches, both settings in turn
(the mapping changed in place), each time one probe document written and the index
refreshed, then the search (the default mode's request) sent. The table gives the
refresh's and the search's time (ms); the probe document is deleted at the end.
"""

import statistics
import time

from .environment import attach_to_bench, tool_parser

PROBE_ID = "bench-eager-ordinals-probe"


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.eager_ordinals", searches=40)
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from django.http import QueryDict

    from practices.facets import FACET_NAMES
    from search.client import get_client
    from search.filters import parse_filters
    from search.indexer import alias_name
    from search.query import RankedQuery, build_search_request, matching_query
    from search.ranking import hybrid_query
    from search.vectors import query_vector

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    client = get_client()
    index = alias_name()
    shape = CorpusShape.learn(args.data)
    mix = [p for p in request_mix(shape, 2000, args.seed) if p.kind == "api"]

    def eager(on: bool) -> None:
        client.indices.put_mapping(
            index=index,
            body={
                "properties": {
                    name: {"type": "keyword", "eager_global_ordinals": on}
                    for name in FACET_NAMES
                }
            },
        )

    refresh_ms: dict[str, list[float]] = {}
    took: dict[str, list[float]] = {}
    try:
        for n, planned in enumerate(mix[: args.searches]):
            filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
            query = (
                hybrid_query(matching_query(filters.q), query_vector(filters.q))
                if filters.q
                else matching_query("")
            )
            body = build_search_request(filters, RankedQuery(query))
            for name, on in (("lazy (default)", False), ("eager", True)):
                eager(on)
                client.index(index=index, id=PROBE_ID, body={"id": f"{PROBE_ID}{n}"})
                started = time.perf_counter()
                client.indices.refresh(index=index)
                refresh_ms.setdefault(name, []).append(
                    (time.perf_counter() - started) * 1000
                )
                client.indices.clear_cache(index=index, request=True)
                took.setdefault(name, []).append(
                    client.search(index=index, body=body)["took"]
                )
    finally:
        eager(False)
        client.delete(index=index, id=PROBE_ID, params={"refresh": "true"})
    print(
        f"{len(took['eager'])} searches, each just after a refresh that changed the "
        f"index; node 127.0.0.1:{args.port}"
    )
    print(
        "| global ordinals | refresh p50 / mean ms | search took p50 / p95 / mean ms |"
    )
    print("|---|---|---|")
    for name in took:
        print(
            f"| {name} | {percentile(refresh_ms[name], 50):.0f} / "
            f"{statistics.mean(refresh_ms[name]):.1f} | "
            f"{percentile(took[name], 50):.0f} / {percentile(took[name], 95):.0f} / "
            f"{statistics.mean(took[name]):.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
