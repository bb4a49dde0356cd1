"""The language switch is remembered: its link sets the language cookie and comes
back to a clean address; `/` then sends an English reader to `/en/`. Search
engines (no cookie) still get `/` in Spanish and the hreflang alternates."""

import pytest
from django.conf import settings

from kb.language_memory import LanguageMemoryMiddleware

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_the_switch_links_carry_the_choice(client, corpus):
    html = client.get("/").content.decode()
    assert 'href="/en/?chosen_language=en" hreflang="en" lang="en"' in html
    html = client.get("/en/search/?q=agua").content.decode()
    assert 'href="/buscar/?q=agua&amp;chosen_language=es"' in html


def test_choosing_english_is_remembered_and_home_follows_it(client, corpus):
    response = client.get("/en/?chosen_language=en")
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert response.cookies[COOKIE].value == "en"
    assert response.cookies[COOKIE]["samesite"] == "Lax"
    home = client.get("/")
    assert home.status_code == 302 and home["Location"] == "/en/"
    assert "Cookie" in home["Vary"]
    # Other Spanish addresses name their language and stay as they are.
    assert client.get("/buscar/").status_code == 200


def test_choosing_spanish_again_brings_home_back(client, corpus):
    client.get("/en/?chosen_language=en")
    response = client.get("/buscar/?q=agua&chosen_language=es")
    assert response["Location"] == "/buscar/?q=agua"
    assert client.get("/").status_code == 200


def test_without_a_cookie_home_is_spanish_with_its_alternates(client, corpus):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Cookie" in response["Vary"]
    assert 'hreflang="en" href="http://localhost/en/"' in html or (
        'hreflang="en" href="' in html and '/en/"' in html
    )
    assert 'hreflang="x-default"' in html


@pytest.mark.parametrize("path", ["//evil.example/", "/\\evil.example/"])
def test_the_marker_never_leads_off_the_site(rf, path):
    request = rf.get("/", {"chosen_language": "en"})
    request.path = path
    response = LanguageMemoryMiddleware(lambda r: None)(request)
    assert response["Location"] == "/"


def test_an_unknown_language_is_no_choice(client, corpus):
    assert client.get("/?chosen_language=fr").status_code == 200
