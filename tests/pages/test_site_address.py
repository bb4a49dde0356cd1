"""Permalinks and citations use the configured site address, not a placeholder."""

import pytest
from wagtail.models import Site

from pages.site_setup import ensure_site
from practices.models import PracticePage
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db


def test_the_default_site_takes_its_host_and_port_from_site_url(settings):
    settings.SITE_URL = "https://repertorio.example.org"
    Site.objects.all().delete()  # a fresh install (other tests may have made one)
    home = ensure_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("repertorio.example.org", 443)
    assert home.full_url == "https://repertorio.example.org/"


def test_a_site_left_on_the_old_placeholder_is_moved_but_an_edited_one_is_not(
    settings,
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    ensure_site()
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    ensure_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    Site.objects.filter(is_default_site=True).update(hostname="kb.gob.mx", port=443)
    ensure_site()
    assert Site.objects.get(is_default_site=True).hostname == "kb.gob.mx"


def test_a_practice_citation_uses_the_site_address(client, settings):
    settings.SITE_URL = "https://repertorio.example.org"
    Site.objects.all().delete()
    ensure_site()
    create_practices(
        [practice_record("cite-1", "Presupuesto participativo en Zapopan", "Resumen.")]
    )
    page = PracticePage.objects.get(source_id="cite-1")
    # Over https, as the proxy in front says (the address comes from the request).
    html = client.get(
        page.url, HTTP_HOST="repertorio.example.org", secure=True
    ).content.decode()
    assert f'class="permalink" href="https://repertorio.example.org{page.url}"' in html
    assert "localhost" not in html
