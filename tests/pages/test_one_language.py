"""One language per page: no English on Spanish pages and no Spanish on English ones,
apart from practice content (titles, summaries, bodies), which is marked with its own
`lang` or sits in a result card or a practice's text.

The lists are leaks seen on the site (map tooltips, error messages, labels); a page
fails if any shows up in its visible text or in a tooltip (`title`, `aria-label`).
"""

import re

import pytest
from bs4 import BeautifulSoup

from practices.models import PracticePage

pytestmark = pytest.mark.django_db

ENGLISH_LEAKS = [
    "United States",
    "Mexico City",
    ": none",
    "give it once",
    "must not be before",
    "must be",
    "cannot be paged",
    "No practice matches",
    "Search practices",
    "Filters",
    "Newest",
    "Relevance",
    "undated",
    "Propose a practice",
    "Page not found",
    "is not valid",
    "There is no page",
    "Without",
    "practices",
]
SPANISH_LEAKS = [
    "Estados Unidos",
    "ninguna",
    "Buscar prácticas",
    "Filtros",
    "Más recientes",
    "Relevancia",
    "sin fecha",
    "Propón una práctica",
    "no es válido",
    "No hay página",
    "prácticas",
    "Ninguna práctica",
    "Página no encontrada",
]
# Practice content, in whatever language it was written.
CONTENT = (
    ".result-card h3, .result-card .snippet, .practice-content, [data-practice-text]"
)

PAGES = {
    "es": [
        "/",
        "/buscar/",
        "/buscar/?q=presupuesto&country=MX&level=national",
        "/buscar/?page=999",
        "/buscar/?year_from=dosmil&q=agua",
        "/buscar/?year_from=2020&year_to=2010",
        "/contribuir/",
        "/acerca/",
        "/privacidad/",
        "/contacto/",
        "/no-existe/",
    ],
    "en": [
        "/en/",
        "/en/search/",
        "/en/search/?q=budget&country=MX&level=national",
        "/en/search/?page=999",
        "/en/search/?year_from=twothousand&q=water",
        "/en/search/?year_from=2020&year_to=2010",
        "/en/contribute/",
        "/en/about/",
        "/en/privacy/",
        "/en/contact/",
        "/en/does-not-exist/",
    ],
}


def visible_text(html: str, language: str) -> str:
    page = BeautifulSoup(html, "html.parser")
    for element in page(["script", "style"]):
        element.decompose()
    for element in page.select(CONTENT):
        element.decompose()
    for element in page.find_all(attrs={"lang": True}):
        if element.name != "html" and element["lang"] != language:
            element.decompose()  # marked as written in the other language
    tooltips = [
        value
        for element in page.find_all(True)
        for name in ("title", "aria-label", "placeholder", "alt")
        if (value := element.get(name))
    ]
    return " ".join([page.get_text(" "), *tooltips])


def leaks(text: str, language: str) -> list[str]:
    words = ENGLISH_LEAKS if language == "es" else SPANISH_LEAKS
    return [w for w in words if re.search(_whole(w), text)]


def _whole(phrase: str) -> str:
    """The phrase as whole words ("practices", not "malpractices")."""
    start = r"(?<!\w)" if phrase[0].isalnum() else ""
    end = r"(?!\w)" if phrase[-1].isalnum() else ""
    return start + re.escape(phrase) + end


def _pages(language: str) -> list[str]:
    practice = (
        PracticePage.objects.live()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )
    return PAGES[language] + [practice.url]


@pytest.mark.parametrize("language", ["es", "en"])
def test_no_public_page_shows_strings_of_the_other_language(client, corpus, language):
    found = {}
    for path in _pages(language):
        response = client.get(path)
        assert response.status_code in (200, 400, 404), path
        leaked = leaks(visible_text(response.content.decode(), language), language)
        if leaked:
            found[path] = leaked
    assert found == {}


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_contribution_form_with_errors_is_in_one_language(client, corpus, language):
    path = "/contribuir/" if language == "es" else "/en/contribute/"
    response = client.post(path, {"title": "X", "email": "no"})
    assert response.status_code == 400
    assert leaks(visible_text(response.content.decode(), language), language) == []


def test_the_scan_finds_a_leak_when_there_is_one():
    html = (
        '<html lang="es"><body><svg><title>United States: none</title></svg>'
        '<p lang="en">Participatory budgets</p></body></html>'
    )
    assert leaks(visible_text(html, "es"), "es") == ["United States", ": none"]
