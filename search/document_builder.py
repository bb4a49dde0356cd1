"""Building the search document of a practice from its live pages.

A practice is a translation group: the Spanish and English pages that share a
translation key. Its document holds each language's text in that language's
fields, and the classification (shared by the translations) as slugs and codes.
Only public, published content goes in: never a contributor's personal data.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from uuid import UUID

from django.utils.html import strip_tags
from wagtail.models import Page

from practices.facets import FACETS
from practices.models import PracticePage
from practices.translation import other_language

from .mapping import LANGUAGES, MACHINE_FIELDS

RICH_TEXT = ("problem", "actions", "results", "lessons")


def live_practice_pages(translation_keys: Iterable[UUID] | None = None):
    pages = (
        PracticePage.objects.live()
        .public()
        .select_related(
            "locale", *(f.field for f in FACETS if not f.multiple and f.vocabulary)
        )
        .prefetch_related(
            "keywords", *(f.field for f in FACETS if f.multiple and f.vocabulary)
        )
        .order_by("translation_key", "pk")
    )
    if translation_keys is not None:
        pages = pages.filter(translation_key__in=list(translation_keys))
    # A live practice under an unpublished page is not reachable: not public.
    for path in Page.objects.filter(live=False, numchild__gt=0).values_list(
        "path", flat=True
    ):
        pages = pages.exclude(path__startswith=path)
    return pages


def practice_groups(
    translation_keys: Iterable[UUID] | None = None,
) -> Iterator[tuple[UUID, list[PracticePage]]]:
    groups: dict[UUID, list[PracticePage]] = defaultdict(list)
    for page in live_practice_pages(translation_keys).iterator(chunk_size=500):
        groups[page.translation_key].append(page)
    yield from groups.items()


def build_document(
    pages: list[PracticePage],
    ancestry: dict[str, dict],
    machine: dict[int, dict[str, str]] | None = None,
) -> dict:
    """The search document of one practice; `ancestry` is `facet_ancestry()`,
    `machine` the pages' stored machine translations (`machine_translations_for`)."""
    by_language = {
        p.locale.language_code: p for p in pages if p.locale.language_code in LANGUAGES
    }
    primary = _primary(pages)
    document: dict = {
        "id": str(primary.translation_key),
        "page_ids": sorted(p.pk for p in pages),
        "urls": {lang: page.url for lang, page in by_language.items()},
        "titles": {lang: page.title for lang, page in by_language.items()},
        "summaries": {lang: page.summary for lang, page in by_language.items()},
        "original_language": primary.original_language,
        "year": primary.start_year,
        "end_year": primary.end_year,
        "published_at": max(
            (p.last_published_at for p in pages if p.last_published_at), default=None
        ),
        "title_autocomplete": [p.title for p in pages],
        # Words the suggester may offer: titles, summaries and both languages' labels.
        "suggest": " ".join(
            [p.title + " " + p.summary for p in pages]
            + [label for lang in LANGUAGES for label in _term_labels(primary, lang)]
        ),
    }
    for facet in FACETS:
        document[facet.name] = facet.practice_value(
            pages, primary, ancestry.get(facet.name, {})
        )
    for language, page in by_language.items():
        document[f"title_{language}"] = page.title
        document[f"summary_{language}"] = page.summary
        document[f"body_{language}"] = "\n".join(
            strip_tags(getattr(page, name)) for name in RICH_TEXT if getattr(page, name)
        )
    _add_machine_translation(document, by_language, machine or {})
    for language in LANGUAGES:
        keywords = by_language.get(language, primary).keywords.all()
        document[f"terms_{language}"] = _term_labels(primary, language) + sorted(
            keyword.name for keyword in keywords
        )
    return document


def embedding_text(pages: list[PracticePage]) -> str:
    """What a practice's sentence vector is made of: its original title and summary.

    The multilingual encoder places translations together, so one vector per
    practice serves queries in either language.
    """
    primary = _primary(pages)
    return f"{primary.title}. {primary.summary}".strip()


def _add_machine_translation(
    document: dict, by_language: dict[str, PracticePage], machine: dict
) -> None:
    """A practice in one language gets the other's machine translation, in fields
    of its own (weighted below human text) and for display."""
    if len(by_language) != 1:
        return  # both languages written by people, or neither: nothing to add
    ((language, page),) = by_language.items()
    target = other_language(language)
    texts = machine.get(page.pk)
    if not target or not texts:
        return
    texts = {
        **texts,
        "body": "\n".join(texts[name] for name in RICH_TEXT if texts.get(name)),
    }
    for name in MACHINE_FIELDS:
        if texts.get(name):
            document[f"{name}_mt_{target}"] = texts[name]
    if texts.get("title"):
        document["machine_titles"] = {target: texts["title"]}
    if texts.get("summary"):
        document["machine_summaries"] = {target: texts["summary"]}
    if texts.get("url"):
        document["machine_urls"] = {target: texts["url"]}
    document["suggest"] += " " + " ".join(
        texts[name] for name in ("title", "summary") if texts.get(name)
    )


def _primary(pages: list[PracticePage]) -> PracticePage:
    for page in pages:
        if page.locale.language_code == page.original_language:
            return page
    return pages[0]


def _term_labels(page: PracticePage, language: str) -> list[str]:
    """The labels of the terms a page's editors chose, as searchable words."""
    labels = [
        term.label(language)
        for facet in FACETS
        if facet.in_text
        for term in facet.term_objects(page)
    ]
    if page.municipality:
        labels.append(page.municipality)
    return labels


def facet_ancestry() -> dict[str, dict[int, list[str]]]:
    """Each hierarchical facet's terms with their ancestors' values."""
    return {facet.name: facet.ancestry() for facet in FACETS if facet.hierarchical}
