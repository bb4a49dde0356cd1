"""One practice as the API returns it: both languages, codes with both labels."""

from wagtail.rich_text import expand_db_html

from .columns import LICENCE_URL, RICH_TEXT, PracticeGroup

LICENCE = {"name": "CC BY-NC-SA 4.0", "url": LICENCE_URL}


def _labelled(term) -> dict | None:
    if term is None:
        return None
    return {
        "code": term.slug,
        "label": {"es": term.label("es"), "en": term.label("en")},
    }


def _labelled_all(terms) -> list[dict]:
    return [_labelled(term) for term in sorted(terms, key=lambda t: t.slug)]


def _text(group: PracticeGroup, language: str) -> dict:
    page = group.pages[language]
    return {
        "url": group.url_for(page),
        "title": page.title,
        "summary": page.summary,
        **{name: expand_db_html(getattr(page, name)) for name in RICH_TEXT},
        "keywords": sorted(item.tag.name for item in page.tagged_keywords.all()),
        "first_published_at": _moment(page.first_published_at),
        "last_published_at": _moment(page.last_published_at),
    }


def _moment(value) -> str | None:
    return value.isoformat() if value else None


def practice_detail(group: PracticeGroup) -> dict:
    page = group.primary
    country = page.country
    region = country.region if country is not None else None
    return {
        "id": group.key,
        "original_language": page.original_language,
        "languages": sorted(group.pages),
        "texts": {language: _text(group, language) for language in sorted(group.pages)},
        "country": _labelled(country),
        "subdivision": _labelled(page.subdivision),
        "municipality": page.municipality or None,
        "region": _labelled(region),
        "government_level": _labelled(page.government_level),
        "regulated_party_type": _labelled(page.regulated_party_type),
        "practice_types": _labelled_all(page.practice_types.all()),
        "themes": _labelled_all(page.themes.all()),
        "outcomes": _labelled_all(page.outcomes.all()),
        "evidence_level": _labelled(page.evidence_level),
        "status": _labelled(page.status),
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


def last_modified(group: PracticeGroup):
    moments = [p.last_published_at for p in group.pages.values() if p.last_published_at]
    return max(moments) if moments else None
