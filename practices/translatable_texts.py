"""Which texts of a practice page are translated, and their keys.

Outside practices/translation/ so that the models can read stored translations
without importing the translation service, which imports them."""

import hashlib

from kb.text import plain_text
from kb.translations import site_languages
from practices.sections import RICH_TEXT_SECTIONS

FIELDS = ("title", "summary", *RICH_TEXT_SECTIONS)


def other_language(language: str) -> str | None:
    """The site's other language, the one a practice is machine-translated into."""
    languages = site_languages()
    if language not in languages:
        return None
    others = [code for code in languages if code != language]
    return others[0] if others else None


def source_texts(page) -> dict[str, str]:
    """The page's translatable texts by field (each body section on its own, as
    plain paragraphs), empty ones left out."""
    texts = {"title": page.title, "summary": page.summary}
    texts |= {name: plain_text(getattr(page, name)) for name in RICH_TEXT_SECTIONS}
    return {name: text.strip() for name, text in texts.items() if text and text.strip()}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
