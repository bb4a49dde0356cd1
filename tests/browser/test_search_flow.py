"""A person searching in Chromium: facets, chips, paging, a practice, languages, back.

The journey is written once and walked in Spanish and in English.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

JOURNEYS = {
    "es": {
        "path": "/buscar/",
        "practices": {22: "22 prácticas", 4: "4 prácticas", 3: "3 prácticas"}
        | {2: "2 prácticas", 1: "1 práctica"},
        "box": "¿Qué buscas?",
        "button": "Buscar",
        "words": "presupuesto",
        "first": "Presupuestos participativos",
        "mexico": "México",
        "brazil": "Brasil",
        "clear": "Quitar todos",
        "next": "Siguiente",
        "practice": "Presupuestos participativos en Zapopan",
        "theme": "Presupuesto participativo",
        "plural": "prácticas",
        "switch": "English",
        "other": {"lang": "en", "practice": "Participatory budgets in Zapopan"}
        | {"path": "/en/search/"},
    },
    "en": {
        "path": "/en/search/",
        "practices": {22: "22 practices", 4: "4 practices", 3: "3 practices"}
        | {2: "2 practices", 1: "1 practice"},
        "box": "What are you looking for?",
        "button": "Search",
        "words": "Zapopan",
        "first": "Participatory budgets in Zapopan",
        "mexico": "Mexico",
        "brazil": "Brazil",
        "clear": "Clear all",
        "next": "Next",
        "practice": "Participatory budgets in Zapopan",
        "theme": "Participatory budgeting",
        "plural": "practices",
        "switch": "Español",
        "other": {"lang": "es", "practice": "Presupuestos participativos en Zapopan"}
        | {"path": "/buscar/"},
    },
}


def heading(page):
    return page.locator("#results-heading")


@pytest.mark.parametrize("lang", JOURNEYS)
def test_search_with_facets_chips_paging_a_practice_and_the_other_language(page, lang):
    j = JOURNEYS[lang]
    count = j["practices"]
    page.goto(page.base + j["path"])
    expect(heading(page)).to_have_text(count[22])

    page.get_by_label(j["box"]).fill(j["words"])
    page.get_by_role("button", name=j["button"], exact=True).click()
    expect(page.locator(".result-card h3").first).to_contain_text(j["first"])

    page.goto(page.base + j["path"])
    page.locator("input[name=country][value=MX]").check()
    expect(page.locator("input[name=country][value=MX]")).to_be_checked()
    expect(heading(page)).to_have_text(count[3])
    page.locator("input[name=country][value=BR]").check()
    expect(heading(page)).to_have_text(count[4])
    page.locator("input[name=level][value=municipal]").check()
    expect(heading(page)).to_have_text(count[2])
    assert re.search(
        re.escape(j["path"]) + r"\?.*country=MX.*country=BR.*level=municipal", page.url
    )
    expect(page.locator(".chip", has_text=j["mexico"])).to_be_visible()
    # The country facet still counts the other countries under the municipal filter.
    colombia = page.locator(".facet li", has=page.locator("input[value=CO]"))
    expect(colombia).to_contain_text("(1)")
    expect(page.locator("input[name=level][value=municipal]")).to_be_focused()

    page.locator(".chip", has_text=j["brazil"]).click()
    expect(heading(page)).to_have_text(count[1])
    assert "country=BR" not in page.url
    page.go_back()
    expect(heading(page)).to_have_text(count[2])
    page.get_by_role("link", name=j["clear"]).click()
    expect(heading(page)).to_have_text(count[22])

    page.goto(page.base + j["path"] + "?page_size=10")
    page.get_by_role("link", name=j["next"]).click()
    expect(page.locator("[aria-current=page]")).to_have_text("2")
    expect(page.locator(".result-card")).to_have_count(10)

    page.goto(page.base + j["path"] + "?q=Zapopan")
    page.get_by_role("link", name=j["practice"]).click()
    expect(page.locator("h1")).to_have_text(j["practice"])
    page.get_by_role("link", name=j["theme"]).first.click()
    expect(heading(page)).to_contain_text(j["plural"])
    expect(
        page.locator("input[name=theme][value=participatory-budgeting]")
    ).to_be_checked()
    assert j["path"] in page.url
    page.go_back()
    expect(page.locator("h1")).to_have_text(j["practice"])

    page.get_by_role("link", name=j["switch"]).click()
    expect(page.locator("h1")).to_have_text(j["other"]["practice"])
    expect(page.locator("html")).to_have_attribute("lang", j["other"]["lang"])
    page.go_back()
    expect(page.locator("html")).to_have_attribute("lang", lang)

    # The language switch of a search keeps the search.
    page.goto(page.base + j["other"]["path"] + "?q=water&country=IN")
    page.get_by_role(
        "link", name=JOURNEYS[j["other"]["lang"]]["switch"], exact=True
    ).click()
    assert page.url.endswith(j["path"] + "?q=water&country=IN")
    expect(page.locator("input[name=country][value=IN]")).to_be_checked()


def test_the_search_works_without_javascript(open_page, site_url, corpus):
    page = open_page(javascript=False)
    page.goto(site_url + "/en/search/")
    page.locator("input[name=country][value=MX]").check()
    page.locator("input[name=country][value=BR]").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-heading")).to_have_text("4 practices")


def test_a_state_on_the_home_map_opens_its_search(page):
    page.goto(page.base + "/")
    page.locator("svg.map path[data-href*='MX-JAL']").dispatch_event("click")
    expect(page.locator("input[name=subdivision][value=MX-JAL]")).to_be_checked()
    expect(page.locator(".chip", has_text="Jalisco")).to_be_visible()
    expect(page.locator(".result-list")).to_contain_text("Zapopan")
    expect(page.locator(".result-list")).not_to_contain_text("denunciantes")


def test_english_empty_state_names_the_filter_to_remove(page):
    page.goto(page.base + "/en/search/?q=zapopan&country=BR")
    expect(heading(page)).to_have_text("0 practices")
    way_out = page.locator(".ways-out a", has_text="Brazil")
    expect(way_out).to_have_text("Without “Brazil”: 1 practice")
    way_out.click()
    expect(heading(page)).to_have_text("1 practice")
