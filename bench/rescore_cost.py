"""What the rescore's share of the query's words costs the engine:
`python -m bench.rescore_cost`.

Runs against the index a `make bench` run of that size left on the bench node (run
it with `--keep-node`). For each of the bench's seeded API searches with words it
sends, back to back (each search starts with another variant, so a noisy machine
weighs on both alike), the request cache cleared before each, the search request
as the default ranking builds it (`ranking.chosen_ranking`):

- with the rescore's share of the query's distinct words (`WORD_SHARE_WEIGHT`
  at SHARE_WEIGHT, for every query of 3 words or more, as measured; the ranking
  keeps it for questions), a word within a typo counting too
  (`WORD_SHARE_TYPOS`);
- the same without typos;
- without the share (`WORD_SHARE_WEIGHT = 0`): the phrase alone rescores.

The table gives the engine's own `took` and the client's wall time (ms), over the
searches the share applies to (the others send the same request either way).
"""

import statistics
import time
from unittest import mock

from .environment import attach_to_bench, tool_parser

SHARE_WEIGHT = 20


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.rescore_cost", searches=200)
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from django.http import QueryDict

    from search import ranking
    from search.client import get_client
    from search.filters import parse_filters
    from search.indexer import alias_name
    from search.query import build_search_request

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    client = get_client()
    index = alias_name()
    shape = CorpusShape.learn(args.data)

    def request(filters, **constants) -> dict:
        constants.setdefault("WORD_SHARE_WEIGHT", SHARE_WEIGHT)
        constants.setdefault("WORD_SHARE_QUESTIONS_ONLY", False)
        with mock.patch.multiple(ranking, **constants):
            ranked = ranking.chosen_ranking().ranked(filters)
        return build_search_request(filters, ranked)

    def send(body: dict) -> tuple[float, float]:
        client.indices.clear_cache(index=index, request=True, request_timeout=30)
        started = time.perf_counter()
        response = client.search(index=index, body=body, request_timeout=30)
        return response["took"], (time.perf_counter() - started) * 1000

    pairs = []
    considered = 0
    for planned in request_mix(shape, 4000, args.seed):
        if len(pairs) >= args.searches:
            break
        if planned.kind != "api" or not dict(planned.params).get("q"):
            continue
        considered += 1
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        bodies = (
            request(filters, WORD_SHARE_TYPOS=True),
            request(filters, WORD_SHARE_TYPOS=False),
            request(filters, WORD_SHARE_WEIGHT=0),
        )
        if bodies[0] != bodies[-1]:
            pairs.append(bodies)

    names = (
        "share of the words, typos too",
        "share of the words, without typos",
        "phrase alone (before)",
    )
    figures: dict[str, tuple[list, list]] = {name: ([], []) for name in names}
    for position, bodies in enumerate(pairs):
        turn = position % len(names)
        order = list(zip(names, bodies, strict=True))
        for name, body in order[turn:] + order[:turn]:
            took, wall = send(body)
            figures[name][0].append(took)
            figures[name][1].append(wall)
    print(
        f"engine took and client wall time (ms) over {len(pairs)} searches with "
        f"words the share applies to (of {considered} considered), {args.size:,} "
        f"practices, node 127.0.0.1:{args.port}, request cache cleared before each "
        "request"
    )
    print("| request | took p50 / p95 / mean | wall p50 / p95 / mean |")
    print("|---|---|---|")
    for name, (took, wall) in figures.items():
        print(
            f"| {name} | {percentile(took, 50):.0f} / {percentile(took, 95):.0f} / "
            f"{statistics.mean(took):.1f} | {percentile(wall, 50):.0f} / "
            f"{percentile(wall, 95):.0f} / {statistics.mean(wall):.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
