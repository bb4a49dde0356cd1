"""A practice page's related practices, in a browser, on both sites, at desktop and
phone widths, with and without JavaScript: the list is there, in the page's
language, and each of its links opens a practice. (Which come first, places and
levels like the practice's own, is checked on the node: tests/search/
test_depth_and_mexico.py.)"""

import pytest
from playwright.sync_api import expect

from practices.models import PracticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HEADINGS = {"es": "Prácticas relacionadas", "en": "Related practices"}
# Pages whose related practices are not all listed as worked elsewhere (a practice
# is listed once): in the small corpus, Zapopan's are.
SHOWN = {"es": "filler-AR", "en": "gb-owners"}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width,javascript", [(1366, True), (390, True), (390, False)])
def test_related_practices_are_listed_and_lead_to_practices(
    open_page, site_url, language, width, javascript
):
    shown = PracticePage.objects.get(
        source_id=SHOWN[language], locale__language_code=language
    )
    page = open_page(width, javascript)
    page.goto(site_url + shown.url)
    related = page.locator("aside.related", has=page.locator("#related-heading"))
    expect(related.locator("h2")).to_have_text(HEADINGS[language])
    links = related.locator("li a")
    expect(links.first).to_be_visible()
    addresses = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert shown.url not in addresses  # never the practice itself
    box = links.first.bounding_box()
    assert box["height"] >= 24 or box["width"] >= 24  # WCAG 2.2 target size
    links.first.click()
    expect(page.locator("h1")).to_be_visible()
    assert page.url.rstrip("/").endswith(addresses[0].rstrip("/"))
