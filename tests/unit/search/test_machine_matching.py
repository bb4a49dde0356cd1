"""How the words' clauses meet machine translations (search/query.py
`words_clause`): by default beside people's text in one clause; the seventh
wave's switches (measured, off: docs/search.md) build what they say.

Pure logic (no node, no database)."""

from unittest import mock

import pytest

from search import query
from search.query import matching_query, text_fields

pytestmark = pytest.mark.unit

Q = "tramites y servicios publicos en linea"
TRANSLATED = "formalities and public services on line"


def _clauses(**switches) -> list[dict]:
    if not switches:
        return matching_query(Q, TRANSLATED)["bool"]["should"]
    with mock.patch.multiple(query, **switches):
        return matching_query(Q, TRANSLATED)["bool"]["should"]


def _machine(fields: list[str]) -> bool:
    return all("_mt_" in f for f in fields)


def test_by_default_the_words_and_their_translation_meet_every_field_in_one_clause():
    translated, words = _clauses()[:2]
    for clause in (translated, words):
        assert clause["multi_match"]["fields"] == text_fields()
        assert clause["multi_match"]["minimum_should_match"] == query.WORDS_REQUIRED
    assert {"title_en^4", "body_mt_es^0.5"} <= set(words["multi_match"]["fields"])


def test_text_fields_of_people_or_of_machine_translations():
    people, machine = text_fields(machine=False), text_fields(human=False)
    assert people + machine == text_fields()
    assert not any("_mt_" in f for f in people)
    assert machine and _machine([f.split("^")[0] for f in machine])


def test_machine_translations_in_a_clause_of_their_own_need_more_of_the_words():
    words = _clauses(MACHINE_CLAUSE=True, MACHINE_WORDS_REQUIRED="100%")[1]
    people, machine = words["dis_max"]["queries"]
    assert words["dis_max"]["boost"] == 3
    assert not _machine(people["multi_match"]["fields"])
    assert people["multi_match"]["minimum_should_match"] == query.WORDS_REQUIRED
    assert _machine(machine["multi_match"]["fields"])
    assert machine["multi_match"]["minimum_should_match"] == "100%"


def test_machine_translations_as_a_phrase():
    words = _clauses(MACHINE_CLAUSE=True, MACHINE_AS_PHRASE=True)[1]
    machine = words["dis_max"]["queries"][1]["multi_match"]
    assert machine["type"] == "phrase"
    assert _machine(machine["fields"])


def test_the_translation_on_people_s_text_only():
    translated, words = _clauses(TRANSLATION_ON_MACHINE=False)[:2]
    assert translated["multi_match"]["query"] == TRANSLATED
    assert translated["multi_match"]["fields"] == text_fields(machine=False)
    assert words["multi_match"]["fields"] == text_fields()


def test_a_machine_translation_holding_every_word_counts_more():
    words = _clauses(MACHINE_COVERAGE_BOOST=1)[1]
    as_today, whole = words["bool"]["should"]
    assert as_today["multi_match"]["fields"] == text_fields()
    assert _machine(whole["multi_match"]["fields"])
    assert whole["multi_match"]["minimum_should_match"] == "100%"
    assert whole["multi_match"]["boost"] == 3
