"""The practice finder's query and ranking: practices that fit an official's context.

An official describes their institution (government level, type of regulated party),
their place, what they want to improve and their problem in their own words. The
finder asks the node for candidates in one request: the problem's words (and, with
vectors on, the practices nearest to the problem in meaning), joined by practices of
the same place or kind of institution. Each candidate is then scored here, from
facts the index holds, as a weighted sum of parts that each say one thing (the words
match, same state, same level, evidence...). The parts travel with the match, so the
reasons a page shows (finder/reasons.py) are the ones that ranked it.

Context in, plain data out; what the parts mean for an official is finder/'s.
"""

import html
import re
import time
from dataclasses import dataclass, field

from kb.text import fold
from practices.translation import translate_query

from .glossary_areas import THEME, mentions
from .key_terms import key_phrases_in
from .labels import facet_labels
from .mapping import LANGUAGES, PROBLEM_FIELD, THEMES_FIELD
from .query import HIGHLIGHT_TAGS, key_phrase_query, text_fields
from .results import HIT_SOURCE
from .service import PracticeHit, SearchUnavailable, _hit, _search, nearest_practices

# What the problem's words are matched against: the fields of the problem's own
# language, what people wrote and machine translations into it (an English-only
# practice's Spanish translation), analysed as that language. Matched against the
# other language's fields, its little words are rare words there ("los" in an
# English text: Los Cabos) and rank noise.
RANKING_FIELDS = ("title", "summary", "body", "terms")
MACHINE_RANKING_FIELDS = ("title", "summary", "body")
# Where a passage is sought, in turn: the problem the practice addressed, the rest of
# its text, its summary.
PASSAGE_FIELDS = (PROBLEM_FIELD, "body", "summary")
# A few of each language's commonest words, enough to tell which one a problem
# is written in.
COMMON_WORDS = {
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "que",
            "en",
            "y",
            "un",
            "una",
            "por",
            "para",
            "con",
            "no",
            "se",
            "su",
            "sus",
            "es",
            "al",
            "lo",
            "como",
            "más",
            "pero",
            "hay",
            "muy",
            "nos",
            "queremos",
            "tenemos",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "is",
            "are",
            "for",
            "with",
            "on",
            "not",
            "we",
            "our",
            "that",
            "this",
            "it",
            "by",
            "as",
            "be",
            "have",
            "has",
            "want",
            "there",
            "their",
        ]
    ),
}
# Terms of the problem the ranking keeps (more_like_this picks the most telling).
MAX_QUERY_TERMS = 25
# The problem machine-translated into the other language counts this much beside
# its own words (tuning half, the audited demo repertory: 0.835 without it, 0.906
# at 0.75, the best of 0.25 to 1.5; docs/finder.md).
TRANSLATION_WEIGHT = 0.75
# The practice's problem statement (its own fields) counts this much once more beside
# its whole text: the official's problem is set against the problem a practice
# addressed (tuning half: 0.885 without it, 0.896 at 0.75, the best of 0.25 to 2.0;
# docs/finder.md).
PROBLEM_SECTION_WEIGHT = 0.75
# Each glossary phrase the problem names ("presupuesto participativo", "declaraciones
# patrimoniales") counts this much once more, matched as a phrase in the practice's
# text: more_like_this weighs the words one by one, and a concept's words are often
# common where the concept is not. The search analyser adds the phrase's synonyms,
# the other language's among them (tuning half of 71 contexts: 0.791 without it,
# 0.808 at 2.0, the middle of the plateau 1.0 to 3.0; docs/finder.md).
KEY_PHRASE_WEIGHT = 2.0
# Candidates read per finder request: the words' and the context's best, scored here.
CANDIDATES = 100
# Each part of the score lies in 0..1; its weight says how much it counts. Tuned on
# the tuning half of the judged contexts (finder/evaluation/), never the held-out.
WEIGHTS = {
    "text": 1.0,
    "semantic": 0.6,
    "subdivision": 0.5,
    "country": 0.25,
    "region": 0.05,
    "level": 0.3,
    "party": 0.3,
    "aims": 0.25,
    "evidence": 0.15,
    "documented": 0.05,
    "about": 0.2,
}
# The themes a problem names this often (glossary phrases, search/glossary_areas.py)
# are the fields it is about; a practice about one of them scores the "about" part.
PROBLEM_THEME_MENTIONS = 1
# The parts that say who and where the official is, and what they want to improve.
CONTEXT_PARTS = frozenset(
    ("subdivision", "country", "region", "level", "party", "aims")
)
# How much a context clause pulls a practice into the candidates with no shared
# word: far below any word's score, so words still rank the candidates first.
PULL = {"subdivision": 0.004, "level": 0.002, "regulated_party": 0.002}
NEIGHBOUR_PULL = 0.001
# The evidence levels in order, weakest first (the taxonomy's order).
EVIDENCE_ORDER = ("anecdotal", "self-reported", "documented", "independently-evaluated")
# A word score below this share of the best candidate's is no match worth a reason.
TEXT_MATCH_SHARE = 0.35
# Passages read per practice shown, and shown: those that mark the most distinct
# words of the problem, and at least PASSAGE_MIN_WORDS of them (one shared word,
# "municipio", says nothing of the problem).
PASSAGES_READ = 5
PASSAGES_SHOWN = 2
PASSAGE_MIN_WORDS = 2
ROOT_LETTERS = 5
# Similar practices elsewhere: candidates read, and those shown.
ELSEWHERE_CANDIDATES = 12

# What scoring a candidate reads; the few shown get the rest (SOURCE_FIELDS). Read
# from doc values, not the stored document: parsing a hundred whole documents (their
# texts in two languages, their vectors) to read a few codes from each was most of a
# finder request's time.
SCORING_FIELDS = [
    "country",
    "subdivision",
    "region",
    "theme",
    "level",
    "regulated_party",
    "type",
    "evidence",
    "documented_results",
    THEMES_FIELD,
]
# The scoring fields that hold a list; the others hold one value.
LISTED_SCORING_FIELDS = frozenset(("theme", "type", THEMES_FIELD))
# The facts a match carries to the reasons.
FACT_FIELDS = (
    "country",
    "subdivision",
    "region",
    "level",
    "regulated_party",
    "theme",
    "type",
    "evidence",
    "outcome",
    "year",
    "end_year",
)
# A card's fields (the registry's facets among them), and when the practice ended.
SOURCE_FIELDS = [*HIT_SOURCE, "end_year"]


@dataclass(frozen=True)
class FinderQuery:
    """What the finder asks of search, as slugs and codes (finder/ builds it)."""

    text: str
    lang: str = "es"
    country: str | None = None
    subdivision: str | None = None
    # The UN M49 region of the country (the `region` facet's slug).
    region: str | None = None
    level: str | None = None
    regulated_party: str | None = None
    # Themes and practice types that serve what the official wants to improve.
    aims: dict[str, tuple[str, ...]] = field(default_factory=dict)
    size: int = 10


@dataclass
class FinderMatch:
    """One practice the finder ranked, with the facts and score parts behind it."""

    hit: PracticeHit
    score: float
    parts: dict[str, float]
    # The practice's classification as the index holds it (slugs and codes).
    facts: dict
    # The problem's words in the practice's text, marked (HTML-escaped, <mark>).
    passages: list[str] = field(default_factory=list)
    passages_language: str = ""
    # The problem is close in meaning to the practice's title and summary.
    semantic: bool = False
    text_match: bool = False


@dataclass
class FinderResults:
    query: FinderQuery
    matches: list[FinderMatch]
    took_ms: int


def problem_language(text: str, default: str) -> str:
    """The language a problem is written in, by its commonest words; `default`
    (the reader's) when they do not tell."""
    words = [word.strip(".,;:¿?¡!()\"'").casefold() for word in text.split()]
    counts = {
        language: sum(word in common for word in words)
        for language, common in COMMON_WORDS.items()
    }
    best = max(counts, key=counts.get)
    if counts[best] == 0 or list(counts.values()).count(counts[best]) > 1:
        return default
    return best


def ranking_fields(language: str) -> list[str]:
    return [f"{name}_{language}" for name in RANKING_FIELDS] + [
        f"{name}_mt_{language}" for name in MACHINE_RANKING_FIELDS
    ]


def problem_section_fields(language: str) -> list[str]:
    return [f"{PROBLEM_FIELD}_{language}", f"{PROBLEM_FIELD}_mt_{language}"]


def words_query(text: str, fields: list[str]) -> dict:
    """The problem's words for ranking: its most telling terms (rare in the index,
    frequent in the text), any few of them. An official's paragraph is not a
    query: asking for most of its words finds nothing, any of them finds noise."""
    return {
        "more_like_this": {
            "fields": fields,
            "like": text,
            "min_term_freq": 1,
            "min_doc_freq": 1,
            "max_query_terms": MAX_QUERY_TERMS,
            "minimum_should_match": "10%",
        }
    }


def problem_query(text: str, language: str) -> dict:
    """The problem's words in its own language's fields, and its machine translation
    in the other language's, scores added: a practice written in the other language
    (or whose translation says it in other words) is found by the words it uses.
    Each over the practice's whole text, and again over its problem statement; and
    each glossary phrase the problem names, as a phrase."""
    other = next(name for name in LANGUAGES if name != language)
    translated = translate_query(text, language, other)
    clauses = []
    for fields_of, weight in (
        (ranking_fields, 1.0),
        (problem_section_fields, PROBLEM_SECTION_WEIGHT),
    ):
        own = words_query(text, fields_of(language))
        own["more_like_this"]["boost"] = weight
        clauses.append(own)
        if translated:  # else Apertium is unavailable: the problem's own words alone
            theirs = words_query(translated, fields_of(other))
            theirs["more_like_this"]["boost"] = weight * TRANSLATION_WEIGHT
            clauses.append(theirs)
    clauses.extend(
        key_phrase_query(phrase, ranking_fields(language), KEY_PHRASE_WEIGHT)
        for phrase in key_phrases_in(text, language)
    )
    return {"bool": {"should": clauses}}


def highlight_query(text: str, language: str) -> dict:
    """The problem's words for marking passages: every word that occurs in the
    fields passages come from, in the problem's language."""
    return {
        "multi_match": {
            "query": text,
            "fields": [f"{name}_{language}" for name in PASSAGE_FIELDS],
            "type": "most_fields",
            "operator": "or",
        }
    }


def candidates_request(query: FinderQuery, neighbours: dict[str, float]) -> dict:
    should = []
    if query.text:
        language = problem_language(query.text, query.lang)
        should.append(problem_query(query.text, language))
    if neighbours:
        should.append(
            {
                "constant_score": {
                    "filter": {"ids": {"values": list(neighbours)}},
                    "boost": NEIGHBOUR_PULL,
                }
            }
        )
    for name, boost in PULL.items():
        value = getattr(query, name)
        if value:
            should.append(
                {"constant_score": {"filter": {"term": {name: value}}, "boost": boost}}
            )
    return {
        "size": CANDIDATES,
        "query": {"bool": {"should": should or [{"match_all": {}}]}},
        "_source": False,
        "docvalue_fields": SCORING_FIELDS,
    }


def scoring_facts(hit: dict) -> dict:
    """A candidate's scoring fields as the stored document would give them."""
    fields = hit.get("fields", {})
    return {
        name: values if name in LISTED_SCORING_FIELDS else values[0]
        for name, values in fields.items()
        if values
    }


def shown_request(text: str, ids: list[str], lang: str) -> dict:
    """The few practices shown, whole, with their passages that match the problem:
    reading and highlighting are the costly parts, so they run on these alone."""
    body = {
        "size": len(ids),
        "query": {"bool": {"filter": {"ids": {"values": ids}}}},
        "_source": SOURCE_FIELDS,
    }
    if text:
        language = problem_language(text, lang)
        fields = {
            f"{PROBLEM_FIELD}_{language}": {
                "fragment_size": 220,
                "number_of_fragments": PASSAGES_READ,
            },
            f"body_{language}": {
                "fragment_size": 220,
                "number_of_fragments": PASSAGES_READ,
            },
            f"summary_{language}": {"number_of_fragments": 0},
        }
        body["query"]["bool"]["should"] = [highlight_query(text, language)]
        body["highlight"] = {**HIGHLIGHT_TAGS, "encoder": "html", "fields": fields}
    return body


def score_parts(
    source: dict,
    query: FinderQuery,
    text_share: float,
    semantic: float | None,
    themes: frozenset[str] = frozenset(),
) -> dict[str, float]:
    """The parts of a candidate's score, each in 0..1, from its indexed facts;
    `themes`: those the problem is about (`problem_themes`)."""
    parts = {
        "about": float(bool(themes & set(source.get(THEMES_FIELD) or []))),
        "text": text_share,
        "semantic": 0.0
        if semantic is None
        else max(0.0, min(1.0, (semantic - 0.6) / 0.3)),
        "subdivision": float(
            bool(query.subdivision) and source.get("subdivision") == query.subdivision
        ),
        "country": float(
            bool(query.country) and source.get("country") == query.country
        ),
        "level": float(bool(query.level) and source.get("level") == query.level),
        "party": float(
            bool(query.regulated_party)
            and source.get("regulated_party") == query.regulated_party
        ),
        "evidence": EVIDENCE_ORDER.index(source["evidence"]) / 3
        if source.get("evidence") in EVIDENCE_ORDER
        else 0.0,
        "documented": float(bool(source.get("documented_results"))),
    }
    parts["region"] = float(
        bool(query.region)
        and not parts["country"]
        and source.get("region") == query.region
    )
    parts["aims"] = aims_share(source, query.aims)
    return parts


def problem_themes(text: str, language: str) -> frozenset[str]:
    """The themes a problem names PROBLEM_THEME_MENTIONS times or more."""
    named = mentions(text, language, column=THEME)
    return frozenset(
        theme for theme, count in named.items() if count >= PROBLEM_THEME_MENTIONS
    )


def aims_share(source: dict, aims: dict[str, tuple[str, ...]]) -> float:
    """The share of the official's aims the practice's themes or types serve."""
    if not aims:
        return 0.0
    held = set(source.get("theme") or []) | set(source.get("type") or [])
    served = sum(1 for slugs in aims.values() if held & set(slugs))
    return served / len(aims)


def combined(parts: dict[str, float]) -> float:
    """The weighted sum, the context's parts scaled by how well the practice meets
    the problem: the same kind of institution or place ranks one practice for the
    problem above another, but does not lift one that does not address it."""
    meets_problem = min(1.0, parts["text"] + parts["semantic"])
    return sum(
        WEIGHTS[name] * value * (meets_problem if name in CONTEXT_PARTS else 1.0)
        for name, value in parts.items()
    )


def find_practices(query: FinderQuery) -> FinderResults:
    """The `query.size` practices that fit best, each with its score parts."""
    started = time.monotonic()
    neighbours = nearest_practices(query.text) if query.text else None
    neighbours = neighbours or {}
    response = _search(candidates_request(query, neighbours))
    hits = response["hits"]["hits"]
    for hit in hits:
        hit["_source"] = scoring_facts(hit)
    best_text = (
        max((_text_score(h, query, neighbours) for h in hits), default=0.0) or 1.0
    )
    labels = facet_labels()
    themes = (
        problem_themes(query.text, problem_language(query.text, query.lang))
        if WEIGHTS["about"]
        else frozenset()
    )
    scored = []
    for hit in hits:
        source = hit["_source"]
        share = _text_score(hit, query, neighbours) / best_text
        parts = score_parts(source, query, share, neighbours.get(hit["_id"]), themes)
        scored.append((combined(parts), parts, hit))
    scored.sort(key=lambda item: (-item[0], item[2]["_id"]))
    top = scored[: query.size]
    shown = {}
    if top:
        ids = [hit["_id"] for _score, _parts, hit in top]
        for hit in _search(shown_request(query.text, ids, query.lang))["hits"]["hits"]:
            shown[hit["_id"]] = hit
    matches = []
    for score, parts, candidate in top:
        hit = shown.get(candidate["_id"])
        if hit is None:
            continue  # removed between the two requests
        match = FinderMatch(
            hit=_hit(hit, query.lang, labels),
            score=round(score, 4),
            parts={k: round(v, 4) for k, v in parts.items()},
            facts={name: hit["_source"].get(name) for name in FACT_FIELDS},
            semantic=parts["semantic"] > 0,
            text_match=parts["text"] >= TEXT_MATCH_SHARE,
        )
        _add_passages(match, hit.get("highlight", {}))
        matches.append(match)
    return FinderResults(query, matches, int((time.monotonic() - started) * 1000))


def _text_score(hit: dict, query: FinderQuery, neighbours: dict) -> float:
    """The words' part of a candidate's score: what the pulls added is taken off."""
    source = hit["_source"]
    pulled = sum(
        boost
        for name, boost in PULL.items()
        if getattr(query, name) and source.get(name) == getattr(query, name)
    )
    if hit["_id"] in neighbours:
        pulled += NEIGHBOUR_PULL
    return max(0.0, (hit["_score"] or 0.0) - pulled)


def _add_passages(match: FinderMatch, highlight: dict) -> None:
    if match.hit.machine_translated:
        return  # the passages are in the original language
    shown = match.hit.language
    # The shown language's passages; else the other's (a synonym may match only
    # there), said to be in that language.
    for language in (shown, *(lang for lang in LANGUAGES if lang != shown)):
        telling = next(
            (
                found
                for name in PASSAGE_FIELDS
                if (found := telling_passages(highlight.get(f"{name}_{language}", [])))
            ),
            [],
        )
        if telling:
            match.passages = [clean_passage(passage) for passage in telling]
            match.passages_language = language
            return


MARKED = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def word_root(word: str) -> str:
    """A marked word's first letters, accents and a plural's s aside: municipio,
    municipios and municipales are one word of the problem, not three."""
    folded = fold(word)
    return (folded[:-1] if folded.endswith("s") else folded)[:ROOT_LETTERS]


def telling_passages(passages: list[str]) -> list[str]:
    """The passages that mark the most distinct words of the problem (at least
    PASSAGE_MIN_WORDS; figures do not count: "80 mil habitantes" describes the
    official, not the problem), most first, in the highlighter's order among
    equals."""
    counted = [
        (
            len(
                {
                    word_root(word)
                    for word in MARKED.findall(p)
                    if not word.strip().isdigit()
                }
            ),
            -order,
            p,
        )
        for order, p in enumerate(passages)
    ]
    kept = sorted(
        (item for item in counted if item[0] >= PASSAGE_MIN_WORDS), reverse=True
    )
    return [passage for _count, _order, passage in kept[:PASSAGES_SHOWN]]


MARKS = re.compile(r"(</?mark>)")


def clean_passage(passage: str) -> str:
    """A highlighted passage escaped once: the indexed text keeps the character
    references of the rich text it came from (`&#x27;`), which the highlighter's
    HTML encoder escapes again (`&amp;#x27;`)."""
    parts = []
    for part in MARKS.split(passage):
        if part in ("<mark>", "</mark>"):
            parts.append(part)
            continue
        text = html.unescape(html.unescape(part))
        parts.append(html.escape(text, quote=False))
    return "".join(parts)


def practices_elsewhere(
    translation_key: str, lang: str, place: dict, size: int = 4
) -> list[tuple[PracticeHit, dict]]:
    """Practices most like this one (its problem and classification) in another
    place, the better evidenced first: another state when `place` names one,
    another country otherwise. [] when search is down."""
    not_here = [
        {"term": {name: place[name]}}
        for name in ("subdivision",)
        if place.get("subdivision")
    ] or ([{"term": {"country": place["country"]}}] if place.get("country") else [])
    body = {
        "size": ELSEWHERE_CANDIDATES,
        "query": {
            "bool": {
                "must": {
                    "more_like_this": {
                        "fields": [
                            f.split("^")[0] for f in text_fields() if "_mt_" not in f
                        ]
                        + ["theme", "type"],
                        "like": [{"_id": str(translation_key)}],
                        "min_term_freq": 1,
                        "min_doc_freq": 1,
                        "max_query_terms": 40,
                    }
                },
                "must_not": not_here,
            }
        },
        "_source": SOURCE_FIELDS,
    }
    try:
        hits = _search(body)["hits"]["hits"]
    except SearchUnavailable:
        return []
    if not hits:
        return []
    # The closest half, then the better evidenced first: alike first, proof next.
    best = hits[0]["_score"]
    alike = [h for h in hits if h["_score"] >= best * 0.5]
    alike.sort(
        key=lambda h: (
            -_evidence_rank(h["_source"]),
            -bool(h["_source"].get("documented_results")),
            -h["_score"],
        )
    )
    labels = facet_labels()
    return [(_hit(h, lang, labels), h["_source"]) for h in alike[:size]]


def _evidence_rank(source: dict) -> int:
    evidence = source.get("evidence")
    return EVIDENCE_ORDER.index(evidence) if evidence in EVIDENCE_ORDER else -1
