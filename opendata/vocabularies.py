"""Every controlled vocabulary with its codes and bilingual labels, as the API publishes it.

The vocabularies are the facets of the registry (`practices.facets`), named as the
search parameters and the dataset's columns are.
"""

from django.utils import translation

from kb.translations import site_languages
from practices.facets import FACETS
from taxonomy import models as taxonomy

VOCABULARY_NAMES = tuple(facet.name for facet in FACETS)

# What a term of some vocabularies says besides its code and labels.
EXTRAS = {
    taxonomy.Country: lambda c: {
        "alpha3": c.alpha3,
        "region": c.region.slug if c.region else None,
    },
    taxonomy.Subdivision: lambda s: {"country": s.country.code},
    taxonomy.Region: lambda r: {"m49": r.m49_code},
}
RELATED = {taxonomy.Country: ["region"], taxonomy.Subdivision: ["country"]}


def _both(read) -> dict[str, str]:
    return {language: read(language) for language in site_languages()}


def _translated(label) -> dict[str, str]:
    def read(language):
        with translation.override(language):
            return str(label)

    return _both(read)


def _terms(facet) -> list[dict]:
    if facet.vocabulary is None:
        return [
            {"code": t.value, "label": {"es": t.label_es, "en": t.label_en}}
            for t in facet.fixed_terms
        ]
    model = facet.vocabulary
    objects = model.objects.select_related(*RELATED.get(model, []))
    if facet.hierarchical:
        objects = objects.select_related("parent")
    terms = []
    for term in objects:
        entry = {"code": getattr(term, facet.key), "label": _both(term.label)}
        if hasattr(term, "description"):
            entry["description"] = _both(term.description)
        if facet.hierarchical:
            entry["parent"] = getattr(term.parent, facet.key) if term.parent else None
        entry.update(EXTRAS.get(model, lambda _term: {})(term))
        terms.append(entry)
    return terms


def _vocabulary(facet) -> dict:
    return {
        "label": _translated(facet.label),
        "multiple": facet.multiple,
        "terms": _terms(facet),
    }


def vocabularies(names=VOCABULARY_NAMES) -> dict[str, dict]:
    builders = {facet.name: (lambda f=facet: _vocabulary(f)) for facet in FACETS}
    return {name: builders[name]() for name in names}
