"""Typo tolerance on key terms: a query word that is no glossary word, but one or two
edits from exactly the nearest one, is read as that word as well.

The glossary (taxonomy/glossary.csv) holds the terms officials search for;
a typo inside one ("declaraciones patrimoniles", "cabildreos") otherwise misses its
synonyms, and with them every practice written in the other language. The corrected
query is matched beside the query as typed (`query.matching_query`), so a word the
glossary lacks loses nothing.

The glossary's phrases a text names (`key_phrases_in`) are matched as phrases by the
practice finder (an official's problem, search/finder.py) and by search (the words,
search/ranking.py `named_key_phrases`), both with `query.key_phrase_query`.
"""

import functools
import os
import re
from collections.abc import Iterable

from kb.text import fold as folded_words
from practices.translation import known_words
from taxonomy.glossary import glossary

from .synonyms import concept_phrases, fold

# Punctuation around a word, which `fold` keeps: "cabildreos?" ends a question.
_AROUND_WORD = re.compile(r"^\W+|\W+$")
SHORTEST_CORRECTED = 5  # shorter words are too close to too many others
TWO_EDITS_FROM = 10  # words this long may be two edits away, shorter ones one


@functools.cache
def key_term_words(language: str) -> frozenset[str]:
    """Every word of the glossary's phrases in `language` and of their plurals,
    folded. Read once per process: the file changes only with a deployment."""
    return frozenset(
        word
        for entry in glossary()
        for phrase in concept_phrases(entry, language)
        for word in phrase.split()
        if word.isalpha()
    )


def corrected_query(q: str, language: str, *, keep_words: bool = True) -> str:
    """`q` folded with each misspelt key term of `language` replaced ("" when
    nothing changed). One language's terms only: a correct word of the other is
    often one edit from a glossary term.

    With `keep_words`, a word of the language is no typo, however near a term:
    "protect" stays, though one edit from the glossary's "protest", as do
    "publicar" ("publicas") and "institución" ("institucional"). Apertium's
    dictionary of the language tells (`words_of_language`), asked only about the
    words about to be corrected, so most searches never ask it."""
    words = [_AROUND_WORD.sub("", word) for word in fold(q).split()]
    words = [word for word in words if word]
    vocabulary = key_term_words(language)
    nearest = {word: _nearest(word, vocabulary) for word in set(words)}
    nearest = {word: term for word, term in nearest.items() if term}
    if nearest and keep_words:
        for word in words_of_language(q, nearest, language):
            del nearest[word]
    corrected = [nearest.get(word, word) for word in words]
    return " ".join(corrected) if corrected != words else ""


_TYPED_WORD = re.compile(r"\w+")


def words_of_language(q: str, words: Iterable[str], language: str) -> set[str]:
    """Those of `words` (folded words of `q`) that Apertium's dictionary of
    `language` knows as `q` writes them, accents and all; none when Apertium is
    unavailable. "institución" is a word; "institucion" is not asked with its
    accents restored, which would make a typo one too ("pubicas", "púbicas",
    where "públicas" was meant)."""
    typed = {fold(token): token.lower() for token in _TYPED_WORD.findall(q)}
    asked = {word: typed.get(word, word) for word in words}
    known = known_words(set(asked.values()), language) or set()
    return {word for word, form in asked.items() if form in known}


def _nearest(word: str, vocabulary: frozenset[str]) -> str | None:
    if len(word) < SHORTEST_CORRECTED or word in vocabulary or not word.isalpha():
        return None
    limit = 1 if len(word) < TWO_EDITS_FROM else 2
    # Like the index's fuzzy matching (prefix_length 1): typos rarely hit the first
    # letter, and it keeps the candidates few.
    candidates = [
        (distance, other)
        for other in vocabulary
        if other[0] == word[0] and abs(len(other) - len(word)) <= limit
        for distance in [edit_distance(word, other, limit)]
        if distance <= limit
    ]
    if not candidates:
        return None
    nearest = min(distance for distance, _other in candidates)
    tied = sorted(other for distance, other in candidates if distance == nearest)
    same_length = [other for other in tied if len(other) == len(word)]
    if len(tied) == 1 or len(same_length) == 1:
        return (same_length or tied)[0]  # a letter swapped or replaced, first
    if len(os.path.commonprefix(tied)) >= len(word) - 2:
        return tied[0]  # forms of one word ("abierto", "abiertos")
    return None  # two terms as near: the typo could be either


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (a swap of neighbours is one edit), or limit + 1
    as soon as it must exceed `limit`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, start=1):
            cost = 0 if char == other else 1
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost
            )
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@functools.cache
def key_phrases(language: str) -> frozenset[str]:
    """The glossary's phrases of two words or more in `language` (and their
    plurals), folded, as words: "public-private partnership" is "public private
    partnership", as a problem's text is read (`key_phrases_in`)."""
    return frozenset(
        folded_words(phrase)
        for entry in glossary()
        for phrase in concept_phrases(entry, language)
        if len(phrase.split()) > 1
    )


def key_phrases_in(text: str, language: str) -> list[str]:
    """The glossary phrases of `language` that `text` names, folded, longest first;
    a phrase inside a longer one named too is left out ("acceso a la informacion"
    in "ley de acceso a la informacion")."""
    words = f" {folded_words(text)} "
    named = sorted(
        (phrase for phrase in key_phrases(language) if f" {phrase} " in words),
        key=lambda phrase: (-len(phrase), phrase),
    )
    kept: list[str] = []
    for phrase in named:
        if not any(f" {phrase} " in f" {longer} " for longer in kept):
            kept.append(phrase)
    return kept
