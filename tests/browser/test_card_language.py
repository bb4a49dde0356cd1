"""Cards in a browser, on both sites, at desktop and phone widths: a practice only in
the other language is labelled, and its title and snippet carry that language (what a
screen reader needs to pronounce them); snippets of the rest are in the page's."""

import pytest
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": (
        "/buscar/?q=whistleblower",
        "Whistleblower protection law",
        "en",
        "Solo en inglés",
    ),
    "en": (
        "/en/search/?q=agua potable",
        "Rendición de cuentas del gasto en agua potable",
        "es",
        "Only in Spanish",
    ),
}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", [1366, 390])
def test_the_other_languages_practice_is_labelled_and_marked(
    open_page, site_url, language, width
):
    path, title, other, label = SITES[language]
    page = open_page(width)
    page.goto(site_url + path)
    card = page.locator(".result-card", has_text=title)
    expect(card.locator(".language-note")).to_have_text(label)
    expect(card.locator("h3 a")).to_have_attribute("lang", other)
    expect(card.locator(".snippet")).to_have_attribute("lang", other)
    # The note sits between the title and the snippet, where it is read.
    box = card.locator(".language-note").bounding_box()
    assert box["width"] > 0
    assert box["y"] < card.locator(".snippet").bounding_box()["y"]
    violations = axe_violations(page)
    assert violations == [], describe(violations)
