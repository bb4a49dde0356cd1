"""How a search ranks practices: one strategy object per ranking kept.

A strategy builds the ranking's parts of the one request a search sends (a
`RankedQuery`): the words' query, the vector clause beside it and the phrase
rescore; `query.build_search_request` adds what every ranking shares (filters,
counts, order, snippets, the suggester). Settings choose the strategy
(`chosen_ranking`):

- `TextRanking` (`SEARCH_MODE=text`, and whenever vectors are unavailable): the
  words typed, their machine translation (`SEARCH_QUERY_TRANSLATION`) and their
  misspelt key terms corrected (`SEARCH_KEY_TERM_TYPOS`), as clauses of one query;
  the phrase (words typed together) rescores the first matches.
- `HybridRanking` (`SEARCH_MODE=hybrid`, the default): a practice matches if its
  words match or its sentence vector lies near the query's; the scores are added.
  The k-NN clause sits inside the request (`SEARCH_VECTOR_REQUEST=inline`), or, for
  the comparison in docs/capacity.md, the neighbours are asked for in a request of
  their own first (`separate`). Inline, under a selection (a country…), the
  practices it leaves that are about the query's glossary theme match too, whatever
  their words (`admitted_about`, THEME_ADMITTED); the text ranking, and the hybrid
  whenever it falls back to it (no encoder, vectors refused), has no such clause.

Measured and dropped (figures in docs/search.md): reciprocal rank fusion, and
per-language fuzzy titles. The vectors-only ranking is an engine of the relevance
harness (`search/evaluation/rankings.py`), not a setting.
"""

import logging
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache

from kb.text import fold as folded_words
from practices.translation import (
    language_of,
    other_language,
    spanish_with_accents,
    translate_query,
)

from .filters import SearchFilters
from .glossary_areas import query_areas, query_themes
from .indexer import alias_name
from .key_terms import corrected_query, key_phrases_in
from .mapping import AREAS_FIELD, LANGUAGES, PASSAGE_FIELD, THEMES_FIELD, VECTOR_FIELD
from .node import QueryRejected, run_search
from .query import (
    LONG_QUERY_WORDS,
    RankedQuery,
    about_areas,
    area_bonus_query,
    facet_clauses,
    matching_query,
    rescore,
    scored_on_every_match,
    text_fields,
    text_query,
    theme_bonus_query,
    word_share_query,
)
from .questions import (
    ASKING_WORDS,
    asking_words,
    is_question,
    question_topic,
    words_of,
)
from .synonyms import ENGLISH_BREAKS, SPANISH_BREAKS
from .vectors import query_vector

logger = logging.getLogger(__name__)

# The vector half of hybrid search: the query vector's nearest practices (k-NN over
# Lucene HNSW graphs, the whole index; with selections, also among those they
# leave: `nearest_clause`), kept when their cosine score,
# (1 + cos) / 2, reaches VECTOR_MIN_SCORE, scored by their similarity. It is a clause
# of the main request's query (`nearest_clause`), so the post filter and the
# aggregations treat both halves alike and counts stay exact: one request a search.
# (A radial k-NN query with min_score would need no `k`, but Lucene's graph
# traversal stops at an entry point below the threshold and missed true neighbours.)
VECTOR_CANDIDATES = 100
VECTOR_MIN_SCORE = 0.60  # cos >= 0.2: the harness's best (docs/search.md)
# Scales the vector score (0.6..1) against the text scores (about 5..60).
VECTOR_BOOST = 30
# Among the practices a search's selections leave (`nearest_clause`): a country
# holds a few dozen practices, too few of which are among the whole index's nearest.
# The same likeness as the unfiltered half, cos >= 0.2: filtered queries 0.746 ->
# 0.763 on the harness's tuning half. Any likeness (cos >= 0) measured 0.836 but
# found nearly every practice of the selection, so a filtered search's total no
# longer told how many practices are about the words (docs/search.md).
FILTERED_VECTOR_MIN_SCORE = VECTOR_MIN_SCORE
# And the selection's SELECTION_NEAREST nearest join from SELECTION_FLOOR (cos >=
# 0.14), less alike than that: a country's relevant practices often lie only a
# little nearer than the rest. A k-NN clause of its own (its `k` does the ranking
# the node cannot do inside a query by score), so still one request: filtered
# queries 0.761 -> 0.790 on the harness's tuning half, 1.1 more results a search,
# and off-topic words ("fútbol", "Zapopan"...) 0.06 more a country; a bar relative
# to the nearest one's score measured the same (0.791) but needed a k-NN request
# first (docs/search.md, fourth wave).
SELECTION_NEAREST = 8
SELECTION_FLOOR = 0.57
# Score a practice by its nearest passage (title and summary, each body section:
# an index built with mapping.PASSAGE_VECTORS) instead of its one vector. Measured
# on the harness, not kept (docs/search.md, sixth wave).
VECTOR_PASSAGES = False
# After the node rejects a k-NN query (no plugin, or an index built without the
# vector field), search stays text only this long before trying vectors again.
VECTORS_OFF_SECONDS = 60
# The orders in which the score ranks (the others sort by year).
BY_SCORE = ("relevance", "mexico")


# The words are translated from their language into the other: the reader's,
# unless Apertium's dictionary of the other knows more of them (`language_of`), so
# an English query gets its Spanish words. Before, every query went Spanish to
# English, and Apertium read an English query's words as Spanish ones ("open data
# portal" -> "open Dates portal"), a second clause nearly the words': English 0.684
# -> 0.704 on the harness's tuning half (docs/search.md, sixth wave).
QUERY_FROM_ITS_LANGUAGE = True
# Spanish typed without accents given its accents back before Apertium translates
# it (practices/translation/accents.py): its dictionary knows "transformación", not
# "transformacion", and reads "publica" as a verb ("Education publishes"). Measured
# and off (docs/search.md, seventh wave): better translations, no better ranking.
QUERY_ACCENTS_RESTORED = False
# Also the words the dictionary does not know; off, only the words it knows only as
# verbs ("publica", "tramites").
QUERY_ACCENTS_UNKNOWN_WORDS = True
# The same for the text the query's vector is made from.
VECTOR_ACCENTS_RESTORED = False


# How a question (told by its form, search/questions.py) is matched: by its topic,
# its words without the asking ones ("cómo", "how can we", "otros países"), else as
# typed; without the verbs of doing better too ("crear", "fortalecer", "publish");
# its words free to meet in different fields of a practice. Questions 0.628 ->
# 0.683 on the harness's tuning half with all three (docs/search.md, fifth wave).
QUESTION_BY_TOPIC = True
QUESTION_WITHOUT_ACTIONS = True
QUESTION_ACROSS_FIELDS = True
# The query's vector made from a question's topic (its verbs of doing kept: "crear
# un registro" is what it asks for) instead of the words typed: questions 0.683 ->
# 0.698 on the harness's tuning half, no other kind moving (docs/search.md, sixth
# wave).
QUESTION_VECTOR_TOPIC = True


# With a place selected (a country, a state: a few dozen practices), the words may
# meet in different fields of a practice (`cross_fields`): filtered queries 0.784
# -> 0.802 on the harness's tuning half, 0.4 more results a search, no more for
# off-topic words (docs/search.md, fifth wave).
PLACE_ACROSS_FIELDS = True
PLACE_FACETS = ("country", "subdivision")
# Measured under a place and not kept (docs/search.md, seventh wave): how many of
# the words must match, if not query.WORDS_REQUIRED ("1": any one of them), and
# PLACE_ANY_WORD_BOOST, a practice holding any one of the words matching too,
# scored that fraction of the words' query, so after those holding as many as the
# search requires (0 is off). Filtered queries on the harness's tuning half: 0.806
# as kept, 0.805 any word, 0.807 any word after (recall@50 0.816 -> 0.859, 0.9
# more results a search, off-topic words 0.09 more a country).
PLACE_WORDS_REQUIRED = ""
PLACE_ANY_WORD_BOOST = 0.0


# A word of the query's language, as typed, is no typo of a key term, however near
# one: by Apertium's dictionary of the language, "protect" is not corrected to the
# glossary's "protest", nor "publicar" to "publicas", nor "institución" to
# "institucional"; a verb with pronouns attached ("beneficiaros") is no word.
# Questions 0.683 -> 0.700 on the harness's tuning half (docs/search.md, sixth
# wave).
KEY_TERMS_KEEP_WORDS = True


# Each glossary phrase the words (or their correction) name, in either language
# ("participación ciudadana" in "participación ciudadana en el parlamento"),
# matched as a phrase too, its synonyms and other-language equivalents with it
# (query.KEY_PHRASE_BOOST): the practice finder's named glossary phrases
# (docs/finder.md), ported to search. Not when the words are their phrases and
# nothing more ("presupuesto participativo"): the words' clause with its synonyms
# and the phrase rescore match those already. Tuning half 0.679 -> 0.689, Spanish
# 0.594 -> 0.616, no accents 0.621 -> 0.638, no kind lower; held-out English 0.703
# -> 0.696, two queries (docs/search.md, sixth wave).
QUERY_KEY_PHRASES = True
KEY_PHRASE_WHOLE_QUERY = False


# The first matches (the rescore's window) re-ranked by the share of the query's
# distinct words (its topic, key terms corrected; not its articles and
# prepositions) a practice holds, each in any of WORD_SHARE_FIELDS of either
# language, people's or machine-translated: a practice holding most of the words
# ranks above one that shares one or two of them with the query, however often.
# WORD_SHARE_WEIGHT is added for a practice holding them all, in proportion for
# fewer; 0 is off. Only from WORD_SHARE_MIN_WORDS words: with two, the words' own
# query already ranks the practices holding both first, and the share cost
# "conflictos de interés" and "regulatory reform" places. For every query it paid
# before the glossary phrases (tuning half 0.672 -> 0.677 at 20), not after them
# (0.689 -> 0.690, English and Spanish -0.004); for questions alone (below) it
# does: questions 0.716 -> 0.748 on the tuning half, 0.757 -> 0.764 held-out, no
# other kind moving (docs/search.md, sixth wave).
WORD_SHARE_WEIGHT = 10
WORD_SHARE_FIELDS = ("title", "summary", "terms")
WORD_SHARE_MIN_WORDS = 3
WORD_SHARE_TYPOS = False
# Only for questions (told by their form, search/questions.py): a question's
# topic words meet across fields (QUESTION_ACROSS_FIELDS), where how many of them
# a practice holds says more than how often.
WORD_SHARE_QUESTIONS_ONLY = True


# The first matches (the rescore's window) about the field the query names (a
# glossary phrase of an area, search/glossary_areas.py: a practice naming
# AREA_MENTIONS of the area's phrases) gain AREA_BONUS: a practice about
# procurement ranks above one that names "contratos" in passing. 0 is off.
AREA_BONUS = 20
# The same for the finer themes (a practice naming THEME_MENTIONS of the theme's
# phrases: "cabildeo" asks for lobbying, not for all of integrity), on top of the
# area's. 0 is off.
THEME_BONUS = 40
# With selections (a country…), the practices they leave that are about the
# query's area match too, scored AREA_ADMITTED; 0 is off. Measured and not kept:
# filtered 0.811 -> 0.821 tuning, 0.751 -> 0.784 held-out, but the practices it
# lets in are no likelier to be relevant than any other of the country's
# (docs/search.md, eighth wave).
AREA_ADMITTED = 0.0
# The same for the practices about the query's theme, kept: on the tuning half
# filtered 0.818 -> 0.844, the 7 practices it let in (0.4 a search) all relevant,
# where the country's practices are 30% relevant (docs/search.md, ninth wave).
THEME_ADMITTED = 1.0


@dataclass(frozen=True)
class MatchedWords:
    """What a search's words match with: the words (a question's topic), their
    translation and correction, and the phrase that rescores (the words typed)."""

    q: str
    translated: str = ""
    corrected: str = ""
    # The whole query corrected, where `corrected` may be a question's topic.
    q_corrected: str = ""
    across_fields: bool = False
    phrase: str = ""
    key_phrases: tuple[str, ...] = ()
    # How many of the words must match, if not query.WORDS_REQUIRED; a practice
    # holding any one of them matching too, scored this fraction (0: not).
    required: str = ""
    any_word_boost: float = 0.0
    # The glossary's areas and themes the words name (`query_areas`,
    # `query_themes`).
    areas: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()

    def query(self) -> dict:
        return matching_query(
            self.q,
            self.translated,
            self.corrected,
            across_fields=self.across_fields,
            key_phrases=self.key_phrases,
            required=self.required,
            any_word_boost=self.any_word_boost,
        )

    def word_share(self) -> dict | None:
        """The rescore's share of the words a practice holds (WORD_SHARE_WEIGHT),
        or None."""
        text = self.corrected or self.q
        if not WORD_SHARE_WEIGHT or len(text.split()) > LONG_QUERY_WORDS:
            return None
        if WORD_SHARE_QUESTIONS_ONLY and not is_question(self.phrase):
            return None
        words = list(dict.fromkeys(w for w in words_of(text) if w not in ASKING_WORDS))
        if len(words) < WORD_SHARE_MIN_WORDS:
            return None
        fields = [f for f in text_fields() if f.split("_", 1)[0] in WORD_SHARE_FIELDS]
        return word_share_query(
            words, fields, WORD_SHARE_WEIGHT, typos=WORD_SHARE_TYPOS
        )

    def scorers(self) -> list[dict]:
        """What the rescore adds beside the phrase: the word share, the area and
        theme bonuses, each when it applies."""
        share = self.word_share()
        areas = (
            [area_bonus_query(self.areas, AREA_BONUS)]
            if self.areas and AREA_BONUS
            else []
        )
        themes = (
            [theme_bonus_query(self.themes, THEME_BONUS)]
            if self.themes and THEME_BONUS
            else []
        )
        return ([share] if share else []) + areas + themes

    def query_with_phrase(self) -> dict:
        return text_query(
            self.q,
            self.translated,
            self.corrected,
            across_fields=self.across_fields,
            phrase=self.phrase,
            key_phrases=self.key_phrases,
            scorers=self.scorers(),
            required=self.required,
            any_word_boost=self.any_word_boost,
        )


def matched_words(
    filters: SearchFilters, translated: str, *, plain: bool = False
) -> MatchedWords:
    """The words a search matches: as typed, or a question's topic (also of its
    translation and correction); across fields under a place; the phrase is
    always the words typed. `plain`: the words alone, without their translation,
    correction or named glossary phrases (a query the node found too big)."""
    corrected = "" if plain else key_term_correction(filters)
    by_topic = QUESTION_BY_TOPIC and is_question(filters.q)
    without_actions = QUESTION_WITHOUT_ACTIONS
    # A question's asking words name no area ("otros municipios", "other cities"
    # would name government): its topic is matched without them.
    asking = asking_words(without_actions) if by_topic else frozenset()
    words = MatchedWords(
        filters.q,
        "" if plain else translated,
        corrected,
        q_corrected=corrected,
        phrase=filters.q,
        key_phrases=() if plain else named_key_phrases(filters.q, corrected),
        areas=()
        if plain
        else tuple(
            query_areas(filters.q, corrected, language=filters.lang, ignored=asking)
        ),
        themes=()
        if plain
        else tuple(
            query_themes(filters.q, corrected, language=filters.lang, ignored=asking)
        ),
    )
    if by_topic:
        words = replace(
            words,
            q=question_topic(filters.q, without_actions),
            translated=translated and question_topic(translated, without_actions),
            corrected=corrected and question_topic(corrected, without_actions),
            across_fields=QUESTION_ACROSS_FIELDS,
        )
    if any(filters.values(f) for f in PLACE_FACETS):
        words = replace(
            words,
            across_fields=PLACE_ACROSS_FIELDS or words.across_fields,
            required=PLACE_WORDS_REQUIRED,
            any_word_boost=PLACE_ANY_WORD_BOOST,
        )
    if not KEY_PHRASE_WHOLE_QUERY and phrases_cover(
        words.key_phrases, words.corrected or words.q
    ):
        words = replace(words, key_phrases=())
    return words


def phrases_cover(phrases: tuple[str, ...], q: str) -> bool:
    """Whether the phrases hold every word of `q` but its little words ("de",
    "of"): the query is its glossary phrases and nothing more."""
    covered = {word for phrase in phrases for word in phrase.split()}
    little = SPANISH_BREAKS | ENGLISH_BREAKS
    return bool(phrases) and all(
        word in covered or word in little for word in folded_words(q).split()
    )


def named_key_phrases(q: str, corrected: str = "") -> tuple[str, ...]:
    """The glossary phrases of either language that the words, or their correction,
    name (`key_phrases_in`), when QUERY_KEY_PHRASES is on."""
    if not QUERY_KEY_PHRASES or not q:
        return ()
    named = [
        phrase
        for text in (q, corrected)
        if text
        for language in LANGUAGES
        for phrase in key_phrases_in(text, language)
    ]
    return tuple(dict.fromkeys(named))


def vector_words(q: str) -> str:
    """What the query's vector is made from: a question's topic, else the words."""
    if VECTOR_ACCENTS_RESTORED:
        q = spanish_with_accents(q)
    if QUESTION_VECTOR_TOPIC and is_question(q):
        return question_topic(q)
    return q


def query_translation(filters: SearchFilters) -> str:
    """The words machine-translated from their language into the other
    (`QUERY_FROM_ITS_LANGUAGE`; else Spanish to English), when that is switched on
    (SEARCH_QUERY_TRANSLATION); "" otherwise or without Apertium."""
    if not filters.q or not settings.SEARCH_QUERY_TRANSLATION:
        return ""
    source = language_of(filters.q, filters.lang) if QUERY_FROM_ITS_LANGUAGE else "es"
    q = filters.q
    if QUERY_ACCENTS_RESTORED and source == "es":
        q = spanish_with_accents(q, unknown_words=QUERY_ACCENTS_UNKNOWN_WORDS)
    return translate_query(q, source, other_language(source))


def key_term_correction(filters: SearchFilters) -> str:
    """The words with misspelt glossary terms corrected, when that is switched on
    (SEARCH_KEY_TERM_TYPOS); "" otherwise or when none is misspelt."""
    if not filters.q or not settings.SEARCH_KEY_TERM_TYPOS:
        return ""
    return corrected_query(filters.q, filters.lang, keep_words=KEY_TERMS_KEEP_WORDS)


class TextRanking:
    """The words alone: see the module docstring."""

    name = "text"

    def ranked(
        self,
        filters: SearchFilters,
        *,
        rescorable: bool = True,
        translated: str | None = None,
        plain: bool = False,
    ) -> RankedQuery:
        """The ranking's parts for `filters`. `rescorable=False` for requests that
        cannot rescore (a walk in sorted batches): the phrase is then scored on
        every match; `translated`, when the caller has it already; `plain`, the
        words alone (`matched_words`)."""
        return self._text_and_words(filters, rescorable, translated, plain)[0]

    def _text_and_words(
        self,
        filters: SearchFilters,
        rescorable: bool,
        translated: str | None,
        plain: bool,
    ) -> tuple[RankedQuery, MatchedWords]:
        """The words' ranking (`ranked`), and the words it matches with."""
        if translated is None:
            translated = query_translation(filters)
        rescoring = self._rescoring(filters, rescorable)
        words = matched_words(filters, translated, plain=plain)
        if rescoring or filters.sort not in BY_SCORE:
            query = words.query()
        else:
            query = words.query_with_phrase()
        ranked = RankedQuery(
            query=query,
            rescore=rescore(words.phrase, words.scorers()) if rescoring else None,
            translated=translated,
            corrected=words.q_corrected,
        )
        return ranked, words

    @staticmethod
    def _rescoring(filters: SearchFilters, rescorable: bool) -> bool:
        return bool(filters.q) and rescorable and filters.sort in BY_SCORE


@dataclass(frozen=True)
class HybridRanking(TextRanking):
    """The words or the query vector's nearest practices, scores summed."""

    name = "hybrid"
    # "inline": the k-NN clause inside the search request; "separate": a k-NN
    # request first, its hits joining the query as id clauses (two requests).
    knn_request: str = "inline"

    def ranked(
        self,
        filters: SearchFilters,
        *,
        rescorable: bool = True,
        translated: str | None = None,
        plain: bool = False,
    ) -> RankedQuery:
        text, words = self._text_and_words(filters, rescorable, translated, plain)
        if not filters.q or vectors_rejected():
            return text
        if self.knn_request == "separate":
            neighbours = nearest_practices(filters.q)
            if neighbours is None:
                return text
            return replace(text, query=self._fused(filters, text, words, neighbours))
        vector = query_vector(vector_words(filters.q))
        if vector is None:
            return text
        selections = filtered_by(filters)
        return replace(
            text,
            query=self._fused(
                filters,
                text,
                words,
                vector,
                selections,
                admitted_about(selections, words),
            ),
            refusable_vectors=True,
        )

    @staticmethod
    def _fused(
        filters: SearchFilters,
        text: RankedQuery,
        words: MatchedWords,
        neighbours: dict[str, float] | list[float],
        selections: list[dict] = (),
        admitted: list[dict] = (),
    ) -> dict:
        """`hybrid_query` of the words' ranking. A request that cannot rescore (a
        walk in sorted batches) but ranks by score adds the phrase and the scorers
        to every practice the fusion finds, as the page's rescore adds them to its
        first matches: a vector neighbour's or an admitted practice's area and
        theme bonuses too, not only those of the words' matches."""
        if text.rescore or filters.sort not in BY_SCORE:
            return hybrid_query(text.query, neighbours, selections, admitted)
        fused = hybrid_query(words.query(), neighbours, selections, admitted)
        return scored_on_every_match(fused, words.phrase, words.scorers())


TEXT = TextRanking()


def chosen_ranking() -> TextRanking:
    """The ranking the settings choose (read per search: tests and the harness
    change them)."""
    if settings.SEARCH_MODE == "hybrid":
        return HybridRanking(knn_request=settings.SEARCH_VECTOR_REQUEST)
    return TEXT


def _vectors_off_key() -> str:
    return f"search:vectors-off:{alias_name()}"


def vectors_rejected() -> str | None:
    """Why the node last refused the vector half of a search, if it did lately."""
    return cache.get(_vectors_off_key())


def vectors_refused(exc: QueryRejected) -> None:
    """The node refused a k-NN clause: search is text only for a while."""
    logger.warning("k-NN query rejected, searching text only: %s", exc)
    cache.set(_vectors_off_key(), str(exc)[:300], VECTORS_OFF_SECONDS)


def nearest_practices(q: str) -> dict[str, float] | None:
    """Practice ids whose vectors lie near the query's, with their scores, from a
    k-NN request of their own; None when vectors are unavailable (no encoder, or the
    node refuses k-NN on this index)."""
    if not q or settings.SEARCH_MODE == "text" or vectors_rejected():
        return None
    vector = query_vector(vector_words(q))
    if vector is None:
        return None
    try:
        return close_enough(run_search(nearest_request(vector))["hits"]["hits"])
    except QueryRejected as exc:
        vectors_refused(exc)
        return None


def nearest_request(vector: list[float]) -> dict:
    """The k-NN request whose hits are the neighbours of a separate vector half."""
    return {
        "size": VECTOR_CANDIDATES,
        "_source": False,
        "query": nearest_query({"vector": vector, "k": VECTOR_CANDIDATES}),
    }


def nearest_query(knn: dict) -> dict:
    """The k-NN query of `knn`'s parameters: over the practices' one vector, or
    (VECTOR_PASSAGES) over their passages, a practice scored by its nearest one."""
    if not VECTOR_PASSAGES:
        return {"knn": {VECTOR_FIELD: knn}}
    return {
        "nested": {
            "path": PASSAGE_FIELD,
            "score_mode": "max",
            "query": {"knn": {f"{PASSAGE_FIELD}.{VECTOR_FIELD}": knn}},
        }
    }


def filtered_by(filters: SearchFilters) -> list[dict]:
    """The selections a search's results must pass (its post filter's clauses)."""
    return list(facet_clauses(filters).values())


def nearest_clause(vector: list[float], selections: list[dict] = ()) -> dict:
    """The vector half as a clause of the main query: the VECTOR_CANDIDATES nearest
    practices scoring at least VECTOR_MIN_SCORE, each scored VECTOR_BOOST times its
    similarity (`min_score` applies to the boosted score).

    With selections (a country, a theme…), the nearest practices among those that
    pass them are a clause too, kept from FILTERED_VECTOR_MIN_SCORE, and their
    SELECTION_NEAREST nearest a third, kept from SELECTION_FLOOR: the whole
    index's nearest hold few of a country's, and the post filter would leave the
    vector half nearly empty. The unfiltered clause stays, so the counts of the
    values not selected are those of the words and the whole index's nearest."""
    nearest = knn_clause(vector, VECTOR_MIN_SCORE)
    if not selections:
        return nearest
    passing = {"bool": {"filter": list(selections)}}
    within = knn_clause(vector, FILTERED_VECTOR_MIN_SCORE, passing)
    nearest_within = knn_clause(vector, SELECTION_FLOOR, passing, SELECTION_NEAREST)
    return {"dis_max": {"queries": [nearest, within, nearest_within]}}


def knn_clause(
    vector: list[float],
    min_score: float,
    within: dict | None = None,
    k: int | None = None,
) -> dict:
    """The `k` (VECTOR_CANDIDATES) nearest practices, `within` a filter if given,
    kept from `min_score` and scored VECTOR_BOOST times their similarity."""
    knn = {"vector": vector, "k": k or VECTOR_CANDIDATES}
    if within:
        # Lucene's filtered search: exact over the practices that pass when they are
        # few, the graph otherwise; either way the k nearest of those that pass.
        knn["filter"] = within
    return {
        "function_score": {
            "query": nearest_query(knn),
            "boost": VECTOR_BOOST,
            "min_score": VECTOR_BOOST * min_score,
        }
    }


def close_enough(hits: list[dict]) -> dict[str, float]:
    return {
        hit["_id"]: hit["_score"] for hit in hits if hit["_score"] >= VECTOR_MIN_SCORE
    }


def vector_query(neighbours: dict[str, float]) -> dict:
    """The neighbours a k-NN request found, each scored as near as it is."""
    if not neighbours:
        return {"match_none": {}}  # an empty bool would match everything
    return {
        "bool": {
            "should": [
                {
                    "constant_score": {
                        "filter": {"ids": {"values": [doc_id]}},
                        "boost": round(VECTOR_BOOST * score, 4),
                    }
                }
                for doc_id, score in neighbours.items()
            ]
        }
    }


def admitted_about(selections: list[dict], words: MatchedWords) -> list[dict]:
    """The clauses that let in the selections' practices about the query's
    areas (AREA_ADMITTED) and themes (THEME_ADMITTED), whatever their words."""
    return area_admitted(selections, words.areas) + area_admitted(
        selections, words.themes, THEMES_FIELD, THEME_ADMITTED
    )


def area_admitted(
    selections: list[dict],
    areas: tuple[str, ...],
    field: str = AREAS_FIELD,
    score: float | None = None,
) -> list[dict]:
    """The practices the selections leave that are about one of `areas` (themes,
    with THEMES_FIELD), as a clause scored `score` (AREA_ADMITTED), when there
    are selections and areas and the score is not 0."""
    score = AREA_ADMITTED if score is None else score
    if not (score and selections and areas):
        return []
    about = about_areas(areas, field)
    return [
        {
            "constant_score": {
                "filter": {"bool": {"filter": [*selections, about]}},
                "boost": score,
            }
        }
    ]


def hybrid_query(
    words: dict,
    neighbours: dict[str, float] | list[float],
    selections: list[dict] = (),
    admitted: list[dict] = (),
) -> dict:
    """Score fusion: the words' score plus the neighbour's scaled similarity. The
    neighbours are the query vector (one request: `nearest_clause`, with the
    search's `selections`) or the ids and scores a k-NN request found before (two
    requests)."""
    if not neighbours:
        return words
    nearest = (
        vector_query(neighbours)
        if isinstance(neighbours, dict)
        else nearest_clause(neighbours, selections)
    )
    return {"bool": {"should": [words, nearest, *admitted], "minimum_should_match": 1}}
