"""A result card speaks the page's language: its snippet comes from the text in
that language, and a practice that exists only in the other language is marked
(lang on its title and snippet) and labelled as such."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _card(html: str, title: str) -> str:
    for card in re.findall(
        r'<li class="result-card">.*?</li>\s*(?=<li class="result-card">|</ol>)',
        html,
        re.S,
    ):
        if title in card:
            return card
    raise AssertionError(f"no card titled {title!r}")


def _unmarked(found) -> str:
    """The snippet's text without its highlights (the query's translation may match
    words of the card's own language)."""
    return re.sub(r"</?mark>", "", found.group(1))


def test_an_english_match_on_a_spanish_card_shows_the_spanish_summary(client, corpus):
    """The words match only Zapopan's English text; its Spanish card shows Spanish."""
    html = client.get("/buscar/", {"q": "neighbourhood assemblies"}).content.decode()
    card = _card(html, "Presupuestos participativos en Zapopan")
    snippet = _unmarked(re.search(r'<p class="snippet"[^>]*>(.*?)</p>', card, re.S))
    assert "Las colonias deciden" in snippet
    assert "Neighbourhood" not in snippet and "neighbourhood" not in snippet
    assert 'lang="en"' not in card


def test_a_spanish_match_on_an_english_card_shows_the_english_summary(client, corpus):
    html = client.get("/en/search/", {"q": "asambleas vecinales"}).content.decode()
    card = _card(html, "Participatory budgets in Zapopan")
    snippet = _unmarked(re.search(r'<p class="snippet"[^>]*>(.*?)</p>', card, re.S))
    assert "Neighbourhood assemblies" in snippet
    assert "asambleas" not in snippet


@pytest.mark.parametrize(
    "path, query, title, language, label",
    [
        (
            "/buscar/",
            "whistleblower",
            "Whistleblower protection law",
            "en",
            "Solo en inglés",
        ),
        (
            "/en/search/",
            "agua potable",
            "Rendición de cuentas del gasto en agua potable",
            "es",
            "Only in Spanish",
        ),
    ],
)
def test_a_practice_only_in_the_other_language_is_marked_and_labelled(
    client, corpus, path, query, title, language, label
):
    html = client.get(path, {"q": query}).content.decode()
    card = _card(html, title)
    assert f'hreflang="{language}" lang="{language}">{title}</a>' in card
    assert f'data-only-in="{language}">{label}</p>' in card
    assert re.search(rf'<p class="snippet" lang="{language}">', card)
    # The label says it; the "original: XX" badge would only repeat it.
    assert "original:" not in card
