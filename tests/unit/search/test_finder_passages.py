"""The passages a finder reason shows: those that share the most words with the
problem, never one that shares a single word. Pure logic (no node)."""

import pytest

from search.finder import PASSAGES_SHOWN, telling_passages

pytestmark = pytest.mark.unit


def test_passages_with_more_of_the_problems_words_come_first():
    one = "Para 2026 el <mark>municipio</mark> fijó una meta."
    two = "Vigilan la <mark>obra</mark> <mark>pública</mark> de su colonia."
    three = "<mark>Vecinos</mark> vigilan la <mark>obra</mark> <mark>pública</mark>."
    assert telling_passages([one, two, three]) == [three, two][:PASSAGES_SHOWN]


def test_a_word_marked_twice_counts_once_and_one_word_is_not_enough():
    repeated = "<mark>Municipio</mark> y otro <mark>municipio</mark>."
    assert telling_passages([repeated]) == []
    assert telling_passages([]) == []


def test_among_equals_the_highlighters_order_is_kept():
    first = "<mark>obra</mark> <mark>pública</mark> uno"
    second = "<mark>obra</mark> <mark>pública</mark> dos"
    assert telling_passages([first, second]) == [first, second]


def test_forms_of_one_word_and_figures_do_not_make_a_passage_telling():
    forms = "Los <mark>municipios</mark> y cada <mark>municipio</mark> <mark>80</mark>"
    assert telling_passages([forms]) == []
    accents = "<mark>pública</mark> y <mark>publicas</mark> y <mark>obra</mark>"
    assert telling_passages([accents]) == [accents]
