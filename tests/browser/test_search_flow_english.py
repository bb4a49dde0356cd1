"""The same journey in English: facets, chips, paging, a practice, a term, Spanish, back."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def heading(page):
    return page.locator("#results-heading")


def test_english_search_with_facets_chips_paging_and_a_practice(page):
    page.goto(page.base + "/en/search/")
    expect(heading(page)).to_have_text("22 practices")

    page.locator("input[name=country][value=MX]").check()
    expect(heading(page)).to_have_text("3 practices")
    page.locator("input[name=country][value=BR]").check()
    expect(heading(page)).to_have_text("4 practices")
    page.locator("input[name=level][value=municipal]").check()
    expect(heading(page)).to_have_text("2 practices")
    assert re.search(
        r"/en/search/\?.*country=MX.*country=BR.*level=municipal", page.url
    )
    expect(page.locator(".chip", has_text="Mexico")).to_be_visible()
    expect(
        page.locator(".facet li", has=page.locator("input[value=CO]"))
    ).to_contain_text("(1)")

    page.locator(".chip", has_text="Brazil").click()
    expect(heading(page)).to_have_text("1 practice")
    page.go_back()
    expect(heading(page)).to_have_text("2 practices")
    page.get_by_role("link", name="Clear all").click()
    expect(heading(page)).to_have_text("22 practices")

    page.goto(page.base + "/en/search/?page_size=10")
    page.get_by_role("link", name="Next").click()
    expect(page.locator("[aria-current=page]")).to_have_text("2")

    page.goto(page.base + "/en/search/?q=Zapopan")
    page.get_by_role("link", name="Participatory budgets in Zapopan").click()
    expect(page.locator("h1")).to_have_text("Participatory budgets in Zapopan")
    page.get_by_role("link", name="Participatory budgeting").first.click()
    expect(
        page.locator("input[name=theme][value=participatory-budgeting]")
    ).to_be_checked()
    assert "/en/search/" in page.url
    page.go_back()
    expect(page.locator("h1")).to_have_text("Participatory budgets in Zapopan")

    page.get_by_role("link", name="Español").click()
    expect(page.locator("h1")).to_have_text("Presupuestos participativos en Zapopan")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.go_back()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_english_empty_state_names_the_filter_to_remove(page):
    page.goto(page.base + "/en/search/?q=zapopan&country=BR")
    expect(heading(page)).to_have_text("0 practices")
    way_out = page.locator(".ways-out a", has_text="Brazil")
    expect(way_out).to_have_text("Without “Brazil”: 1 practice")
    way_out.click()
    expect(heading(page)).to_have_text("1 practice")
