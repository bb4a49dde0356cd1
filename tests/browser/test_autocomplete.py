"""The search boxes' autocomplete, a WAI-ARIA combobox: one typo in the box still
offers the right words (a native datalist hid them), the keys move through the
options and take one, Escape closes the list, and without JavaScript the box is a
plain search field. Both languages, on a desktop and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": {"home": "/", "search": "/buscar/", "term": "Municipal"},
    "en": {"home": "/en/", "search": "/en/search/", "term": "Municipal"},
}
WIDTHS = [1366, 390]


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_a_typo_still_offers_the_corrected_word(open_page, site_url, language, width):
    """ "municpal" offers options with "municipal" in them, shown, not filtered
    out, and axe finds nothing wrong with the open list."""
    page = open_page(width)
    page.goto(page.base + SITES[language]["home"])
    box = page.locator("input[data-autocomplete]")
    # A combobox before any typing, its list closed.
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("municpal", delay=30)
    listbox = page.locator("#home-q-suggestions")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", "home-q-suggestions")
    expect(listbox).to_have_attribute("role", "listbox")
    # The list follows the whole word: answers to its first letters ("mu")
    # may show first. It times out (and fails) unless every option matches.
    page.wait_for_function(
        """() => {
            const options = [...document.querySelectorAll(
                '#home-q-suggestions [role=option]')];
            return options.length > 0
                && options.every((o) => /municip/i.test(o.textContent));
        }"""
    )
    box_width = listbox.bounding_box()["width"]
    assert box_width <= width, f"the list is {box_width}px wide on a {width}px page"
    violations = axe_violations(page)  # the open list, target size included
    assert violations == [], describe(violations)


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_keys_move_through_the_options_and_enter_searches_the_term(
    open_page, site_url, language, width
):
    page = open_page(width)
    page.goto(page.base + SITES[language]["search"])
    box = page.locator("#search-q")
    box.press_sequentially("municpal", delay=30)
    options = page.locator("#search-q-suggestions [role=option]")
    expect(options.first).to_be_visible()
    box.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(box).to_be_focused()  # focus stays in the box (aria-activedescendant)
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    box.press("ArrowUp")
    expect(first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(page.locator("#search-q-suggestions")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("municpal")  # Escape closes the list, keeps the text

    box.press("ArrowDown")  # opens it again, on the first option
    expect(first).to_have_attribute("aria-selected", "true")
    term = first.text_content()
    assert term == SITES[language]["term"], term  # terms come before titles
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Municipal"))
    expect(page.locator("#search-q")).to_have_value(term)
    expect(page.locator(".result-card").first).to_be_visible()


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_practice_option_opens_the_practice(open_page, site_url, language):
    page = open_page(390)
    page.goto(page.base + SITES[language]["home"])
    page.locator("#home-q").press_sequentially("zapopan", delay=30)
    practice = page.locator("#home-q-suggestions [role=option][data-url]").first
    expect(practice).to_be_visible()
    title = practice.text_content()
    practice.click()
    expect(page.locator("h1")).to_have_text(title)


@pytest.mark.parametrize("language", ["es", "en"])
def test_without_javascript_the_box_is_a_plain_search_field(
    open_page, site_url, language
):
    page = open_page(390, javascript=False)
    page.goto(page.base + SITES[language]["home"])
    box = page.locator("#home-q")
    expect(box).not_to_have_attribute("role", "combobox")
    box.fill("presupuesto municipal")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"q=presupuesto\+municipal"))
    expect(page.locator(".result-card").first).to_be_visible()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_box_still_suggests_after_a_filter_reloads_the_results(
    open_page, site_url, language
):
    """search.js replaces the search form when a box is ticked; the new search
    field is a combobox again."""
    page = open_page(1366)
    page.goto(page.base + SITES[language]["search"] + "?q=presupuesto")
    page.locator("input[name=country][value=MX]").check()
    expect(page).to_have_url(re.compile(r"country=MX"))
    expect(page.locator("[data-search-root]")).not_to_have_attribute(
        "aria-busy", "true"
    )
    box = page.locator("#search-q")
    box.fill("")
    box.press_sequentially("municpal", delay=30)
    expect(page.locator("#search-q-suggestions [role=option]").first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")


@pytest.mark.parametrize(
    ("language", "words"), [("es", "datos abie"), ("en", "open da")]
)
def test_terms_with_one_label_in_two_vocabularies_are_offered_once(
    open_page, language, words
):
    """ "Open data" is both a theme and a practice type; chosen, either one puts
    the same words in the box, so the list shows it once."""
    page = open_page(390)
    page.goto(page.base + SITES[language]["search"])
    page.locator("input[data-autocomplete]").press_sequentially(words, delay=30)
    options = page.locator("#search-q-suggestions [role=option]")
    expect(options.first).to_be_visible()
    texts = [text.casefold() for text in options.all_inner_texts()]
    assert len(texts) == len(set(texts)), texts
