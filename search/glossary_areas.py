"""The fields of public administration a practice is about, and those a query asks
for, read from the glossary's areas (taxonomy/glossary.csv: integrity, budget,
procurement, participation…).

A practice is about an area when its own text (title, summary, sections; not a
machine translation) names AREA_MENTIONS of the area's phrases or more, counted
in one language; a query asks for an area when it names one of its phrases. The
search ranks a practice about the query's area above one that shares the query's
words in passing (search/ranking.py AREA_BONUS).
"""

import functools
from collections import Counter
from collections.abc import Iterable

from kb.text import fold as folded_words
from taxonomy.glossary import glossary

from .synonyms import concept_phrases

# Mentions of an area's phrases (repeats count) that make a practice about it.
AREA_MENTIONS = 5


@functools.cache
def _phrase_areas() -> dict[tuple[str, ...], str]:
    """Every glossary phrase and its plural, as folded words, and its row's area.
    Read once per process: the file changes only with a deployment."""
    areas: dict[tuple[str, ...], str] = {}
    for entry in glossary():
        if not entry.area:
            continue
        for phrase in concept_phrases(entry):
            words = tuple(folded_words(phrase).split())
            if words:
                areas.setdefault(words, entry.area)
    return areas


@functools.cache
def _longest_phrase() -> int:
    return max((len(words) for words in _phrase_areas()), default=0)


def area_mentions(text: str) -> Counter:
    """How many times `text` names a phrase of each area; where phrases overlap,
    the longest at a position counts and the words it covers are not read again
    ("ley de acceso a la información" is one mention)."""
    phrases, longest = _phrase_areas(), _longest_phrase()
    words = folded_words(text).split()
    mentions: Counter = Counter()
    position = 0
    while position < len(words):
        step = 1
        for length in range(min(longest, len(words) - position), 0, -1):
            area = phrases.get(tuple(words[position : position + length]))
            if area:
                mentions[area] += 1
                step = length
                break
        position += step
    return mentions


def practice_areas(texts_by_language: Iterable[str]) -> list[str]:
    """The areas a practice is about: named AREA_MENTIONS times in one of its
    languages' text (each item of `texts_by_language` one language's)."""
    about: set[str] = set()
    for text in texts_by_language:
        about |= {
            area
            for area, count in area_mentions(text).items()
            if count >= AREA_MENTIONS
        }
    return sorted(about)


def query_areas(*texts: str) -> list[str]:
    """The areas whose phrases the query's words name (as typed, corrected)."""
    return sorted({area for text in texts if text for area in area_mentions(text)})
