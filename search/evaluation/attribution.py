"""Which clauses and fields put practices in a search's first ten
(`manage.py search evaluate --attribution`, tuning half).

Each `multi_match` of the words' query (the words, their translation, their
correction, the named glossary phrases) is asked again split in one named clause
per field, beside the typo clause, the vector half and the phrase rescore, for
the search's own results (`include_named_queries_score`): a practice's score is
then read as the sum of its parts, a clause scoring its best field and
TIE_BREAKER of each other, as `best_fields` does (words matched across fields,
under a place or a question's, are read the same way: an approximation). Each of
the first ten is an *intruder* when it is not relevant and a relevant practice
lies below it among the results, else *relevant* or *other*.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from unittest import mock

from .. import service as search_service
from ..client import get_client
from ..indexer import alias_name
from ..node import run_search
from ..query import TIE_BREAKER
from ..ranking import matched_words, query_translation
from ..service import search_practices
from .reach import search_filters

TOP = 10
GROUPS = ("intruder", "relevant", "other")
# Clauses summed whole (no fields): the typo clause, the vector half, the rescore.
WHOLE = ("typo", "vector", "rescore")


def clause_label(clause: dict, translated: str, corrected: str) -> str:
    """What a `multi_match` of the words' query matches: "words", "translated",
    "corrected" or "phrase" (a named glossary phrase)."""
    match = clause["multi_match"]
    if match.get("type") == "phrase":
        return "phrase"
    if corrected and match["query"] == corrected and match.get("boost") != 1.5:
        return "corrected"
    if translated and match["query"] == translated and match.get("boost") != 3:
        return "translated"
    return "words"


def named_clauses(
    words_query: dict, body: dict, translated: str, corrected: str
) -> list[dict]:
    """The words' query (`matching_query`) split in one named clause per field,
    with the search request's (`body`) vector half and rescore named whole."""
    named = []
    for position, clause in enumerate(words_query["bool"]["should"]):
        if "multi_match" in clause:
            label = clause_label(clause, translated, corrected)
            match = clause["multi_match"]
            for boosted in match["fields"]:
                name = f"{label}.{position}|{boosted.split('^')[0]}"
                named.append(
                    {"multi_match": {**match, "fields": [boosted], "_name": name}}
                )
        else:
            named.append({"bool": {"must": [clause], "_name": "typo|"}})
    should = body["query"].get("bool", {}).get("should", [])
    if len(should) == 2:  # the words and the vector half (`hybrid_query`)
        named.append({"bool": {"must": [should[1]], "_name": "vector|"}})
    if "rescore" in body:
        rescore = body["rescore"]["query"]["rescore_query"]
        named.append({"bool": {"must": [rescore], "_name": "rescore|"}})
    return named


def score_parts(matched: dict[str, float]) -> dict[str, float]:
    """A practice's named scores as parts of its score: "<clause> people" and
    "<clause> machine" (its fields of people's text, of machine translations),
    and the whole clauses."""
    fields: dict[str, dict[str, float]] = defaultdict(dict)
    parts: Counter = Counter()
    for name, score in matched.items():
        clause, field_name = name.split("|", 1)
        if clause in WHOLE:
            parts[clause] += score
        else:
            fields[clause][field_name] = score
    for clause, scores in fields.items():
        label = clause.split(".")[0]
        best = max(scores, key=scores.get)
        tie = 0 if label == "phrase" else TIE_BREAKER
        for field_name, score in scores.items():
            text = "machine" if "_mt_" in field_name else "people"
            parts[f"{label} {text}"] += score if field_name == best else tie * score
    return dict(parts)


@dataclass
class Attribution:
    """The first ten of many searches, by group: how many, and their score's parts."""

    counts: Counter = field(default_factory=Counter)
    parts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # How many of a group's practices score their text mostly (or only) through
    # machine translations, and how many through the translated query above the words.
    mostly_machine: Counter = field(default_factory=Counter)
    only_machine: Counter = field(default_factory=Counter)
    translation_first: Counter = field(default_factory=Counter)
    vector_only: Counter = field(default_factory=Counter)

    def add(self, relevant: list[bool], parts: list[dict[str, float]]) -> None:
        """One search: whether each result is relevant, each one's parts."""
        last = max((i for i, r in enumerate(relevant) if r), default=-1)
        for rank, (is_relevant, its) in enumerate(
            zip(relevant[:TOP], parts[:TOP], strict=False)
        ):
            group = (
                "relevant" if is_relevant else ("intruder" if rank < last else "other")
            )
            self.counts[group] += 1
            self.parts[group].update(its)
            machine = sum(v for k, v in its.items() if k.endswith(" machine"))
            people = sum(v for k, v in its.items() if k.endswith(" people"))
            if machine + people == 0:
                self.vector_only[group] += 1
            elif people == 0:
                self.only_machine[group] += 1
            elif machine > people:
                self.mostly_machine[group] += 1
            translation = its.get("translated people", 0) + its.get(
                "translated machine", 0
            )
            words = sum(
                its.get(f"{c} {t}", 0)
                for c in ("words", "corrected")
                for t in ("people", "machine")
            )
            if translation > words:
                self.translation_first[group] += 1

    def table(self) -> list[str]:
        lines = [
            f"{'first ten':<10} {'n':>4} {'text only MT':>12} {'mostly MT':>9} "
            f"{'no text':>7} {'transl.>words':>13}   share of the score by part"
        ]
        for group in GROUPS:
            total = sum(self.parts[group].values()) or 1
            shares = ", ".join(
                f"{name} {value / total:.3f}"
                for name, value in self.parts[group].most_common()
            )
            lines.append(
                f"{group:<10} {self.counts[group]:>4} {self.only_machine[group]:>12} "
                f"{self.mostly_machine[group]:>9} {self.vector_only[group]:>7} "
                f"{self.translation_first[group]:>13}   {shares}"
            )
        return lines


def attribute(query, keys: dict[str, str], depth: int) -> tuple[list[bool], list]:
    """One judged query searched as the harness does, and each result's score
    parts: whether each is relevant, and its `score_parts`. `keys`: index id ->
    source id."""
    sent = {}

    def kept(body: dict, **params) -> dict:
        sent["body"] = body
        sent["response"] = run_search(body, **params)
        return sent["response"]

    filters = search_filters(query, depth)
    with mock.patch.object(search_service, "run_search", kept):
        search_practices(filters)
    ids = [hit["_id"] for hit in sent["response"]["hits"]["hits"]]
    if not ids:
        return [], []
    translated = query_translation(filters)
    words = matched_words(filters, translated)
    named = named_clauses(
        words.query(), sent["body"], words.translated, words.corrected
    )
    answer = get_client().search(
        index=alias_name(),
        body={
            "query": {"bool": {"should": named, "filter": {"ids": {"values": ids}}}},
            "size": len(ids),
            "_source": False,
        },
        params={"include_named_queries_score": "true"},
    )
    matched = {
        hit["_id"]: hit.get("matched_queries", {}) for hit in answer["hits"]["hits"]
    }
    return (
        [keys.get(i) in query.relevant for i in ids],
        [score_parts(matched.get(i, {})) for i in ids],
    )
