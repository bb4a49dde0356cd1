"""Which texts of a practice page are translated, and their keys."""

import hashlib
import html

from kb.text import plain_text
from practices.sections import RICH_TEXT_SECTIONS

LANGUAGES = ("es", "en")
RICH_TEXT = RICH_TEXT_SECTIONS
FIELDS = ("title", "summary", *RICH_TEXT)


def other_language(language: str) -> str | None:
    if language not in LANGUAGES:
        return None
    return "en" if language == "es" else "es"


def paragraphs_markup(text: str) -> str:
    """Plain paragraphs back into rich text, escaped."""
    return "".join(
        f"<p>{html.escape(block.strip())}</p>"
        for block in text.split("\n\n")
        if block.strip()
    )


def source_texts(page) -> dict[str, str]:
    """The page's translatable texts by field (each body section on its own, as
    plain paragraphs), empty ones left out."""
    texts = {"title": page.title, "summary": page.summary}
    texts |= {name: plain_text(getattr(page, name)) for name in RICH_TEXT}
    return {name: text.strip() for name, text in texts.items() if text and text.strip()}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
