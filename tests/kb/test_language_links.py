"""The language switcher's links come from the resolved route, never the raw path:
no link may start with // or leave the site, whatever the address (issue #24)."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from bs4 import BeautifulSoup

from kb.language_memory import CHOICE

pytestmark = pytest.mark.django_db

HOSTILE_PATHS = [
    "/%2Fevil.example/buscar/",
    "/%2F%2Fevil.example/buscar/",
    "//evil.example/buscar/",
    "/%5Cevil.example/buscar/",
    "/%5C%5Cevil.example/buscar/",
    "/en/%2Fevil.example/search/",
    "/%2Fevil.example/",
    "/buscar/%2F%2Fevil.example/",
]


def _switcher_links(html: str) -> list[str]:
    """The switch's addresses, less the choice marker the language memory reads
    (kb/language_memory.py) and drops with a redirect."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        _without_choice(a["href"]) for a in soup.select(".language-switcher a[href]")
    ]


def _without_choice(address: str) -> str:
    parts = urlsplit(address)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != CHOICE]
    return urlunsplit(parts._replace(query=urlencode(query)))


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_no_language_link_leaves_the_site(client, site, path):
    response = client.get(path)
    links = _switcher_links(response.content.decode())
    assert links, f"{path}: no language switcher on the {response.status_code} page"
    for link in links:
        assert link.startswith("/"), link
        assert not link.startswith(("//", "/\\")), link
        assert "evil.example" not in link, link


def test_the_search_links_to_the_same_search_in_the_other_language(client, site):
    response = client.get("/buscar/", {"q": "presupuesto"})
    assert _switcher_links(response.content.decode()) == ["/en/search/?q=presupuesto"]
    response = client.get("/en/search/", {"q": "budget"})
    assert _switcher_links(response.content.decode()) == ["/buscar/?q=budget"]


def test_the_other_languages_search_opens_at_its_first_page(client, site):
    """A page number may not exist in the other language, whose search finds
    another count: the switch keeps the search, not its page."""
    response = client.get("/buscar/", {"q": "presupuesto", "page": "2"})
    assert _switcher_links(response.content.decode()) == ["/en/search/?q=presupuesto"]
