"""Machine translations reach search on the real node; without Apertium search still
answers and the status says why nothing is translated."""

import uuid

import pytest

from practices.translation import translate_practices
from search.commands import drain_queue, status_lines
from search.indexer import rebuild
from tests.factories import (
    create_practices,
    english_only_practice,
    practice_record,
    translation_pair,
)

from .helpers import search

pytestmark = pytest.mark.django_db


def ids(results) -> list[str]:
    return [hit.id for hit in results.results]


@pytest.fixture
def own_text_index(settings, private_index_prefix, site):
    # The text half alone: sentence vectors would find the practice without any
    # translation, and these tests are about what the translation adds.
    settings.SEARCH_MODE = "text"


@pytest.fixture
def english_only(own_text_index):
    return english_only_practice()


def test_an_english_only_practice_is_found_by_words_only_in_its_spanish_translation(
    english_only,
):
    key = str(english_only.translation_key)
    rebuild()
    assert key not in ids(search("q=ayuntamiento+pago&lang=es"))

    translate_practices(notify=False)
    rebuild()
    assert key in ids(search("q=ayuntamiento+pago&lang=es"))


def test_the_worker_translates_a_published_practice_and_reindexes_it(english_only):
    rebuild()
    drain_queue()
    assert str(english_only.translation_key) in ids(search("q=ayuntamiento&lang=es"))


def test_human_text_ranks_above_a_machine_translation(own_text_index):
    create_practices(
        [
            practice_record(
                f"mt-{uuid.uuid4().hex[:8]}",
                "The city council publishes its spending every month",
                "Residents can read every payment.",
                locale="en",
                original_language="en",
            ),
            *translation_pair(
                f"mt-{uuid.uuid4().hex[:8]}",
                {
                    "title": "El ayuntamiento publica su gasto cada mes",
                    "summary": "Cada pago del ayuntamiento es público.",
                },
                {
                    "title": "Monthly spending reports",
                    "summary": "Every payment is public.",
                },
            ),
        ]
    )
    translate_practices(notify=False)
    rebuild()
    results = search("q=ayuntamiento+publica+gasto&lang=es")
    ours = {"El ayuntamiento publica su gasto cada mes", "El ayuntamiento publica su"}
    shown = [
        (hit.title, hit.machine_translated)
        for hit in results.results
        if hit.title.startswith(tuple(ours))
    ]
    assert shown[0] == ("El ayuntamiento publica su gasto cada mes", False)
    assert [machine for _title, machine in shown] == [False, True]


def test_without_apertium_search_answers_and_the_status_warns(
    english_only, settings, client
):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    report = drain_queue()
    assert report.remaining == 0
    key = str(english_only.translation_key)
    assert key in ids(search("q=council+spending&lang=en"))
    assert any(
        line.startswith("machine translation: WARNING") and "not found" in line
        for line in status_lines()
    )
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["machine_translation"]["ok"] is False
    assert "apertium" in body["warnings"][0]


def test_did_you_mean_offers_spanish_words_from_a_machine_translation(english_only):
    translate_practices(notify=False)
    rebuild()
    assert search("q=ayuntamineto&lang=es").suggestion == "ayuntamiento"
    assert search("q=councl+spending&lang=en").suggestion == "council spending"
