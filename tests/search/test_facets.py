"""Facet counts match counts computed from the database, for any selection."""

from collections import Counter

import pytest

from practices.models import PracticePage

from .helpers import search

pytestmark = pytest.mark.django_db


def _practice_facts() -> list[dict]:
    """Independently of search/: one dict per published practice (translation group)."""
    groups: dict = {}
    for page in (
        PracticePage.objects.live()
        .select_related(
            "country__region",
            "subdivision",
            "government_level",
            "regulated_party_type",
            "status",
            "evidence_level",
            "locale",
        )
        .prefetch_related("themes__parent", "practice_types", "outcomes")
    ):
        groups.setdefault(page.translation_key, []).append(page)
    facts = []
    for pages in groups.values():
        page = next(
            (p for p in pages if p.locale.language_code == p.original_language),
            pages[0],
        )
        themes = set()
        for theme in page.themes.all():
            while theme is not None:
                themes.add(theme.slug)
                theme = theme.parent
        facts.append(
            {
                "country": {page.country.code},
                "region": {page.country.region.slug},
                "subdivision": {page.subdivision.code} if page.subdivision else set(),
                "theme": themes,
                "type": {t.slug for t in page.practice_types.all()},
                "outcome": {t.slug for t in page.outcomes.all()},
                "level": {page.government_level.slug}
                if page.government_level
                else set(),
                "regulated_party": {page.regulated_party_type.slug}
                if page.regulated_party_type
                else set(),
                "status": {page.status.slug} if page.status else set(),
                "evidence": {page.evidence_level.slug}
                if page.evidence_level
                else set(),
                "language": {p.locale.language_code for p in pages},
                "original": {page.original_language},
                "year": page.start_year,
            }
        )
    return facts


def _expected_counts(facet: str, selection: dict[str, set[str]]) -> dict[str, int]:
    counts: Counter = Counter()
    for fact in _practice_facts():
        if all(fact[f] & values for f, values in selection.items() if f != facet):
            counts.update(fact[facet])
    return dict(counts)


def _querystring(selection: dict[str, set[str]]) -> str:
    return "&".join(
        f"{f}={v}" for f, values in selection.items() for v in sorted(values)
    )


SELECTIONS = [
    {},
    {"country": {"MX"}},
    {"country": {"MX", "BR"}},
    {"country": {"MX", "BR"}, "level": {"municipal"}},
    {"theme": {"open-data", "water-sanitation"}, "region": {"latin-america-caribbean"}},
    {"type": {"proactive-transparency"}, "language": {"en"}},
    {"original": {"en"}},
    {"original": {"es"}, "country": {"MX"}},
    {"level": {"state", "national"}, "theme": {"access-to-information"}},
    {"subdivision": {"MX-JAL", "MX-NLE"}},
    {"country": {"MX"}, "subdivision": {"MX-JAL"}},
    {"regulated_party": {"executive"}},
    {"regulated_party": {"executive", "legislative"}, "level": {"state"}},
]


@pytest.mark.parametrize(
    "selection", SELECTIONS, ids=lambda s: _querystring(s) or "none"
)
def test_every_facet_count_equals_the_database_count(corpus, selection):
    results = search(_querystring(selection))
    for facet in (
        "country",
        "subdivision",
        "region",
        "theme",
        "type",
        "outcome",
        "level",
        "regulated_party",
        "status",
        "evidence",
        "language",
        "original",
    ):
        shown = {v.value: v.count for v in results.facets[facet] if v.count}
        assert shown == _expected_counts(facet, selection), facet
        assert {v.value for v in results.facets[facet] if v.selected} == selection.get(
            facet, set()
        )


def test_values_in_one_facet_combine_with_or_and_facets_with_and(corpus):
    mexico = search("country=MX").total
    brazil = search("country=BR").total
    assert search("country=MX&country=BR").total == mexico + brazil
    assert (
        search("country=MX&country=BR&level=municipal").total == 2
    )  # Zapopan, the BR portal


def test_all_buckets_are_returned_not_ten(corpus):
    countries = search().facets["country"]
    assert len(countries) == len({c for f in _practice_facts() for c in f["country"]})
    assert len(countries) > 10


def test_a_selected_value_without_matches_stays_visible_with_zero(corpus):
    results = search("country=KE&level=municipal")
    kenya = next(v for v in results.facets["country"] if v.value == "KE")
    assert kenya.selected
    municipal = next(v for v in results.facets["level"] if v.value == "municipal")
    assert (municipal.count, municipal.selected) == (0, True)


def test_year_range_filters_and_counts_per_year(corpus):
    results = search("year_from=2018&year_to=2019")
    years = [f["year"] for f in _practice_facts()]
    assert results.total == sum(1 for y in years if 2018 <= y <= 2019)
    assert dict(search().years) == dict(Counter(y for y in years if y))


def test_labels_follow_the_requested_language(corpus):
    spanish = {v.value: v.label for v in search("lang=es").facets["country"]}
    english = {v.value: v.label for v in search("lang=en").facets["country"]}
    assert (spanish["MX"], english["MX"]) == ("México", "Mexico")
    assert (
        spanish["DE" if "DE" in spanish else "GB"]
        != english["DE" if "DE" in english else "GB"]
    )


def test_regulated_party_type_is_a_facet_with_labels_in_both_languages(corpus):
    """Declared once in the registry: filtered, counted and labelled like the others."""
    spanish = search("regulated_party=executive&lang=es")
    assert spanish.total == 2  # Zapopan (a translation pair) and the Jalisco works
    labels = {v.value: v.label for v in spanish.facets["regulated_party"]}
    assert labels["executive"] == "Poder Ejecutivo"
    english = search("regulated_party=executive&lang=en")
    assert {v.value: v.label for v in english.facets["regulated_party"]}[
        "executive"
    ] == "Executive branch"
