"""An English reader who comes back to `/` gets English; a reader who switches back
to Spanish gets Spanish again. Desktop and phone, with and without JavaScript (the
switch is a plain link)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("width,javascript", [(1366, True), (390, False)])
def test_the_chosen_language_is_remembered(open_page, site_url, width, javascript):
    page = open_page(width, javascript)
    page.goto(site_url + "/buscar/?q=agua")
    page.get_by_role("link", name="English").click()
    assert page.url == site_url + "/en/search/?q=agua"
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(site_url + "/")
    assert page.url == site_url + "/en/"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Both languages stay announced to search engines.
    assert page.locator('link[rel="alternate"][hreflang="es"]').count() >= 1

    page.get_by_role("link", name="Español").click()
    assert page.url == site_url + "/"
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.goto(site_url + "/")
    assert page.url == site_url + "/"
