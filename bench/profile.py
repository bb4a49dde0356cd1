"""Where the engine's time goes: the search request and variants of it, engine `took`.

`python -m bench.profile --size N` runs against the index a `make bench` run of that
size left on the bench node (start the node again with `--keep-node` on the bench,
or scripts/opensearch.sh with OPENSEARCH_PORT=9260). Each variant runs the same
seeded API selections, one at a time, with the request cache cleared before each;
the table gives the engine's own `took` (ms), p50 / p95 / mean.
"""

import argparse
import copy
import statistics
from pathlib import Path

from .environment import SHARED_DATA, start_django, workdir_for


def variants(filters) -> dict[str, list[dict]]:
    """Request bodies per variant; a variant may be several requests (all sent: the
    service sends the two comparisons only when the suggester rewords the words)."""
    from search.query import (
        build_search_request,
        match_strength_request,
        matching_query,
    )
    from search.ranking import TEXT

    body = build_search_request(filters, TEXT.ranked(filters, translated=""))
    result = {"the search as sent now": [body]}
    if filters.q:
        result["now + weighing a suggestion (when one is found)"] = [
            body,
            match_strength_request(filters.q),
            match_strength_request(filters.q),
        ]
        # Before the rescore: the phrase scored on every match, over 16 fields.
        result["the phrase on every match (before)"] = [
            build_search_request(
                filters, TEXT.ranked(filters, rescorable=False, translated="")
            )
        ]
        no_rescore = copy.deepcopy(body)
        no_rescore.pop("rescore", None)
        result["without the phrase at all"] = [no_rescore]
        no_highlight = copy.deepcopy(body)
        no_highlight.pop("highlight", None)
        result["now without highlighting"] = [no_highlight]
        first_only = copy.deepcopy(no_rescore)
        first_only["query"] = matching_query(filters.q)["bool"]["should"][0]
        result["now, only the best_fields multi_match"] = [first_only]
    no_aggs = copy.deepcopy(body)
    no_aggs.pop("aggs", None)
    result["now without any aggregation"] = [no_aggs]
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("--size", type=int, default=100_000)
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

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    shape = CorpusShape.learn(args.data)
    mix = [p for p in request_mix(shape, 2000, args.seed) if p.kind == "api"]
    client = get_client()
    took: dict[str, list[float]] = {}
    for planned in mix[: args.searches]:
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        for name, bodies in variants(filters).items():
            spent = 0
            for body in bodies:
                client.indices.clear_cache(index=alias_name(), request=True)
                response = client.search(
                    index=alias_name(), body=body, request_timeout=30
                )
                spent += response["took"]
            took.setdefault(name, []).append(spent)
    print(
        f"engine took (ms) over {args.searches} searches, {args.size:,} practices, "
        f"node 127.0.0.1:{args.port}, request cache cleared before each"
    )
    print(f"| {'request':<50} | {'n':>4} | {'p50':>5} | {'p95':>5} | {'mean':>6} |")
    print(f"|{'-' * 52}|{'-' * 6}|{'-' * 7}|{'-' * 7}|{'-' * 8}|")
    for name, values in took.items():
        print(
            f"| {name:<50} | {len(values):>4} | {percentile(values, 50):>5.0f} | "
            f"{percentile(values, 95):>5.0f} | {statistics.mean(values):>6.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
