"""Filtering on a phone, in both languages: the open panel keeps a "Ver N
resultados" button in reach whose count follows each box; it closes the panel and
moves focus to the results (with JavaScript), or applies the filters and goes to the
results (without). Touch targets are at least 24 × 24 px and the chart's year labels
readable at 390 px."""

import re

import pytest
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": {
        "path": "/buscar/",
        "home": "/",
        "show": "Ver {} resultados",
        "static": "Aplicar y ver resultados",
        "filters": "Filtros",
    },
    "en": {
        "path": "/en/search/",
        "home": "/en/",
        "show": "Show {} results",
        "static": "Apply and show results",
        "filters": "Filters",
    },
}


def _total(page) -> int:
    return int(page.locator("#results-heading").inner_text().split()[0])


@pytest.mark.parametrize("language", ["es", "en"])
def test_show_n_results_follows_the_boxes_and_takes_you_to_them(
    open_page, site_url, language
):
    site = SITES[language]
    page = open_page(390, height=844)
    page.goto(site_url + site["path"])
    page.locator("summary.filters-toggle").click()
    button = page.locator("[data-show-results]")
    expect(button).to_have_text(site["show"].format(_total(page)), use_inner_text=True)
    page.locator("input[name=country][value=MX]").check()
    expect(page.locator("#results-heading")).to_contain_text("3")
    button = page.locator("[data-show-results]")
    expect(button).to_have_text(site["show"].format(3), use_inner_text=True)
    # In reach: on screen while the panel's first boxes are, not 1,200 px below.
    box = button.bounding_box()
    assert box["y"] > 0 and box["y"] + box["height"] <= 844
    assert box["height"] >= 44
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    button.click()
    expect(page.locator("[data-filters]")).not_to_have_attribute("open", "")
    expect(page.locator("#results-heading")).to_be_focused()
    assert "country=MX" in page.url


@pytest.mark.parametrize("language", ["es", "en"])
def test_typed_years_turn_the_count_into_apply_until_applied(
    open_page, site_url, language
):
    """Years apply with the button, not at once: "Show 12 results" would promise the
    last search's count, and the button gave fewer."""
    site = SITES[language]
    page = open_page(390, height=844)
    page.goto(site_url + site["path"])
    page.locator("summary.filters-toggle").click()
    button = page.locator("[data-show-results]")
    page.locator("input[name=year_from]").fill("2015")
    expect(button).to_have_text(site["static"], use_inner_text=True)
    page.locator("input[name=year_from]").fill("")  # back as shown: the count again
    expect(button).to_have_text(site["show"].format(_total(page)), use_inner_text=True)
    page.locator("input[name=year_from]").fill("2015")
    button.click()
    expect(page.locator("#results-heading")).to_be_focused()
    assert "year_from=2015" in page.url
    # Drawn afresh, the count is live again.
    expect(page.locator(".show-results")).not_to_have_class(re.compile("waiting"))


@pytest.mark.parametrize("language", ["es", "en"])
def test_without_javascript_the_button_applies_and_goes_to_the_results(
    open_page, site_url, language
):
    site = SITES[language]
    page = open_page(390, False, height=844)
    page.goto(site_url + site["path"])
    page.locator("summary.filters-toggle").click()
    page.locator("input[name=country][value=MX]").check()
    button = page.get_by_role("button", name=site["static"])
    expect(button).to_be_visible()
    button.click()
    assert re.search(r"country=MX.*#results-heading$", page.url)
    assert _total(page) == 3
    expect(page.locator("[data-filters]")).not_to_have_attribute("open", "")


def test_on_a_wide_screen_the_filters_keep_their_apply_button(open_page, site_url):
    page = open_page(1366, height=844)
    page.goto(site_url + "/buscar/")
    expect(page.locator(".show-results")).to_be_hidden()
    expect(page.locator(".apply-filters")).to_be_visible()


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", [1366, 390])
def test_touch_targets_are_at_least_24_px(open_page, site_url, language, width):
    site = SITES[language]
    page = open_page(width, height=844)
    page.goto(site_url + site["path"] + "?country=MX")
    targets = [page.locator("select[name=sort]")] + page.locator(
        ".open-data-links a"
    ).all()
    assert len(targets) == 6  # sort, CSV, Excel, JSON, JSON Lines, feed
    for target in targets:
        box = target.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, (
            target.inner_text(),
            box,
        )


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_charts_year_labels_are_readable_on_a_phone(open_page, site_url, language):
    page = open_page(390, height=844)
    page.goto(site_url + SITES[language]["home"])
    labels = page.locator(".chart text.axis")
    visible = [label for label in labels.all() if label.is_visible()]
    assert len(visible) >= 2
    boxes = [label.bounding_box() for label in visible]
    for box in boxes:
        assert box["height"] >= 12, box
    # And they do not overlap.
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left["x"] + left["width"] <= right["x"], (left, right)
