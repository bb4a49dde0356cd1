"""About, privacy notice and contact: editable pages in both languages, in the footer."""

import pytest
from wagtail.models import Locale

from pages.models import SitePages

pytestmark = pytest.mark.django_db


def test_footer_links_to_about_privacy_and_contact_in_each_language(client, corpus):
    spanish = client.get("/buscar/").content.decode()
    for href, title in [
        ("/acerca/", "Acerca del repertorio"),
        ("/privacidad/", "Aviso de privacidad"),
        ("/contacto/", "Contacto"),
    ]:
        assert f'<a href="{href}">{title}</a>' in spanish
    english = client.get("/en/").content.decode()
    assert '<a href="/en/privacy/">Privacy notice</a>' in english
    assert "CC BY-NC-SA 4.0" in english


def test_every_page_leads_to_the_finder_in_its_language(client, corpus):
    """The finder (/encuentra/, /en/find/) was reached only by typing its address:
    no page linked it."""
    for path, link in [
        (
            "/",
            '<a href="/encuentra/">Encuentra prácticas a la medida de tu institución</a>',
        ),
        ("/buscar/", '<a href="/encuentra/">'),
        ("/en/", '<a href="/en/find/">Find practices that fit your institution</a>'),
    ]:
        assert link in client.get(path).content.decode(), path


def test_privacy_notice_says_what_why_how_long_and_rights(client, corpus, settings):
    html = client.get("/privacidad/").content.decode()
    assert f"Hasta {settings.CONTRIBUTION_RETENTION_DAYS} días" in html
    for words in ["nombre, correo electrónico", "derechos ARCO", "consentimiento"]:
        assert words in html
    english = client.get("/en/privacy/").content.decode()
    assert "ARCO rights" in english and '<html lang="en">' in english


def test_language_switch_goes_to_the_translated_page(client, corpus):
    html = client.get("/acerca/").content.decode()
    assert 'href="/en/about/?chosen_language=en" hreflang="en"' in html


def test_contribution_form_links_the_privacy_notice(client, corpus):
    html = client.get("/en/contribute/").content.decode()
    assert 'href="/en/privacy/"' in html


def test_renamed_page_shows_in_the_footer_after_publishing(client, corpus):
    about = SitePages.load().about
    original = about.title
    client.get("/")  # the footer links are now cached
    about.title = "Quiénes somos"
    about.save_revision().publish()
    try:
        assert (
            '<a href="/acerca/">Quiénes somos</a>' in client.get("/").content.decode()
        )
    finally:
        about.title = original
        about.save_revision().publish()


def test_the_footer_links_the_pages_the_site_pages_setting_chooses(client, corpus):
    """Choosing another page for a role (Settings → Site pages) changes the footer
    in both languages: each reader gets that page's translation."""
    chosen = SitePages.load()
    about, contact = chosen.about, chosen.contact
    client.get("/")  # the footer links are now cached
    chosen.about = contact
    chosen.save()
    try:
        spanish = client.get("/").content.decode()
        english = client.get("/en/").content.decode()
        assert '<a href="/acerca/">' not in spanish
        assert spanish.count('<a href="/contacto/">Contacto</a>') == 2
        assert english.count('<a href="/en/contact/">Contact</a>') == 2
    finally:
        chosen.about = about
        chosen.save()
    assert '<a href="/acerca/">' in client.get("/").content.decode()


def test_only_the_open_data_page_lists_the_codebook(client, corpus):
    assert (
        'id="codebook-heading"'
        in client.get(SitePages.load().open_data.url).content.decode()
    )
    assert (
        'id="codebook-heading"'
        not in client.get(SitePages.load().about.url).content.decode()
    )


def test_the_open_data_page_links_the_openapi_document_not_a_repository_path(
    client, corpus
):
    """A visitor cannot open "docs/api/openapi.yaml", a path in our repository."""
    spanish = SitePages.load().open_data
    for page in (
        spanish,
        spanish.get_translation(Locale.objects.get(language_code="en")),
    ):
        html = client.get(page.url).content.decode()
        assert "docs/api/openapi.yaml" not in html, page.url
        assert '<a href="/api/v1/openapi.yaml">OpenAPI</a>' in html, page.url
