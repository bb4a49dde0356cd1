"""A query in one language finds practices written in the other."""

import pytest

from search.synonyms import synonym_rules

from .helpers import search, titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query, expected",
    [
        ("datos+abiertos", "Open data portal for municipal budgets"),
        ("denunciantes", "Whistleblower protection law"),
        ("beneficiarios+finales", "Beneficial ownership register"),
        ("presupuesto+participativo", "Participatory budgeting in neighbourhoods"),
        ("rendicion+de+cuentas", "Water utility accountability dashboards"),
    ],
)
def test_spanish_queries_find_english_practices(corpus, query, expected):
    assert expected in titles(search(f"q={query}"))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("open+data", "Datos abiertos de obra pública en Jalisco"),
        ("whistleblowers", "Protección de denunciantes en la contraloría estatal"),
        ("accountability", "Rendición de cuentas del gasto en agua potable"),
    ],
)
def test_english_queries_find_spanish_practices(corpus, query, expected):
    assert expected in titles(search(f"q={query}&lang=en"))


def test_taxonomy_labels_are_searchable_in_both_languages(corpus):
    """'saneamiento' is only in the theme's Spanish label, never in the English text."""
    assert "Water utility accountability dashboards" in titles(search("q=saneamiento"))


def test_taxonomy_labels_become_synonym_rules():
    rules = synonym_rules([("Huertos urbanos", "Urban gardens")])
    assert "huertos urbanos => huertos urbanos, urban gardens" in rules
    assert "urban gardens => huertos urbanos, urban gardens" in rules
    assert any("datos abiertos" in rule and "open data" in rule for rule in rules)


def test_overlapping_groups_are_merged_into_one_rule():
    rules = synonym_rules(
        [("Datos abiertos", "Open data"), ("Datos abiertos", "Open datasets")]
    )
    merged = [rule for rule in rules if "open datasets" in rule]
    assert merged and "open data" in merged[0]
