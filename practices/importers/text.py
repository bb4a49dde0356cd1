"""Catalogue text made fit for a record: summaries shortened, languages guessed,
junk titles caught (the markup itself: practices/records/rich_text.py)."""

import re

from practices.models.practice_page import SUMMARY_MAX_LENGTH


def shorten(text: str, limit: int = SUMMARY_MAX_LENGTH) -> str:
    """At most `limit` characters, cut at a sentence or word boundary."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence_end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"


SPANISH_MARKERS = {
    "de",
    "la",
    "que",
    "el",
    "los",
    "las",
    "para",
    "con",
    "por",
    "una",
    "del",
    "y",
}
ENGLISH_MARKERS = {
    "the",
    "and",
    "of",
    "to",
    "for",
    "with",
    "by",
    "a",
    "an",
    "is",
    "on",
    "will",
}


def guess_language(text: str) -> str:
    """'es' or 'en' by counting common function words; good enough for catalogue rows."""
    words = re.findall(r"[a-záéíóúñ]+", (text or "").lower())
    spanish = sum(1 for w in words if w in SPANISH_MARKERS)
    english = sum(1 for w in words if w in ENGLISH_MARKERS)
    return "es" if spanish > english else "en"


# Words that mark a record typed to try the catalogue out, not a practice.
_JUNK = re.compile(
    r"\b(test\d*|testing\d*|prueba\d*|lorem ipsum|asdf\w*|qwerty|xxx+|dummy|borrar)\b",
    re.IGNORECASE,
)


def junk_in_title(title: str) -> str | None:
    """The word that makes a title look like a test entry ("test22"), or None."""
    match = _JUNK.search(title or "")
    return match.group(0) if match else None
