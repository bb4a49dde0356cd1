"""Every controlled vocabulary with its codes and bilingual labels, as the API publishes it.

The names here are the ones the dataset's codebook links to (`Column.vocabulary`).
"""

from django.utils import translation

from practices.models.practice_page import Language
from taxonomy import models as taxonomy

FLAT = {
    "outcomes": taxonomy.Outcome,
    "evidence_levels": taxonomy.EvidenceLevel,
    "government_levels": taxonomy.GovernmentLevel,
    "regulated_party_types": taxonomy.RegulatedPartyType,
    "practice_types": taxonomy.PracticeType,
    "statuses": taxonomy.PracticeStatus,
}
VOCABULARY_NAMES = (
    "themes",
    *FLAT,
    "regions",
    "countries",
    "subdivisions",
    "languages",
)


def _both(es: str, en: str) -> dict[str, str]:
    return {"es": es, "en": en}


def _term(term) -> dict:
    return {
        "code": term.slug,
        "label": _both(term.label_es, term.label_en),
        "description": _both(term.description_es, term.description_en),
    }


def _flat(model) -> list[dict]:
    return [_term(term) for term in model.objects.order_by("sort_order", "slug")]


def _themes() -> list[dict]:
    themes = taxonomy.Theme.objects.select_related("parent").order_by(
        "sort_order", "slug"
    )
    return [
        _term(theme)
        | {
            "parent": theme.parent.slug if theme.parent else None,
            "ogp_policy_areas": theme.ogp_policy_areas,
        }
        for theme in themes
    ]


def _regions() -> list[dict]:
    return [
        _term(region) | {"m49": region.m49_code}
        for region in taxonomy.Region.objects.order_by("sort_order", "slug")
    ]


def _countries() -> list[dict]:
    return [
        {
            "code": country.code,
            "alpha3": country.alpha3,
            "label": _both(country.name_es, country.name_en),
            "region": country.region.slug if country.region else None,
        }
        for country in taxonomy.Country.objects.select_related("region").order_by(
            "code"
        )
    ]


def _subdivisions() -> list[dict]:
    return [
        {
            "code": code,
            "label": _both(es or name, en or name),
            "country": country,
            "kind": kind,
            "parent": parent or None,
        }
        for code, name, es, en, country, kind, parent in (
            taxonomy.Subdivision.objects.order_by("code").values_list(
                "code",
                "name",
                "name_es",
                "name_en",
                "country__code",
                "kind",
                "parent_code",
            )
        )
    ]


def _languages() -> list[dict]:
    terms = []
    for code, label in Language.choices:
        names = {}
        for language in ("es", "en"):
            with translation.override(language):
                names[language] = str(label)
        terms.append({"code": code, "label": names})
    return terms


def vocabularies(names=VOCABULARY_NAMES) -> dict[str, list[dict]]:
    builders = {
        "themes": _themes,
        "regions": _regions,
        "countries": _countries,
        "subdivisions": _subdivisions,
        "languages": _languages,
        **{name: (lambda model=model: _flat(model)) for name, model in FLAT.items()},
    }
    return {name: builders[name]() for name in names}
