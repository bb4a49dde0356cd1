"""Load the vocabularies into the database; used by a data migration, safe to rerun."""

from . import geography
from .vocabularies import FLAT_VOCABULARIES, THEMES


def seed_vocabularies(get_model) -> None:
    """`get_model(name)` returns the model class (historical models in migrations)."""
    for model_name, terms in FLAT_VOCABULARIES.items():
        model = get_model(model_name)
        for position, (slug, label_es, label_en) in enumerate(terms):
            model.objects.update_or_create(
                slug=slug,
                defaults={
                    "label_es": label_es,
                    "label_en": label_en,
                    "sort_order": position,
                },
            )
    theme_model = get_model("Theme")
    for position, (slug, label_es, label_en, parent, areas) in enumerate(THEMES):
        theme_model.objects.update_or_create(
            slug=slug,
            defaults={
                "label_es": label_es,
                "label_en": label_en,
                "sort_order": position,
                "parent": theme_model.objects.get(slug=parent) if parent else None,
                "ogp_policy_areas": areas,
            },
        )


def seed_geography(get_model) -> None:
    region_model = get_model("Region")
    country_model = get_model("Country")
    subdivision_model = get_model("Subdivision")
    regions = {}
    for data in geography.regions():
        regions[data.slug], _ = region_model.objects.update_or_create(
            slug=data.slug,
            defaults={
                "m49_code": data.m49_code,
                "label_es": data.label_es,
                "label_en": data.label_en,
                "sort_order": data.sort_order,
            },
        )
    existing = set(country_model.objects.values_list("code", flat=True))
    country_model.objects.bulk_create(
        country_model(
            code=c.code,
            alpha3=c.alpha3,
            name_es=c.name_es,
            name_en=c.name_en,
            region=regions.get(c.region_slug),
        )
        for c in geography.countries()
        if c.code not in existing
    )
    countries = {c.code: c for c in country_model.objects.all()}
    existing = set(subdivision_model.objects.values_list("code", flat=True))
    subdivision_model.objects.bulk_create(
        subdivision_model(
            code=s.code,
            country=countries[s.country_code],
            name=s.name,
            name_es=CLEARER_NAMES.get(s.code, {}).get("es")
            or (s.name if s.country_code in SPANISH_SPEAKING else ""),
            name_en=CLEARER_NAMES.get(s.code, {}).get("en", ""),
            kind=s.kind,
            parent_code=s.parent_code,
        )
        for s in geography.subdivisions()
        if s.code not in existing and s.country_code in countries
    )


# ISO 3166-2 names that read as something else: "México" (MX-MEX) is also the
# country, so a list of Mexican states showed "México" beside its 31 peers.
CLEARER_NAMES = {
    "MX-MEX": {"es": "Estado de México", "en": "State of Mexico"},
    "MX-CMX": {"es": "Ciudad de México", "en": "Mexico City"},
}


def name_subdivisions_clearly(get_model) -> None:
    """Give the subdivisions in CLEARER_NAMES their names, unless an editor has
    named them already (idempotent)."""
    subdivision_model = get_model("Subdivision")
    for code, names in CLEARER_NAMES.items():
        for row in subdivision_model.objects.filter(code=code):
            if row.name_es in ("", row.name):
                row.name_es = names["es"]
            if not row.name_en or row.name_en == row.name:
                row.name_en = names["en"]
            row.save(update_fields=["name_es", "name_en"])


# Subdivision names in these countries are already Spanish in ISO 3166-2.
SPANISH_SPEAKING = {
    "AR",
    "BO",
    "CL",
    "CO",
    "CR",
    "CU",
    "DO",
    "EC",
    "ES",
    "GT",
    "HN",
    "MX",
    "NI",
    "PA",
    "PE",
    "PY",
    "SV",
    "UY",
    "VE",
}
