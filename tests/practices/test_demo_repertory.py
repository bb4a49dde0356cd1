"""The shipped demo repertory: real records, both languages, linked, loaded idempotently."""

import json

import pytest

from practices.demo.repertory import (
    DEMO_FILE,
    load_demo_repertory,
    retire_dropped_demo_practices,
)
from practices.importers.text import junk_in_title
from practices.models import PracticePage


def _records():
    with open(DEMO_FILE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_every_demo_practice_is_in_both_languages_with_a_source():
    records = _records()
    practices = {(r["source_catalogue"], r["source_id"]) for r in records}
    for catalogue, source_id in practices:
        locales = {
            r["locale"]
            for r in records
            if (r["source_catalogue"], r["source_id"]) == (catalogue, source_id)
        }
        assert locales == {"es", "en"}, source_id
    assert all(
        r["sources"] and r["sources"][0]["url"].startswith("http") for r in records
    )
    assert all(r["is_demo"] for r in records)


def _practices():
    """One record per practice (the Spanish one)."""
    return [r for r in _records() if r["locale"] == "es"]


def test_every_state_or_municipal_practice_names_its_state_and_only_those_a_town():
    practices = _practices()
    assert [
        r["source_id"]
        for r in practices
        if r["government_level"] in ("state", "municipal") and not r["subdivision"]
    ] == []
    assert [
        r["source_id"]
        for r in practices
        if r["municipality"]
        and r["government_level"] != "municipal"
        and r["government_level"] != "multi-level"
    ] == []


def test_every_demo_practice_has_a_government_level_and_a_start_year():
    practices = _practices()
    assert [r["source_id"] for r in practices if not r["government_level"]] == []
    assert [r["source_id"] for r in practices if not r["start_year"]] == []


def test_participatory_budgeting_is_kept_apart_from_fiscal_transparency():
    named = [
        r
        for r in _records()
        if r["locale"] == "en" and "participatory budget" in r["title"].lower()
    ]
    assert all("participatory-budgeting" in r["themes"] for r in named)
    assert all(r["themes"][0] != "fiscal-openness" for r in named)


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


def _write(records, path):
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# The tests below prove what a reload does to one practice (an edit, a retirement, a
# rename); they load the first few of the shipped cases, both languages of each,
# rather than all of them: a full load of the file is proven once, above.
SLICE_PRACTICES = 4


def _slice(tmp_path):
    """The shipped records of the first SLICE_PRACTICES practices, and their file."""
    records = _records()
    first = list(dict.fromkeys(r["source_id"] for r in records))[:SLICE_PRACTICES]
    sliced = [r for r in records if r["source_id"] in first]
    return sliced, _write(sliced, tmp_path / "demo-slice.jsonl")


def test_a_case_edited_after_loading_reaches_the_pages_on_the_next_load(site, tmp_path):
    """What an auditor changes in a case (terms, outcomes, a dated source) must reach
    a site that loaded the demo before, in both languages and in the revision that
    is published, not only on a fresh database."""
    records, demo = _slice(tmp_path)
    source_id = records[0]["source_id"]
    load_demo_repertory(demo)
    edited = []
    for record in records:
        if record["source_id"] == source_id:
            record = {
                **record,
                "themes": ["open-data"],
                "outcomes": [],
                "sources": [
                    *record["sources"],
                    {
                        "title": "A later evaluation",
                        "url": "https://example.org/evaluation",
                        "kind": "study",
                        "date": "2024-03-01",
                    },
                ],
            }
        edited.append(record)
    report = load_demo_repertory(_write(edited, tmp_path / "edited.jsonl"))
    # One language updated; publishing it shares the classification to the other.
    assert report.rejected == [] and report.updated >= 1
    for page in PracticePage.objects.filter(source_id=source_id):
        assert [t.slug for t in page.themes.all()] == ["open-data"]
        assert list(page.outcomes.all()) == []
        added = page.sources.get(url="https://example.org/evaluation")
        assert str(added.date) == "2024-03-01"
        assert page.live_revision.as_object().sources.count() == page.sources.count()
    again = load_demo_repertory(tmp_path / "edited.jsonl")
    assert (again.created, again.updated) == (0, 0)


def test_a_case_that_left_the_demo_is_unpublished_in_both_languages(site, tmp_path):
    records, demo = _slice(tmp_path)
    dropped = records[0]["source_id"]
    load_demo_repertory(demo)
    smaller = _write(
        [r for r in records if r["source_id"] != dropped], tmp_path / "smaller.jsonl"
    )
    retired = retire_dropped_demo_practices(smaller)
    assert {page.source_id for page in retired} == {dropped}
    assert not PracticePage.objects.live().filter(source_id=dropped).exists()
    assert (
        PracticePage.objects.filter(source_id=dropped).count() == 2
    )  # kept, unpublished
    assert PracticePage.objects.live().count() == len(records) - 2
    assert retire_dropped_demo_practices(smaller) == []


def test_a_practice_no_longer_marked_demo_is_not_retired(site, tmp_path):
    records, demo = _slice(tmp_path)
    adopted = records[0]["source_id"]
    load_demo_repertory(demo)
    PracticePage.objects.filter(source_id=adopted).update(is_demo=False)
    smaller = _write(
        [r for r in records if r["source_id"] != adopted], tmp_path / "smaller.jsonl"
    )
    assert retire_dropped_demo_practices(smaller) == []
    assert PracticePage.objects.live().filter(source_id=adopted).count() == 2


def test_a_practice_an_editor_renamed_keeps_its_address_and_is_left_unchanged(
    site, tmp_path
):
    _, demo = _slice(tmp_path)
    load_demo_repertory(demo)
    page = PracticePage.objects.filter(locale__language_code="es").first()
    page.slug = "una-direccion-elegida-por-la-editora"
    page.save_revision().publish()
    again = load_demo_repertory(demo)
    assert (again.created, again.updated) == (0, 0)
    page.refresh_from_db()
    assert page.slug == "una-direccion-elegida-por-la-editora"
