""" "My list" in a browser, in both languages, on a desktop and a phone: two practices
added from search cards and one from its page, the header counting them; the list
page exports them as CSV and compares them side by side, the comparison readable at
390 px. Without JavaScript the buttons are not shown, and the list and comparison
pages still work from their addresses. axe finds nothing on either page."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from practices.models import PracticePage

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Words that find the Colombian and the Indian water practices, not Zapopan's.
WATER = {"es": "agua", "en": "water"}
# The button's label once pressed, and what the status region then says.
REMOVE = {"es": "Quitar de mi lista", "en": "Remove from my list"}
ADDED = {
    "es": "Añadida a mi lista. Prácticas en ella: {}.",
    "en": "Added to my list. Practices in it: {}.",
}


def _path(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


def _key(source_id: str) -> str:
    return str(PracticePage.objects.filter(source_id=source_id).first().translation_key)


def _no_violations(page):
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def _count(page):
    return page.locator("[data-shortlist-count]")


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", [1366, 390])
def test_add_export_and_compare(open_page, site_url, language, width):
    page = open_page(width, height=844)
    page.goto(f"{site_url}{_path('search', language)}?q={WATER[language]}")
    expect(_count(page)).to_have_text("(0)")
    cards = page.locator(".result-card [data-shortlist-toggle]")
    carded = []
    for n in range(2):
        button = cards.nth(n)
        expect(button).to_have_attribute("aria-pressed", "false")
        box = button.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(button.locator("[data-shortlist-label]")).to_have_text(REMOVE[language])
        carded.append(button.get_attribute("data-shortlist-toggle"))
    expect(_count(page)).to_have_text("(2)")
    expect(page.locator("[data-shortlist-status]")).to_have_text(
        ADDED[language].format(2)
    )

    zapopan = PracticePage.objects.get(
        source_id="zapopan", locale__language_code=language
    )
    page.goto(site_url + zapopan.url)
    expect(_count(page)).to_have_text("(2)")
    toggle = page.locator(f"[data-shortlist-toggle='{_key('zapopan')}']")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(_count(page)).to_have_text("(3)")

    page.locator("[data-shortlist-link]").click()
    page.wait_for_url("**?ids=*")
    items = page.locator(".shortlist-item")
    expect(items).to_have_count(3)
    expect(items.first.locator("h2")).to_be_visible()
    assert page.locator("[data-shortlist-page]").get_attribute("data-ids") == (
        ",".join([*carded, _key("zapopan")])
    )
    expect(page.locator("#list-citations .citation")).to_have_count(3)
    targets = page.locator(
        ".shortlist-actions a, .shortlist-actions button, .compare-choice,"
        " .shortlist-item [data-shortlist-toggle], [data-shortlist-link]"
    )
    for n in range(targets.count()):
        box = targets.nth(n).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (n, box)
    _no_violations(page)

    with page.expect_download() as download:
        page.locator(".shortlist-actions a[href*='format=csv']").click()
    with open(download.value.path(), "rb") as downloaded:
        body = downloaded.read()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:]] == [*carded, _key("zapopan")]

    page.locator(".shortlist-compare button[type=submit]").click()
    page.wait_for_url("**ids=*")
    table = page.locator(".comparison-table")
    expect(table.locator("thead th")).to_have_count(3)
    expect(table.locator("tbody th").first).to_be_visible()
    _no_violations(page)
    if width == 390:
        scroller = page.locator(".comparison-scroll")
        assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
        label = table.locator("tbody th").first
        left = label.bounding_box()["x"]
        scroller.evaluate("e => { e.scrollLeft = 400; }")
        assert abs(label.bounding_box()["x"] - left) < 2, "the labels stay in view"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # Back on the list, removing a practice takes it off the list and the page.
    page.goto(site_url + _path("shortlist", language))
    page.wait_for_url("**?ids=*")
    page.locator(f".shortlist-item [data-shortlist-toggle='{carded[0]}']").click()
    expect(page.locator(".shortlist-item")).to_have_count(2)
    expect(_count(page)).to_have_text("(2)")


@pytest.mark.parametrize("language", ["es", "en"])
def test_without_javascript_the_pages_work_from_their_addresses(
    open_page, site_url, language
):
    ids = ",".join(_key(source) for source in ("co-agua", "zapopan"))
    page = open_page(390, False, height=844)
    page.goto(f"{site_url}{_path('search', language)}?q={WATER[language]}")
    expect(page.locator("[data-shortlist-toggle]").first).to_be_hidden()

    page.goto(f"{site_url}{_path('shortlist', language)}?ids={ids}")
    expect(page.locator(".shortlist-item")).to_have_count(2)
    expect(page.locator("[data-shortlist-toggle]").first).to_be_hidden()
    expect(page.locator("[data-print]")).to_be_hidden()
    page.locator(".shortlist-compare button[type=submit]").click()
    expect(page.locator(".comparison-table thead th")).to_have_count(2)

    page.goto(f"{site_url}{_path('shortlist', language)}")
    expect(page.locator(".shortlist-empty noscript")).to_have_count(1)


def test_a_shared_list_can_be_kept(open_page, site_url):
    ids = [_key("co-agua"), _key("zapopan")]
    page = open_page(1366, height=844)
    page.goto(f"{site_url}{_path('shortlist', 'en')}?ids={','.join(ids)}")
    expect(_count(page)).to_have_text("(0)")
    page.locator("[data-shortlist-adopt]").click()
    expect(_count(page)).to_have_text("(2)")
    expect(page.locator("[data-shortlist-shared]")).to_be_hidden()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_empty_and_the_too_short_pages_have_no_violations(
    open_page, site_url, language
):
    page = open_page(390, height=844)
    page.goto(site_url + _path("shortlist", language))
    _no_violations(page)
    page.goto(f"{site_url}{_path('compare', language)}?ids={_key('zapopan')}")
    expect(page.locator(".comparison-table")).to_have_count(0)
    _no_violations(page)
