"""What a selection's vector half costs the engine: `python -m bench.selection_cost`.

Runs against the index a `make bench` run of that size left on the bench node (run
it with `--keep-node`). For each of the bench's seeded API searches with words and
at least one selection (countries, years) it sends, back to back (so a noisy
machine weighs on every variant alike; each search starts with another), the
request cache cleared before each:

- the vector half as it is (`ranking.nearest_clause`): the whole index's nearest,
  the selection's nearest from cos >= 0.2 and the selection's SELECTION_NEAREST
  nearest from SELECTION_FLOOR, three k-NN clauses of one request;
- as it was before that third clause (two k-NN clauses);
- a bar relative to the selection's nearest score (issue 26's third wave): a k-NN
  request among the selection's practices first, its hits joining as id clauses
  (two requests);
- the words alone (text mode).

The table gives the engine's own `took`, the client's wall time (ms) and the mean
total of results (what each variant lets into a search).
"""

import statistics
import time

from .environment import attach_to_bench, tool_parser

# The last session's relative bar (docs/search.md, third wave).
RELATIVE_NEAREST = 8
RELATIVE_MARGIN = 0.07
RELATIVE_FLOOR = 0.56


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.selection_cost", searches=60)
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from django.http import QueryDict

    from search import ranking
    from search.client import get_client
    from search.filters import parse_filters
    from search.indexer import alias_name
    from search.query import RankedQuery, build_search_request, matching_query, rescore
    from search.vectors import query_vector

    from .corpus import CorpusShape
    from .load import percentile, request_mix

    client = get_client()
    index = alias_name()
    shape = CorpusShape.learn(args.data)
    mix = []
    for planned in request_mix(shape, 4000, args.seed):
        if planned.kind != "api" or not dict(planned.params).get("q"):
            continue
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        if ranking.filtered_by(filters):
            mix.append(filters)
    mix = mix[: args.searches]

    def send(body: dict) -> tuple[dict, float, float]:
        client.indices.clear_cache(index=index, request=True, request_timeout=30)
        started = time.perf_counter()
        response = client.search(index=index, body=body, request_timeout=30)
        return response, response["took"], (time.perf_counter() - started) * 1000

    def search_with(filters, vector_half: dict | None) -> dict:
        words = matching_query(filters.q)
        query = (
            {"bool": {"should": [words, vector_half], "minimum_should_match": 1}}
            if vector_half
            else words
        )
        return build_search_request(filters, RankedQuery(query, rescore(filters.q)))

    def relative(filters, vector, whole, passing) -> tuple[dict, float, float]:
        near, t1, w1 = send(
            {
                "size": ranking.VECTOR_CANDIDATES,
                "_source": False,
                "query": {
                    "knn": {
                        ranking.VECTOR_FIELD: {
                            "vector": vector,
                            "k": ranking.VECTOR_CANDIDATES,
                            "filter": passing,
                        }
                    }
                },
            }
        )
        kept = relative_bar(near["hits"]["hits"], ranking.FILTERED_VECTOR_MIN_SCORE)
        half = {"dis_max": {"queries": [whole, ranking.vector_query(kept)]}}
        response, t2, w2 = send(search_with(filters, half))
        return response, t1 + t2, w1 + w2

    figures: dict[str, tuple[list, list, list]] = {}
    for position, filters in enumerate(mix):
        vector = query_vector(filters.q)
        selections = ranking.filtered_by(filters)
        passing = {"bool": {"filter": selections}}
        whole = ranking.knn_clause(vector, ranking.VECTOR_MIN_SCORE)
        within = ranking.knn_clause(vector, ranking.FILTERED_VECTOR_MIN_SCORE, passing)
        before = {"dis_max": {"queries": [whole, within]}}
        variants = [
            ("three k-NN clauses (now), one request", ranking.nearest_clause),
            ("two k-NN clauses (before), one request", before),
            ("relative bar, two requests", relative),
            ("text only", None),
        ]
        # Each search starts with another variant: the first pays for cold pages.
        turn = position % len(variants)
        sent = {}
        for name, variant in variants[turn:] + variants[:turn]:
            if variant is relative:
                sent[name] = relative(filters, vector, whole, passing)
            elif variant is ranking.nearest_clause:
                half = ranking.nearest_clause(vector, selections)
                sent[name] = send(search_with(filters, half))
            else:
                sent[name] = send(search_with(filters, variant))
        for name, (response, took, wall) in sent.items():
            entry = figures.setdefault(name, ([], [], []))
            entry[0].append(took)
            entry[1].append(wall)
            entry[2].append(response["hits"]["total"]["value"])
    print(
        f"engine took and client wall time (ms) over {len(mix)} searches with words "
        f"and selections, {args.size:,} practices, node 127.0.0.1:{args.port}, "
        "request cache cleared before each request"
    )
    print("| request | took p50 / p95 / mean | wall p50 / p95 / mean | mean total |")
    print("|---|---|---|---|")
    for name, (took, wall, totals) in figures.items():
        print(
            f"| {name} | {percentile(took, 50):.0f} / {percentile(took, 95):.0f} / "
            f"{statistics.mean(took):.1f} | {percentile(wall, 50):.0f} / "
            f"{percentile(wall, 95):.0f} / {statistics.mean(wall):.1f} | "
            f"{statistics.mean(totals):.1f} |"
        )
    return 0


def relative_bar(hits: list[dict], min_score: float) -> dict[str, float]:
    """The selection's neighbours alike enough, and those of the first
    RELATIVE_NEAREST within RELATIVE_MARGIN of the nearest, from RELATIVE_FLOOR."""
    if not hits:
        return {}
    bar = max(hits[0]["_score"] - RELATIVE_MARGIN, RELATIVE_FLOOR)
    return {
        hit["_id"]: hit["_score"]
        for rank, hit in enumerate(hits)
        if hit["_score"] >= min_score
        or (rank < RELATIVE_NEAREST and hit["_score"] >= bar)
    }


if __name__ == "__main__":
    raise SystemExit(main())
