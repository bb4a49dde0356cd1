"""The migration that makes classification one per practice merges today's
divergent sets, records what it merged and reports it."""

import uuid

import pytest
from django.apps import apps

from practices.models import (
    ClassificationReconciliation,
    PracticePage,
    PracticeSource,
)
from practices.reconciliation import reconcile_classifications
from taxonomy.models import Subdivision, Theme
from tests.factories import create_practices, translation_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def divergent(site):
    """An English-original pair whose Spanish page was edited alone (the old way)."""
    source_id = f"rec-{uuid.uuid4().hex[:8]}"
    create_practices(
        translation_pair(
            source_id,
            {
                "title": "Presupuesto participativo",
                "summary": "Los vecinos votan obras.",
                "themes": ["open-data"],
                "original_language": "en",
            },
            {"title": "Participatory budgeting", "summary": "Residents vote."},
        )
    )
    pages = PracticePage.objects.filter(source_id=source_id)
    spanish = pages.get(locale__language_code="es")
    english = pages.get(locale__language_code="en")
    PracticePage.themes.through.objects.create(
        practicepage=spanish, theme=Theme.objects.get(slug="water-sanitation")
    )
    PracticePage.objects.filter(pk=spanish.pk).update(
        subdivision=Subdivision.objects.get(code="MX-JAL"), start_year=2015
    )
    PracticePage.objects.filter(pk=english.pk).update(start_year=2016)
    PracticeSource.objects.create(
        page=spanish, title="Nota", url="https://example.org/nota", sort_order=5
    )
    return spanish, english


def test_divergent_practices_are_merged_recorded_and_reported(divergent):
    spanish, english = divergent
    lines = reconcile_classifications(apps.get_model)

    assert lines[0].startswith("classification: 1 of ")
    assert str(spanish.translation_key) in lines[1]
    for page in (spanish, english):
        page = PracticePage.objects.get(pk=page.pk)
        assert {t.slug for t in page.themes.all()} == {"open-data", "water-sanitation"}
        assert page.subdivision.code == "MX-JAL"  # only the translation had one
        assert page.start_year == 2016  # the original's wins
        assert "https://example.org/nota" in [s.url for s in page.sources.all()]
        # The editor's form starts from the revision: it holds the merge too.
        latest = page.get_latest_revision_as_object()
        assert {t.slug for t in latest.themes.all()} == {
            "open-data",
            "water-sanitation",
        }
        assert latest.start_year == 2016
    record = ClassificationReconciliation.objects.get(
        translation_key=spanish.translation_key
    )
    assert set(record.changes) == {"themes", "subdivision", "start_year", "sources"}
    assert record.changes["start_year"]["before"] == {"en": 2016, "es": 2015}


def test_practices_that_agree_are_left_alone(divergent):
    reconcile_classifications(apps.get_model)
    again = reconcile_classifications(apps.get_model)
    assert again[0].startswith("classification: 0 of ")
    assert ClassificationReconciliation.objects.count() == 1
