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

from practices.models import PracticePage
from taxonomy.models import Theme

from .mapping import LANGUAGES

RICH_TEXT = ("problem", "actions", "results", "lessons")


def live_practice_pages(translation_keys: Iterable[UUID] | None = None):
    pages = (
        PracticePage.objects.live()
        .public()
        .select_related(
            "locale",
            "country__region",
            "subdivision",
            "government_level",
            "regulated_party_type",
            "evidence_level",
            "status",
        )
        .prefetch_related("themes", "outcomes", "practice_types", "keywords")
        .order_by("translation_key", "pk")
    )
    if translation_keys is not None:
        pages = pages.filter(translation_key__in=list(translation_keys))
    return pages


def practice_groups(
    translation_keys: Iterable[UUID] | None = None,
) -> Iterator[tuple[UUID, list[PracticePage]]]:
    groups: dict[UUID, list[PracticePage]] = defaultdict(list)
    for page in live_practice_pages(translation_keys).iterator(chunk_size=500):
        groups[page.translation_key].append(page)
    yield from groups.items()


def build_document(
    pages: list[PracticePage], theme_ancestors: dict[int, list[str]]
) -> dict:
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
        "language": sorted(by_language),
        "year": primary.start_year,
        "end_year": primary.end_year,
        "published_at": max(
            (p.last_published_at for p in pages if p.last_published_at), default=None
        ),
        "country": primary.country.code if primary.country_id else None,
        "subdivision": primary.subdivision.code if primary.subdivision_id else None,
        "region": (
            primary.country.region.slug
            if primary.country_id and primary.country.region_id
            else None
        ),
        "theme": sorted(
            {
                slug
                for t in primary.themes.all()
                for slug in theme_ancestors.get(t.pk, [t.slug])
            }
        ),
        "outcome": sorted(t.slug for t in primary.outcomes.all()),
        "type": sorted(t.slug for t in primary.practice_types.all()),
        "evidence": primary.evidence_level.slug if primary.evidence_level_id else None,
        "level": primary.government_level.slug if primary.government_level_id else None,
        "status": primary.status.slug if primary.status_id else None,
        "title_autocomplete": [p.title for p in pages],
        # Words the suggester may offer: titles, summaries and both languages' labels.
        "suggest": " ".join(
            [p.title + " " + p.summary for p in pages]
            + [label for lang in LANGUAGES for label in _term_labels(primary, lang)]
        ),
    }
    for language, page in by_language.items():
        document[f"title_{language}"] = page.title
        document[f"summary_{language}"] = page.summary
        document[f"body_{language}"] = "\n".join(
            strip_tags(getattr(page, name)) for name in RICH_TEXT if getattr(page, name)
        )
    for language in LANGUAGES:
        keywords = by_language.get(language, primary).keywords.all()
        document[f"terms_{language}"] = _term_labels(primary, language) + sorted(
            keyword.name for keyword in keywords
        )
    return document


def _primary(pages: list[PracticePage]) -> PracticePage:
    for page in pages:
        if page.locale.language_code == page.original_language:
            return page
    return pages[0]


def _term_labels(page: PracticePage, language: str) -> list[str]:
    labels = [term.label(language) for term in page.themes.all()]
    labels += [term.label(language) for term in page.practice_types.all()]
    labels += [term.label(language) for term in page.outcomes.all()]
    for term in (
        page.government_level,
        page.regulated_party_type,
        page.country,
        page.subdivision,
    ):
        if term is not None:
            labels.append(term.label(language))
    if page.municipality:
        labels.append(page.municipality)
    return labels


def theme_ancestors() -> dict[int, list[str]]:
    """Each theme's slug with its ancestors': a practice on open data is on access too."""
    themes = {t.pk: t for t in Theme.objects.all()}
    result = {}
    for pk, theme in themes.items():
        chain, current = [], theme
        while current is not None and current.slug not in chain:
            chain.append(current.slug)
            current = themes.get(current.parent_id)
        result[pk] = chain
    return result
