"""The fields of public administration a practice is about, and those a query asks
for, read from the glossary's areas (taxonomy/glossary.csv: integrity, budget,
procurement, participation…).

A practice is about an area when its own text in one language (title, summary,
sections; not a machine translation) names AREA_MENTIONS of the area's phrases in
that language or more; a query asks for an area when it names one of its phrases
in the query's language (or, naming none, in the other: an English query on the
Spanish site). Each language is read with its own phrases, so Spanish "mayor"
(greater) is not English "mayor" (alcalde), nor "media" the media. The
search ranks a practice about the query's area above one that shares the query's
words in passing (search/ranking.py AREA_BONUS).
"""

import functools
from collections import Counter

from kb.text import fold as folded_words
from taxonomy.glossary import glossary

from .synonyms import concept_phrases

# Mentions of an area's phrases (repeats count) that make a practice about it.
AREA_MENTIONS = 5


@functools.cache
def _phrase_areas(language: str | None) -> dict[tuple[str, ...], str]:
    """Every glossary phrase of `language` (None: both) and its plural, as folded
    words, and its row's area. Read once per process: the file changes only with a
    deployment."""
    areas: dict[tuple[str, ...], str] = {}
    for entry in glossary():
        if not entry.area:
            continue
        for phrase in concept_phrases(entry, language):
            words = tuple(folded_words(phrase).split())
            if words:
                areas.setdefault(words, entry.area)
    return areas


def area_mentions(
    text: str, language: str | None = None, ignored: frozenset[str] = frozenset()
) -> Counter:
    """How many times `text` names a phrase of each area in `language` (None: in
    either); where phrases overlap, the longest at a position counts and the words
    it covers are not read again ("ley de acceso a la información" is one mention).
    A phrase made of `ignored` words alone names none (a question's asking words:
    "otros municipios")."""
    phrases = _phrase_areas(language)
    longest = max((len(words) for words in phrases), default=0)
    words = folded_words(text).split()
    mentions: Counter = Counter()
    position = 0
    while position < len(words):
        step = 1
        for length in range(min(longest, len(words) - position), 0, -1):
            area = phrases.get(tuple(words[position : position + length]))
            if area:
                if not ignored.issuperset(words[position : position + length]):
                    mentions[area] += 1
                step = length
                break
        position += step
    return mentions


def practice_areas(texts_by_language: dict[str, str]) -> list[str]:
    """The areas a practice is about: named AREA_MENTIONS times in one of its
    languages' text (`texts_by_language`: language code -> its text)."""
    about: set[str] = set()
    for language, text in texts_by_language.items():
        about |= {
            area
            for area, count in area_mentions(text, language).items()
            if count >= AREA_MENTIONS
        }
    return sorted(about)


def query_areas(
    *texts: str, language: str, ignored: frozenset[str] = frozenset()
) -> list[str]:
    """The areas whose phrases in `language` the query's words name (as typed,
    corrected), or, naming none, whose phrases in the other language they name;
    but for phrases of `ignored` words alone."""
    for phrases_of in (language, None):
        named = {
            area
            for text in texts
            if text
            for area in area_mentions(text, phrases_of, ignored)
        }
        if named:
            return sorted(named)
    return []
