"""The official's context is parsed once, from the form or from JSON, keeping what
it understood and naming what it did not."""

import pytest
from django.http import QueryDict

from finder.context import FinderContext, parse_context

pytestmark = pytest.mark.django_db

PROBLEM = "los vecinos no confían en el gasto de obra pública"


def test_a_full_context_is_understood():
    context = parse_context(
        QueryDict(
            "level=municipal&party=executive&country=mx&subdivision=MX-OAX"
            "&population=20k-100k&improve=participation-citizen"
            "&improve=transparency-citizen&has=portal&staff=1-2&budget=none"
            f"&time=6-12m&problem={PROBLEM}"
        )
    )
    assert context.is_valid
    assert context.country == "MX"
    assert context.improve == ("participation-citizen", "transparency-citizen")
    assert context.has == ("portal",)
    assert context.problem == PROBLEM


def test_the_url_keeps_the_whole_context():
    """A shared link gives the same context back."""
    context = parse_context(
        {
            "problem": PROBLEM,
            "level": "state",
            "subdivision": "MX-JAL",
            "improve": ["participation-government"],
            "has": ["open-data", "portal"],
            "time": "over-1y",
        }
    )
    link = context.url("/encuentra/")
    assert link.startswith("/encuentra/?")
    again = parse_context(QueryDict(link.split("?", 1)[1]))
    assert again == context
    assert again.country == "MX"  # the state names its country


def test_errors_name_the_parameter_and_keep_everything_else():
    context = parse_context(
        {
            "problem": "obra",
            "level": "galactic",
            "country": "CL",
            "subdivision": "MX-OAX",
            "improve": ["participation-citizen", "happiness"],
            "staff": "3-10",
        },
        lang="en",
    )
    assert not context.is_valid
    assert {e.parameter for e in context.errors} == {
        "problem",
        "level",
        "subdivision",
        "improve",
    }
    assert context.error_for("problem") == "describe the problem in at least 3 words"
    # What was understood stays, so the form shows it again.
    assert context.problem == "obra"
    assert context.country == "CL"
    assert context.subdivision == "MX-OAX"
    assert context.improve == ("participation-citizen",)
    assert context.staff == "3-10"


def test_errors_are_worded_in_the_readers_language():
    context = parse_context({"problem": "x" * 1001}, lang="es")
    assert context.error_for("problem") == "como máximo 1000 caracteres"


def test_an_empty_request_is_an_empty_context():
    assert parse_context(QueryDict("")).is_empty
    assert parse_context(QueryDict("")) == FinderContext()


def test_json_values_of_the_wrong_kind_are_errors_not_crashes():
    context = parse_context(
        {"problem": PROBLEM, "level": ["state", "municipal"], "has": {"a": 1}}
    )
    assert {e.parameter for e in context.errors} == {"level", "has"}
