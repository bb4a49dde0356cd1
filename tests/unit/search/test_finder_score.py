"""The finder's score from its parts: the context ranks practices that meet the
problem; it does not lift one that does not.

Pure logic (no node)."""

import pytest

from search.finder import (
    CONTEXT_PARTS,
    WEIGHTS,
    FinderQuery,
    combined,
    problem_themes,
    score_parts,
    scoring_facts,
)
from search.mapping import THEMES_FIELD

pytestmark = pytest.mark.unit


def parts(**given: float) -> dict[str, float]:
    return {name: 0.0 for name in WEIGHTS} | given


def everything_in_context() -> dict[str, float]:
    return {name: 1.0 for name in CONTEXT_PARTS}


def test_the_same_kind_of_institution_does_not_lift_a_practice_off_the_problem():
    on_the_problem = parts(text=0.8)
    same_institution_only = parts(text=0.0, **everything_in_context())
    assert combined(same_institution_only) == 0.0
    assert combined(on_the_problem) > combined(same_institution_only)


def test_between_two_practices_on_the_problem_the_context_decides():
    elsewhere = parts(text=0.9)
    same_state_and_institution = parts(text=0.8, **everything_in_context())
    assert combined(same_state_and_institution) > combined(elsewhere)


def test_the_context_counts_in_proportion_to_how_well_the_problem_is_met():
    half = combined(parts(text=0.5, subdivision=1.0)) - combined(parts(text=0.5))
    full = combined(parts(text=1.0, subdivision=1.0)) - combined(parts(text=1.0))
    assert half == pytest.approx(full / 2)
    by_meaning = combined(parts(semantic=1.0, subdivision=1.0))
    assert by_meaning - combined(parts(semantic=1.0)) == pytest.approx(full)


def test_evidence_counts_whatever_the_match():
    assert combined(parts(evidence=1.0)) == WEIGHTS["evidence"]


def test_a_candidates_facts_read_from_doc_values_look_like_its_document():
    hit = {
        "fields": {
            "country": ["MX"],
            "theme": ["open-data", "public-works"],
            "documented_results": [False],
            "subdivision": [],
        }
    }
    assert scoring_facts(hit) == {
        "country": "MX",
        "theme": ["open-data", "public-works"],
        "documented_results": False,
    }
    assert scoring_facts({}) == {}


def test_a_practice_about_a_theme_the_problem_names_scores_the_about_part():
    problem = "Nadie sabe con qué cabilderos se reúnen los diputados del congreso."
    themes = problem_themes(problem, "es")
    assert "lobbying" in themes
    query = FinderQuery(problem)
    about = score_parts({THEMES_FIELD: ["lobbying"]}, query, 0.5, None, themes)
    elsewhere = score_parts({THEMES_FIELD: ["open-data"]}, query, 0.5, None, themes)
    assert (about["about"], elsewhere["about"]) == (1.0, 0.0)
    assert combined(about) - combined(elsewhere) == pytest.approx(WEIGHTS["about"])
    assert WEIGHTS["about"] > 0


def test_a_problem_naming_no_glossary_theme_is_about_none():
    assert problem_themes("El festival de música del sábado.", "es") == frozenset()
