"""Which texts of a practice page are translated, and their keys."""

import hashlib

from django.utils.html import strip_tags

LANGUAGES = ("es", "en")
FIELDS = ("title", "summary", "body")
RICH_TEXT = ("problem", "actions", "results", "lessons")


def other_language(language: str) -> str | None:
    if language not in LANGUAGES:
        return None
    return "en" if language == "es" else "es"


def body_text(page) -> str:
    return "\n\n".join(
        " ".join(strip_tags(getattr(page, name)).split())
        for name in RICH_TEXT
        if getattr(page, name)
    )


def source_texts(page) -> dict[str, str]:
    """The page's translatable texts by field, empty ones left out."""
    texts = {"title": page.title, "summary": page.summary, "body": body_text(page)}
    return {name: text.strip() for name, text in texts.items() if text and text.strip()}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
