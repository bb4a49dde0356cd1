"""The shipped demo repertory: real records, both languages, linked, loaded idempotently."""

import json

import pytest

from practices.demo.loader import DEMO_FILE, load_demo_repertory
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


@pytest.mark.django_db
@pytest.mark.slow
def test_loading_the_demo_twice_creates_linked_translations_once(site):
    first = load_demo_repertory()
    assert first.rejected == [] and first.created == len(_records())
    spanish = PracticePage.objects.live().filter(locale__language_code="es").first()
    assert spanish.get_translations().get().locale.language_code == "en"
    second = load_demo_repertory()
    assert (second.created, second.updated) == (0, 0)
