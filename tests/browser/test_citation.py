"""A practice's citation in a browser, on both sites: with JavaScript a button copies
it (and says so); without, there is no dead button and the text is there to select.
Printed, the sources carry their addresses."""

import pytest
from playwright.sync_api import expect

from practices.models import PracticePage

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": ("es", "Copiar la cita", "Cita copiada.", "Equipo editorial de Repertorio."),
    "en": ("en", "Copy the citation", "Citation copied.", "Repertorio editorial team."),
}


def _page_url(language: str) -> str:
    return PracticePage.objects.get(
        source_id="zapopan", locale__language_code=language
    ).url


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", [1366, 390])
def test_the_copy_button_copies_the_citation(open_page, site_url, language, width):
    _lang, button_name, copied, author = SITES[language]
    page = open_page(width, permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + _page_url(language))
    citation = page.locator("#citation-text")
    expect(citation).to_contain_text(author)
    page.get_by_role("button", name=button_name).click()
    expect(page.locator("[data-copy-status]")).to_have_text(copied)
    pasted = page.evaluate("navigator.clipboard.readText()")
    assert pasted == " ".join(citation.inner_text().split())
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("language", ["es", "en"])
def test_without_javascript_the_citation_stands_alone(open_page, site_url, language):
    _lang, button_name, _copied, author = SITES[language]
    page = open_page(390, False)
    page.goto(site_url + _page_url(language))
    expect(page.locator("#citation-text")).to_contain_text(author)
    expect(page.get_by_role("button", name=button_name)).to_have_count(0)


def test_printed_sources_show_their_addresses(page):
    page.goto(page.base + _page_url("es"))
    page.emulate_media(media="print")
    source = page.locator("ul.sources a").first
    after = source.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://example.org/zapopan" in after
    expect(page.locator(".cite-actions")).to_be_hidden()
