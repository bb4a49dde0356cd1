"""Paging forward and back and following a suggestion, in both languages, in Chromium.

Every link here is built by the filter object: from page 2 on, "next" must not add a
second `page` to the URL (it did, and the server answered 400), and the suggestion
must replace the words rather than add a second `q`.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

JOURNEYS = {
    "es": {"path": "/buscar/", "next": "Siguiente", "previous": "Anterior"},
    "en": {"path": "/en/search/", "next": "Next", "previous": "Previous"},
}


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("lang", JOURNEYS)
def test_pages_one_two_three_two_and_the_suggestion(page, lang):
    journey = JOURNEYS[lang]
    current = page.locator("[aria-current=page]")
    cards = page.locator(".result-card h3")
    page.goto(page.base + journey["path"] + "?page_size=5")
    expect(current).to_have_text("1")
    seen = {1: cards.all_inner_texts()}

    for number, link in ((2, "next"), (3, "next"), (2, "previous")):
        page.get_by_role("link", name=journey[link], exact=True).click()
        expect(current).to_have_text(str(number))
        assert _query(page)["page"] == [str(number)]
        expect(page.locator("#results-heading")).to_be_visible()
        seen.setdefault(number, cards.all_inner_texts())
        assert cards.all_inner_texts() == seen[number]
    assert len(seen[1]) == len(seen[2]) == len(seen[3]) == 5
    assert not set(seen[1]) & set(seen[2]) and not set(seen[2]) & set(seen[3])

    page.get_by_role("link", name="3", exact=True).click()
    expect(current).to_have_text("3")
    assert _query(page)["page"] == ["3"]

    page.goto(
        page.base + journey["path"] + "?q=whistlebloverz+protektion&country=KE&page=1"
    )
    suggestion = page.locator("[data-suggestion]")
    expect(suggestion).to_contain_text("whistleblower")
    words = suggestion.inner_text()
    suggestion.click()
    expect(page.locator("#search-q")).to_have_value(words)
    query = _query(page)
    assert query["country"] == ["KE"] and len(query["q"]) == 1
    assert "whistleblower" in query["q"][0]
    expect(page.locator(".result-list")).to_contain_text("Whistleblower protection law")
