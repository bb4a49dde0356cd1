"""In a browser, on both sites: a practice written only in the other language shows
its machine translation, labelled, with a link to the original that works."""

import pytest
from django.db import transaction
from playwright.sync_api import expect

from practices.models import MachineTranslation, PracticePage
from practices.translation import machine_translations_for, translate_practices
from search.indexer import write_documents

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def translated(corpus, django_db_blocker):
    """Two practices of the shared repertory with their machine translations,
    indexed as the site indexes them (the translation's signal queues them); the
    translations are taken away again afterwards, and the two indexed without them,
    so the other browser tests see the index they expect."""
    with django_db_blocker.unblock():
        english = PracticePage.objects.get(source_id="ke-whistle")
        spanish = PracticePage.objects.get(source_id="co-agua")
        report = translate_practices([english.translation_key, spanish.translation_key])
        assert report.translated_keys == {
            english.translation_key,
            spanish.translation_key,
        }, report.summary()
        found = machine_translations_for([english, spanish])
        yield {
            "english": (english, found[english.pk]),
            "spanish": (spanish, found[spanish.pk]),
        }
        with transaction.atomic():
            MachineTranslation.objects.all().delete()
        assert not write_documents(report.translated_keys).failed


def test_spanish_site_labels_the_translation_and_links_to_the_english_original(
    page, translated
):
    original, machine = translated["english"]
    page.goto(page.base + "/buscar/?q=" + machine["title"])
    card = page.locator(".result-card", has_text=machine["title"])
    expect(card.locator(".machine-translation-note")).to_contain_text(
        "Traducción automática"
    )
    expect(
        card.get_by_role("link", name="Ver el original en inglés")
    ).to_have_attribute("href", original.url)
    card.get_by_role("link", name=machine["title"]).click()
    expect(page.locator("h1")).to_have_text(machine["title"])
    expect(page.locator("h1")).to_have_attribute("lang", "es")
    expect(page.locator(".machine-translation-note")).to_contain_text(
        "Traducción automática"
    )
    page.get_by_role("link", name="Ver el original en inglés").click()
    expect(page.locator("h1")).to_have_text("Whistleblower protection law")
    assert page.url.endswith(original.url)


def test_english_site_labels_the_translation_and_links_to_the_spanish_original(
    page, translated
):
    original, machine = translated["spanish"]
    page.goto(page.base + "/en/search/?q=" + machine["title"])
    card = page.locator(".result-card", has_text=machine["title"])
    expect(card.locator(".machine-translation-note")).to_contain_text(
        "Machine translation"
    )
    card.get_by_role("link", name=machine["title"]).click()
    expect(page.locator("h1")).to_have_text(machine["title"])
    expect(page.locator(".machine-translation-note")).to_contain_text(
        "Machine translation"
    )
    page.get_by_role("link", name="Read the original in Spanish").click()
    expect(page.locator("h1")).to_have_text(original.title)
