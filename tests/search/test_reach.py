"""What reaches a judged query's relevant practices (search/evaluation/reach.py),
asked of the real node over the shared small repertory."""

import numpy as np
import pytest
from django.http import QueryDict

from search.client import get_client
from search.evaluation.reach import (
    near_practices,
    reachable_practices,
    returned_practices,
)
from search.filters import parse_filters
from search.indexer import alias_name
from search.ranking import vector_words
from search.vectors import encoder_problem, query_vector

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


def test_a_question_is_near_by_the_vector_the_search_makes_of_it():
    """The vector half reads a question's topic (`ranking.vector_words`), so what
    lies near is measured from the topic's vector, not the question's as typed: a
    practice at right angles to the typed question but near its topic is near."""
    if encoder_problem():
        pytest.skip(encoder_problem())
    question = "¿cómo crear un registro de beneficiarios finales?"
    assert vector_words(question) != question
    typed = unit(query_vector(question))
    topic = unit(query_vector(vector_words(question)))
    likeness = float(topic @ typed)
    only_near_the_topic = unit(topic - likeness * typed)
    assert float(only_near_the_topic @ typed) == pytest.approx(0, abs=1e-5)
    near = near_practices(
        parse_filters(QueryDict(f"q={question}")),
        {"topic-only": only_near_the_topic, "the-topic": topic},
    )
    assert set(near) == {"topic-only", "the-topic"}


def unit(vector) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    return array / np.linalg.norm(array)
