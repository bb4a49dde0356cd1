"""The contribution form in a browser, on both sites, at desktop and phone widths,
with and without JavaScript: required fields are marked, the state is chosen from a
list, themes come in groups, problem, results and evidence are there and optional,
and a form sent with mistakes answers in the site's words, not Django's. Nothing is
saved: the form sent here is refused."""

import re

import pytest
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": {
        "path": "/contribuir/",
        "required": "(obligatorio)",
        "optional": "(opcional)",
        "too_short": "Escribe al menos",
        "missing": "Falta este dato.",
    },
    "en": {
        "path": "/en/contribute/",
        "required": "(required)",
        "optional": "(optional)",
        "too_short": "Please write at least",
        "missing": "Please fill this in.",
    },
}
DJANGO_VOICE = re.compile(
    r"Asegúrese|carácter\(es\)|Ensure this value|This field is required|Este campo es obligatorio"
)


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width,javascript", [(1366, True), (390, True), (390, False)])
def test_the_form_marks_groups_and_answers_in_the_sites_voice(
    open_page, site_url, language, width, javascript
):
    site = SITES[language]
    page = open_page(width, javascript)
    page.goto(site_url + site["path"])
    for field in ("title", "summary", "country", "actions", "name", "email"):
        label = page.locator(f"label[for=id_{field}]")
        expect(label.locator(".required-mark")).to_have_text(site["required"])
    for field in ("problem", "results", "evidence"):
        expect(page.locator(f"textarea#id_{field}")).to_be_visible()
        expect(page.locator(f"label[for=id_{field}]")).to_contain_text(site["optional"])
    state = page.locator("select#id_subdivision")
    expect(state).to_be_visible()
    assert state.locator("option").count() >= 32  # Mexico's 32 states
    assert page.locator("fieldset.theme-group").count() >= 3

    page.locator("#id_title").fill("X")  # too short
    page.locator("#id_source_1").fill("example.org/cabildo")  # no scheme
    page.locator("form.contribution-form button[type=submit]").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(site["too_short"])
    expect(summary).to_contain_text(site["missing"])
    text = page.locator("main").inner_text()
    assert not DJANGO_VOICE.search(text), DJANGO_VOICE.search(text)
    # A source without a scheme is not an error: it is read as https://.
    expect(page.locator("#id_source_1_error")).to_have_count(0)
    if javascript:
        violations = axe_violations(page)
        assert violations == [], describe(violations)


@pytest.mark.parametrize("language", ["es", "en"])
def test_practice_types_are_boxes_like_the_themes(open_page, site_url, language):
    """On a phone, a practice type's box has the themes' size and its text stays
    beside it when the text wraps ("Rendición de cuentas y anticorrupción" went
    under its box, in bold, unlike every theme)."""
    page = open_page(390, True)
    page.goto(site_url + SITES[language]["path"])
    theme = page.locator("fieldset.theme-group label").first
    weight = "e => getComputedStyle(e).fontWeight"
    legend = page.locator("fieldset:has(#id_practice_types) > legend")
    assert legend.evaluate(weight) == page.locator(".theme-groups > legend").evaluate(
        weight
    )
    for label in page.locator("#id_practice_types label").all():
        box = label.locator("input").bounding_box()
        text = label.evaluate("e => getComputedStyle(e).fontWeight")
        assert text == theme.evaluate("e => getComputedStyle(e).fontWeight")
        assert box["width"] == theme.locator("input").bounding_box()["width"]
        # Its text starts right of the box, on every line.
        assert (
            label.evaluate(
                "e => { const r = document.createRange(); r.selectNodeContents(e);"
                " return Math.min(...[...r.getClientRects()].filter(c => c.width > 20)"
                ".map(c => c.left)); }"
            )
            >= box["x"]
        )
