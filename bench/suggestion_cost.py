"""What weighing a suggestion costs the engine: `python -m bench.suggestion_cost`.

When the phrase suggester rewords a search's words, the service weighs the
rewording against the words (how many practices each finds; on a tie, how well the
best matches) before offering it. Runs against the index a `make bench` run of that
size left on the bench node (`--keep-node`): for each of the bench's seeded API
searches with words, the default mode's search is sent as built and with the words'
count as an aggregation of its own; when its answer carries a rewording, the
weighings follow, back to back, a different one first each time:

- both strengths in one `_msearch` (two searches: as built before),
- one search for the rewording counting the words' matches over the whole index in
  a `global` aggregation (`weighing_request`), the words' own search only on a tie,
- the words' count taken from the search's own aggregation, one search for the
  rewording, the words' own search only on a tie.

Request cache cleared before each request; engine `took` (ms) of the searches a
weighing sent, summed, how many searches it sent, and how often the variants decide
differently.
"""

import copy
import statistics
from pathlib import Path

from .environment import attach_to_bench, tool_parser

BEFORE = "both strengths in one _msearch (before)"
GLOBAL_COUNT = "the rewording's search counts the words' matches (global agg)"
OWN_COUNT = "the words' count in the search's own aggregations"


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.suggestion_cost", searches=100)
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from django.http import QueryDict

    from search.client import get_client
    from search.filters import parse_filters
    from search.indexer import alias_name
    from search.query import (
        build_search_request,
        match_strength_request,
        matching_query,
        weighing_request,
        words_matched,
    )
    from search.ranking import HybridRanking
    from search.suggestion import (
        decided_by_counts,
        matches_better,
        rewording,
        suggestion_wins,
    )

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    client = get_client()
    index = alias_name()
    shape = CorpusShape.learn(args.data)
    mix = [p for p in request_mix(shape, 2000, args.seed) if p.kind == "api"]

    def search(body: dict) -> dict:
        client.indices.clear_cache(index=index, request=True)
        return client.search(index=index, body=body, request_timeout=30)

    def settled(asked_total: int, offered: dict, q: str) -> tuple[bool, int, int]:
        """The decision from the counts, the words' own search on a tie: (decision,
        took of that search, searches sent)."""
        wins = decided_by_counts(asked_total, offered["hits"]["total"]["value"])
        if wins is not None:
            return wins, 0, 0
        asked = search(match_strength_request(q))
        better = matches_better(
            asked["hits"]["max_score"], offered["hits"]["max_score"]
        )
        return better, asked["took"], 1

    search_took: dict[str, list[float]] = {"as built": [], "with the count": []}
    took: dict[str, list[float]] = {BEFORE: [], GLOBAL_COUNT: [], OWN_COUNT: []}
    sent: dict[str, int] = dict.fromkeys(took, 0)
    searched = weighed = differ = ties = 0
    for planned in mix[: args.searches]:
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        if not filters.q:
            continue
        searched += 1
        body = build_search_request(filters, HybridRanking().ranked(filters))
        counted = copy.deepcopy(body)
        counted["aggs"]["words"] = {"filter": matching_query(filters.q)}
        first, second = (body, counted) if searched % 2 else (counted, body)
        answers = {id(first): search(first), id(second): search(second)}
        answer, own_count = answers[id(body)], answers[id(counted)]
        search_took["as built"].append(answer["took"])
        search_took["with the count"].append(own_count["took"])
        candidate = rewording(filters.q, answer)
        if candidate is None:
            continue
        weighed += 1
        decisions = {}
        names = list(took)
        names = names[weighed % len(names) :] + names[: weighed % len(names)]
        for name in names:
            if name == BEFORE:
                client.indices.clear_cache(index=index, request=True)
                asked, offered = client.msearch(
                    index=index,
                    body=[
                        {},
                        match_strength_request(filters.q),
                        {},
                        match_strength_request(candidate),
                    ],
                )["responses"]
                decisions[name] = suggestion_wins(asked["hits"], offered["hits"])
                spent, searches = asked["took"] + offered["took"], 2
            elif name == GLOBAL_COUNT:
                offered = search(weighing_request(candidate, filters.q))
                decisions[name], more, tie = settled(
                    words_matched(offered), offered, filters.q
                )
                spent, searches = offered["took"] + more, 1 + tie
                ties += tie
            else:
                offered = search(match_strength_request(candidate))
                decisions[name], more, tie = settled(
                    own_count["aggregations"]["words"]["doc_count"], offered, filters.q
                )
                spent, searches = offered["took"] + more, 1 + tie
            took[name].append(spent)
            sent[name] += searches
        differ += len(set(decisions.values())) > 1
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"{searched} API searches with words of the first {args.searches}, "
        f"{weighed} with a rewording ({ties} ties on the counts); "
        f"{client.count(index=index)['count']:,} documents, node "
        f"127.0.0.1:{args.port}; load average {load}"
    )

    def figures(values: list[float]) -> str:
        return (
            f"{percentile(values, 50):.0f} / {percentile(values, 95):.0f} / "
            f"{statistics.mean(values):.1f}"
        )

    print("| the search | took p50 / p95 / mean ms |")
    print("| --- | --- |")
    for name, values in search_took.items():
        print(f"| {name} | {figures(values)} |")
    print("| weighing | took, summed, p50 / p95 / mean ms | searches per weighing |")
    print("| --- | --- | --- |")
    for name, values in took.items():
        print(f"| {name} | {figures(values)} | {sent[name] / max(weighed, 1):.2f} |")
    print(f"decisions that differ: {differ} of {weighed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
