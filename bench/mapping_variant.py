"""A copy of the bench's index under a changed mapping, to weigh one mapping lever.

`python -m bench.mapping_variant --size 10000 --port 9263 --variant offsets` copies
the index a `python -m bench --keep-node` run left (its settings and mapping, with
one change) into `<index>-<variant>`, merged to one segment as `search rebuild`
leaves an index, and prints both indices' sizes. `--variant as-mapped` makes a copy
with no change, built the same way, to set beside the others. `python -m
bench.profile --also-on <copy>` then sends the same searches to the copies.
Copies are kept for later runs; they go with the bench node.

Variants:
- `offsets`: character offsets in the postings (`index_options: offsets`) of the
  highlighted fields (summaries and bodies), so the unified highlighter reads them
  instead of analysing the text again;
- `combined`: every text field of a language also copied (`copy_to`) into one
  field of that language, `all_<language>`, analysed as the language's fields are;
- `people`: what people wrote in a language (its title, summary, body and key
  terms; not the machine translations nor the problem fields) copied into
  `all_<language>`, and its summary and body alone into `prose_<language>`: the two
  query shapes `python -m bench.profile` sets beside each other on one copy;
- `people-mt`: `all_<language>` as `people`, and the machine translations into a
  language (title, summary, body) copied into `machine_<language>`.
"""

import time

from opensearchpy import helpers

from .environment import attach_to_bench, tool_parser

HIGHLIGHTED = ("summary", "body")


def with_offsets(mappings: dict) -> dict:
    for name, spec in mappings["properties"].items():
        if name.split("_")[0] in HIGHLIGHTED and "_mt_" not in name:
            spec["index_options"] = "offsets"
    return mappings


def combined_field(language: str) -> str:
    return f"all_{language}"


def with_combined_fields(mappings: dict) -> dict:
    from search.mapping import LANGUAGES

    properties = mappings["properties"]
    for language in LANGUAGES:
        for name, spec in properties.items():
            if spec.get("type") == "text" and name.endswith(f"_{language}"):
                spec["copy_to"] = combined_field(language)
        properties[combined_field(language)] = {
            "type": "text",
            "analyzer": language,
            "search_analyzer": f"{language}_search",
        }
    return mappings


def prose_field(language: str) -> str:
    return f"prose_{language}"


def with_people_fields(mappings: dict) -> dict:
    from search.mapping import LANGUAGES, TEXT_FIELDS

    properties = mappings["properties"]
    for language in LANGUAGES:
        for field in TEXT_FIELDS:
            targets = [combined_field(language)]
            if field in ("summary", "body"):
                targets.append(prose_field(language))
            properties[f"{field}_{language}"]["copy_to"] = targets
        for name in (combined_field(language), prose_field(language)):
            properties[name] = {
                "type": "text",
                "analyzer": language,
                "search_analyzer": f"{language}_search",
            }
    return mappings


def machine_field(language: str) -> str:
    return f"machine_{language}"


def with_people_and_machine_fields(mappings: dict) -> dict:
    from search.mapping import LANGUAGES, MACHINE_FIELDS, TEXT_FIELDS

    properties = mappings["properties"]
    for language in LANGUAGES:
        for field in TEXT_FIELDS:
            properties[f"{field}_{language}"]["copy_to"] = [combined_field(language)]
        for field in MACHINE_FIELDS:
            properties[f"{field}_mt_{language}"]["copy_to"] = [machine_field(language)]
        for name in (combined_field(language), machine_field(language)):
            properties[name] = {
                "type": "text",
                "analyzer": language,
                "search_analyzer": f"{language}_search",
            }
    return mappings


VARIANTS = {
    "as-mapped": lambda mappings: mappings,
    "offsets": with_offsets,
    "combined": with_combined_fields,
    "people": with_people_fields,
    "people-mt": with_people_and_machine_fields,
}


def variant_copy(
    client, source: str, variant: str, *, without_vectors: bool = False
) -> str:
    """`source` copied into `<source>-<variant>` under the variant's mapping, merged
    to one segment (made once; a copy stopped half-way is made again). Without
    vectors (`<source>-<variant>-text`), for text-mode requests only."""
    from search.mapping import VECTOR_FIELD

    if not without_vectors:
        return merged_copy(client, source, f"{source}-{variant}", VARIANTS[variant])
    return merged_copy(
        client,
        source,
        f"{source}-{variant}-text",
        lambda mappings: without_vector_field(VARIANTS[variant](mappings)),
        dropped=VECTOR_FIELD,
    )


def without_vector_field(mappings: dict) -> dict:
    from search.mapping import VECTOR_FIELD

    mappings["properties"].pop(VECTOR_FIELD, None)
    return mappings


def merged_copy(
    client,
    source: str,
    target: str,
    remap=lambda mappings: mappings,
    dropped: str = "",
):
    """`source` copied into `target` (same settings, its mapping through `remap`),
    merged to one segment; made once and kept, unless a run stopped half-way.
    `dropped`: a field left out of the copy, and the k-NN setting with it."""
    wait = {"request_timeout": 3600}
    if (
        client.indices.exists(index=target, **wait)
        and client.count(index=target, **wait)["count"]
        != client.count(index=source, **wait)["count"]
    ):
        client.indices.delete(index=target, **wait)
    if client.indices.exists(index=target, **wait):
        return target
    found = client.indices.get(index=source, **wait)[source]
    index_settings = {
        key: value
        for key, value in found["settings"]["index"].items()
        if key in ("number_of_shards", "analysis", "knn", "max_result_window")
        and not (dropped and key == "knn")
    }
    index_settings["number_of_replicas"] = 0
    index_settings["refresh_interval"] = "-1"
    client.indices.create(
        index=target,
        body={"settings": index_settings, "mappings": remap(found["mappings"])},
        **wait,
    )
    started = time.monotonic()
    # The integ-test distribution has no reindex module: copied through here.
    helpers.bulk(
        client,
        (
            {
                "_index": target,
                "_id": hit["_id"],
                "_source": {k: v for k, v in hit["_source"].items() if k != dropped},
            }
            for hit in helpers.scan(
                client,
                index=source,
                size=500,
                **({"_source_excludes": dropped} if dropped else {}),
                **wait,
            )
        ),
        chunk_size=500,
        **wait,
    )
    client.indices.put_settings(
        index=target, body={"index": {"refresh_interval": None}}, **wait
    )
    client.indices.forcemerge(index=target, params={"max_num_segments": 1}, **wait)
    client.indices.refresh(index=target, **wait)
    print(f"{target}: copied and merged in {time.monotonic() - started:.0f} s")
    return target


def main(argv=None) -> int:
    parser = tool_parser("python -m bench.mapping_variant")
    parser.add_argument("--variant", choices=sorted(VARIANTS), required=True)
    parser.add_argument(
        "--without-vectors",
        action="store_true",
        help="leave the sentence vectors out (`<index>-<variant>-text`): a copy made "
        "in minutes instead of an hour, for text-mode requests "
        "(`python -m bench.profile --mode text --also-on`)",
    )
    args = parser.parse_args(argv)
    attach_to_bench(args)
    from search.client import get_client
    from search.indexer import alias_name

    client = get_client()
    source = next(iter(client.indices.get_alias(name=alias_name())))
    target = variant_copy(
        client, source, args.variant, without_vectors=args.without_vectors
    )
    for name in (source, target):
        stats = client.indices.stats(index=name, metric="store,segments")
        primaries = stats["indices"][name]["primaries"]
        print(
            f"{name}: {primaries['store']['size_in_bytes'] / 2**20:,.0f} MB, "
            f"{primaries['segments']['count']} segment(s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
