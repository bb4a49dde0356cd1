"""The relevance harness: its judgements, its scores and its skip without data."""

import csv
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from search.evaluation import EvaluationSkipped, evaluate
from search.evaluation.judgements import (
    KINDS,
    judge,
    read_queries,
    write_without_judgements,
)
from search.evaluation.metrics import ndcg_at, recall_at
from search.evaluation.runner import Score, _ours_with_constants, per_query_cell

HEADER = [
    "Commitment Unique Identifier",
    "Country/Locality",
    "Theme",
    "Commitment Title",
    "Anti-Corruption and Integrity",
    "Open Data",
    "Money in Politics",
    "URL",
]
ROWS = [
    ["A1", "Paraguay", "Open data", "Open data portal", "0", "1", "0", "u1"],
    ["A2", "Ukraine", "Integrity", "Asset declarations", "1", "0", "1", "u2"],
    ["A3", "Paraguay", "Integrity", "Open contracting data", "1", "1", "0", "u3"],
]


@pytest.fixture
def ogp_file(tmp_path):
    path = tmp_path / "ogp.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return path


def test_the_judged_set_has_200_queries_of_every_kind_mostly_spanish():
    queries = read_queries()
    assert len(queries) >= 200
    assert {q["kind"] for q in queries} == set(KINDS)
    assert all(q["country"] for q in queries if q["kind"] == "filtered")
    assert len({(q["q"], q["country"]) for q in queries}) == len(queries)
    spanish = [q for q in queries if q["lang"] == "es"]
    assert len(spanish) > 2 * (len(queries) - len(spanish))


def test_the_split_is_fixed_and_halves_every_kind(ogp_file, tmp_path):
    queries = tmp_path / "queries.csv"
    rows = [f"english,en,open data {n},,Open Data" for n in range(9)]
    rows += [f"filtered,es,datos {n},PY,Open Data" for n in range(4)]
    queries.write_text("kind,lang,q,country,areas\n" + "\n".join(rows) + "\n")
    first, again = judge(ogp_file, queries), judge(ogp_file, queries)
    assert [q.half for q in first] == [q.half for q in again]
    halves = Counter((q.kind, q.half) for q in first)
    assert halves == {
        ("english", "tuning"): 4,
        ("english", "held-out"): 5,
        ("filtered", "tuning"): 2,
        ("filtered", "held-out"): 2,
    }
    # A query added to one kind leaves every other kind's halves as they were.
    queries.write_text(queries.read_text() + "filtered,es,datos 9,PY,Open Data\n")
    english_after = [q.half for q in judge(ogp_file, queries) if q.kind == "english"]
    assert english_after == [q.half for q in first if q.kind == "english"]


def test_judgements_come_from_policy_areas_and_the_country(ogp_file, tmp_path):
    queries = tmp_path / "queries.csv"
    queries.write_text(
        "kind,lang,q,country,areas\n"
        "english,en,open data,,Open Data\n"
        "filtered,es,datos abiertos,PY,Open Data|Money in Politics\n"
    )
    open_data, filtered = judge(ogp_file, queries)
    assert open_data.relevant == {"A1", "A3"}
    assert filtered.relevant == {"A1", "A3"}


def test_the_imported_copy_has_no_policy_area_columns_nor_theme(ogp_file, tmp_path):
    target = tmp_path / "stripped.csv"
    write_without_judgements(ogp_file, target)
    with open(target, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "Commitment Unique Identifier",
        "Country/Locality",
        "Commitment Title",
        "URL",
    ]
    assert [row["Commitment Title"] for row in rows] == [r[3] for r in ROWS]


def test_ndcg_rewards_relevant_records_ranked_first():
    relevant = frozenset({"a", "b"})
    assert ndcg_at(["a", "b", "x"], relevant) == pytest.approx(1.0)
    assert ndcg_at(["x", "y", "a", "b"], relevant) < ndcg_at(["a", "x", "b"], relevant)
    assert ndcg_at(["x", "y"], relevant) == 0.0


def test_recall_is_counted_out_of_at_most_the_depth():
    relevant = frozenset(str(n) for n in range(80))
    assert recall_at([str(n) for n in range(50)], relevant, 50) == 1.0
    assert recall_at(["1", "x"], frozenset({"1", "2"}), 50) == 0.5


def test_evaluate_skips_with_a_clear_message_without_the_shared_data(tmp_path):
    with pytest.raises(EvaluationSkipped, match="ogp_commitments_subset.csv is absent"):
        evaluate(tmp_path)


def test_a_query_line_says_how_many_results_the_search_gave():
    cell = per_query_cell(Score("filtered", "presupuesto", 0.5, 0.25, found=7))
    assert cell.replace(" ", "") == "0.50/0.25/7"


def test_an_experiment_on_a_misspelt_constant_is_refused():
    """Not silently scored as our search unchanged."""
    with pytest.raises(ValueError, match="QUESTION_MATCHNG"):
        _ours_with_constants(QUESTION_MATCHNG=False)
    assert callable(_ours_with_constants(QUESTION_ACROSS_FIELDS=False))


def test_an_unknown_engine_is_refused_before_any_setup():
    with pytest.raises(CommandError, match="unknown engine 'questions-acros'"):
        call_command("search", "evaluate", "--engine", "questions-acros")
