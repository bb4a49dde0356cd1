"""The search boxes' autocomplete, a WAI-ARIA combobox: one typo in the box still
offers the right words (a native datalist hid them), the keys move through the
options and take one, Escape closes the list, a term applies its filter (it typed
its words into the box before), and without JavaScript the box is a plain search
field. Both languages, on a desktop and on a phone."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": {
        "home": "/",
        "search": "/buscar/",
        "term": "Municipal, Orden de gobierno",
        "theme": "Participación ciudadana, Tema",
        "themes": "Tema",
        "types": "Tipo de práctica",
    },
    "en": {
        "home": "/en/",
        "search": "/en/search/",
        "term": "Municipal, Government level",
        "theme": "Citizen participation, Theme",
        "themes": "Theme",
        "types": "Practice type",
    },
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
def test_keys_move_through_the_options_and_enter_applies_the_term_s_filter(
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
    # Terms come before titles, each named with its facet.
    expect(first).to_have_text(SITES[language]["term"])
    box.press("Enter")
    expect(page).to_have_url(page.base + SITES[language]["search"] + "?level=municipal")
    expect(page.locator("#search-q")).to_have_value("")  # no words typed in for it
    expect(page.locator(".chips .chip").first).to_contain_text("Municipal")
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
def test_a_label_in_two_vocabularies_is_two_options_each_naming_its_own(
    open_page, language, words
):
    """ "Open data" is both a theme and a practice type; chosen, each applies its
    own filter, so each is offered, saying which it is."""
    page = open_page(390)
    page.goto(page.base + SITES[language]["search"])
    page.locator("input[data-autocomplete]").press_sequentially(words, delay=30)
    options = page.locator("#search-q-suggestions [role=option][data-value=open-data]")
    expect(options).to_have_count(2)
    kinds = options.locator(".suggestion-kind").all_inner_texts()
    assert sorted(kinds) == sorted(
        [SITES[language]["themes"], SITES[language]["types"]]
    )
    texts = [text.casefold() for text in options.all_inner_texts()]
    assert len(texts) == len(set(texts)), texts


def _choose_by_keyboard(page, box, option):
    """Down until `option` is the active one, then Enter: keyboard only."""
    expect(option).to_be_visible()
    for _ in range(page.locator(".suggestions [role=option]").count()):
        box.press("ArrowDown")
        if option.get_attribute("aria-selected") == "true":
            break
    expect(option).to_have_attribute("aria-selected", "true")
    box.press("Enter")


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_theme_chosen_on_the_home_page_opens_the_search_filtered_by_it(
    open_page, language
):
    """On a phone, keyboard only: the theme is a filter of the search it opens
    (its box ticked, a chip to remove it), not words; axe finds nothing wrong with
    the list or the page it leads to."""
    site = SITES[language]
    page = open_page(390)
    page.goto(page.base + site["home"])
    box = page.locator("#home-q")
    box.press_sequentially("particip", delay=30)
    theme = page.locator(
        "#home-q-suggestions [data-facet=theme][data-value=citizen-participation]"
    )
    expect(theme).to_have_text(site["theme"])
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    _choose_by_keyboard(page, box, theme)
    expect(page).to_have_url(
        page.base + site["search"] + "?theme=citizen-participation"
    )
    expect(page.locator("#search-q")).to_have_value("")
    chip = page.locator(".chips .chip").first
    expect(chip).to_contain_text(site["theme"].split(",")[0])
    expect(page.locator(".result-card").first).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_theme_chosen_on_the_search_page_joins_its_words_and_filters(
    open_page, language
):
    """The words typed to find the theme leave the box for the search's own; the
    filters already chosen stay, and the theme's box is ticked."""
    site = SITES[language]
    page = open_page(390)
    page.goto(page.base + site["search"] + "?q=presupuesto&country=MX")
    box = page.locator("#search-q")
    box.fill("")
    box.press_sequentially("particip", delay=30)
    theme = page.locator(
        "#search-q-suggestions [data-facet=theme][data-value=citizen-participation]"
    )
    _choose_by_keyboard(page, box, theme)
    expect(page).to_have_url(re.compile(r"theme=citizen-participation"))
    expect(page.locator("[data-search-root]")).not_to_have_attribute(
        "aria-busy", "true"
    )
    assert sorted(parse_qsl(urlsplit(page.url).query)) == [
        ("country", "MX"),
        ("q", "presupuesto"),
        ("theme", "citizen-participation"),
    ]
    expect(page.locator("#search-q")).to_have_value("presupuesto")
    expect(
        page.locator("input[name=theme][value=citizen-participation]")
    ).to_be_checked()
    expect(page.locator("input[name=country][value=MX]")).to_be_checked()
    chips = page.locator(".chips .chip").all_inner_texts()
    assert any(site["theme"].split(",")[0] in chip for chip in chips), chips


def test_a_list_answered_late_keeps_the_option_the_keys_chose(open_page, site_url):
    """The answer to a later keystroke arrived while the reader was already moving
    through the list shown: it was drawn again with no option chosen, and Enter
    searched the words typed instead of taking the option (seen under load)."""
    page, box, held = _typed_with_the_next_answer_held(open_page)
    options = page.locator("#search-q-suggestions [role=option]")
    expect(options.first).to_have_text(SITES["es"]["term"])
    with page.expect_request(lambda request: "q=munici" in request.url):
        box.press("i")
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    options.first.evaluate("option => option.setAttribute('data-drawn-before', '')")
    with page.expect_response(lambda response: "q=munici" in response.url):
        held[0].continue_()
    expect(page.locator("[data-drawn-before]")).to_have_count(0)  # drawn again
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(page.base + SITES["es"]["search"] + "?level=municipal")


def test_a_list_closed_with_escape_stays_closed_when_a_late_answer_arrives(
    open_page, site_url
):
    """Escape closed the list while the answer to the last keystroke was on its
    way; the answer then opened the list again."""
    page, box, held = _typed_with_the_next_answer_held(open_page)
    listbox = page.locator("#search-q-suggestions")
    expect(listbox).to_be_visible()
    with page.expect_request(lambda request: "q=munici" in request.url):
        box.press("i")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    with page.expect_response(lambda response: "q=munici" in response.url):
        held[0].continue_()
    page.wait_for_timeout(300)  # the answer is drawn, if at all, right after it
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")


def _typed_with_the_next_answer_held(open_page):
    """The Spanish search page with "munic" typed; the suggestions for "munici"
    (the next keystroke) are held back in the list returned until a test lets
    them go."""
    page = open_page(1366)
    held = []

    def hold_the_longer_words(route):
        if "q=munici" in route.request.url:
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r"/autocomplete/"), hold_the_longer_words)
    page.goto(page.base + SITES["es"]["search"])
    box = page.locator("#search-q")
    box.press_sequentially("munic", delay=30)
    return page, box, held
