"""What gzip between the app and the node costs a search: `python -m bench.compression_cost`.

Runs against the index a `make bench` run of that size left on the bench node
(`--keep-node`). Sends the bench's seeded API searches, built as the default mode
builds them (the k-NN clause inside), through two clients, one with opensearch-py's
`http_compress` (request bodies gzipped at level 9, answers asked gzipped) and one
without, each search to both in turn (a different one first each time; a first
round warms). Prints the client's wall time and the part of it outside the
engine's `took` (HTTP, compression, JSON), ms.
"""

import statistics
import time
from pathlib import Path

from .environment import attach_to_bench, tool_parser


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.compression_cost", searches=80)
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from django.http import QueryDict
    from opensearchpy import OpenSearch

    from search.filters import parse_filters
    from search.indexer import alias_name
    from search.query import build_search_request
    from search.ranking import HybridRanking
    from search.vectors import load_encoder

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    load_encoder()
    shape = CorpusShape.learn(args.data)
    mix = [p for p in request_mix(shape, 2000, args.seed) if p.kind == "api"]
    bodies = []
    for planned in mix[: args.searches]:
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        bodies.append(build_search_request(filters, HybridRanking().ranked(filters)))
    url = f"http://127.0.0.1:{args.port}"
    clients = {
        gzip: OpenSearch(hosts=[url], http_compress=gzip, timeout=30)
        for gzip in (True, False)
    }
    wall: dict[bool, list[float]] = {True: [], False: []}
    outside: dict[bool, list[float]] = {True: [], False: []}
    for round_ in range(2):
        for number, body in enumerate(bodies):
            for gzip in (True, False) if number % 2 else (False, True):
                started = time.perf_counter()
                response = clients[gzip].search(index=alias_name(), body=body)
                ms = (time.perf_counter() - started) * 1000
                if round_:
                    wall[gzip].append(ms)
                    outside[gzip].append(ms - response["took"])
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"{len(bodies)} hybrid searches, {args.size:,} practices, node {url}; "
        f"load average {load}"
    )
    print("| client | wall p50 / p95 / mean ms | outside `took` p50 / mean ms |")
    print("| --- | --- | --- |")
    for gzip in (True, False):
        print(
            f"| http_compress={gzip} | {percentile(wall[gzip], 50):.1f} / "
            f"{percentile(wall[gzip], 95):.1f} / {statistics.mean(wall[gzip]):.1f} | "
            f"{percentile(outside[gzip], 50):.1f} / "
            f"{statistics.mean(outside[gzip]):.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
