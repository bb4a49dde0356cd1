"""Readers of the other language see a single-language practice through its machine
translation, labelled, with a link to the original, in results and on its page."""

import re
import uuid

import pytest

from practices.models import PracticePage
from practices.translation import practice_index_urls, translate_practices
from search.indexer import rebuild
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(settings, private_index_prefix, site):
    english, spanish = f"en-{uuid.uuid4().hex[:8]}", f"es-{uuid.uuid4().hex[:8]}"
    create_practices(
        [
            practice_record(
                english,
                "The city council publishes its spending every month",
                "Residents can read every payment the council makes.",
                locale="en",
                original_language="en",
                problem="<p>Nobody knew where the money went.</p>",
                partners=["Open Spending Group"],
            ),
            practice_record(
                spanish,
                "El municipio abre sus datos de transporte",
                "Las rutas y los horarios de autobuses se publican cada semana.",
            ),
        ]
    )
    translate_practices(notify=False)
    rebuild()
    return (
        PracticePage.objects.get(source_id=english),
        PracticePage.objects.get(source_id=spanish),
    )


def test_spanish_results_show_the_labelled_translation_of_an_english_practice(
    client, practices
):
    english, _spanish = practices
    page = client.get("/buscar/", {"q": "ayuntamiento pago"}).content.decode()
    assert "El ayuntamiento publica" in page
    assert "Traducción automática" in page
    assert f'href="{english.url}"' in page  # the original
    assert f'href="{practice_index_urls()["es"]}{english.slug}/"' in page


def test_english_results_show_the_labelled_translation_of_a_spanish_practice(
    client, practices
):
    _english, spanish = practices
    page = client.get("/en/search/", {"q": "bus routes"}).content.decode()
    assert "Machine translation" in page
    assert "Read the original in Spanish" in page
    assert f'href="{spanish.url}"' in page


def test_the_practice_page_in_the_other_language_shows_the_translation(
    client, practices
):
    english, spanish = practices
    response = client.get(f"{practice_index_urls()['es']}{english.slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<h1 lang="es">El ayuntamiento publica' in page
    assert "Traducción automática" in page and "Ver el original en inglés" in page
    assert f'href="{english.url}"' in page
    assert '<meta name="robots" content="noindex">' in page

    page = client.get(f"{practice_index_urls()['en']}{spanish.slug}/").content.decode()
    assert '<h1 lang="en">' in page and "Machine translation" in page


def test_a_slug_without_a_translation_is_still_not_found(client, practices):
    assert client.get("/practicas/no-such-practice/").status_code == 404


def test_on_a_translated_page_the_original_text_is_marked_with_its_language(
    client, practices
):
    """Headings and labels are the reader's; the sections still in English say so
    with lang, and a note says which language they are in."""
    english, _spanish = practices
    page = client.get(f"{practice_index_urls()['es']}{english.slug}/").content.decode()
    assert '<article class="practice">' in page  # no lang over Spanish headings
    assert '<h2>Problema atendido</h2><div lang="en">' in page
    assert "Nobody knew where the money went." in page
    assert '<dd lang="en">Open Spending Group</dd>' in page
    assert 'data-only-in="en">Las secciones siguientes están en inglés' in page
    # On its own site nothing is marked.
    own = client.get(english.url).content.decode()
    assert "data-only-in" not in own and '<div lang="en">' not in own


def _switch(html: str, language: str) -> str:
    """Where the header's language switch leads (its ?chosen_language= aside)."""
    [link] = re.findall(
        rf'<nav class="language-switcher".*?<a href="([^"?]*)[^"]*" hreflang="{language}"',
        html,
        re.S,
    )
    return link


def test_the_language_switch_leads_to_the_machine_translation_and_back(
    client, practices
):
    """On a practice people have not translated, "English" led to the English home
    page, though the practice could be read there by machine translation; and
    "Español" on that translation led to the Spanish home page, not the original."""
    english, spanish = practices
    machine_english = f"{practice_index_urls()['en']}{spanish.slug}/"
    assert _switch(client.get(spanish.url).content.decode(), "en") == machine_english
    assert _switch(client.get(machine_english).content.decode(), "es") == spanish.url
    machine_spanish = f"{practice_index_urls()['es']}{english.slug}/"
    assert _switch(client.get(english.url).content.decode(), "es") == machine_spanish
    assert _switch(client.get(machine_spanish).content.decode(), "en") == english.url


def test_without_a_machine_translation_the_switch_leads_home(client, site):
    """Nothing to read in the other language: its home page, never a 404."""
    source_id = f"es-{uuid.uuid4().hex[:8]}"
    create_practices(
        [practice_record(source_id, "Mesas de obra", "Vecinos revisan las obras.")]
    )
    page = PracticePage.objects.get(source_id=source_id)
    assert _switch(client.get(page.url).content.decode(), "en") == "/en/"
