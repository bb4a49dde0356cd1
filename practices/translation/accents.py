"""Spanish typed without accents, given back its accents before Apertium reads it.

Apertium's Spanish dictionary knows "transformación", not "transformacion": an
unaccented word it does not know passed through untranslated ("transformacion
digital del gobierno" -> "transformacion Digital of the government"). And some
words typed without their accent are another word, a verb form: "publica" (it
publishes) for "pública", "tramites" for "trámites", "genero" for "género"
("Education publishes" for "educacion publica").

So a word the dictionary does not know, or knows only as a verb, is tried with
each written accent Spanish allows on one vowel, and with an "ñ" for an "n"; the
first spelling the dictionary knows (for a verb form: knows as something else
than a verb, since a search names things) replaces it. Any other word stays as
typed ("campanas" is a word, bells, though "campañas" is meant more often).
"""

import re
from collections.abc import Callable, Iterable

# Spanish writes at most one acute accent in a word.
ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
# Apertium's word classes of verbs (lexical, "ser", "haber", modal, auxiliary).
VERB_CLASSES = frozenset({"vblex", "vbser", "vbhaver", "vbmod", "vaux"})
_WORD = re.compile(r"[^\W\d_]+")

WordClasses = Callable[[Iterable[str]], dict[str, set[str]] | None]


def accent_candidates(word: str) -> list[str]:
    """`word` (lower case, no accent) with one accent, or one "ñ", or both; in
    the order tried: accents from the last vowel back (Spanish stresses near the
    end), then the same with an "ñ"."""
    accented = [
        word[:i] + ACCENTED[letter] + word[i + 1 :]
        for i, letter in reversed(list(enumerate(word)))
        if letter in ACCENTED
    ]
    with_enye = [
        spelling[:i] + "ñ" + spelling[i + 1 :]
        for spelling in (word, *accented)
        for i, letter in enumerate(spelling)
        if letter == "n"
    ]
    return accented + with_enye


def with_accents(q: str, classes: WordClasses, *, unknown_words: bool = True) -> str:
    """`q` with its unaccented words the dictionary does not know, or knows only
    as verbs, spelt as the dictionary knows them (see the module's docstring).
    `classes`: the dictionary's lookup, the words of those given it knows with
    their word classes, or None without a dictionary; `unknown_words=False`: the
    verb forms alone are spelt again."""
    words = {
        word.lower() for word in _WORD.findall(q) if word.isascii() and len(word) > 2
    }
    if not words:
        return q
    known = classes(words)
    if known is None:
        return q
    doubtful = {
        word: accent_candidates(word)
        for word in words
        if (unknown_words and word not in known)
        or (word in known and known[word] <= VERB_CLASSES)
    }
    candidates = {c for spellings in doubtful.values() for c in spellings}
    found = classes(candidates) if candidates else {}
    if not found:
        return q
    spelled = {
        word: next(
            (
                c
                for c in spellings
                if c in found and (word not in known or found[c] - VERB_CLASSES)
            ),
            None,
        )
        for word, spellings in doubtful.items()
    }

    def respell(match: re.Match) -> str:
        typed = match.group(0)
        better = spelled.get(typed.lower())
        if not better:
            return typed
        return better.capitalize() if typed[:1].isupper() else better

    return _WORD.sub(respell, q)
