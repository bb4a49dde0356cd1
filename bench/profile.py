"""Where the engine's time goes: the search request and variants of it, engine `took`.

`python -m bench.profile --size N` runs against the index a `make bench` run of that
size left on the bench node (start the node again with `--keep-node` on the bench,
or scripts/opensearch.sh with OPENSEARCH_PORT=9260). Each variant runs the same
seeded API selections, one at a time (a different one first each time), with the
request cache cleared before each; the table gives the engine's own `took` (ms),
p50 / p95 / mean. `--also-on INDEX` sends the request as sent and the k-NN clause
alone to a copy of the index under another mapping too; with `--mode text`, to a
copy without vectors (`python -m bench.mapping_variant --without-vectors`), the text
request as sent and without highlighting (only searches with words then). On a
`--variant people` copy, both add the request with the words on the combined
fields of what people wrote.
"""

import argparse
import copy
import statistics
from pathlib import Path

from .environment import SHARED_DATA, start_django, workdir_for

KNN_ALONE = "k-NN clause alone, hits only"
AS_SENT = "hybrid as sent now"
WITHOUT_HIGHLIGHT = "hybrid without highlight"
SNIPPETS = "hybrid, snippets: "
COMBINED = "hybrid, words on titles + combined fields"
TEXT_AS_SENT = "the search as sent now"
TEXT_WITHOUT_HIGHLIGHT = "now without highlighting"
PEOPLE = "words on titles + all_<lang> (people's), MT apart"
PROSE = "words on titles, terms + prose_<lang>, MT apart"
PEOPLE_MACHINE = "words on titles + all_<lang> + machine_<lang> at half"
MAX_ANALYZER_OFFSETS = (10_000, 5_000)


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
    result = {TEXT_AS_SENT: [body]}
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
        result[TEXT_WITHOUT_HIGHLIGHT] = [no_highlight]
        first_only = copy.deepcopy(no_rescore)
        first_only["query"] = matching_query(filters.q)["bool"]["should"][0]
        result["now, only the best_fields multi_match"] = [first_only]
    no_aggs = copy.deepcopy(body)
    no_aggs.pop("aggs", None)
    result["now without any aggregation"] = [no_aggs]
    return result


def hybrid_variants(filters) -> dict[str, list[dict]]:
    """The default mode's search (`--mode hybrid`: the k-NN clause inside the
    request) and the same request with one part taken out at a time."""
    from search.query import build_search_request
    from search.ranking import TEXT, HybridRanking

    ranked = HybridRanking().ranked(filters)
    body = build_search_request(filters, ranked)
    result = {AS_SENT: [body]}
    if not filters.q or ranked.query.get("bool", {}).get("should") is None:
        return result
    result["text only (no k-NN clause)"] = [
        build_search_request(
            filters, TEXT.ranked(filters, translated=ranked.translated)
        )
    ]
    one_language = copy.deepcopy(body)
    one_language["highlight"]["fields"] = {
        name: spec
        for name, spec in body["highlight"]["fields"].items()
        if name.endswith(f"_{filters.lang}")
    }
    result["hybrid, highlight in the reader's language only"] = [one_language]
    summaries_only = copy.deepcopy(body)
    summaries_only["highlight"]["fields"] = {
        name: spec
        for name, spec in body["highlight"]["fields"].items()
        if name.startswith("summary_")
    }
    result["hybrid, highlight the summaries only"] = [summaries_only]
    result["hybrid, k 50 neighbours"] = [with_k(body, 50)]
    for name, changed in snippet_levers(
        body, ranked.query["bool"]["should"][0]
    ).items():
        result[name] = [changed]
    for part in ("highlight", "aggs", "rescore", "suggest"):
        without = copy.deepcopy(body)
        without.pop(part, None)
        result[f"hybrid without {part}"] = [without]
    bare = {k: v for k, v in body.items() if k not in ("highlight", "aggs", "suggest")}
    result["hybrid, hits only (no highlight, aggs, suggest)"] = [bare]
    knn_only = copy.deepcopy(bare)
    knn_only["query"] = ranked.query["bool"]["should"][1]
    knn_only.pop("rescore", None)
    result[KNN_ALONE] = [knn_only]
    return result


def on_copy(built: dict[str, list[dict]], index: str) -> dict[str, list[dict]]:
    """The variants sent to a copy of the index under another mapping: the request
    as sent, without highlighting, the k-NN clause alone (hybrid) and, on a copy with
    combined per-language fields, the request with the words matched on them. A
    copy without vectors (`-text`) gets the text mode's request (`--mode text`)."""
    hybrid = AS_SENT in built
    base = AS_SENT if hybrid else TEXT_AS_SENT
    names = (AS_SENT, WITHOUT_HIGHLIGHT, KNN_ALONE) if hybrid else (TEXT_AS_SENT,)
    chosen = {name: built[name] for name in names if name in built}
    if not hybrid and TEXT_WITHOUT_HIGHLIGHT in built:
        chosen[TEXT_WITHOUT_HIGHLIGHT] = built[TEXT_WITHOUT_HIGHLIGHT]
    if "highlight_query" in built[base][0].get("highlight", {}):
        chosen[f"{base} without highlight_query (mapping 9's)"] = [
            without_highlight_query(built[base][0])
        ]
    if index.endswith("-combined"):
        chosen[COMBINED] = [on_combined_fields(built[base][0])]
    if index.removesuffix("-text").endswith("-people-mt"):
        mode = "hybrid" if hybrid else "text"
        chosen[f"{mode}, {PEOPLE_MACHINE}"] = [on_people_machine_fields(built[base][0])]
    if index.removesuffix("-text").endswith("-people"):
        mode = "hybrid" if hybrid else "text"
        chosen[f"{mode}, {PEOPLE}"] = [on_people_fields(built[base][0])]
        chosen[f"{mode}, {PROSE}"] = [on_prose_fields(built[base][0])]
        chosen[f"{mode}, {PEOPLE}, no highlight_query"] = [
            without_highlight_query(on_people_fields(built[base][0]))
        ]
    return {f"{name}, on {index}": bodies for name, bodies in chosen.items()}


def without_highlight_query(body: dict) -> dict:
    changed = copy.deepcopy(body)
    changed["highlight"].pop("highlight_query", None)
    return changed


def on_combined_fields(body: dict) -> dict:
    """`body` with every multi_match over the text fields matching the titles and the
    per-language combined fields (`all_<language>`, filled by `copy_to`) instead."""
    from search.mapping import LANGUAGES
    from search.query import TEXT_BOOSTS

    fields = [f"title_{language}^{TEXT_BOOSTS['title']}" for language in LANGUAGES]
    fields += [f"all_{language}" for language in LANGUAGES]
    return with_words_on(body, fields)


def machine_fields() -> list[str]:
    from search.query import text_fields

    return [name for name in text_fields() if "_mt_" in name]


def on_people_fields(body: dict) -> dict:
    """`body` with the words on the titles, on what people wrote in each language
    combined (`all_<language>` of a `--variant people` copy) and on the machine
    translations, each at its weight, as before."""
    from search.mapping import LANGUAGES
    from search.query import TEXT_BOOSTS

    fields = [f"title_{language}^{TEXT_BOOSTS['title']}" for language in LANGUAGES]
    fields += [f"all_{language}^2" for language in LANGUAGES]
    return with_words_on(body, fields + machine_fields())


def on_people_machine_fields(body: dict) -> dict:
    """`body` with the words on the titles (people's, and machine-translated at
    half), on what people wrote in each language combined (`all_<language>`) and on
    the machine translations into it combined (`machine_<language>`, at half), of a
    `--variant people-mt` copy."""
    from search.mapping import LANGUAGES
    from search.query import MACHINE_WEIGHT, TEXT_BOOSTS

    title = TEXT_BOOSTS["title"]
    fields = [f"title_{language}^{title}" for language in LANGUAGES]
    fields += [
        f"title_mt_{language}^{title * MACHINE_WEIGHT:g}" for language in LANGUAGES
    ]
    fields += [f"all_{language}" for language in LANGUAGES]
    fields += [f"machine_{language}^{MACHINE_WEIGHT:g}" for language in LANGUAGES]
    return with_words_on(body, fields)


def on_prose_fields(body: dict) -> dict:
    """`body` with the words on the titles and key terms per field, on the summary
    and body combined (`prose_<language>` of a `--variant people` copy) and on the
    machine translations, each at its weight, as before."""
    from search.mapping import LANGUAGES
    from search.query import TEXT_BOOSTS

    fields = [
        f"{field}_{language}^{TEXT_BOOSTS[field]}"
        for field in ("title", "terms")
        for language in LANGUAGES
    ]
    fields += [f"prose_{language}" for language in LANGUAGES]
    return with_words_on(body, fields + machine_fields())


def with_words_on(body: dict, fields: list[str]) -> dict:
    """`body` with every multi_match over the words' fields on `fields` instead. No
    clause reads the summaries and bodies one by one any more, so the highlighter
    is given the words' clauses on them (`highlight_query`): the same words marked
    as before."""
    from search.query import text_fields

    changed = copy.deepcopy(body)
    on_snippet_fields = []
    stack = [changed]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            match = node.get("multi_match")
            if match and match.get("fields") == text_fields():
                on_snippet_fields.append(
                    {"multi_match": {**match, "fields": snippet_fields()}}
                )
                match["fields"] = fields
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    if "highlight" in changed and on_snippet_fields:
        changed["highlight"]["highlight_query"] = {
            "bool": {"should": on_snippet_fields}
        }
    return changed


def snippet_fields() -> list[str]:
    from search.query import text_fields

    return [
        name
        for name in text_fields()
        if name.startswith(("summary_", "body_")) and "_mt_" not in name
    ]


def snippet_levers(body: dict, words: dict) -> dict[str, dict]:
    """The request as sent with the highlighter told one thing more: analyse at most
    the first characters of a field; mark only what the field's own clauses match;
    mark what the words' text clauses match (not the k-NN and fuzzy clauses)."""
    levers = {}
    for limit in MAX_ANALYZER_OFFSETS:
        changed = copy.deepcopy(body)
        changed["highlight"]["max_analyzer_offset"] = limit
        levers[f"{SNIPPETS}max_analyzer_offset {limit:,}"] = changed
    changed = copy.deepcopy(body)
    changed["highlight"]["require_field_match"] = True
    levers[f"{SNIPPETS}require_field_match"] = changed
    changed = copy.deepcopy(body)
    text_clauses = [c for c in words["bool"]["should"] if "multi_match" in c]
    changed["highlight"]["highlight_query"] = {"bool": {"should": text_clauses}}
    levers[f"{SNIPPETS}highlight_query: the words' text clauses"] = changed
    return levers


def same_snippets(first: dict, second: dict) -> bool:
    """Whether two answers quote the same passages for the hits both hold (a copy of
    the index builds its k-NN graph anew, so its neighbours, and hits, may differ)."""
    quoted = {h["_id"]: h.get("highlight", {}) for h in first["hits"]["hits"]}
    return all(
        quoted[hit["_id"]] == hit.get("highlight", {})
        for hit in second["hits"]["hits"]
        if hit["_id"] in quoted
    )


def with_k(body: dict, k: int) -> dict:
    """`body` with every k-NN clause asking for `k` neighbours."""
    changed = copy.deepcopy(body)
    stack = [changed]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "knn" in node:
                for clause in node["knn"].values():
                    clause["k"] = k
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--port", type=int, default=9260)
    parser.add_argument("--searches", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument(
        "--mode",
        default="text",
        help="text: the words' request and its variants; hybrid: the default "
        "mode's request, with one part taken out at a time",
    )
    parser.add_argument(
        "--also-on",
        default="",
        help="other indices on the node, comma-separated (copies under another "
        "mapping, `python -m bench.mapping_variant`): the hybrid request as sent, "
        "without highlighting and the k-NN clause alone are sent to each too, and "
        "to a copy with combined fields the request with the words on them",
    )
    parser.add_argument(
        "--only",
        default="",
        help="the variants to run on the bench's index, semicolon-separated names as "
        "the table prints them (default: all)",
    )
    args = parser.parse_args(argv)
    args.also_on = [name for name in args.also_on.split(",") if name]
    args.only = [name.strip() for name in args.only.split(";") if name.strip()]
    args.modes = args.mode
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
    unchanged: dict[str, list[bool]] = {}  # the same snippets as the request as sent
    for planned in mix[: args.searches]:
        filters = parse_filters(QueryDict(planned.url_path.split("?", 1)[1]))
        if (args.mode == "hybrid" or args.also_on) and not filters.q:
            continue  # no variants to set beside it
        built = hybrid_variants(filters) if args.mode == "hybrid" else variants(filters)
        if args.only:
            built = {name: built[name] for name in built if name in args.only}
        index_of = dict.fromkeys(built, alias_name())
        for other in args.also_on:
            elsewhere = on_copy(
                hybrid_variants(filters)
                if args.mode == "hybrid"
                else variants(filters),
                other,
            )
            built.update(elsewhere)
            index_of.update(dict.fromkeys(elsewhere, other))
        # A different variant first each time: none always meets the caches warm.
        names = list(built)
        turn = len(took.get(names[0], [])) % len(names)
        answers = {}
        for name in names[turn:] + names[:turn]:
            bodies = built[name]
            spent = 0
            for body in bodies:
                client.indices.clear_cache(index=index_of[name], request=True)
                response = client.search(
                    index=index_of[name], body=body, request_timeout=30
                )
                spent += response["took"]
            took.setdefault(name, []).append(spent)
            answers[name] = response
        base = AS_SENT if args.mode == "hybrid" else TEXT_AS_SENT
        # The request as sent on the bench's index, else on the first copy.
        reference = next((name for name in names if name.startswith(base)), None)
        if reference:
            for name, response in answers.items():
                if name == reference:
                    continue
                if "snippets" in name or base in name or "words on" in name:
                    same = same_snippets(answers[reference], response)
                    unchanged.setdefault(name, []).append(same)
    print(
        f"engine took (ms) over {args.searches} searches, {args.size:,} practices, "
        f"node 127.0.0.1:{args.port}, mode {args.mode}, request cache cleared "
        f"before each; load average {Path('/proc/loadavg').read_text().split()[:3]}"
    )
    print(
        f"| {'request':<50} | {'n':>4} | {'p50':>5} | {'p95':>5} | {'mean':>6} "
        f"| same snippets |"
    )
    print(f"|{'-' * 52}|{'-' * 6}|{'-' * 7}|{'-' * 7}|{'-' * 8}|{'-' * 15}|")
    for name, values in took.items():
        same = unchanged.get(name)
        print(
            f"| {name:<50} | {len(values):>4} | {percentile(values, 50):>5.0f} | "
            f"{percentile(values, 95):>5.0f} | {statistics.mean(values):>6.1f} "
            f"| {f'{sum(same)} of {len(same)}' if same else '':>13} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
