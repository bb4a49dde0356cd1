"""What a result card tells before the practice is opened, in a browser, on both
sites, at desktop and phone widths, with and without JavaScript: its government
level, its evidence level and its outcomes, in the page's language."""

import pytest
from playwright.sync_api import expect

from practices.models import PracticePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": (
        "/buscar/?q=Zapopan",
        "Presupuestos participativos en Zapopan",
        ("Municipal", "Evidencia: Documentada", "Más participación ciudadana"),
    ),
    "en": (
        "/en/search/?q=Zapopan",
        "Participatory budgets in Zapopan",
        ("Municipal", "Evidence: Documented", "More citizen participation"),
    ),
}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width,javascript", [(1366, True), (390, True), (390, False)])
def test_a_card_shows_level_evidence_and_outcome(
    open_page, site_url, language, width, javascript
):
    path, title, (level, evidence, outcome) = SITES[language]
    page = open_page(width, javascript)
    page.goto(site_url + path)
    card = page.locator(".result-card", has_text=title)
    expect(card.locator(".meta li", has_text=level).first).to_be_visible()
    expect(card.locator(".evidence")).to_have_text(evidence)
    expect(card.locator(".outcomes")).to_contain_text(outcome)
    expect(card.locator(".snippet")).not_to_have_attribute(
        "lang", "en" if language == "es" else "es"
    )


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_card_shows_the_level_and_evidence_its_practice_records(page, language):
    """On a broad search, each card carries the government level and evidence level
    its practice records: none has to be opened to find out."""
    path = "/buscar/" if language == "es" else "/en/search/"
    page.goto(page.base + path + "?country=MX")
    cards = page.locator(".result-card")
    expect(cards.first).to_be_visible()
    checked = 0
    for index in range(cards.count()):
        card = cards.nth(index)
        link = card.locator("h3 a")
        practice = PracticePage.objects.get(
            slug=link.get_attribute("href").rstrip("/").split("/")[-1],
            locale__language_code=link.get_attribute("lang") or language,
        )
        meta = card.locator(".meta").inner_text()
        if practice.government_level_id:
            assert practice.government_level.label(language) in meta, meta
        if practice.evidence_level_id:
            assert practice.evidence_level.label(language) in meta, meta
            checked += 1
    assert checked >= 3
