"""Keyboard-only use, narrow screens, and the autocomplete of the search boxes."""

import re

import pytest
from playwright.sync_api import expect

from practices.models import PracticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def focused(page, expression: str):
    return page.evaluate(
        f"() => {{ const el = document.activeElement; return {expression}; }}"
    )


def tab_until(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_search_with_skip_link_and_facets(page):
    page.goto(page.base + "/buscar/")
    page.keyboard.press("Tab")
    assert focused(page, "el.className") == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert focused(page, "el.id") == "main"

    tab_until(page, "#search-q")
    page.keyboard.type("presupuesto")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=presupuesto"))
    expect(page.locator("[data-search-root]")).not_to_have_attribute(
        "aria-busy", "true"
    )
    expect(page.locator(".result-card h3").first).to_contain_text("Presupuestos")

    tab_until(page, "input[name=country][value=MX]")
    outline = focused(page, "getComputedStyle(el).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Space")
    expect(page.locator("input[name=country][value=MX]")).to_be_checked()
    expect(page.locator("#results-heading")).to_have_text("1 práctica")
    assert "country=MX" in page.url
    # Focus stays on the checkbox after the results update.
    assert focused(page, "el.matches('input[name=country][value=MX]')")


@pytest.mark.parametrize("width", [320, 375])
def test_pages_fit_a_narrow_screen(open_page, site_url, corpus, width):
    practice = PracticePage.objects.live().filter(source_id="zapopan").first()
    page = open_page(width, height=700)
    for path in (
        "/",
        "/buscar/?q=presupuesto&country=MX&country=BR",
        practice.url,
        "/contribuir/",
        "/en/privacy/",
    ):
        page.goto(site_url + path)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than {width}px"


@pytest.mark.parametrize(
    "path, typed, expected",
    [
        ("/", "presup", "Presupuesto participativo"),
        ("/en/", "particip", "Participatory budgeting"),
        ("/buscar/", "zapo", "Presupuestos participativos en Zapopan"),
    ],
)
def test_search_boxes_suggest_terms_and_titles(page, path, typed, expected):
    page.goto(page.base + path)
    box = page.locator("input[data-autocomplete]")
    box.press_sequentially(typed, delay=30)
    options = page.locator(f"#{box.get_attribute('id')}-suggestions [role=option]")
    expect(options.first).to_be_visible()
    # The label, without the facet a term names beside it ("…, Tema").
    values = options.locator("> span:first-child").all_text_contents()
    assert expected in values, values
