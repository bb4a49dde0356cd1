"""What weighing a suggestion costs the engine: `python -m bench.suggestion_cost`.

When the phrase suggester rewords a search's words, the service weighs the
rewording against the words (how many practices each finds, how well the best
matches) before offering it. Runs against the index a `make bench` run of that size
left on the bench node (`--keep-node`): for each of the bench's seeded searches
with words whose answer carries a rewording, it sends, back to back, the weighing
with the phrase scored on every match (`text_query`, as built before) and as a
rescore of the first matches (`match_strength_request`), each as two requests and
as one `_msearch`, and counts how often the
variants reach different decisions. Request cache cleared before each; engine `took`
and the client's wall time (ms).
"""

import argparse
import statistics
import time
from pathlib import Path

from .environment import SHARED_DATA, start_django, workdir_for


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.suggestion_cost")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=9260)
    parser.add_argument("--searches", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    args = parser.parse_args(argv)
    args.modes = "text"
    start_django(args, workdir_for(args.size))
    from django.http import QueryDict

    from search.client import get_client
    from search.filters import parse_filters
    from search.indexer import alias_name
    from search.query import build_search_request, match_strength_request, text_query
    from search.suggestion import suggestion_wins

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    client = get_client()
    index = alias_name()
    shape = CorpusShape.learn(args.data)
    mix = [p for p in request_mix(shape, 2000, args.seed) if p.kind == "api"]

    def before(q: str) -> dict:
        return {
            "query": text_query(q),
            "size": 1,
            "_source": False,
            "track_total_hits": True,
        }

    variants = {
        "phrase on every match, 2 requests (before)": (before, False),
        "phrase on every match, one _msearch": (before, True),
        "phrase as a rescore, 2 requests": (match_strength_request, False),
        "phrase as a rescore, one _msearch (now)": (match_strength_request, True),
    }
    took: dict[str, list[float]] = {name: [] for name in variants}
    wall: dict[str, list[float]] = {name: [] for name in variants}
    weighed = differ = 0
    for planned in mix[: args.searches]:
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        if not filters.q:
            continue
        answer = client.search(index=index, body=build_search_request(filters))
        options = [
            option["text"]
            for entry in answer.get("suggest", {}).get("did_you_mean", [])
            for option in entry.get("options", [])
        ]
        if not options:
            continue
        candidate = options[0]
        weighed += 1
        decisions = set()
        # A different variant first each time: none always meets the caches warm.
        names = list(variants)
        names = names[weighed % len(names) :] + names[: weighed % len(names)]
        for name in names:
            build, together = variants[name]
            client.indices.clear_cache(index=index, request=True)
            started = time.perf_counter()
            if together:
                asked, offered = client.msearch(
                    index=index, body=[{}, build(filters.q), {}, build(candidate)]
                )["responses"]
            else:
                asked = client.search(index=index, body=build(filters.q))
                offered = client.search(index=index, body=build(candidate))
            wall[name].append((time.perf_counter() - started) * 1000)
            took[name].append(asked["took"] + offered["took"])
            decisions.add(suggestion_wins(asked["hits"], offered["hits"]))
        differ += len(decisions) > 1
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"{weighed} of the first {args.searches} API searches carried a rewording; "
        f"{args.size:,} practices, node 127.0.0.1:{args.port}; load average {load}"
    )
    print(
        "| weighing | took, both summed, p50 / p95 / mean ms "
        "| wall p50 / p95 / mean ms |"
    )
    print("| --- | --- | --- |")
    for name in variants:
        print(
            f"| {name} | {percentile(took[name], 50):.0f} / "
            f"{percentile(took[name], 95):.0f} / {statistics.mean(took[name]):.1f} | "
            f"{percentile(wall[name], 50):.0f} / {percentile(wall[name], 95):.0f} / "
            f"{statistics.mean(wall[name]):.1f} |"
        )
    print(f"decisions that differ: {differ} of {weighed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
