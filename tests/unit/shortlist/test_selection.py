"""`?ids=` is read strictly: practice ids only, each once, in the visitor's order,
within a cap; comma lists and repeated parameters (a form's checkboxes) both count."""

import uuid

import pytest
from django.http import QueryDict

from shortlist.selection import (
    MAX_LISTED,
    Selection,
    SelectionError,
    parse_selection,
)

A, B, C = (str(uuid.uuid4()) for _ in range(3))


def _parse(query: str, **kwargs) -> Selection:
    return parse_selection(QueryDict(query), **kwargs)


def test_ids_keep_the_visitors_order_and_appear_once():
    assert _parse(f"ids={B},{A},{B}").ids == (B, A)


def test_comma_lists_and_repeated_parameters_are_read_alike():
    assert _parse(f"ids={A}&ids={B},{C}").ids == (A, B, C)


def test_blanks_spaces_and_capitals_are_forgiven():
    assert _parse(f"ids=, {A.upper()} ,,").ids == (A,)


def test_no_ids_is_an_empty_selection():
    assert not _parse("")
    assert _parse("ids=").ids == ()


def test_an_id_that_is_not_a_practice_id_is_named_in_the_error():
    with pytest.raises(SelectionError) as error:
        _parse(f"ids={A},zapopan")
    assert "zapopan" in error.value.message
    assert error.value.parameter == "ids"


def test_more_ids_than_the_cap_are_refused():
    many = ",".join(str(uuid.uuid4()) for _ in range(MAX_LISTED + 1))
    with pytest.raises(SelectionError):
        _parse(f"ids={many}")
    assert len(_parse(f"ids={many.rsplit(',', 1)[0]}")) == MAX_LISTED


def test_two_to_four_practices_can_be_compared():
    ids = [str(uuid.uuid4()) for _ in range(5)]
    assert [Selection(tuple(ids[:n])).can_be_compared for n in range(6)] == [
        False,
        False,
        True,
        True,
        True,
        False,
    ]


def test_the_query_keeps_commas_readable():
    assert Selection((A, B)).query(format="csv") == f"ids={A},{B}&format=csv"
