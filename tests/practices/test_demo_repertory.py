"""The shipped demo repertory: real records, both languages, linked, loaded idempotently."""

import json

import pytest

from practices.demo.repertory import DEMO_FILE, load_demo_repertory
from practices.importers.text import junk_in_title
from practices.models import PracticePage


def _records():
    with open(DEMO_FILE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_the_demo_file_has_at_least_120_practices_each_in_both_languages_with_a_source():
    records = _records()
    practices = {(r["source_catalogue"], r["source_id"]) for r in records}
    assert len(practices) >= 120
    for catalogue, source_id in practices:
        locales = {
            r["locale"]
            for r in records
            if (r["source_catalogue"], r["source_id"]) == (catalogue, source_id)
        }
        assert locales == {"es", "en"}, source_id
    assert all(
        r["sources"] and r["sources"][0]["url"].startswith("https://") for r in records
    )
    assert all(r["is_demo"] for r in records)
    assert sum(1 for r in records if r["country"] == "MX") >= 20  # every Mexican record


def _practices():
    """One record per practice (the Spanish one)."""
    return [r for r in _records() if r["locale"] == "es"]


def test_every_mexican_demo_practice_whose_source_names_a_city_has_its_state():
    mexican = [r for r in _practices() if r["country"] == "MX"]
    with_a_city = [r for r in mexican if r["municipality"]]
    assert len(with_a_city) >= 8
    assert [r["source_id"] for r in with_a_city if not r["subdivision"]] == []
    states = {r["municipality"]: r["subdivision"] for r in with_a_city}
    assert states["Mexico City"] == "MX-CMX"
    assert states["San Pedro Garza García"] == "MX-NLE"


def test_the_government_level_covers_at_least_90_percent_of_demo_practices():
    practices = _practices()
    with_level = [r for r in practices if r["government_level"]]
    assert len(with_level) >= 0.9 * len(practices)
    municipal = [r for r in practices if r["government_level"] == "municipal"]
    assert len(municipal) >= 50


def test_participatory_budgeting_holds_the_cases_that_practise_it():
    budgeting = [r for r in _practices() if "participatory-budgeting" in r["themes"]]
    assert len(budgeting) >= 30
    named = [r for r in _practices() if "participatory budget" in r["title"].lower()]
    assert all("participatory-budgeting" in r["themes"] for r in named)


def test_no_demo_title_carries_a_test_marker():
    assert [r["title"] for r in _records() if junk_in_title(r["title"])] == []


@pytest.mark.django_db
@pytest.mark.slow
def test_loading_the_demo_twice_creates_linked_translations_once(site):
    first = load_demo_repertory()
    assert first.rejected == [] and first.created == len(_records())
    spanish = PracticePage.objects.live().filter(locale__language_code="es").first()
    assert spanish.get_translations().get().locale.language_code == "en"
    second = load_demo_repertory()
    assert (second.created, second.updated) == (0, 0)
