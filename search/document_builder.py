"""Building the search document of a practice from its live pages.

A practice is a translation group: the Spanish and English pages that share a
translation key. Its document holds each language's text in that language's
fields, and the classification (shared by the translations) as slugs and codes.
Only public, published content goes in: never a contributor's personal data.
"""

from collections.abc import Iterable, Iterator
from itertools import groupby, islice
from typing import NamedTuple
from uuid import UUID

from wagtail.models import Locale

from kb.text import block_text, plain_text
from practices.evidence import has_documented_results
from practices.facets import FACETS, MULTIPLE_TERM_RELATIONS, SINGLE_TERM_RELATIONS
from practices.models import PracticePage
from practices.sections import RICH_TEXT_SECTIONS
from practices.translation import other_language

from .glossary_areas import own_texts, practice_areas, practice_themes
from .mapping import (
    AREAS_FIELD,
    LANGUAGES,
    MACHINE_FIELDS,
    PROBLEM_FIELD,
    THEMES_FIELD,
)

# What a practice's passage vectors are made of (`passage_texts`): besides its title
# and summary, each of the body sections PASSAGE_SECTIONS names, cut every
# PASSAGE_WORDS words (None: one vector a section, whatever its length), and the
# machine translation of a single-language practice (PASSAGE_MACHINE).
PASSAGE_SECTIONS = RICH_TEXT_SECTIONS
PASSAGE_WORDS = None
PASSAGE_MACHINE = False

# Pages read per step of `practice_groups`: their terms and keywords take one query
# each per step.
PAGE_BATCH = 1000
PAGE_COLUMNS = (
    "pk",
    "translation_key",
    "locale_id",
    "path",
    "slug",
    "title",
    "summary",
    *RICH_TEXT_SECTIONS,
    "original_language",
    "start_year",
    "end_year",
    "last_published_at",
    "municipality",
)


def live_practice_pages(translation_keys: Iterable[UUID] | None = None):
    pages = (
        PracticePage.objects.public_practices()
        .select_related("locale", *SINGLE_TERM_RELATIONS)
        .prefetch_related("keywords", *MULTIPLE_TERM_RELATIONS)
        .order_by("translation_key", "pk")
    )
    if translation_keys is not None:
        pages = pages.filter(translation_key__in=list(translation_keys))
    return pages


def practice_groups(
    translation_keys: Iterable[UUID] | None = None,
) -> Iterator[tuple[UUID, list["PageValues"]]]:
    """Each live practice (all of them, or those with these keys) with its pages, in
    translation key order, read a batch of pages at a time."""
    reader = _PageReader()
    rows = (
        live_practice_pages(translation_keys)
        .values_list(*reader.columns)
        .iterator(chunk_size=PAGE_BATCH)
    )
    pending: list[PageValues] = []
    while chunk := list(islice(rows, PAGE_BATCH)):
        pending += reader.pages(chunk)
        # The last practice of a batch may go on in the next one.
        last = len(pending)
        while last and pending[last - 1].translation_key == pending[-1].translation_key:
            last -= 1
        yield from _grouped(pending[:last])
        pending = pending[last:]
    yield from _grouped(pending)


def _grouped(pages: list["PageValues"]) -> Iterator[tuple[UUID, list["PageValues"]]]:
    for key, group in groupby(pages, key=lambda page: page.translation_key):
        yield key, list(group)


class _Related(list):
    """A page's terms or keywords, answering `.all()` as the related manager does."""

    def all(self):
        return self


class _Keyword(NamedTuple):
    name: str


class PageValues:
    """A live practice page as the search document reads it, with the same
    attribute names as `PracticePage`, its terms and keywords loaded in bulk.

    A model instance with its related managers costs more to make than the
    document itself (a few milliseconds); reading plain values, with each term
    model loaded once, makes a rebuild of 100,000 practices a matter of seconds on
    the database side.
    """

    def __init__(self, **fields):
        self.__dict__.update(fields)


class _PageReader:
    """Turns rows of `PAGE_COLUMNS` into `PageValues`: the terms they name read once
    per reader (many-to-many ones once per batch, in their vocabulary's order, the
    order a prefetch gives), keywords in one query per batch, URLs from one resolved
    page per parent and language."""

    def __init__(self):
        self.locales = {locale.pk: locale for locale in Locale.objects.all()}
        # Each PracticePage field holding terms: its terms, with what a derived facet
        # follows from them (`country__region`) joined.
        self.single: dict[str, object] = {}
        self.multiple: dict[str, object] = {}
        for facet in FACETS:
            if facet.vocabulary is None:
                continue
            name, *rest = facet.field.split("__")
            if name in self.single and not rest:
                continue  # read already, with what a derived facet follows
            field = PracticePage._meta.get_field(name)
            terms = field.related_model.objects.all()
            if rest:
                terms = terms.select_related("__".join(rest))
            if field.many_to_many:
                self.multiple[name] = (field, terms)
            else:
                self.single[name] = terms
        self.known: dict[str, dict[int, object]] = {name: {} for name in self.single}
        self.columns = PAGE_COLUMNS + tuple(f"{name}_id" for name in self.single)
        self._url_prefixes: dict[tuple[str, int], str | None] = {}

    def pages(self, rows: list[tuple]) -> list[PageValues]:
        rows = [dict(zip(self.columns, row, strict=True)) for row in rows]
        for name, terms in self.single.items():
            known = self.known[name]
            wanted = {row[f"{name}_id"] for row in rows} - set(known) - {None}
            if wanted:
                known.update((term.pk, term) for term in terms.filter(pk__in=wanted))
        pages = []
        for values in rows:
            values["locale"] = self.locales[values["locale_id"]]
            for name in self.single:
                values[name] = self.known[name].get(values.pop(f"{name}_id"))
            pages.append(PageValues(**values, keywords=_Related()))
        by_pk = {page.pk: page for page in pages}
        for name, (field, terms) in self.multiple.items():
            for page in pages:
                setattr(page, name, _Related())
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            links = list(
                through.objects.filter(**{f"{source}_id__in": by_pk}).values_list(
                    f"{source}_id", f"{target}_id"
                )
            )
            ordered = terms.filter(pk__in={term_pk for _page, term_pk in links})
            found = {term.pk: (rank, term) for rank, term in enumerate(ordered)}
            for page_pk, term_pk in sorted(links, key=lambda link: found[link[1]][0]):
                getattr(by_pk[page_pk], name).append(found[term_pk][1])
        tagged = PracticePage._meta.get_field("tagged_keywords").related_model
        for page_pk, name in tagged.objects.filter(
            content_object_id__in=by_pk
        ).values_list("content_object_id", "tag__name"):
            by_pk[page_pk].keywords.append(_Keyword(name))
        for page in pages:
            page.url = self._url(page)
        return pages

    def _url(self, page: PageValues) -> str | None:
        """A page's URL is its parent's (in its language) followed by its slug: one
        page per parent and language is resolved by Wagtail, the others follow."""
        parent = (page.path[: -PracticePage.steplen], page.locale_id)
        if parent not in self._url_prefixes:
            url = PracticePage.objects.get(pk=page.pk).url
            suffix = f"{page.slug}/"
            self._url_prefixes[parent] = (
                url[: -len(suffix)] if url and url.endswith(suffix) else None
            )
        prefix = self._url_prefixes[parent]
        if prefix is None:
            return PracticePage.objects.get(pk=page.pk).url
        return f"{prefix}{page.slug}/"


def build_document(
    pages: list,
    ancestry: dict[str, dict],
    machine: dict[int, dict[str, str]] | None = None,
) -> dict:
    """The search document of one practice from its pages (`PracticePage`s or the
    `PageValues` of `practice_groups`); `ancestry` is `facet_ancestry()`,
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
    document["documented_results"] = any(
        has_documented_results(document["evidence"], page.results) for page in pages
    )
    for language, page in by_language.items():
        document[f"title_{language}"] = page.title
        document[f"summary_{language}"] = page.summary
        document[f"body_{language}"] = "\n".join(
            block_text(getattr(page, name))
            for name in RICH_TEXT_SECTIONS
            if getattr(page, name)
        )
        document[f"{PROBLEM_FIELD}_{language}"] = block_text(page.problem)
    own_text = own_texts(document, by_language)
    document[AREAS_FIELD] = practice_areas(own_text)
    # The themes editors filed it under (with their parents) tell what it is about
    # as surely as its words: both count.
    document[THEMES_FIELD] = sorted(
        set(practice_themes(own_text)) | set(document["theme"])
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


def passage_texts(
    pages: list[PracticePage], machine: dict[int, dict[str, str]] | None = None
) -> list[str]:
    """What a practice's passage vectors (mapping.PASSAGE_FIELD) are made of: its
    `embedding_text`, then each page's title and summary and body sections, and
    their machine translation (`machine`, as `build_document` takes it), as the
    constants above say; each text once."""
    texts = [embedding_text(pages)]
    single = len(pages) == 1
    for page in sorted(pages, key=lambda page: page.locale.language_code):
        versions = [{name: getattr(page, name) for name in _PASSAGE_PARTS}]
        if PASSAGE_MACHINE and single and (machine or {}).get(page.pk):
            versions.append(machine[page.pk])
        for version in versions:
            heading = (version.get("title"), version.get("summary"))
            texts.append(". ".join(part for part in heading if part))
            for name in PASSAGE_SECTIONS:
                texts += _passages(plain_text(version.get(name) or ""))
    return list(dict.fromkeys(text for text in texts if text))


_PASSAGE_PARTS = ("title", "summary", *RICH_TEXT_SECTIONS)


def _passages(text: str) -> list[str]:
    words = text.split()
    if not PASSAGE_WORDS or len(words) <= PASSAGE_WORDS:
        return [text] if words else []
    cuts = range(0, len(words), PASSAGE_WORDS)
    return [" ".join(words[start : start + PASSAGE_WORDS]) for start in cuts]


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
        "body": "\n".join(
            texts[name] for name in RICH_TEXT_SECTIONS if texts.get(name)
        ),
    }
    for name in (*MACHINE_FIELDS, PROBLEM_FIELD):
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
