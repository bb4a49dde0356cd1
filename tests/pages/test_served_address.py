"""Absolute addresses follow the host a reader reached, not the Wagtail Site record.

The Site record's hostname and port say where the site was first set up (SITE_URL at
`ensure_site`); a site served on another host, port or behind a proxy must print its
own address in feeds, alternates, canonical links, citations and sitemaps. Without a
request (dumps, emails), SITE_URL is the address.
"""

import ast
import json
import re
from pathlib import Path

import feedparser
import pytest
from defusedxml import ElementTree as ET
from wagtail.models import Site

from kb.absolute_urls import absolute_url, page_url
from pages.models import StandardPage
from practices.dataset import PageAddresses
from practices.models import PracticePage

pytestmark = pytest.mark.django_db

HOST = "mirror.example.net:8443"
SERVED = f"http://{HOST}"
REPO = Path(__file__).resolve().parents[2]
APPS = ("kb", "taxonomy", "practices", "search", "pages", "contributions")
APPS += ("desk", "opendata", "finder", "shortlist")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _zapopan(language="es") -> PracticePage:
    return PracticePage.objects.get(source_id="zapopan", locale__language_code=language)


def _attributes(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


def test_the_home_pages_alternates_use_the_host_the_reader_reached(client, site):
    html = client.get("/", HTTP_HOST=HOST).content.decode()
    alternates = _attributes(
        html, r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"'
    )
    assert alternates
    assert all(href.startswith(f"{SERVED}/") for href in alternates), alternates
    assert f"{SERVED}/en/" in alternates


def test_a_practice_pages_citation_alternates_and_metadata_use_the_served_host(
    client, corpus
):
    page = _zapopan()
    for host in (HOST, "otra.example.org"):
        html = client.get(page.url, HTTP_HOST=host).content.decode()
        served = f"http://{host}"
        assert f'class="permalink" href="{served}{page.url}"' in html
        alternates = _attributes(
            html, r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"'
        )
        assert alternates
        assert all(href.startswith(f"{served}/") for href in alternates), alternates
        assert f'<meta property="og:url" content="{served}{page.url}">' in html
        json_ld = re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
        ).group(1)
        assert json.loads(json_ld)["url"] == f"{served}{page.url}"
        assert "127.0.0.1:8000" not in html


def test_behind_a_proxy_the_forwarded_scheme_is_honoured(client, corpus, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    page = _zapopan()
    html = client.get(
        page.url, HTTP_HOST="kb.example.org", HTTP_X_FORWARDED_PROTO="https"
    ).content.decode()
    assert f'class="permalink" href="https://kb.example.org{page.url}"' in html


def test_the_feeds_entries_link_to_the_served_host(client, corpus):
    feed = feedparser.parse(
        client.get("/feeds/practices.atom", {"q": "Zapopan"}, HTTP_HOST=HOST).content
    )
    assert feed.entries
    assert feed.feed.link.startswith(f"{SERVED}/")
    for entry in feed.entries:
        assert entry.link.startswith(f"{SERVED}/"), entry.link


def test_the_sitemaps_pages_are_on_the_served_host(client, corpus):
    index = ET.fromstring(client.get("/sitemap.xml", HTTP_HOST=HOST).content)
    locations = []
    for section in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        path = section.text.removeprefix(SERVED)
        sitemap = ET.fromstring(client.get(path, HTTP_HOST=HOST).content)
        locations += [loc.text for loc in sitemap.findall("s:url/s:loc", SITEMAP_NS)]
    assert any("zapopan" in location for location in locations)
    assert all(loc.startswith(f"{SERVED}/") for loc in locations), [
        loc for loc in locations if not loc.startswith(f"{SERVED}/")
    ][:3]


def test_without_a_request_addresses_come_from_site_url_not_the_site_record(
    corpus, settings
):
    settings.SITE_URL = "https://repertorio.example.org"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "old-host.internal", 8000
    site.save()
    try:
        page = _zapopan("en")
        assert page_url(page) == f"https://repertorio.example.org{page.url}"
        assert PageAddresses()(page) == f"https://repertorio.example.org{page.url}"
        assert absolute_url("/feeds/practices.atom") == (
            "https://repertorio.example.org/feeds/practices.atom"
        )
    finally:
        # The record goes back with the test's transaction; Wagtail's cache of it
        # must not outlive it.
        Site.clear_site_root_paths_cache()


def _alternates(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    )


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_practice_names_itself_its_translation_and_the_default_among_alternates(
    client, corpus, language
):
    page = _zapopan(language)
    other = _zapopan("en" if language == "es" else "es")
    spanish = page if language == "es" else other
    html = client.get(page.url).content.decode()
    assert _alternates(html) == {
        language: f"http://testserver{page.url}",
        other.locale.language_code: f"http://testserver{other.url}",
        "x-default": f"http://testserver{spanish.url}",
    }


def test_a_standard_page_names_itself_among_its_alternates(client, site):
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    alternates = _alternates(client.get(page.url).content.decode())
    assert alternates["en"] == f"http://testserver{page.url}"
    assert set(alternates) == {"en", "es", "x-default"}


def test_a_host_outside_allowed_hosts_or_a_forwarded_host_is_never_printed(
    client, corpus, settings
):
    """Absolute addresses trust only ALLOWED_HOSTS: a forged Host is refused, and
    X-Forwarded-Host is ignored unless USE_X_FORWARDED_HOST is set."""
    settings.ALLOWED_HOSTS = ["kb.example.org"]
    page = _zapopan()
    assert client.get(page.url, HTTP_HOST="evil.example.com").status_code == 400
    html = client.get(
        page.url, HTTP_HOST="kb.example.org", HTTP_X_FORWARDED_HOST="evil.example.com"
    ).content.decode()
    assert f'class="permalink" href="http://kb.example.org{page.url}"' in html
    assert "evil.example.com" not in html


def test_the_discovery_files_and_the_api_index_name_the_served_host(client, corpus):
    robots = client.get("/robots.txt", HTTP_HOST=HOST).content.decode()
    assert f"Sitemap: {SERVED}/sitemap.xml" in robots
    description = client.get("/opensearch.xml", HTTP_HOST=HOST).content.decode()
    templates = re.findall(r'template="([^"]+)"', description)
    assert templates
    assert all(t.startswith(f"{SERVED}/") for t in templates), templates
    links = client.get("/api/v1/", HTTP_HOST=HOST).json()["links"]
    addresses = [a for a in links.values() if isinstance(a, str)]
    addresses += list(links["documentation"].values())
    assert all(a.startswith(f"{SERVED}/") for a in addresses), addresses


def test_the_search_and_autocomplete_apis_link_results_on_the_served_host(
    client, corpus
):
    found = client.get("/api/v1/search/", {"q": "Zapopan"}, HTTP_HOST=HOST).json()
    assert found["results"]
    assert all(hit["url"].startswith(f"{SERVED}/") for hit in found["results"])
    suggested = client.get(
        "/api/v1/autocomplete/", {"q": "Zapo", "lang": "es"}, HTTP_HOST=HOST
    ).json()
    assert suggested["practices"]
    assert all(p["url"].startswith(f"{SERVED}/") for p in suggested["practices"])


def _calls_of_build_absolute_uri(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "build_absolute_uri":
            yield node.lineno


def test_only_the_absolute_urls_helper_asks_the_request_for_its_address():
    """One door for absolute addresses (kb.absolute_urls): a view that calls
    `request.build_absolute_uri` itself skips whatever the helper decides (the
    SITE_URL fallback without a request, and any rule added there later)."""
    helper = REPO / "kb" / "absolute_urls.py"
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for app in APPS
        for path in (REPO / app).rglob("*.py")
        if path != helper and "migrations" not in path.parts
        for line in _calls_of_build_absolute_uri(path)
    ]
    assert found == []
