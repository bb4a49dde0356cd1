"""The glossary phrases an official's problem names, each matched as a phrase by the
finder: found whatever the accents, capitals and punctuation, once per concept.

Pure logic (the glossary file; no node, no database)."""

import pytest

from search.finder import problem_query
from search.key_terms import key_phrases_in

pytestmark = pytest.mark.unit


def test_a_named_glossary_phrase_is_found_whatever_its_accents_and_capitals():
    problem = "Queremos que la población decida con un PRESUPUESTO participativo."
    assert "presupuesto participativo" in key_phrases_in(problem, "es")


def test_a_phrase_inside_a_longer_one_is_not_counted_again():
    problem = "Queremos reformar la ley de acceso a la información."
    found = key_phrases_in(problem, "es")
    assert "ley de acceso a la informacion" in found
    assert "acceso a la informacion" not in found


def test_words_of_a_phrase_apart_do_not_name_it():
    problem = "El presupuesto no es participativo en nada."
    assert "presupuesto participativo" not in key_phrases_in(problem, "es")


def test_the_problem_query_matches_each_named_phrase_as_a_phrase(monkeypatch):
    monkeypatch.setattr("search.finder.translate_query", lambda *args: "")
    clauses = problem_query("Queremos publicar datos abiertos de obra pública.", "es")
    phrases = [
        clause["multi_match"]["query"]
        for clause in clauses["bool"]["should"]
        if clause.get("multi_match", {}).get("type") == "phrase"
    ]
    assert sorted(phrases) == ["datos abiertos", "obra publica"]
