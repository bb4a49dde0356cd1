"""Every column of the open dataset: name, type, meaning, vocabulary and value.

A practice is a translation group (the Spanish and English pages sharing a
translation key); its id is that key, the same id the search API returns. Text is
given per language; classification is shared, as codes (slugs and ISO codes) with
labels in the language the export was asked in.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from kb.text import plain_text
from practices.facets import FACETS, Facet
from practices.models import PracticePage
from practices.sections import RICH_TEXT_SECTIONS

LICENCE_URL = "https://creativecommons.org/licenses/by-nc-sa/4.0/"
# The languages of the format's per-language columns (`title_es`, `title_en`): part
# of the published format (docs/interchange-format.md), fixed as data like the index
# mapping's analyzers, not read from the settings at import time.
FORMAT_LANGUAGES = ("es", "en")


@dataclass
class PracticeGroup:
    """The live pages of one practice, and how to address them."""

    key: str
    pages: dict[str, PracticePage]
    lang: str
    url_for: Callable[[PracticePage], str]
    # Each facet's terms, found once for the code and the label columns.
    terms: dict = field(default_factory=dict, repr=False)

    @property
    def primary(self) -> PracticePage:
        for page in self.pages.values():
            if page.locale.language_code == page.original_language:
                return page
        return next(iter(self.pages.values()))

    def page(self, language: str) -> PracticePage | None:
        return self.pages.get(language)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    meaning: Any
    value: Callable[[PracticeGroup], Any]
    vocabulary: str | None = None
    # The CSV header a reader sees, in the language of the export; `name` is the
    # code (`headers=codes`), the same in every language and in JSON.
    heading: Any = None

    @property
    def is_list(self) -> bool:
        return self.kind.startswith("list")

    @property
    def title(self) -> str:
        """The heading in the active language."""
        return str(self.heading) if self.heading is not None else self.name


def _formatted(message, **params) -> Any:
    """A translatable message with placeholders, translated when it is shown."""
    return lazy(lambda: str(message) % {k: str(v) for k, v in params.items()}, str)()


def _text(name: str, language: str) -> Callable[[PracticeGroup], Any]:
    def value(group: PracticeGroup):
        page = group.page(language)
        if page is None:
            return None
        raw = getattr(page, name)
        return plain_text(raw) if name in RICH_TEXT_SECTIONS else raw

    return value


def _url(language: str) -> Callable[[PracticeGroup], Any]:
    def value(group: PracticeGroup):
        page = group.page(language)
        return group.url_for(page) if page is not None else None

    return value


def facet_terms(facet: Facet, group: PracticeGroup) -> list:
    """The terms of one facet a practice holds itself (no ancestors), by value."""
    if facet.name in group.terms:
        return group.terms[facet.name]
    pages = list(group.pages.values()) if facet.across_translations else [group.primary]
    terms = {
        facet.value_of(term): term
        for page in pages
        for term in facet.term_objects(page)
    }
    group.terms[facet.name] = [terms[value] for value in sorted(terms)]
    return group.terms[facet.name]


def facet_label(facet: Facet, term, language: str) -> str:
    if hasattr(term, "label"):
        return term.label(language)
    value = facet.value_of(term)
    fixed = {t.value: t for t in facet.fixed_terms}
    if value not in fixed:
        return value
    return fixed[value].label_en if language == "en" else fixed[value].label_es


def _facet_value(facet: Facet, *, label: bool):
    def value(group: PracticeGroup):
        values = [
            facet_label(facet, term, group.lang) if label else facet.value_of(term)
            for term in facet_terms(facet, group)
        ]
        if facet.multiple:
            return values
        return values[0] if values else None

    return value


def _facet_columns() -> list[Column]:
    """Two columns per facet of the registry: its codes, and their labels."""
    columns = []
    for facet in FACETS:
        columns.append(
            Column(
                facet.name,
                "list of codes" if facet.multiple else "code",
                facet.description or facet.label,
                _facet_value(facet, label=False),
                facet.name,
                heading=_formatted(
                    _("%(facet)s (codes)") if facet.multiple else _("%(facet)s (code)"),
                    facet=facet.label,
                ),
            )
        )
        columns.append(
            Column(
                f"{facet.name}_label",
                "list of text" if facet.multiple else "text",
                _formatted(
                    _("Label of “%(name)s” in the language of the export (lang)."),
                    name=facet.name,
                ),
                _facet_value(facet, label=True),
                facet.name,
                heading=facet.label,
            )
        )
    return columns


def _published(attribute: str, pick: Callable):
    def value(group: PracticeGroup):
        moments = [
            getattr(p, attribute) for p in group.pages.values() if getattr(p, attribute)
        ]
        return pick(moments).isoformat() if moments else None

    return value


def _sources(field: str):
    def value(group: PracticeGroup):
        return [getattr(source, field) for source in group.primary.sources.all()]

    return value


def _keywords(group: PracticeGroup) -> list[str]:
    return sorted(item.tag.name for item in group.primary.tagged_keywords.all())


IN_LANGUAGE = {"es": _("%(part)s (Spanish)"), "en": _("%(part)s (English)")}


def _per_language(name, kind, meaning_es_en, make, part) -> list[Column]:
    return [
        Column(
            f"{name}_{language}",
            kind,
            meaning_es_en[language],
            make(language),
            heading=_formatted(IN_LANGUAGE[language], part=part),
        )
        for language in FORMAT_LANGUAGES
    ]


COLUMNS: list[Column] = [
    Column(
        "id",
        "uuid",
        _("Stable identifier of the practice, shared by its translations."),
        lambda g: g.key,
        heading=_("Identifier"),
    ),
    *_per_language(
        "url",
        "url",
        {
            "es": _("Address of the Spanish page."),
            "en": _("Address of the English page."),
        },
        _url,
        _("Page"),
    ),
    *_per_language(
        "title",
        "text",
        {"es": _("Title in Spanish."), "en": _("Title in English.")},
        lambda language: _text("title", language),
        _("Title"),
    ),
    *_per_language(
        "summary",
        "text",
        {"es": _("Summary in Spanish."), "en": _("Summary in English.")},
        lambda language: _text("summary", language),
        _("Summary"),
    ),
    *[
        column
        for name, meaning, part in (
            ("problem", _("Problem addressed"), _("Problem")),
            ("actions", _("What was done"), _("What was done")),
            ("results", _("Results and outcomes"), _("Results")),
            ("lessons", _("Lessons and what it takes to replicate"), _("Lessons")),
            (
                "evidence",
                _("Evidence: how the results are known"),
                _("How the results are known"),
            ),
        )
        for column in _per_language(
            name,
            "text",
            {
                "es": _formatted(
                    _("%(part)s, in Spanish, as plain text."), part=meaning
                ),
                "en": _formatted(
                    _("%(part)s, in English, as plain text."), part=meaning
                ),
            },
            lambda language, name=name: _text(name, language),
            part,
        )
    ],
    *_facet_columns(),
    Column(
        "municipality",
        "text",
        _("Municipality, as written by the editors."),
        lambda g: g.primary.municipality or None,
        heading=_("Municipality"),
    ),
    Column(
        "start_year",
        "integer",
        _("Year the practice started."),
        lambda g: g.primary.start_year,
        heading=_("Start year"),
    ),
    Column(
        "end_year",
        "integer",
        _("Year the practice ended, if it did."),
        lambda g: g.primary.end_year,
        heading=_("End year"),
    ),
    Column(
        "implementing_institutions",
        "list of text",
        _("Institutions that carried it out."),
        lambda g: g.primary.institutions_list(),
        heading=_("Implementing institutions"),
    ),
    Column(
        "partners",
        "list of text",
        _("Partners."),
        lambda g: g.primary.partners_list(),
        heading=_("Partners"),
    ),
    Column(
        "source_titles",
        "list of text",
        _("Titles of the sources where the facts can be checked."),
        _sources("title"),
        heading=_("Source titles"),
    ),
    Column(
        "source_urls",
        "list of urls",
        _("Addresses of those sources, in the same order."),
        _sources("url"),
        heading=_("Source addresses"),
    ),
    Column(
        "keywords",
        "list of text",
        _("Free keywords."),
        _keywords,
        heading=_("Keywords"),
    ),
    Column(
        "source_catalogue",
        "code",
        _(
            "Where the record came from: editorial, contribution, ogp, "
            "participedia or demo."
        ),
        lambda g: g.primary.source_catalogue,
        heading=_("Catalogue of origin"),
    ),
    Column(
        "source_id",
        "text",
        _("Identifier in that catalogue."),
        lambda g: g.primary.source_id or None,
        heading=_("Identifier in that catalogue"),
    ),
    Column(
        "first_published_at",
        "datetime",
        _("When the practice was first published here (ISO 8601)."),
        _published("first_published_at", min),
        heading=_("First published"),
    ),
    Column(
        "last_published_at",
        "datetime",
        _("When it was last updated (ISO 8601)."),
        _published("last_published_at", max),
        heading=_("Last updated"),
    ),
    Column(
        "last_reviewed",
        "date",
        _("When the editors last checked the facts."),
        lambda g: (
            g.primary.last_reviewed.isoformat() if g.primary.last_reviewed else None
        ),
        heading=_("Last reviewed"),
    ),
    Column(
        "licence",
        "url",
        _("Licence of the text."),
        lambda g: LICENCE_URL,
        heading=_("Licence"),
    ),
]


def column_names_by_heading() -> dict[str, str]:
    """Each column's heading, in every language, to its code: how the importer reads
    a CSV file exported with headings (the default) as well as one with codes."""
    names = {}
    for language in FORMAT_LANGUAGES:
        with translation.override(language):
            names.update({column.title: column.name for column in COLUMNS})
    return names


def practice_row(group: PracticeGroup) -> dict[str, Any]:
    return {column.name: column.value(group) for column in COLUMNS}
