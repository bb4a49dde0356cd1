"""What reaches a judged query's relevant practices (search/evaluation/reach.py),
asked of the real node over the shared small repertory."""

import pytest
from django.http import QueryDict

from search.client import get_client
from search.evaluation.reach import reachable_practices, returned_practices
from search.filters import parse_filters
from search.indexer import alias_name

from .helpers import search

pytestmark = pytest.mark.django_db


def titles_of(ids: list[str]) -> set[str]:
    docs = get_client().mget(index=alias_name(), body={"ids": ids}, _source="titles")
    return {
        title for doc in docs["docs"] for title in doc["_source"]["titles"].values()
    }


def test_every_practice_the_search_returns_not_a_page_of_them(corpus):
    filters = parse_filters(QueryDict("q=datos&page_size=1"))
    returned = returned_practices(filters)
    assert len(returned) == search("q=datos").total > 1
    assert len(set(returned)) == len(returned)


def test_words_reach_through_synonyms_and_not_where_none_is_held(corpus):
    """'denunciantes' is held by no English text, but its glossary synonyms are."""
    reached = titles_of(reachable_practices(parse_filters(QueryDict("q=denunciantes"))))
    assert "Whistleblower protection law" in reached
    assert "Participatory budgeting in neighbourhoods" not in reached


def test_a_typed_word_reaches_within_the_search_fuzzy_distance(corpus):
    reached = titles_of(reachable_practices(parse_filters(QueryDict("q=zapopon"))))
    assert "Presupuestos participativos en Zapopan" in reached


def test_the_selections_bound_what_is_reachable(corpus):
    everywhere = reachable_practices(parse_filters(QueryDict("q=denunciantes")))
    in_kenya = reachable_practices(
        parse_filters(QueryDict("q=denunciantes&country=KE"))
    )
    assert titles_of(in_kenya) == {"Whistleblower protection law"}
    assert set(in_kenya) < set(everywhere)
