"""A misspelt word among right ones, in a browser, on both sites, with and without
JavaScript: the page offers the correction, punctuation kept, and following it
finds the practice."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": ("/buscar/", "¿Quisiste decir «¿presupuesto municipal?»?"),
    "en": ("/en/search/", "Did you mean “¿presupuesto municipal?”?"),
}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width,javascript", [(1366, True), (390, False)])
def test_the_correction_is_offered_and_followed(
    open_page, site_url, language, width, javascript
):
    path, sentence = SITES[language]
    page = open_page(width, javascript)
    page.goto(site_url + path)
    page.locator("#search-q").fill("¿presupuesto municpal?")
    page.locator("#search-q").press("Enter")
    expect(page.locator(".suggestion")).to_have_text(sentence)
    page.locator("[data-suggestion]").click()
    expect(page.locator("#search-q")).to_have_value("¿presupuesto municipal?")
    expect(page.locator(".result-card").first).to_contain_text("Zapopan")
    expect(page.locator(".suggestion")).to_have_count(0)
