"""Measures of written content: filler, shared sentences, language, figures.

Pure functions over plain text, shared by the writers' check
(`python -m practices.demo.check_cases`), `manage.py content_report` and the tests.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from practices.written_language import language_of

# Sentences that send the reader elsewhere instead of saying what happened.
DEFERRING = re.compile(
    r"enlazad[oa]s? en las fuentes|ver (la|las) fuentes?|consulte (la|las) fuente"
    r"|(la|las) fuentes? (describe|detalla|explica)n?|no han sido revisad[oa]s"
    r"|linked in the sources|see the sources?|the sources? (describes?|details?)"
    r"|describes its scope|have not yet been reviewed|for more information"
    r"|para más información|más detalles en",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“¿¡(A-ZÁÉÍÓÚÑ0-9])")
# A word, or a number with its separators as one token ("27.275", "1,500").
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+", re.UNICODE)
# A figure: digits with thousands separators and an optional decimal part.
FIGURE = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_NAME_WORD = re.compile(r"\w+", re.UNICODE)
MIN_WORDS_FOR_LANGUAGE = 5
LANGUAGE_CONFIDENCE = 0.9


def sentences(text: str) -> list[str]:
    text = " ".join((text or "").split())
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text or "")


def sentence_key(sentence: str) -> str:
    return " ".join(w.lower() for w in words(sentence))


def sentence_skeleton(sentence: str) -> str:
    """The sentence's shape: numbers and capitalised words (names) masked."""
    shape = " ".join(
        "#" if token[0].isdigit() else "N" if token[0].isupper() else token.lower()
        for token in words(sentence)
    )
    # A name of several words is one name: "Ciudad de México" and "Jalisco" alike.
    shape = _NAME_JOINER.sub("N", shape)
    return re.sub(r"\b([N#])(?: \1\b)+", r"\1", shape)


_NAME_JOINER = re.compile(r"\bN(?: (?:de|del|la|las|los|el|y|e|of|the|and|N))* N\b")


def normalise_figure(figure: str) -> str:
    return re.sub(r"\D", "", figure)


def figures(text: str) -> list[str]:
    return [normalise_figure(m.group()) for m in FIGURE.finditer(text or "")]


def deferring_sentences(text: str) -> list[str]:
    return [s for s in sentences(text) if DEFERRING.search(s)]


def shared_sentences(texts_by_item: dict[str, Iterable[str]], limit: int) -> dict:
    """Sentences (or shapes) that stand in more than `limit` items: text -> items."""
    return _shared(texts_by_item, limit, sentence_key)


def shared_skeletons(texts_by_item: dict[str, Iterable[str]], limit: int) -> dict:
    return _shared(texts_by_item, limit, sentence_skeleton)


def _shared(texts_by_item, limit, key_of) -> dict:
    items_by_key = defaultdict(set)
    for item, texts in texts_by_item.items():
        for text in texts:
            for sentence in sentences(text):
                key = key_of(sentence)
                if len(key.split()) >= 4:
                    items_by_key[key].add(item)
    return {k: sorted(v) for k, v in items_by_key.items() if len(v) > limit}


def ngrams(text: str, size: int = 8) -> set[int]:
    tokens = [_fold(w) for w in words(text)]
    return {hash(" ".join(tokens[i : i + size])) for i in range(len(tokens) - size + 1)}


def shared_runs(text: str, source_ngrams: set[int], size: int = 8) -> list[str]:
    """Runs of `size` words of `text` that also stand in the sources."""
    tokens = words(text)
    folded = [_fold(w) for w in tokens]
    runs = []
    for i in range(len(tokens) - size + 1):
        run = tokens[i : i + size]
        if _mostly_names(run):
            continue  # a list of proper names is a fact, not a sentence
        if hash(" ".join(folded[i : i + size])) in source_ngrams:
            runs.append(" ".join(run))
    return runs


def _mostly_names(run: list[str]) -> bool:
    return sum(1 for w in run if w[:1].isupper() or w[:1].isdigit()) * 2 >= len(run)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def foreign_sentences(
    text: str, language: str, names: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """Sentences that an offline identifier reads, confidently, as another language.

    The capitalised words of `names` (institutions, partners, places) are masked
    first: a proper name is not a sentence in its language.
    """
    masked_words = {w for name in names for w in words(name) if w[:1].isupper()}
    found = []
    for sentence in sentences(text):
        if len(words(sentence)) < MIN_WORDS_FOR_LANGUAGE:
            continue
        masked = _NAME_WORD.sub(
            lambda m: "X" if m.group() in masked_words else m.group(), sentence
        )
        detected, confidence = language_of(masked)
        if detected != language and confidence >= LANGUAGE_CONFIDENCE:
            found.append((sentence, detected))
    return found


def median(values: list[int]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2
