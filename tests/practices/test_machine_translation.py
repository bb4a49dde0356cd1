"""Machine translation with the real Apertium: stored by text hash, redone only when
the text changes, never over an editor's translation, optional when Apertium is absent."""

import uuid

import pytest

from practices.models import MachineTranslation, PendingTranslation
from practices.translation import (
    ApertiumTranslator,
    machine_translations_for,
    translate_pending,
    translate_practices,
)
from tests.factories import (
    create_practices,
    english_only_practice,
    translation_pair,
)

pytestmark = pytest.mark.django_db


class CountingTranslator(ApertiumTranslator):
    """The real translator, counting the texts it is asked to translate."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []

    def translate(self, texts, source, target):
        self.texts += list(texts)
        return super().translate(texts, source, target)


@pytest.fixture
def english_practice(site):
    return english_only_practice(
        actions="<p>The council opens a public register of payments.</p>"
    )


def test_a_single_language_practice_is_translated_into_the_other(english_practice):
    translator = CountingTranslator()
    report = translate_practices(translator=translator)
    assert report.texts == 3 and report.words > 10
    found = machine_translations_for([english_practice])[english_practice.pk]
    assert "ayuntamiento" in found["title"].lower()
    assert set(found) == {"title", "summary", "actions", "url"}


def test_unchanged_text_is_not_translated_again_and_a_change_is(english_practice):
    translate_practices(translator=CountingTranslator())
    again = CountingTranslator()
    translate_practices(translator=again)
    assert again.texts == []

    english_practice.summary = "Residents can read every contract the council signs."
    english_practice.save_revision().publish()
    changed = CountingTranslator()
    translate_practices(translator=changed)
    assert changed.texts == [english_practice.summary]
    found = machine_translations_for([english_practice])[english_practice.pk]
    assert "contrato" in found["summary"].lower()


def test_publishing_queues_the_practice_and_the_worker_translates_it(
    english_practice,
):
    assert PendingTranslation.objects.filter(
        translation_key=english_practice.translation_key
    ).exists()
    translator = CountingTranslator()
    report = translate_pending(translator=translator)
    assert english_practice.translation_key in report.translated_keys
    assert len(translator.texts) == 3
    assert not PendingTranslation.objects.exists()


def test_a_practice_written_in_both_languages_is_never_machine_translated(site):
    create_practices(
        translation_pair(
            f"pair-{uuid.uuid4().hex[:8]}",
            {"title": "Mesas de diálogo vecinal", "summary": "Vecinos y autoridades."},
            {"title": "Neighbourhood dialogue tables", "summary": "Residents meet."},
        )
    )
    translator = CountingTranslator()
    report = translate_practices(translator=translator)
    assert (report.practices, translator.texts) == (0, [])
    assert not MachineTranslation.objects.exists()


def test_without_apertium_nothing_is_translated_and_the_queue_waits(
    english_practice, settings
):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    report = translate_pending()
    assert "not found" in report.unavailable
    assert PendingTranslation.objects.filter(
        translation_key=english_practice.translation_key
    ).exists()
    assert not MachineTranslation.objects.exists()


def test_translate_in_the_admin_prefills_a_draft_and_then_people_s_text_wins(
    english_practice, admin_client
):
    from django.urls import reverse
    from wagtail.models import Locale

    from search.document_builder import build_document, facet_ancestry, practice_groups

    translate_practices()
    machine = machine_translations_for([english_practice])[english_practice.pk]
    spanish_locale = Locale.objects.get(language_code="es")
    response = admin_client.post(
        reverse(
            "simple_translation:submit_page_translation", args=[english_practice.pk]
        ),
        {"locales": [spanish_locale.pk]},
    )
    assert response.status_code == 302
    draft = english_practice.get_translation(spanish_locale).specific
    assert not draft.live
    assert draft.title == machine["title"]
    assert draft.summary == machine["summary"]
    assert machine["actions"].split("\n\n")[0] in draft.actions
    english_practice.refresh_from_db()
    assert english_practice.title.startswith("The city council")  # untouched

    draft.title = "El ayuntamiento publica su gasto cada mes"
    draft.save_revision().publish()
    translator = CountingTranslator()
    assert translate_practices(translator=translator).practices == 0
    ((_key, pages),) = list(practice_groups([english_practice.translation_key]))
    found = machine_translations_for(pages)
    document = build_document(pages, facet_ancestry(), found)
    assert document["titles"]["es"] == "El ayuntamiento publica su gasto cada mes"
    assert "title_mt_es" not in document and "machine_titles" not in document


def test_the_problem_statement_has_fields_of_its_own_in_both_languages(site):
    """The finder matches an official's problem against a practice's problem
    statement: people's text in its language's field, Apertium's in the other's."""
    from search.document_builder import build_document, facet_ancestry, practice_groups

    practice = english_only_practice(
        problem="<p>Residents did not trust how the council spent its money.</p>",
        actions="<p>The council opens a public register of payments.</p>",
    )
    translate_practices(translator=CountingTranslator())
    ((_key, pages),) = list(practice_groups([practice.translation_key]))
    document = build_document(pages, facet_ancestry(), machine_translations_for(pages))
    assert "did not trust" in document["problem_en"]
    assert "register" not in document["problem_en"]
    assert "dinero" in document["problem_mt_es"]
    assert "problem_es" not in document
