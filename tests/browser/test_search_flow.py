"""A person searching in Chromium: facets, chips, paging, a practice, languages, back."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def heading(page):
    return page.locator("#results-heading")


def test_search_with_facets_chips_and_paging(page):
    page.goto(page.base + "/buscar/")
    expect(heading(page)).to_have_text("22 prácticas")

    page.get_by_label("¿Qué buscas?").fill("presupuesto")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page.locator(".result-card h3").first).to_contain_text(
        "Presupuestos participativos"
    )

    page.goto(page.base + "/buscar/")
    page.locator("input[name=country][value=MX]").check()
    expect(page.locator("input[name=country][value=MX]")).to_be_checked()
    expect(heading(page)).to_have_text("3 prácticas")
    page.locator("input[name=country][value=BR]").check()
    expect(heading(page)).to_have_text("4 prácticas")
    page.locator("input[name=level][value=municipal]").check()
    expect(heading(page)).to_have_text("2 prácticas")
    assert re.search(r"country=MX.*country=BR.*level=municipal", page.url)
    # The country facet still counts the other countries under the municipal filter.
    colombia = page.locator(".facet li", has=page.locator("input[value=CO]"))
    expect(colombia).to_contain_text("(1)")
    expect(page.locator("input[name=level][value=municipal]")).to_be_focused()

    page.locator(".chip", has_text="Brasil").click()
    expect(heading(page)).to_have_text("1 práctica")
    assert "country=BR" not in page.url

    page.go_back()
    expect(heading(page)).to_have_text("2 prácticas")

    page.goto(page.base + "/buscar/?page_size=10")
    page.get_by_role("link", name="Siguiente").click()
    expect(page.locator("[aria-current=page]")).to_have_text("2")
    expect(page.locator(".result-card")).to_have_count(10)


def test_practice_page_links_language_switch_and_back(page):
    page.goto(page.base + "/buscar/?q=Zapopan")
    page.get_by_role("link", name="Presupuestos participativos en Zapopan").click()
    expect(page.locator("h1")).to_have_text("Presupuestos participativos en Zapopan")

    page.get_by_role("link", name="Presupuesto participativo").first.click()
    expect(heading(page)).to_contain_text("prácticas")
    expect(
        page.locator("input[name=theme][value=participatory-budgeting]")
    ).to_be_checked()
    page.go_back()
    expect(page.locator("h1")).to_have_text("Presupuestos participativos en Zapopan")

    page.get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text("Participatory budgets in Zapopan")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(page.base + "/en/search/?q=water&country=IN")
    page.get_by_role("link", name="Español").click()
    assert page.url.endswith("/buscar/?q=water&country=IN")
    expect(page.locator("input[name=country][value=IN]")).to_be_checked()


def test_the_search_works_without_javascript(browser, site_url, corpus):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/en/search/")
    page.locator("input[name=country][value=MX]").check()
    page.locator("input[name=country][value=BR]").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-heading")).to_have_text("4 practices")
    context.close()


def test_a_state_on_the_home_map_opens_its_search(page):
    page.goto(page.base + "/")
    page.locator("svg.map path[data-href*='MX-JAL']").dispatch_event("click")
    expect(page.locator("input[name=subdivision][value=MX-JAL]")).to_be_checked()
    expect(page.locator(".chip", has_text="Jalisco")).to_be_visible()
    expect(page.locator(".result-list")).to_contain_text("Zapopan")
    expect(page.locator(".result-list")).not_to_contain_text("denunciantes")
