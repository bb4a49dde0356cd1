"""A Mexican state official's way in: the Spanish home page opens with Mexico's
states; a state leads to its practices, a practice to its evidence and sources.

Walked at desktop and phone widths, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("width,javascript", [(1366, True), (390, True), (1366, False)])
def test_from_the_mexico_map_to_a_state_a_practice_and_its_sources(
    open_page, site_url, width, javascript
):
    page = open_page(width, javascript)
    page.goto(site_url + "/")
    section = page.locator("section.mexico-first")
    expect(section.locator("h2")).to_have_text("Prácticas en México, por estado")
    # The map comes before browsing by theme: the first thing below the search.
    assert page.locator("h2").first.inner_text() == "Prácticas en México, por estado"
    expect(section.locator("svg.map")).to_be_visible()
    violations = axe_violations(page) if javascript else []
    assert violations == [], describe(violations)

    section.get_by_role("link", name="Jalisco").click()
    assert "subdivision=MX-JAL" in page.url
    expect(page.locator("input[name=subdivision][value=MX-JAL]")).to_be_checked()
    cards = page.locator(".result-card")
    expect(cards.first).to_be_visible()
    # Every card says how strong its evidence is.
    for card in cards.all():
        expect(card.locator(".evidence")).to_contain_text("Evidencia:")

    cards.first.locator("h3 a").click()
    expect(page.locator("h1")).to_be_visible()
    sources = page.locator(
        "section", has=page.get_by_role("heading", name="Fuentes")
    ).locator("ul.sources a")
    expect(sources.first).to_be_visible()
    assert sources.first.get_attribute("href").startswith("https://")
