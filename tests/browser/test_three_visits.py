"""The three visits that found issue #16, played again in Chromium on the fixed site.

- María, a municipal transparency officer in Jalisco, searching in Spanish;
- John, an English-speaking researcher;
- Ana, a contributor on a 375 px phone.

Ana's visit takes the phone screenshot docs/screenshots/search-phone-filters-open.png;
her contribution (which writes to the database, so it runs in the transactional
tests/contribution_flow package) takes contribution-form-errors-phone.png.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def heading(page):
    return page.locator("#results-heading")


def test_maria_searches_in_spanish_and_meets_spanish_only(page, settings):
    page.goto(page.base + "/")
    # The maps name places in Spanish, and the form is one click from home. (The
    # Spanish home page opens with the Mexico map; the world map comes after.)
    world = page.locator("svg.map", has=page.locator("#world-map-title"))
    expect(world.locator("title", has_text="Estados Unidos")).to_have_count(1)
    assert world.locator("title", has_text="United States").count() == 0
    call = page.locator(".contribute-call a.button")
    expect(call).to_have_text("Propón una práctica")

    page.goto(page.base + "/buscar/")
    page.locator("input[name=level][value=municipal]").check()
    expect(page.locator("input[name=level][value=municipal]")).to_be_checked()
    expect(heading(page)).to_have_text(re.compile(r"^\d+ práctica"))
    expect(page.locator(".result-card h3", has_text="Zapopan")).to_be_visible()

    # A mistyped year: named in Spanish, the words and the filter kept.
    page.goto(page.base + "/buscar/?q=presupuesto&level=municipal&year_from=dosmil")
    error = page.locator(".notice-error")
    expect(error).to_contain_text("«año de inicio, desde» (year_from) no es válido")
    expect(page.locator("#search-q")).to_have_value("presupuesto")
    expect(page.locator("input[name=level][value=municipal]")).to_be_checked()
    expect(page.locator(".result-card").first).to_be_visible()

    # Too far: the real count and a way back, not "the first 10,000".
    page.goto(page.base + "/buscar/?page=999")
    notice = page.locator("[data-deep-page]")
    expect(notice).to_contain_text(re.compile(r"No hay página 999: .* \d+ prácticas"))
    page.locator("[data-deep-page] a").last.click()
    expect(page.locator(".result-card").first).to_be_visible()


def test_john_reads_english_pages_with_honest_badges_and_ways_out(page):
    page.goto(page.base + "/en/search/?q=budget")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    text = page.locator("main").inner_text()
    for spanish in ("Filtros", "prácticas", "sin fecha", "ninguna"):
        assert spanish not in text, spanish
    # Written in Spanish, shown to him: the badge says where it comes from.
    card = page.locator(".result-card", has_text="Zapopan")
    # Named, not coded: a phone shows no tooltip to explain "ES".
    expect(card.locator(".badge")).to_have_text("original: Spanish")

    # Nothing found: each filter left out, with what it would give.
    page.goto(page.base + "/en/search/?q=budget&country=MX&level=national")
    ways = page.locator(".ways-out a")
    expect(ways.first).to_contain_text(re.compile(r"Without .*: \d+ practice"))
    label = ways.first.inner_text()
    count = int(re.search(r": (\d+) practice", label).group(1))
    ways.first.click()
    expect(heading(page)).to_have_text(re.compile(rf"^{count} practice"))


def test_ana_on_a_phone_finds_the_filters_at_the_top(open_page, site_url, corpus):
    """Her form, which writes to the database, is played in
    tests/contribution_flow/test_form_on_a_phone.py."""
    page = open_page(375, height=740, device_scale_factor=2, is_mobile=True)

    page.goto(site_url + "/buscar/?country=MX")
    toggle = page.locator("summary.filters-toggle")
    expect(toggle).to_have_text("Filtros (1)")
    assert toggle.bounding_box()["y"] < 500  # near the top, not at 6,000 px
    expect(page.locator(".facets")).to_be_hidden()
    toggle.click()
    expect(page.locator(".facets")).to_be_visible()
    box = page.locator("input[name=country][value=MX]").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    # Ticking a filter reloads the results; the panel stays open.
    page.locator("input[name=level][value=state]").check()
    expect(toggle).to_have_text("Filtros (2)")
    expect(page.locator(".facets")).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "search-phone-filters-open.png"))
