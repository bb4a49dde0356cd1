"""About, privacy notice and contact: editable pages in both languages, in the footer."""

import pytest
from django.core.exceptions import ValidationError

from pages.models import StandardPage

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
    about = StandardPage.objects.get(role="about", locale__language_code="es")
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


def test_two_pages_cannot_share_a_role_in_one_language(corpus):
    privacy = StandardPage.objects.get(role="privacy", locale__language_code="es")
    other = StandardPage(title="Otro aviso", role="privacy", locale=privacy.locale)
    with pytest.raises(ValidationError) as error:
        other.clean()
    assert "role" in error.value.message_dict
