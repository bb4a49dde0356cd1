"""What a search form without JavaScript sends for nothing chosen (empty words and
years, the order it starts with, the undated switch's hidden "0") is taken out of
the address; everything chosen, and everything the search could not use, stays as
given."""

from collections import defaultdict

import pytest
from django.http import QueryDict

from search import filters as filters_module
from search.filters import parse_filters, without_form_blanks
from search.labels import Label

VOCABULARY = {"country": {"MX": Label("México", "Mexico")}}


@pytest.fixture(autouse=True)
def fixed_vocabulary(monkeypatch):
    labels = defaultdict(dict, VOCABULARY)
    monkeypatch.setattr(filters_module, "facet_labels", lambda: labels)


def tidied(querystring: str, usable: str | None = None) -> str | None:
    """`usable`: the part of the query the page could parse (what it left out
    named as an error); all of it by default."""
    params = QueryDict(querystring)
    understood = QueryDict(querystring if usable is None else usable)
    return without_form_blanks(params, parse_filters(understood))


def test_empty_fields_and_the_default_order_leave_the_address():
    assert tidied("q=agua&year_from=&year_to=&sort=relevance") == "q=agua"


def test_a_form_sent_with_nothing_chosen_is_the_bare_search():
    assert tidied("q=&year_from=&year_to=&sort=relevance") == ""
    assert tidied("q=%20%20") == ""


def test_what_was_chosen_stays_in_the_order_given():
    assert (
        tidied("q=agua+potable&country=MX&year_from=2018&year_to=&sort=newest")
        == "q=agua+potable&country=MX&year_from=2018&sort=newest"
    )


@pytest.mark.parametrize(
    "clean", ["", "q=agua", "country=MX&q=agua&sort=oldest", "utm_source=x&q=agua"]
)
def test_an_address_without_blanks_is_left_alone(clean):
    assert tidied(clean) is None


@pytest.mark.parametrize(
    ("sent", "meant"),
    [
        # A closed range leaves the undated out anyway: the hidden 0 says nothing.
        ("year_from=2018&year_to=2019&undated=0", "year_from=2018&year_to=2019"),
        # The box ticked after its hidden 0: the last value counts, alone.
        (
            "year_from=2018&year_to=2019&undated=0&undated=1",
            "year_from=2018&year_to=2019&undated=1",
        ),
        # One end keeps the undated anyway: the ticked box says nothing.
        ("year_from=2018&year_to=&undated=0&undated=1", "year_from=2018"),
        ("year_from=2018&year_to=&undated=0", "year_from=2018&undated=0"),
        # Years emptied: the switch has nothing left to say.
        ("q=agua&year_from=&year_to=&undated=0&undated=1", "q=agua"),
    ],
)
def test_the_undated_switch_stays_only_where_it_changes_the_search(sent, meant):
    assert tidied(sent) == meant


def test_a_value_the_search_could_not_use_stays_as_typed_for_the_page_to_name():
    assert (
        tidied("q=agua&year_from=1850&year_to=&sort=relevance", usable="q=agua")
        == "q=agua&year_from=1850"
    )
    assert tidied("country=XX&theme=&sort=relevance") == "country=XX"
    assert tidied("undated=maybe&q=", usable="") == "undated=maybe"


def test_parameters_that_are_not_the_search_s_stay():
    assert tidied("lang=en&q=&utm_source=boletin") == "lang=en&utm_source=boletin"
