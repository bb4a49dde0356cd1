"""An official in the practice finder: the form, the results with their reasons, a
mistake corrected without losing anything, and the printable brief. Walked in
Spanish and English, with and without JavaScript, at 1366 and 390 px; axe finds
nothing on any page of the walk, with JavaScript on and off."""

import pytest
from playwright.sync_api import expect

from .accessibility import (
    axe_violations,
    axe_violations_without_javascript,
    describe,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.slow]

WALKS = {
    "es": {
        "path": "/encuentra/",
        "heading": "Encuentra prácticas a la medida de tu institución",
        "problem": "las colonias quieren decidir en asambleas cómo invertir el presupuesto",
        "first": "Presupuestos participativos en Zapopan",
        "place": "En tu estado: Jalisco.",
        "why": "Por qué se ajusta",
        "submit": "Buscar prácticas",
        "brief": "Resumen para imprimir",
        "brief_heading": "Resumen: prácticas a la medida de tu institución",
        "context": "Tu contexto",
        "too_short": "describe el problema con al menos 3 palabras",
        "print": "Imprimir o guardar como PDF",
        "back": "Volver al buscador",
    },
    "en": {
        "path": "/en/find/",
        "heading": "Find practices that fit your institution",
        "problem": "neighbourhood assemblies want to decide how to invest the budget",
        "first": "Participatory budgets in Zapopan",
        "place": "In your state: Jalisco.",
        "why": "Why this fits",
        "submit": "Find practices",
        "brief": "Printable brief",
        "brief_heading": "Brief: practices that fit your institution",
        "context": "Your context",
        "too_short": "describe the problem in at least 3 words",
        "print": "Print or save as PDF",
        "back": "Back to the finder",
    },
}
WIDTHS = (1366, 390)


def no_axe_violation(page, javascript: bool):
    """axe finds nothing at this width, on the page as the reader gets it: without
    JavaScript, every country's states are in the list and there is no print
    button."""
    if javascript:
        violations = axe_violations(page)
    else:
        violations = axe_violations_without_javascript(page)
    assert violations == [], describe(violations)


def fits_the_width(page):
    """Nothing sticks out sideways: a phone reader never scrolls horizontally."""
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", WALKS)
def test_form_results_with_reasons_a_corrected_mistake_and_the_brief(
    open_page, site_url, lang, javascript
):
    walk = WALKS[lang]
    page = open_page(WIDTHS[0], javascript, timeout=15_000)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site_url + walk["path"])
        expect(page.locator("h1")).to_have_text(walk["heading"])
        no_axe_violation(page, javascript)
        fits_the_width(page)

        # A mistake first: two words are not a problem described.
        page.select_option("#finder-level", "municipal")
        page.select_option("#finder-party", "executive")
        page.select_option("#finder-country", "MX")
        page.select_option("#finder-subdivision", "MX-JAL")
        page.check("#finder-improve-participation-citizen")
        page.check("#finder-has-participation")
        page.select_option("#finder-staff", "1-2")
        page.fill("#finder-problem", "presupuesto vecinal")
        page.get_by_role("button", name=walk["submit"]).click()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text(walk["too_short"])
        # Nothing given is lost.
        expect(page.locator("#finder-subdivision")).to_have_value("MX-JAL")
        expect(page.locator("#finder-improve-participation-citizen")).to_be_checked()
        expect(page.locator("#finder-problem")).to_have_value("presupuesto vecinal")
        expect(page.locator("#finder-problem")).to_have_attribute(
            "aria-invalid", "true"
        )
        no_axe_violation(page, javascript)

        page.fill("#finder-problem", walk["problem"])
        page.get_by_role("button", name=walk["submit"]).click()
        cards = page.locator("[data-found]")
        expect(cards.first.locator("h3")).to_have_text(walk["first"])
        assert "subdivision=MX-JAL" in page.url and "problem=" in page.url
        # The answer opens at the results, not at the top of the long form.
        expect(page.locator("#finder-results-heading")).to_be_in_viewport()
        first = cards.first
        expect(first.get_by_role("heading", name=walk["why"])).to_be_visible()
        expect(first.locator("[data-reason=place]")).to_contain_text(walk["place"])
        expect(first.locator("[data-reason=institution]")).to_be_visible()
        expect(first.locator("[data-reason=evidence]")).to_be_visible()
        no_axe_violation(page, javascript)
        fits_the_width(page)

        # The URL is the state: opened afresh, it gives the same page.
        shared = page.url
        page.goto(shared)
        expect(cards.first.locator("h3")).to_have_text(walk["first"])

        page.get_by_role("link", name=walk["brief"]).click()
        expect(page.locator("h1")).to_have_text(walk["brief_heading"])
        expect(page.get_by_role("heading", name=walk["context"])).to_be_visible()
        practices = page.locator(".brief-practice")
        assert 1 <= practices.count() <= 5
        expect(practices.first.locator("h3")).to_contain_text(walk["first"])
        print_button = page.get_by_role("button", name=walk["print"])
        way_back = page.locator("[data-brief] > p.no-print")
        if javascript:
            expect(print_button).to_be_visible()
        else:
            expect(print_button).to_be_hidden()
            # No separator left dangling after the way back ("Back to the finder ·").
            assert way_back.inner_text().strip() == walk["back"]
        no_axe_violation(page, javascript)
        fits_the_width(page)
        # Printed: the site's header and the way back are left out.
        page.emulate_media(media="print")
        expect(page.locator(".no-print")).to_be_hidden()
        expect(page.locator(".site-header")).to_be_hidden()
        expect(practices.first).to_be_visible()
        # Its sources are printed with their full addresses.
        source = practices.first.locator(".sources a").first
        expect(source).to_be_visible()
        assert source.inner_text().startswith("http")
        page.emulate_media(media="screen")
