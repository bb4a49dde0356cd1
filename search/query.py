"""Building the one OpenSearch request a search makes.

Selected facet values go in `post_filter`, so hits are filtered while each facet's
aggregation is filtered by every selection except its own: values within a facet
combine with OR, facets with AND, and every facet's counts stay right.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from practices.facets import FACET_NAMES

from .filters import SearchFilters
from .mapping import AREAS_FIELD, LANGUAGES, MACHINE_FIELDS, TEXT_FIELDS, THEMES_FIELD
from .results import HIT_SOURCE

# Larger than any vocabulary (ISO 3166-2 has about 5,000 subdivisions): every bucket
# is returned, so counts are never cut off.
FACET_BUCKET_LIMIT = 6000
TEXT_BOOSTS = {"title": 4, "terms": 2, "summary": 2, "body": 1}
# Machine translations count, but below what people wrote.
MACHINE_WEIGHT = 0.5
# The words as typed (a question's topic): the weight the others are set against.
WORDS_BOOST = 3
# The query machine-translated into the other language, when that is switched on.
QUERY_TRANSLATION_BOOST = 1.5
# The query with its misspelt glossary terms corrected (SEARCH_KEY_TERM_TYPOS),
# matched beside the query as typed.
KEY_TERM_BOOST = 3
# Each glossary phrase the query names ("participación ciudadana" in "participación
# ciudadana en el parlamento"), matched as a phrase beside the words
# (search/ranking.py QUERY_KEY_PHRASES); the fields' search analyzers add the
# concept's synonyms in both languages as phrases too. The harness's tuning half:
# 0.683 at 0.25, 0.681 at 0.5, 0.679 at 1, 0.673 without; 2 and 4 lowered the
# questions and misspelled queries (docs/search.md, sixth wave).
KEY_PHRASE_BOOST = 0.25
# A long text (an official's problem in their own words) matched word by word over
# every field, as typed, translated and corrected, and fuzzily, passes the node's
# limit of 1,024 clauses and the search fails. Past LONG_QUERY_WORDS words the typo
# clauses are left out (one misspelt word among many barely moves the match), and
# the words' clauses read the first MAX_QUERY_WORDS words (the vector half reads
# them all). The relevance harness's longest question has 11 words.
LONG_QUERY_WORDS = 12
MAX_QUERY_WORDS = 24
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
# Phrase proximity is scored over this many first matches (a rescore); pages past
# it keep the first score's order.
RESCORE_WINDOW = 100
# How far apart the phrase's words may lie and still count as the phrase.
PHRASE_SLOP = 2
# The phrase's weight in the rescore, added to the first score.
PHRASE_BOOST = 2
# The typo-tolerant match of the words in the `suggest` field.
TYPO_BOOST = 1


@dataclass(frozen=True)
class RankedQuery:
    """A ranking's parts of one search request, as search/ranking.py builds them."""

    # Which practices match and their first score (the words, and vectors).
    query: dict
    # Phrase proximity added to the first matches' scores (`rescore`), or None.
    rescore: dict | None = None
    # The words machine-translated, matched as a clause (kept for the suggester).
    translated: str = ""
    # The words as typed with their misspelt key terms corrected (search/key_terms.py;
    # "" when none was): the suggester offers it first.
    corrected: str = ""
    # Holds a k-NN clause the node may refuse (an index without the vector field):
    # the caller then asks again with the text ranking.
    refusable_vectors: bool = False


def text_fields(
    suffix: str = "", *, human: bool = True, machine: bool = True
) -> list[str]:
    """Every text field with its boost: people's text (`human`) and machine
    translations (`machine`, MACHINE_WEIGHT of people's)."""
    people = [
        f"{field}_{language}{suffix}^{boost}"
        for field, boost in TEXT_BOOSTS.items()
        for language in LANGUAGES
    ]
    translations = [
        f"{field}_mt_{language}{suffix}^{TEXT_BOOSTS[field] * MACHINE_WEIGHT:g}"
        for field in MACHINE_FIELDS
        for language in LANGUAGES
    ]
    return (people if human else []) + (translations if machine else [])


def synonym_phrases() -> bool:
    """Whether a multi-word synonym is matched as a phrase (OpenSearch's default),
    which also makes the words typed a phrase once one matches; off (the default,
    SEARCH_SYNONYM_PHRASES), each is a bag of words, and the phrase rescore still
    ranks the words typed together first."""
    return settings.SEARCH_SYNONYM_PHRASES


# How many of the words must match (in one field, or across fields).
WORDS_REQUIRED = "2<75%"
# A practice matching in several fields scores its best field plus this share of
# each other's.
TIE_BREAKER = 0.3

# How the words meet machine translations (`words_clause`). Off, as before, they
# are fields beside people's text in one `multi_match`. MACHINE_CLAUSE: the
# translations are a `multi_match` of their own, MACHINE_WORDS_REQUIRED of the
# words in one field (or, MACHINE_AS_PHRASE, the words as a phrase), joined with
# people's text in a `dis_max`: a translation's accidents ("en línea" in "in line
# with the UN Convention") then need more of the query to count.
MACHINE_CLAUSE = False
MACHINE_WORDS_REQUIRED = WORDS_REQUIRED
MACHINE_AS_PHRASE = False
# The query's own machine translation matched on machine translations too: a
# Spanish query translated into English meets a Spanish practice's English
# translation, a translation of a translation, where the words typed meet its
# Spanish already.
TRANSLATION_ON_MACHINE = True
# A machine translation holding every word of the query (in one field) counts this
# much more, beside its match as above: a translation's accident seldom holds them
# all. 0 is off.
MACHINE_COVERAGE_BOOST = 0


def words_clause(
    text: str,
    boost: float,
    match_type: str,
    *,
    translation: bool = False,
    required: str = "",
) -> dict:
    """`text` matched over the text fields (people's and machine-translated),
    `required` of its words in one field (`best_fields`) or across fields
    (`cross_fields`); `translation`: `text` is the query's machine translation
    (TRANSLATION_ON_MACHINE)."""
    required = required or WORDS_REQUIRED

    def over(fields: list[str], required: str) -> dict:
        return {
            "multi_match": {
                "query": text,
                "fields": fields,
                "type": match_type,
                "tie_breaker": TIE_BREAKER,
                "minimum_should_match": required,
                "auto_generate_synonyms_phrase_query": synonym_phrases(),
            }
        }

    if translation and not TRANSLATION_ON_MACHINE:
        clause = over(text_fields(machine=False), required)
    elif not MACHINE_CLAUSE:
        clause = over(text_fields(), required)
    else:
        machine_fields = text_fields(human=False)
        machine = (
            {
                "multi_match": {
                    "query": text,
                    "fields": machine_fields,
                    "type": "phrase",
                    "slop": PHRASE_SLOP,
                    "tie_breaker": TIE_BREAKER,
                }
            }
            if MACHINE_AS_PHRASE
            else over(machine_fields, MACHINE_WORDS_REQUIRED)
        )
        return {
            "dis_max": {
                "queries": [over(text_fields(machine=False), required), machine],
                "tie_breaker": TIE_BREAKER,
                "boost": boost,
            }
        }
    clause["multi_match"]["boost"] = boost
    if not MACHINE_COVERAGE_BOOST or (translation and not TRANSLATION_ON_MACHINE):
        return clause
    whole = over(text_fields(human=False), "100%")
    whole["multi_match"]["boost"] = boost * MACHINE_COVERAGE_BOOST
    return {"bool": {"should": [clause, whole]}}


def matching_query(
    q: str,
    translated: str = "",
    corrected: str = "",
    *,
    across_fields: bool = False,
    key_phrases: tuple[str, ...] = (),
    required: str = "",
    any_word_boost: float = 0.0,
) -> dict:
    """Which practices the words find, and their first score. `translated`: the
    query machine-translated (see SEARCH_QUERY_TRANSLATION), matched as one more,
    lighter clause; `corrected`: the query with misspelt key terms corrected
    (`ranking.key_term_correction`), matched as one more clause; `across_fields`:
    the words may meet in different fields of a practice (`cross_fields`), not
    three quarters of them in one; `key_phrases`: glossary phrases the query names
    (`key_terms.key_phrases_in`), each matched as a phrase, one more clause;
    `required`: how many of the words must match, if not WORDS_REQUIRED (the typo
    clause keeps WORDS_REQUIRED); `any_word_boost`: a practice holding any one of
    the words matches too, scored that fraction of this query (0: not)."""
    if not q:
        return {"match_all": {}}
    if any_word_boost and len(q.split()) <= LONG_QUERY_WORDS:
        return with_any_word(
            matching_query(
                q,
                translated,
                corrected,
                across_fields=across_fields,
                key_phrases=key_phrases,
                required=required,
            ),
            matching_query(
                q, translated, corrected, across_fields=across_fields, required="1"
            ),
            any_word_boost,
        )
    required = required or WORDS_REQUIRED
    long_text = len(q.split()) > LONG_QUERY_WORDS
    q, translated = first_words(q), first_words(translated)
    match_type = "cross_fields" if across_fields else "best_fields"
    extra = []
    if corrected and not long_text:
        extra.append(
            words_clause(corrected, KEY_TERM_BOOST, match_type, required=required)
        )
    if translated and not long_text and translated.casefold() != q.casefold():
        extra.append(
            words_clause(
                translated,
                QUERY_TRANSLATION_BOOST,
                match_type,
                translation=True,
                required=required,
            )
        )
    return {
        "bool": {
            "should": extra
            # Analysed per language: stemming, stop words and bilingual synonyms.
            + [words_clause(q, WORDS_BOOST, match_type, required=required)]
            + ([] if long_text else [typo_tolerant_match(q)])
            + [
                key_phrase_query(phrase, text_fields(), KEY_PHRASE_BOOST)
                for phrase in ([] if long_text else key_phrases)
            ],
            "minimum_should_match": 1,
        }
    }


def with_any_word(words: dict, any_word: dict, boost: float) -> dict:
    """`words`, or else `any_word` (the same words, any one of them required),
    scored `boost` times as much: after the practices the words match."""
    return {
        "bool": {
            "should": [words, {"bool": {"should": [any_word], "boost": boost}}],
            "minimum_should_match": 1,
        }
    }


def key_phrase_query(phrase: str, fields: list[str], boost: float) -> dict:
    """A glossary phrase (search/key_terms.py `key_phrases_in`) as a phrase in
    `fields`, their search analyzers adding the concept's synonyms as phrases: a
    concept's words are often common where the concept is not. Search and the
    practice finder (search/finder.py) both match named phrases this way."""
    return {
        "multi_match": {
            "query": phrase,
            "type": "phrase",
            "fields": fields,
            "boost": boost,
        }
    }


def phrase_query(q: str) -> dict:
    """The words as a phrase (slop 2): ranks, finds nothing the words did not.

    Each language's fields are read with that language's index analyzer, without
    the glossary's synonyms: a phrase over a synonym graph is one phrase per path
    through it, and three glossary terms of a few phrases each ("fiscalización del
    presupuesto por el congreso") multiplied past the node's 1,024 clauses."""
    return {
        "dis_max": {
            "queries": [
                {
                    "multi_match": {
                        "query": q,
                        "fields": [f for f in text_fields() if f"_{language}^" in f],
                        "type": "phrase",
                        "slop": PHRASE_SLOP,
                        "analyzer": language,
                    }
                }
                for language in LANGUAGES
            ],
            "boost": PHRASE_BOOST,
        }
    }


def typo_tolerant_match(q: str) -> dict:
    # Typo tolerance: one accent-folded field holding titles, summaries and labels
    # in both languages. Fuzzy matching across every field and the long bodies cost
    # five times as much for little more recall.
    return {
        "match": {
            "suggest": {
                "query": q,
                "fuzziness": "AUTO",
                "prefix_length": 1,
                "max_expansions": 20,
                "minimum_should_match": WORDS_REQUIRED,
                "boost": TYPO_BOOST,
            }
        }
    }


def first_words(text: str) -> str:
    """`text`, cut after MAX_QUERY_WORDS words."""
    words = text.split()
    return text if len(words) <= MAX_QUERY_WORDS else " ".join(words[:MAX_QUERY_WORDS])


def text_query(
    q: str,
    translated: str = "",
    corrected: str = "",
    *,
    across_fields: bool = False,
    phrase: str = "",
    key_phrases: tuple[str, ...] = (),
    scorers: Sequence[dict] = (),
    required: str = "",
    any_word_boost: float = 0.0,
) -> dict:
    """The words' query with the phrase (`phrase`, or the words) and `scorers`
    (the word share, the area and theme bonuses) scored on every match the words
    find: for requests that cannot rescore (exports)."""
    if not q:
        return {"match_all": {}}
    words = matching_query(
        q,
        translated,
        corrected,
        across_fields=across_fields,
        key_phrases=key_phrases,
        required=required,
        any_word_boost=any_word_boost,
    )
    return scored_on_every_match(words, phrase or q, scorers)


def scored_on_every_match(
    matching: dict, phrase: str, scorers: Sequence[dict] = ()
) -> dict:
    """Whatever `matching` finds, scored as it scores it plus the phrase's and
    `scorers`' scores: what `rescore` adds to the first matches, added to every
    match, for requests that cannot rescore (exports)."""
    return {"bool": {"must": [matching], "should": [phrase_query(phrase), *scorers]}}


def rescore(q: str, scorers: Sequence[dict] = ()) -> dict:
    """The phrase's score, and each of `scorers`' (`word_share_query`,
    `area_bonus_query`, `theme_bonus_query`), added to the first RESCORE_WINDOW
    matches only: the sum `scored_on_every_match` gives every match, without
    matching a phrase over 16 fields in every match."""
    query = phrase_query(q)
    if scorers:
        query = {"bool": {"should": [query, *scorers]}}
    return {
        "window_size": RESCORE_WINDOW,
        "query": {
            "rescore_query": query,
            "query_weight": 1,
            "rescore_query_weight": 1,
        },
    }


def about_areas(areas: Sequence[str], field: str = AREAS_FIELD) -> dict:
    """The practices about one of the glossary's `areas` (or themes, with
    THEMES_FIELD) or more (search/glossary_areas.py)."""
    return {"terms": {field: list(areas)}}


def area_bonus_query(
    areas: Sequence[str], bonus: float, field: str = AREAS_FIELD
) -> dict:
    """`bonus` for a practice about one of `areas` (themes, with THEMES_FIELD),
    however many."""
    return {"constant_score": {"filter": about_areas(areas, field), "boost": bonus}}


def theme_bonus_query(themes: Sequence[str], bonus: float) -> dict:
    """`bonus` for a practice about one of the glossary's `themes`."""
    return area_bonus_query(themes, bonus, THEMES_FIELD)


def word_share_query(
    words: list[str], fields: list[str], weight: float, *, typos: bool = True
) -> dict:
    """How many of `words` a practice holds, each in any of `fields` (or, `typos`,
    within the search's fuzziness of a word of the accent-folded `suggest` field):
    `weight` for a practice holding them all, in proportion for fewer, however
    often or rarely each occurs."""

    def held(word: str) -> dict:
        anywhere = {
            "multi_match": {
                "query": word,
                "fields": fields,
                "auto_generate_synonyms_phrase_query": False,
            }
        }
        if not typos:
            return anywhere
        misspelt = {
            "match": {
                "suggest": {
                    "query": word,
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                }
            }
        }
        return {"bool": {"should": [anywhere, misspelt]}}

    return {
        "bool": {
            "should": [
                {"constant_score": {"filter": held(w), "boost": weight / len(words)}}
                for w in words
            ]
        }
    }


def facet_clauses(filters: SearchFilters) -> dict[str, dict]:
    clauses = {
        facet: {"terms": {facet: list(filters.values(facet))}}
        for facet in FACET_NAMES
        if filters.values(facet)
    }
    year_range = {}
    if filters.year_from is not None:
        year_range["gte"] = filters.year_from
    if filters.year_to is not None:
        year_range["lte"] = filters.year_to
    if year_range:
        in_range = {"range": {"year": year_range}}
        clauses["year"] = (
            {"bool": {"should": [in_range, UNDATED_CLAUSE], "minimum_should_match": 1}}
            if filters.includes_undated
            else in_range
        )
    if filters.documented:
        clauses[DOCUMENTED] = DOCUMENTED_CLAUSE
    return clauses


# Practices whose results are documented (practices/evidence.py): a filter with a count.
DOCUMENTED = "documented"
DOCUMENTED_CLAUSE = {"term": {"documented_results": True}}
# Practices without a start year: counted beside the years, kept by a year range
# unless the reader leaves them out (SearchFilters.includes_undated).
UNDATED = "undated"
UNDATED_CLAUSE = {"bool": {"must_not": {"exists": {"field": "year"}}}}
# Counted with another aggregation, under the same selections: the undated with
# the years (all selections but the years').
COMPANIONS = {"year": {UNDATED: {"missing": {"field": "year"}}}}
# "México primero": a Mexican practice's score counts this many times, so among
# equally relevant results Mexico's come first (and browsing lists them first).
MEXICO_FIRST_WEIGHT = 2.0

# The facets (and years) nobody selected all count under every selection: they share
# one filter aggregation under this name, so that filter runs once, not once each.
UNSELECTED = "unselected"


def _all_but(clauses: dict[str, dict], excluded: str | None) -> dict:
    others = [clause for name, clause in clauses.items() if name != excluded]
    return {"bool": {"filter": others}} if others else {"match_all": {}}


def aggregations(clauses: dict[str, dict]) -> dict:
    """Counts per facet value and per year; each counted under every selection but
    its own (`facet_buckets` reads them)."""
    counted = {
        facet: {"terms": {"field": facet, "size": FACET_BUCKET_LIMIT}}
        for facet in FACET_NAMES
    }
    counted["year"] = {
        "histogram": {"field": "year", "interval": 1, "min_doc_count": 1}
    }
    counted[DOCUMENTED] = {"filter": DOCUMENTED_CLAUSE}
    aggs = {
        name: {
            "filter": _all_but(clauses, name),
            "aggs": {name: counted[name], **COMPANIONS.get(name, {})},
        }
        for name in clauses
    }
    unselected = {}
    for name, agg in counted.items():
        if name not in clauses:
            unselected |= {name: agg, **COMPANIONS.get(name, {})}
    if unselected:
        aggs[UNSELECTED] = {"filter": _all_but(clauses, None), "aggs": unselected}
    return aggs


def facet_buckets(response_aggregations: dict, name: str) -> list[dict]:
    """The buckets of one facet (or `year`) from a response to `aggregations`."""
    group = response_aggregations.get(name) or response_aggregations[UNSELECTED]
    return group[name]["buckets"]


def documented_count(response_aggregations: dict) -> int:
    """How many practices with documented results the other selections leave."""
    group = response_aggregations.get(DOCUMENTED) or response_aggregations[UNSELECTED]
    return group[DOCUMENTED]["doc_count"]


def undated_count(response_aggregations: dict) -> int:
    """How many practices without a start year the selections but the years leave."""
    group = response_aggregations.get("year") or response_aggregations[UNSELECTED]
    return group[UNDATED]["doc_count"]


def weighted(query: dict, weights: list[tuple[dict, float]]) -> dict:
    """`query`, each match's score multiplied by the weight of every filter it
    passes (the others leave it as it is)."""
    if not weights:
        return query
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": f, "weight": w} for f, w in weights],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def mexico_first(query: dict) -> dict:
    return weighted(query, [({"term": {"country": "MX"}}, MEXICO_FIRST_WEIGHT)])


# Related practices: how much sharing each part of a place or the level weighs.
NEARBY_WEIGHTS = {"country": 2.0, "subdivision": 1.5, "level": 1.5}


def nearby_first(query: dict, near: dict[str, str | None]) -> dict:
    """`query`, its scores multiplied for practices that share the country, state
    or government level in `near`: an official copies from places like theirs."""
    return weighted(
        query,
        [
            ({"term": {name: value}}, NEARBY_WEIGHTS[name])
            for name, value in near.items()
            if value and name in NEARBY_WEIGHTS
        ],
    )


def sort_clause(sort: str) -> list:
    if sort == "newest":
        return [{"year": {"order": "desc", "missing": "_last"}}, "_score"]
    if sort == "oldest":
        return [{"year": {"order": "asc", "missing": "_last"}}, "_score"]
    return ["_score", {"year": {"order": "desc", "missing": "_last"}}]


def highlight(lang: str) -> dict:
    """Snippets of the summary and body, the only highlights a result shows (titles
    are shown plain); both languages, as a result may be shown in either."""
    other = "en" if lang == "es" else "es"
    fields = {}
    for language in (lang, other):
        fields[f"summary_{language}"] = {"number_of_fragments": 0}
        fields[f"body_{language}"] = {"fragment_size": 160, "number_of_fragments": 2}
    return {**HIGHLIGHT_TAGS, "encoder": "html", "fields": fields}


# How many rewordings the phrase suggester gives to choose one in one language.
SUGGESTION_OPTIONS = 5


def did_you_mean(q: str) -> dict:
    """The phrase suggester's section of a search: a few rewordings of the words,
    best first, each word within two edits of a word the repertory holds. Its
    field holds both languages' words: the first may mix them ("contratos de obra
    public"), and the next one in the query's language is offered instead
    (search/suggestion.py)."""
    return {
        "text": q,
        "did_you_mean": {
            "phrase": {
                "field": "suggest",
                "size": SUGGESTION_OPTIONS,
                "gram_size": 1,
                "confidence": 1.0,
                "max_errors": 2,
                "direct_generator": [
                    {
                        "field": "suggest",
                        "suggest_mode": "always",
                        "min_word_length": 3,
                    }
                ],
            }
        },
    }


def match_strength_request(q: str, translated: str = "") -> dict:
    """How many practices the words alone match, and how well the best one does:
    what a suggestion is weighed against the query by. The phrase is a rescore of
    the first matches, as in the search itself: scored on every match
    (`text_query`) it cost the engine a third more for the same decisions
    (`python -m bench.suggestion_cost`, docs/capacity.md)."""
    return {
        "query": matching_query(q, translated),
        "rescore": rescore(q),
        "size": 1,
        "_source": False,
        "track_total_hits": True,
    }


# The weighing's count of the words' own matches, beside the rewording's.
WORDS_MATCHED = "words_matched"


def weighing_request(rewording: str, q: str, translated: str = "") -> dict:
    """One search weighing a rewording against the words: the rewording's strength
    (`match_strength_request`) and, in an aggregation over the whole index, how
    many practices the words match (`words_matched`). Only when both find as many
    do the words' best scores have to be asked for, in a search of their own (3 of
    the bench's 66 weighings). A third less engine time than the two searches it
    replaced, and than counting the words in the search's own aggregations, which
    every search with words would pay (`python -m bench.suggestion_cost`,
    docs/capacity.md)."""
    return {
        **match_strength_request(rewording),
        "aggs": {
            WORDS_MATCHED: {
                "global": {},
                "aggs": {WORDS_MATCHED: {"filter": matching_query(q, translated)}},
            }
        },
    }


def word_language_request(words: list[str]) -> dict:
    """How many practices hold each of `words` in each language's people's text
    (titles, summaries, bodies, terms; accents aside), in one request of filter
    counts keyed `<word>|<language>`: which language a word is of, as this
    repertory writes it ("public" is English here, "publica" Spanish)."""
    return {
        "size": 0,
        "aggs": {
            f"{word}|{language}": {
                "filter": {
                    "multi_match": {
                        "query": word,
                        "fields": [f"{f}_{language}.folded" for f in TEXT_FIELDS],
                    }
                }
            }
            for word in words
            for language in LANGUAGES
        },
    }


def words_matched(response: dict) -> int:
    """How many practices the words match, from the answer to `weighing_request`."""
    return response["aggregations"][WORDS_MATCHED][WORDS_MATCHED]["doc_count"]


def build_search_request(filters: SearchFilters, ranked: RankedQuery) -> dict:
    """The search: the ranking's parts (search/ranking.py) with the filters, the
    counts, the order and, with words, the snippets and the phrase suggester's
    rewording. Sorted by relevance, the phrase rescores the first matches (when the
    ranking has a rescore); sorted by year, nothing rescores."""
    clauses = facet_clauses(filters)
    body = {
        "query": mexico_first(ranked.query)
        if filters.sort == "mexico"
        else ranked.query,
        "post_filter": {"bool": {"filter": list(clauses.values())}},
        "aggs": aggregations(clauses),
        "sort": sort_clause(filters.sort),
        "from": filters.offset,
        "size": filters.page_size,
        "track_total_hits": True,
        "_source": list(HIT_SOURCE),
    }
    if filters.q:
        body["highlight"] = highlight(filters.lang)
        body["suggest"] = did_you_mean(filters.q)
        if ranked.rescore:
            body["rescore"] = ranked.rescore
            # A rescore cannot follow a sort on a field: the year no longer breaks
            # ties between equal scores.
            del body["sort"]
    return body
