"""The three visits that found issue #16, played again in Chromium on the fixed site.

- María, a municipal transparency officer in Jalisco, searching in Spanish;
- John, an English-speaking researcher;
- Ana, a contributor on a 375 px phone.

Ana's visit also takes the phone screenshots named in the closing notes:
docs/screenshots/search-phone-filters-open.png and contribution-form-errors-phone.png.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def heading(page):
    return page.locator("#results-heading")


def test_maria_searches_in_spanish_and_meets_spanish_only(page, settings):
    page.goto(page.base + "/")
    # The maps name places in Spanish, and the form is one click from home.
    world = page.locator("svg.map").first
    expect(world.locator("title", has_text="Estados Unidos")).to_have_count(1)
    assert world.locator("title", has_text="United States").count() == 0
    call = page.locator(".contribute-call a.button")
    expect(call).to_have_text("Propón una práctica")

    page.goto(page.base + "/buscar/")
    page.locator("input[name=level][value=municipal]").check()
    expect(page.locator("input[name=level][value=municipal]")).to_be_checked()
    expect(heading(page)).to_have_text(re.compile(r"^\d+ práctica"))
    expect(page.locator(".result-card h3", has_text="Zapopan")).to_be_visible()

    # A mistyped year: named in Spanish, the words and the filter kept.
    page.goto(page.base + "/buscar/?q=presupuesto&level=municipal&year_from=dosmil")
    error = page.locator(".notice-error")
    expect(error).to_contain_text("«año de inicio, desde» (year_from) no es válido")
    expect(page.locator("#search-q")).to_have_value("presupuesto")
    expect(page.locator("input[name=level][value=municipal]")).to_be_checked()
    expect(page.locator(".result-card").first).to_be_visible()

    # Too far: the real count and a way back, not "the first 10,000".
    page.goto(page.base + "/buscar/?page=999")
    notice = page.locator("[data-deep-page]")
    expect(notice).to_contain_text(re.compile(r"No hay página 999: .* \d+ prácticas"))
    page.locator("[data-deep-page] a").last.click()
    expect(page.locator(".result-card").first).to_be_visible()


def test_john_reads_english_pages_with_honest_badges_and_ways_out(page):
    page.goto(page.base + "/en/search/?q=budget")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    text = page.locator("main").inner_text()
    for spanish in ("Filtros", "prácticas", "sin fecha", "ninguna"):
        assert spanish not in text, spanish
    # Written in Spanish, shown to him: the badge says where it comes from.
    card = page.locator(".result-card", has_text="Zapopan")
    expect(card.locator(".badge")).to_have_text("original: ES")

    # Nothing found: each filter left out, with what it would give.
    page.goto(page.base + "/en/search/?q=budget&country=MX&level=national")
    ways = page.locator(".ways-out a")
    expect(ways.first).to_contain_text(re.compile(r"Without .*: \d+ practice"))
    label = ways.first.inner_text()
    count = int(re.search(r": (\d+) practice", label).group(1))
    ways.first.click()
    expect(heading(page)).to_have_text(re.compile(rf"^{count} practice"))


def test_ana_on_a_phone_finds_the_filters_and_a_forgiving_form(
    browser, site_url, corpus, settings, tmp_path
):
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "private"
    settings.CONTRIBUTION_MIN_FILL_SECONDS = 1
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)

    page.goto(site_url + "/buscar/?country=MX")
    toggle = page.locator("summary.filters-toggle")
    expect(toggle).to_have_text("Filtros (1)")
    assert toggle.bounding_box()["y"] < 500  # near the top, not at 6,000 px
    expect(page.locator(".facets")).to_be_hidden()
    toggle.click()
    expect(page.locator(".facets")).to_be_visible()
    box = page.locator("input[name=country][value=MX]").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    # Ticking a filter reloads the results; the panel stays open.
    page.locator("input[name=level][value=state]").check()
    expect(toggle).to_have_text("Filtros (2)")
    expect(page.locator(".facets")).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "search-phone-filters-open.png"))

    # The form: a one-letter title, a bad address and a document.
    page.goto(site_url + "/contribuir/")
    page.locator("#id_title").fill("X")
    page.locator("#id_summary").fill("corto")
    page.locator("#id_country").select_option("MX")
    page.locator("#id_actions").fill("Se abrieron las sesiones del cabildo al público.")
    page.locator("#id_source_1").fill("https://example.org/cabildo")
    page.locator("#id_name").fill("Ana")
    page.locator("#id_email").fill("ana@")
    page.locator("#id_consent").check()
    page.locator("#id_document").set_input_files(
        files=[{"name": "informe.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.wait_for_timeout(1100)
    page.locator("form.contribution-form button[type=submit]").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert summary.bounding_box()["y"] < 400
    expect(summary.locator("a")).to_have_count(3)  # title, summary, email
    expect(page.locator("#kept-document")).to_contain_text("informe.pdf")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.screenshot(
        path=str(SCREENSHOTS / "contribution-form-errors-phone.png"), full_page=False
    )

    summary.locator("a[href='#id_email']").click()
    expect(page.locator("#id_email")).to_be_focused()
    page.locator("#id_title").fill("Cabildo abierto en Tlaquepaque")
    page.locator("#id_summary").fill(
        "Las sesiones del cabildo se transmiten y el público hace preguntas."
    )
    page.locator("#id_email").fill("ana@example.org")
    page.locator("#id_consent").check()
    page.locator("form.contribution-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/gracias/|/thanks/"))
    from contributions.models import Submission

    submission = Submission.objects.get(
        practice__title="Cabildo abierto en Tlaquepaque"
    )
    with submission.document.open("rb") as handle:
        assert handle.read() == PDF  # the file chosen once reached the moderators
    context.close()
