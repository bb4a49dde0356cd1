"""The judged queries and their relevant records, derived from OGP's policy areas.

Each query names the policy-area columns that make a commitment relevant to it (and,
for filtered queries, a country). The columns are read here, from the original file,
and removed from the copy that is imported: the search never sees them.
"""

import csv
import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from taxonomy import geography

QUERIES_FILE = Path(__file__).with_name("queries.csv")
KINDS = ("english", "spanish", "no_accents", "misspelled", "filtered", "question")
# The judged set is split in two halves, each kind evenly: tuning decisions are made
# on the first, and figures are quoted from the held-out second. The seed is fixed so
# a query stays in its half when others are added.
SPLIT_SEED = "repertorio-relevance-2026"
HALVES = ("tuning", "held-out")
IDENTIFIER = "Commitment Unique Identifier"
# The 0/1 policy-area columns run from the first to the last of these, in file order.
FIRST_AREA, LAST_AREA = "Anti-Corruption and Integrity", "Money in Politics"
HIDDEN_COLUMNS = {"Theme"}


@dataclass(frozen=True)
class JudgedQuery:
    kind: str
    lang: str
    q: str
    country: str
    areas: tuple[str, ...]
    relevant: frozenset[str]  # commitment identifiers
    half: str = HALVES[0]


def policy_area_columns(header: list[str]) -> list[str]:
    start, end = header.index(FIRST_AREA), header.index(LAST_AREA)
    return header[start : end + 1]


def read_queries(path: Path = QUERIES_FILE) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def judge(ogp_file: Path, queries_file: Path = QUERIES_FILE) -> list[JudgedQuery]:
    with open(ogp_file, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        areas = set(policy_area_columns(reader.fieldnames))
        rows = list(reader)
    countries = {row[IDENTIFIER]: _country(row["Country/Locality"]) for row in rows}
    judged = []
    for query in read_queries(queries_file):
        wanted = tuple(query["areas"].split("|"))
        unknown = [area for area in wanted if area not in areas]
        if unknown or query["kind"] not in KINDS:
            raise ValueError(f"bad judged query {query!r}: {unknown or query['kind']}")
        relevant = frozenset(
            row[IDENTIFIER]
            for row in rows
            if any(row[area].strip() == "1" for area in wanted)
            and (not query["country"] or countries[row[IDENTIFIER]] == query["country"])
        )
        judged.append(
            JudgedQuery(
                query["kind"],
                query["lang"],
                query["q"],
                query["country"],
                wanted,
                relevant,
            )
        )
    return split_in_halves(judged)


def split_in_halves(judged: list[JudgedQuery]) -> list[JudgedQuery]:
    """Each kind's queries ordered by a seeded hash, the first half for tuning, the
    rest held out; the file's order is kept."""
    by_kind: dict[str, list[JudgedQuery]] = defaultdict(list)
    for query in judged:
        by_kind[query.kind].append(query)
    held_out = set()
    for queries in by_kind.values():
        ordered = sorted(queries, key=_split_key)
        held_out |= {_split_key(query) for query in ordered[len(ordered) // 2 :]}
    return [
        replace(query, half=HALVES[1] if _split_key(query) in held_out else HALVES[0])
        for query in judged
    ]


def _split_key(query: JudgedQuery) -> str:
    text = f"{SPLIT_SEED}|{query.kind}|{query.lang}|{query.q}|{query.country}"
    return hashlib.sha256(text.encode()).hexdigest()


def _country(place: str) -> str | None:
    code = geography.country_code_for(place)
    if code is None and "," in place:
        code = geography.country_code_for(place.rsplit(",", 1)[1].strip())
    return code


def write_without_judgements(ogp_file: Path, target: Path) -> None:
    """Copy the export without the policy-area columns and `Theme`."""
    with open(ogp_file, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        hidden = set(policy_area_columns(reader.fieldnames)) | HIDDEN_COLUMNS
        header = [name for name in reader.fieldnames if name not in hidden]
        with open(target, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(reader)
