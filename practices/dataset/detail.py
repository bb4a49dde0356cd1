"""One practice as the API returns it: both languages, codes with both labels."""

from urllib.parse import urljoin

from wagtail.rich_text import expand_db_html

from kb.translations import site_languages
from practices.facets import FACETS
from practices.sections import RICH_TEXT_SECTIONS
from practices.translatable_texts import other_language
from practices.translation.service import machine_translations_for

from .columns import LICENCE_URL, PracticeGroup, facet_label, facet_terms

LICENCE = {"name": "CC BY-NC-SA 4.0", "url": LICENCE_URL}


def _text(group: PracticeGroup, language: str) -> dict:
    page = group.pages[language]
    return {
        "url": group.url_for(page),
        "title": page.title,
        "summary": page.summary,
        **{name: expand_db_html(getattr(page, name)) for name in RICH_TEXT_SECTIONS},
        "keywords": sorted(item.tag.name for item in page.tagged_keywords.all()),
        "machine_translated": False,
        "first_published_at": _moment(page.first_published_at),
        "last_published_at": _moment(page.last_published_at),
    }


def _moment(value) -> str | None:
    return value.isoformat() if value else None


def _classification(facet, group: PracticeGroup):
    terms = [
        {
            "code": facet.value_of(term),
            "label": {
                lang: facet_label(facet, term, lang) for lang in site_languages()
            },
        }
        for term in facet_terms(facet, group)
    ]
    if facet.multiple:
        return terms
    return terms[0] if terms else None


def practice_detail(group: PracticeGroup) -> dict:
    """Classification by facet of the registry: the search parameter's name, codes
    with both labels (a list when a practice may take several)."""
    page = group.primary
    return {
        "id": group.key,
        "original_language": page.original_language,
        "languages": sorted(group.pages),
        "texts": {language: _text(group, language) for language in sorted(group.pages)}
        | _machine_texts(group),
        "classification": {
            facet.name: _classification(facet, group) for facet in FACETS
        },
        "municipality": page.municipality or None,
        "start_year": page.start_year,
        "end_year": page.end_year,
        "implementing_institutions": page.institutions_list(),
        "partners": page.partners_list(),
        "sources": [
            {
                "title": source.title,
                "url": source.url,
                "kind": source.kind,
                "date": source.date.isoformat() if source.date else None,
            }
            for source in page.sources.all()
        ],
        "last_reviewed": _moment(page.last_reviewed),
        "licence": LICENCE,
    }


def _machine_texts(group: PracticeGroup) -> dict:
    """A practice in one language: the other language's machine translation, when
    one is stored for its current text, flagged as such (plain text, as translated)."""
    if len(group.pages) != 1:
        return {}
    page = group.primary
    texts = machine_translations_for([page]).get(page.pk)
    target = other_language(page.locale.language_code)
    if not texts or target is None:
        return {}
    return {
        target: {
            "url": urljoin(group.url_for(page) or "", texts["url"])
            if "url" in texts
            else None,
            "title": texts.get("title", ""),
            "summary": texts.get("summary", ""),
            **{name: texts.get(name, "") for name in RICH_TEXT_SECTIONS},
            "keywords": [],
            "machine_translated": True,
            "first_published_at": None,
            "last_published_at": None,
        }
    }


def last_modified(group: PracticeGroup):
    moments = [p.last_published_at for p in group.pages.values() if p.last_published_at]
    return max(moments) if moments else None
