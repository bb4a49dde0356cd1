"""The facet registry as declarations: every facet names a real field and term key,
and a practice's values are read from its pages the way the search document and the
interchange records take them. Pages here are plain stand-ins (no database)."""

from types import SimpleNamespace

import pytest

from practices.facets import FACET_NAMES, FACETS, facet_named
from practices.models import PracticePage


class Related(list):
    """A many-to-many manager's stand-in: `.all()` gives its terms."""

    def all(self):
        return list(self)


def term(pk, **fields):
    return SimpleNamespace(pk=pk, **fields)


def test_each_facet_is_declared_once_in_its_place_among_the_filters():
    assert len(set(FACET_NAMES)) == len(FACETS)
    orders = [facet.order for facet in FACETS]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


def test_a_facet_is_found_by_its_name_and_an_unknown_name_is_an_error():
    for facet in FACETS:
        assert facet_named(facet.name) is facet
    with pytest.raises(KeyError):
        facet_named("colour")


def test_each_facet_reads_a_field_of_the_practice_page():
    for facet in FACETS:
        PracticePage._meta.get_field(facet.field.split("__")[0])


def test_each_facet_takes_its_terms_from_a_vocabulary_or_a_fixed_list():
    for facet in FACETS:
        assert (facet.vocabulary is None) != (not facet.fixed_terms), facet.name
        if facet.vocabulary is not None:
            facet.vocabulary._meta.get_field(facet.key)


def test_fixed_terms_are_listed_without_the_database():
    for facet in FACETS:
        if facet.vocabulary is None:
            assert facet.terms() == list(facet.fixed_terms)


def test_several_values_are_sorted_and_a_single_value_is_one_or_none():
    themes = facet_named("theme")
    country = facet_named("country")
    page = SimpleNamespace(
        themes=Related([term(2, slug="open-data"), term(1, slug="budgets")]),
        country=term(7, code="MX"),
    )
    assert themes.record_value(page) == ["budgets", "open-data"]
    assert country.record_value(page) == "MX"
    assert country.record_value(SimpleNamespace(country=None)) is None


def test_a_derived_facet_follows_its_lookup_path():
    region = facet_named("region")
    page = SimpleNamespace(country=term(7, code="MX", region=term(3, slug="americas")))
    assert region.page_values(page) == ["americas"]


def test_a_hierarchical_value_brings_its_ancestors_into_the_search_document():
    themes = facet_named("theme")
    page = SimpleNamespace(themes=Related([term(2, slug="open-data")]))
    ancestry = {2: ["open-data", "access-to-information"]}
    assert themes.practice_value([page], page, ancestry) == [
        "access-to-information",
        "open-data",
    ]
    assert themes.page_values(page) == ["open-data"]


def test_a_facet_across_translations_takes_every_translation_others_the_original():
    language = facet_named("language")
    country = facet_named("country")
    spanish = SimpleNamespace(locale=term(1, language_code="es"), country=None)
    english = SimpleNamespace(
        locale=term(2, language_code="en"), country=term(7, code="MX")
    )
    pages = [spanish, english]
    assert language.practice_value(pages, spanish, {}) == ["en", "es"]
    assert country.practice_value(pages, spanish, {}) is None
    assert country.practice_value(pages, english, {}) == "MX"
