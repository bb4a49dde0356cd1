"""How to cite a practice page: author, title, site, address, date and the day it
was read, in the reader's language, each piece ending in one mark of punctuation.

The address is shown decoded ("obra-pública", not "obra-p%C3%BAblica"); the link
keeps the encoded form browsers send.
"""

import datetime
from dataclasses import dataclass

from django.utils import formats, timezone, translation
from django.utils.encoding import uri_to_iri
from django.utils.translation import gettext as _

CLOSING_MARKS = (".", "?", "!", "…", "»", "”")


def ended(text: str, mark: str = ".") -> str:
    """`text` followed by `mark`, unless it already ends a sentence ("¿…?", "…")."""
    text = text.strip()
    return text if text.endswith(CLOSING_MARKS) else text + mark


@dataclass(frozen=True)
class Citation:
    author: str
    year: str
    date: str
    title: str
    site: str
    url: str
    shown_url: str
    accessed: str

    @property
    def parts(self) -> dict[str, str]:
        """Each piece with its closing mark, for the page to set apart."""
        return {
            "author": ended(self.author),
            "date": f"({self.date}).",
            "title": ended(self.title),
            "site": ended(self.site),
            "url": self.shown_url,
            "accessed": f"({self.accessed}).",
        }

    @property
    def text(self) -> str:
        """One line, as pasted into a document."""
        return " ".join(self.parts.values())


def cite(page, url: str, title: str | None = None, today=None) -> Citation:
    """`title`: the one the reader sees (a machine translation's, when shown)."""
    language = translation.get_language() or "es"
    published = page.last_published_at or page.first_published_at
    day = timezone.localtime(published).date() if published else None
    today = today or timezone.localdate()
    return Citation(
        author=_("Repertorio editorial team"),
        year=str(day.year) if day else "",
        date=_long_date(day, language) if day else _("n.d."),
        title=title or page.title,
        site=_("Repertorio: open government practices"),
        url=url,
        shown_url=uri_to_iri(url),
        accessed=_("accessed %(day)s") % {"day": _long_date(today, language)},
    )


def _long_date(day: datetime.date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")
