"""A practice page in a browser, on both sites: its head carries Open Graph and
Twitter tags in the page's language, so that a shared link shows the practice."""

import pytest

from practices.models import PracticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def practice(source_id: str, language: str) -> PracticePage:
    return PracticePage.objects.get(source_id=source_id, locale__language_code=language)


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_shared_practice_has_open_graph_and_twitter_tags(page, language):
    shown = practice("zapopan", language)
    page.goto(page.base + shown.url)

    def meta(selector: str) -> str:
        return page.locator(f"head meta[{selector}]").get_attribute("content")

    assert meta('property="og:title"') == shown.title
    assert meta('name="twitter:title"') == shown.title
    assert meta('property="og:description"') == shown.summary
    # The canonical address, on the site's own host.
    assert meta('property="og:url"').endswith(shown.url)
    assert meta('property="og:locale"') == ("es_MX" if language == "es" else "en_US")
    assert meta('name="twitter:card"') == "summary"
