"""The Atom feed of a search, the sitemap, robots.txt and the OpenSearch description."""

import re
import uuid
from urllib.robotparser import RobotFileParser

import feedparser
import pytest
from defusedxml import ElementTree as ET

from practices.models import PracticePage
from tests.factories import create_practices, practice_record

pytestmark = pytest.mark.django_db
FEED = "/feeds/practices.atom"
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def test_the_feed_lists_a_practice_just_published_first(
    client, own_index, django_capture_on_commit_callbacks
):
    source_id = f"feed-{uuid.uuid4().hex[:6]}"
    with django_capture_on_commit_callbacks(execute=True):
        create_practices(
            [
                practice_record(
                    source_id,
                    "Tablero abierto de obras de agua potable",
                    "Cada obra de agua potable muestra su avance y su costo.",
                    themes=["water-sanitation"],
                )
            ]
        )
    response = client.get(FEED, {"theme": "water-sanitation"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Repertorio: prácticas nuevas y actualizadas"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Tablero abierto de obras de agua potable"
    assert "Rendición de cuentas del gasto en agua potable" in titles
    assert len(titles) == 3  # the corpus has two water practices
    page = PracticePage.objects.get(source_id=source_id)
    assert feed.entries[0].link.endswith(page.url)
    assert feed.entries[0].id == f"urn:uuid:{page.translation_key}"
    assert feed.entries[0].updated_parsed is not None


def test_the_feed_follows_the_search_filters_and_language(client, corpus):
    feed = feedparser.parse(client.get(FEED, {"q": "Zapopan", "lang": "en"}).content)
    assert feed.feed.title == "Repertorio: new and updated practices for “Zapopan”"
    assert [e.title for e in feed.entries] == ["Participatory budgets in Zapopan"]
    assert feed.feed.link.endswith("/en/search/?q=Zapopan")
    assert "Zapopan" not in [
        e.title
        for e in feedparser.parse(client.get(FEED, {"country": "CO"}).content).entries
    ]


@pytest.mark.parametrize(
    ("home", "feed_url", "title"),
    [
        ("/", FEED, "Repertorio: prácticas nuevas y actualizadas"),
        ("/en/", f"{FEED}?lang=en", "Repertorio: new and updated practices"),
    ],
)
def test_the_home_page_announces_the_feed_of_new_practices_in_its_language(
    client, corpus, home, feed_url, title
):
    head = client.get(home).content.decode().split("</head>")[0]
    link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head)
    assert link, "no feed discovery link in the home page's head"
    assert f'title="{title}"' in link.group(0)
    assert f'href="{feed_url}"' in link.group(0)
    feed = feedparser.parse(client.get(feed_url).content)
    assert feed.feed.title == title
    assert feed.entries


def test_the_feed_answers_bad_input_like_the_search_api(client, corpus):
    response = client.get(FEED, {"sort": "random"})
    assert response.status_code == 400
    assert response.json() == client.get("/api/v1/search/", {"sort": "random"}).json()


@pytest.mark.parametrize("paging", ["page=99999", "page=abc", "page_size=1000"])
def test_the_feed_has_no_pages_and_leaves_paging_unread(client, corpus, paging):
    """A search's address on a far page (or with any paging) still gives its feed,
    as any parameter the feed does not use would."""
    response = client.get(f"{FEED}?q=Zapopan&lang=en&{paging}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert [e.title for e in feed.entries] == ["Participatory budgets in Zapopan"]
    assert feed.feed.link.endswith("/en/search/?q=Zapopan")


def test_a_search_for_a_control_character_still_gets_a_feed(client, corpus):
    """XML cannot hold it (found by schemathesis: a server error)."""
    response = client.get(FEED, {"q": "presupuesto\x01"})
    assert response.status_code == 200
    assert "presupuesto" in feedparser.parse(response.content).feed.title


def _urls(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_the_sitemap_lists_both_languages_with_hreflang_alternates(client, corpus):
    index = _urls(client, "/sitemap.xml")
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert len(sections) == 2
    entries = {}
    for section in sections:
        for url in _urls(client, section.replace("http://testserver", "")).findall(
            "s:url", SITEMAP_NS
        ):
            alternates = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("x:link", SITEMAP_NS)
            }
            entries[url.find("s:loc", SITEMAP_NS).text] = alternates
    zapopan_es = next(
        u for u in entries if "presupuestos-participativos-en-zapopan" in u
    )
    zapopan_en = next(u for u in entries if "participatory-budgets-in-zapopan" in u)
    assert entries[zapopan_es] == {"es": zapopan_es, "en": zapopan_en}
    assert entries[zapopan_en] == entries[zapopan_es]
    assert any(u.endswith("/buscar/") for u in entries)
    assert any(u.endswith("/en/search/") for u in entries)
    assert not any("borrador" in u for u in entries)
    assert len([u for u in entries if "/en/" in u]) > 1
    live = PracticePage.objects.live().count()
    assert len([u for u in entries if "/practic" in u]) == live


def test_robots_lets_crawlers_read_the_noindex_of_searches_with_several_filters(
    client, corpus
):
    text = client.get("/robots.txt").content.decode()
    robots = RobotFileParser()
    robots.parse(text.splitlines())
    assert "Sitemap: http://testserver/sitemap.xml" in text
    one_filter = "/buscar/?country=MX"
    several = "/buscar/?country=MX&level=municipal"
    for url in (one_filter, several, "/en/search/?theme=open-data&country=BR"):
        assert robots.can_fetch("*", url), url
    assert "X-Robots-Tag" not in client.get(one_filter)
    assert client.get(several)["X-Robots-Tag"] == "noindex"
    for url in ("/api/v1/practices/export/", "/feeds/practices.atom", "/admin/"):
        assert not robots.can_fetch("*", url), url


@pytest.mark.parametrize(
    "page, description, search",
    [
        ("/buscar/", "/opensearch.xml", "/buscar/"),
        ("/en/search/", "/en/opensearch.xml", "/en/search/"),
    ],
)
def test_the_opensearch_description_is_linked_and_searches(
    client, corpus, page, description, search
):
    html = client.get(page).content.decode()
    assert (
        f'<link rel="search" type="application/opensearchdescription+xml" '
        f'title="Repertorio" href="{description}">'
    ) in html
    response = client.get(description)
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ET.fromstring(response.content)
    ns = {"o": "http://a9.com/-/spec/opensearch/1.1/"}
    templates = {u.get("type"): u.get("template") for u in root.findall("o:Url", ns)}
    assert templates["text/html"] == f"http://testserver{search}?q={{searchTerms}}"
    assert "/feeds/practices.atom?q={searchTerms}" in templates["application/atom+xml"]


def test_sitemaps_are_built_once_then_served_from_the_cache(client, corpus):
    """A section lists up to 50,000 URLs: a repeat request runs no query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for path in ("/sitemap.xml", "/sitemap-pages.xml", "/sitemap-search.xml"):
        first = client.get(path)
        assert first.status_code == 200
        with CaptureQueriesContext(connection) as repeat:
            again = client.get(path)
        assert again.content == first.content
        assert len(repeat) == 0, [q["sql"] for q in repeat]


def test_an_unpublished_page_leaves_the_cached_sitemap_at_once(client, corpus):
    """The sections are cached for an hour, yet unpublishing a practice (perhaps
    for legal reasons) takes it out of the very next sitemap, in both languages."""
    spanish = PracticePage.objects.live().get(
        locale__language_code="es", url_path__contains="participativos-en-zapopan"
    )
    english = PracticePage.objects.live().get(
        translation_key=spanish.translation_key, locale__language_code="en"
    )
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert spanish.url in sitemap and english.url in sitemap

    spanish.unpublish()
    english.unpublish()

    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert spanish.url not in sitemap and english.url not in sitemap
    assert "/practicas/" in sitemap  # the other practices are still listed
