"""The fields of public administration a practice is about, and those a query asks
for, read from two of the glossary's columns (taxonomy/glossary.csv): its `area`
(13 broad fields: integrity, budget, procurement, participation…) and its `theme`
(the product's 26 themes, taxonomy/vocabularies.py: lobbying, participatory
budgeting, open contracting…; empty for vocabulary any theme's practices use).

A practice is about an area (a theme) when its own text in one language (title,
summary, sections; not a machine translation) names AREA_MENTIONS
(THEME_MENTIONS) of its phrases in that language or more; a query asks for one when
it names one of its phrases in the query's language (or, naming none, in the
other: an English query on the Spanish site). Each language is read with its own
phrases, so Spanish "mayor" (greater) is not English "mayor" (alcalde), nor
"media" the media. The search ranks a practice about the query's area or theme
above one that shares the query's words in passing (search/ranking.py AREA_BONUS,
THEME_BONUS).
"""

import functools
import html
from collections import Counter
from collections.abc import Iterable

from kb.text import fold as folded_words
from taxonomy.glossary import glossary

from .synonyms import concept_phrases

# The glossary's columns read, and the mentions (repeats count) of a column's
# value that make a practice about it.
AREA = "area"
THEME = "theme"
AREA_MENTIONS = 5
THEME_MENTIONS = 3
MENTIONS = {AREA: AREA_MENTIONS, THEME: THEME_MENTIONS}
# A practice's own text, which its areas and themes are read in: these fields of the
# search document in each language (`<field>_<language>`); not its terms, nor a
# machine translation. The body holds the problem section already.
OWN_TEXT_FIELDS = ("title", "summary", "body")


def own_texts(fields: dict, languages: Iterable[str]) -> dict[str, str]:
    """A practice's own text in each of `languages` it has (OWN_TEXT_FIELDS of
    `fields`: the search document, or what the index holds of it), in the words a
    reader sees: the sections keep their rich text's character references
    ("citizens&#x27; assemblies")."""
    texts = {}
    for language in languages:
        parts = [fields.get(f"{name}_{language}") or "" for name in OWN_TEXT_FIELDS]
        if any(parts):
            texts[language] = html.unescape(" ".join(parts))
    return texts


@functools.cache
def _phrase_values(language: str | None, column: str) -> dict[tuple[str, ...], str]:
    """Every glossary phrase of `language` (None: both) and its plural, as folded
    words, and its row's value in `column` ("" where the row has none: the phrase
    still takes its words from a shorter one). Read once per process: the file
    changes only with a deployment."""
    values: dict[tuple[str, ...], str] = {}
    for entry in glossary():
        for phrase in concept_phrases(entry, language):
            words = tuple(folded_words(phrase).split())
            if words:
                values.setdefault(words, getattr(entry, column))
    return values


@functools.cache
def _longest_phrase(language: str | None, column: str) -> int:
    """The most words a phrase of `_phrase_values` has: read once, not per text
    (a search reads the query several times)."""
    return max((len(words) for words in _phrase_values(language, column)), default=0)


def mentions(
    text: str,
    language: str | None = None,
    ignored: frozenset[str] = frozenset(),
    column: str = AREA,
) -> Counter:
    """How many times `text` names a phrase of each value of `column` in
    `language` (None: in either); where phrases overlap, the longest at a position
    counts and the words it covers are not read again ("ley de acceso a la
    información" is one mention). A phrase made of `ignored` words alone names
    none (a question's asking words: "otros municipios")."""
    phrases = _phrase_values(language, column)
    longest = _longest_phrase(language, column)
    words = folded_words(text).split()
    found: Counter = Counter()
    position = 0
    while position < len(words):
        step = 1
        for length in range(min(longest, len(words) - position), 0, -1):
            named = tuple(words[position : position + length])
            if named in phrases:
                value = phrases[named]
                if value and not ignored.issuperset(named):
                    found[value] += 1
                step = length
                break
        position += step
    return found


def area_mentions(
    text: str, language: str | None = None, ignored: frozenset[str] = frozenset()
) -> Counter:
    return mentions(text, language, ignored, AREA)


def practice_about(texts_by_language: dict[str, str], column: str) -> list[str]:
    """The areas (themes) a practice is about: named MENTIONS[column] times in one
    of its languages' text (`texts_by_language`: language code -> its text)."""
    about: set[str] = set()
    for language, text in texts_by_language.items():
        about |= {
            value
            for value, count in mentions(text, language, column=column).items()
            if count >= MENTIONS[column]
        }
    return sorted(about)


def practice_areas(texts_by_language: dict[str, str]) -> list[str]:
    return practice_about(texts_by_language, AREA)


def practice_themes(texts_by_language: dict[str, str]) -> list[str]:
    return practice_about(texts_by_language, THEME)


def query_asks(
    *texts: str,
    language: str,
    ignored: frozenset[str] = frozenset(),
    column: str = AREA,
) -> list[str]:
    """The areas (themes) whose phrases in `language` the query's words name (as
    typed, corrected), or, naming none, whose phrases in the other language they
    name; but for phrases of `ignored` words alone."""
    for phrases_of in (language, None):
        named = {
            value
            for text in texts
            if text
            for value in mentions(text, phrases_of, ignored, column)
        }
        if named:
            return sorted(named)
    return []


def query_areas(
    *texts: str, language: str, ignored: frozenset[str] = frozenset()
) -> list[str]:
    return query_asks(*texts, language=language, ignored=ignored, column=AREA)


def query_themes(
    *texts: str, language: str, ignored: frozenset[str] = frozenset()
) -> list[str]:
    return query_asks(*texts, language=language, ignored=ignored, column=THEME)
