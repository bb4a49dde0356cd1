"""The address of a search holds only what the reader chose. Without JavaScript the
form sent every field (`?q=agua&year_from=&year_to=&sort=relevance`); the server
now redirects such a request to the address of what was chosen, and the script
(which builds the address itself) leaves the starting order out too. Both
languages, on a phone."""

from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": {"path": "/buscar/", "year": "Desde", "apply": "Aplicar y ver resultados"},
    "en": {"path": "/en/search/", "year": "From", "apply": "Apply and show results"},
}


def _query(page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query, keep_blank_values=True)


@pytest.mark.parametrize("language", ["es", "en"])
def test_without_javascript_the_address_keeps_only_what_was_chosen(open_page, language):
    site = SITES[language]
    page = open_page(390, javascript=False)
    page.goto(page.base + site["path"] + "?q=agua")
    box = page.locator("#search-q")
    box.fill("presupuesto")
    box.press("Enter")
    page.wait_for_load_state()
    assert urlsplit(page.url).path == site["path"]
    assert _query(page) == [("q", "presupuesto")]
    expect(page.locator(".result-card").first).to_be_visible()
    found = page.locator("#results-heading").inner_text()

    page.locator("summary.filters-toggle").click()
    page.locator("input[name=country][value=MX]").check()
    page.get_by_label(site["year"], exact=True).fill("2010")
    page.get_by_role("button", name=site["apply"]).click()
    page.wait_for_load_state()
    assert _query(page) == [
        ("q", "presupuesto"),
        ("country", "MX"),
        ("year_from", "2010"),
    ]
    assert urlsplit(page.url).fragment == "results-heading"  # the button's target kept
    expect(page.locator("#search-q")).to_have_value("presupuesto")
    expect(page.locator("input[name=year_from]")).to_have_value("2010")
    assert page.locator("#results-heading").inner_text() != found


@pytest.mark.parametrize("language", ["es", "en"])
def test_with_javascript_the_address_leaves_the_starting_order_out(open_page, language):
    site = SITES[language]
    page = open_page(390)
    page.goto(page.base + site["path"] + "?q=presupuesto")
    page.locator("summary.filters-toggle").click()
    page.locator("input[name=country][value=MX]").check()
    expect(page).to_have_url(page.base + site["path"] + "?q=presupuesto&country=MX")
