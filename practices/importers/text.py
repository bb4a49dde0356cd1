"""Turning catalogue text into safe page content."""

import html
import re

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from practices.models.practice_page import SUMMARY_MAX_LENGTH
from practices.sections import RICH_TEXT_FEATURES

_converter = None
# Plain paragraphs: no other tag, no attribute, no entity, no control character. The
# editor keeps them as they are but for quotes, which it escapes; they need no
# parsing (most catalogue text is this).
_PLAIN_PARAGRAPHS = re.compile(r"(?:<p>[^<>&\x00-\x1f\x7f-\x9f]*</p>)+")


def paragraphs_html(text: str) -> str:
    """Plain text to escaped <p> paragraphs, one per blank-line-separated block."""
    blocks = [
        b.strip() for b in re.split(r"\n\s*\n|\r\n\s*\r\n", text or "") if b.strip()
    ]
    return "".join(f"<p>{html.escape(' '.join(block.split()))}</p>" for block in blocks)


def sanitise_rich_text(markup: str) -> str:
    """Keep only what the rich text editor allows (no scripts, styles or handlers)."""
    global _converter
    if not markup:
        return ""
    if _PLAIN_PARAGRAPHS.fullmatch(markup):
        return markup.replace('"', "&quot;").replace("'", "&#x27;")
    if _converter is None:
        _converter = EditorHTMLConverter(features=RICH_TEXT_FEATURES)
    return _converter.to_database_format(markup)


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
