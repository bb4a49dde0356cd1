"""Without JavaScript (which applies a new sort at once), a phone reader changing the
sort has a button beside it: the filters' own buttons are in the closed panel."""

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {"es": ("/buscar/", "Ordenar"), "en": ("/en/search/", "Sort")}


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_phone_without_javascript_applies_a_new_sort_beside_the_list(
    open_page, language
):
    path, button = SITES[language]
    page = open_page(390, javascript=False)
    page.goto(page.base + path + "?q=budget")
    page.select_option("select[name=sort]", "newest")
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    query = parse_qs(urlsplit(page.url).query)
    assert query["sort"] == ["newest"]
    assert query["q"] == ["budget"]
