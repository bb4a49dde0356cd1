"""The judged contexts: valid for the finder's own parser, graded, split the same way
every run, and scored with graded nDCG."""

import json

import pytest

from finder.context import parse_context
from finder.evaluation.judged import (
    CONTEXTS_FILE,
    JudgedContext,
    judged_contexts,
    split,
)
from finder.evaluation.metrics import ndcg_at
from finder.evaluation.runner import Scores
from practices.demo.case_file import CASES_DIR


def test_ndcg_rewards_the_best_graded_practice_first():
    grades = {"a": 3, "b": 1}
    assert ndcg_at(["a", "b", "x"], grades) == pytest.approx(1.0)
    assert ndcg_at(["b", "a"], grades) < ndcg_at(["a", "b"], grades)
    assert ndcg_at(["x", "y"], grades) == 0.0


def test_the_split_is_fixed_disjoint_and_even():
    contexts = judged_contexts()
    first, second = split(contexts), split(contexts)
    assert [c.id for c in first["tuning"]] == [c.id for c in second["tuning"]]
    tuning = {c.id for c in first["tuning"]}
    held_out = {c.id for c in first["held-out"]}
    assert not tuning & held_out
    assert tuning | held_out == {c.id for c in contexts}
    assert abs(len(tuning) - len(held_out)) <= 1


def test_a_new_batch_does_not_move_an_earlier_context_between_halves():
    def ids(contexts):
        halves = split(contexts)
        return {half: {c.id for c in halves[half]} for half in halves}

    first = [JudgedContext(f"a{n:02}", {}, {}) for n in range(23)]
    added = [JudgedContext(f"b{n:02}", {}, {}, batch=2) for n in range(9)]
    alone, together = ids(first), ids(first + added)
    for half in alone:
        assert {i for i in together[half] if i.startswith("a")} == alone[half]
    assert len({i for i in together["tuning"] if i.startswith("b")}) == 4


def test_there_are_at_least_forty_contexts_each_with_a_first_choice():
    contexts = judged_contexts()
    assert len(contexts) >= 40
    assert len({c.id for c in contexts}) == len(contexts)
    for context in contexts:
        assert 3 in context.relevant.values(), context.id


def test_every_judged_practice_is_a_demo_case():
    known = {
        json.loads(path.read_text(encoding="utf-8"))["source_id"]
        for path in CASES_DIR.glob("*.json")
    }
    for context in judged_contexts():
        assert set(context.relevant) <= known, context.id
    assert CONTEXTS_FILE.is_file()


@pytest.mark.django_db
def test_every_judged_context_is_valid_for_the_finder():
    for judged in judged_contexts():
        context = parse_context(judged.params, lang=judged.lang)
        assert context.is_valid, (judged.id, context.errors)


def test_the_table_prints_both_halves_and_the_gap():
    scores = Scores(
        {
            "finder": {"tuning": {"a": 0.9}, "held-out": {"b": 0.8, "c": 0.6}},
            "search": {"tuning": {"a": 0.5}, "held-out": {"b": 0.4, "c": 0.6}},
        }
    )
    lines = scores.table()
    assert lines[1].split() == ["tuning", "1", "0.900", "0.500"]
    assert lines[2].split() == ["held-out", "2", "0.700", "0.500"]
    assert lines[3] == "finder - search: tuning +0.400, held-out +0.200"


def test_the_table_of_a_subset_counts_only_its_contexts():
    scores = Scores(
        {
            "finder": {"tuning": {"a": 0.9, "d": 0.1}, "held-out": {"b": 0.8}},
            "search": {"tuning": {"a": 0.5, "d": 0.3}, "held-out": {"b": 0.4}},
        }
    )
    lines = scores.table(only=frozenset({"a", "b"}))
    assert lines[1].split() == ["tuning", "1", "0.900", "0.500"]
    assert scores.table()[1].split() == ["tuning", "2", "0.500", "0.400"]


def test_a_context_plain_search_failed_on_is_counted_apart():
    """A failed ranking scores 0, and the gap is also given without those contexts,
    so the finder does not profit from search's errors."""
    scores = Scores(
        {
            "finder": {"tuning": {"a": 0.9}, "held-out": {"b": 0.8, "c": 0.6}},
            "search": {"tuning": {"a": 0.5}, "held-out": {"b": 0.0, "c": 0.6}},
        },
        failed={"finder": set(), "search": {"b"}},
    )
    lines = scores.table()
    assert lines[2].split() == ["held-out", "2", "0.700", "0.300"]
    assert lines[4] == (
        "failed (scored 0): b; without them: tuning finder 0.900 search 0.500, "
        "held-out finder 0.600 search 0.600"
    )
