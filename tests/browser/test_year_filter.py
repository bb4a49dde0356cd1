"""The year filter in a browser, in both languages, at desktop and phone widths, with
and without JavaScript: a range with both ends says how many undated practices it
leaves out and brings them back on request; the box unticks again; sorting by year
says where the undated go."""

import pytest
from django.db import transaction
from playwright.sync_api import expect

from practices.models import PracticePage
from search.models import PendingIndexUpdate
from tests.factories import create_practices, practice_record

from .accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITES = {
    "es": {
        "path": "/buscar/",
        "left_out": "2 prácticas sin año de inicio quedan fuera por el rango de años.",
        "include": "Incluirlas",
        "box": "Incluir las 2 prácticas sin fecha",
        "apply": "Aplicar filtros",
        "apply_on_phone": "Aplicar y ver resultados",
        "filters": "Filtros",
        "last": "Las 2 prácticas sin año de inicio van al final.",
    },
    "en": {
        "path": "/en/search/",
        "left_out": "2 practices without a start year are left out by the year range.",
        "include": "Include them",
        "box": "Include the 2 undated practices",
        "apply": "Apply filters",
        "apply_on_phone": "Apply and show results",
        "filters": "Filters",
        "last": "The 2 practices without a start year come last.",
    },
}


@pytest.fixture(scope="module")
def undated(corpus, django_db_blocker):
    """Two undated practices beside the shared repertory, removed afterwards; the
    index follows both as it follows any publish and delete (search/sync.py)."""
    with django_db_blocker.unblock():
        create_practices(
            [
                practice_record(
                    f"undated-browser-{n}",
                    f"Consejo vecinal sin fecha {n}",
                    "Un consejo vecinal revisa las cuentas del municipio.",
                    country="BR",
                )
                for n in (1, 2)
            ]
        )
        yield 2
        with transaction.atomic():
            for page in PracticePage.objects.filter(
                source_id__startswith="undated-browser-"
            ):
                page.delete()
        assert not PendingIndexUpdate.objects.exists()  # the index has let them go


def _count(page) -> int:
    return int(page.locator("#results-heading").inner_text().split()[0])


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width,javascript", [(1366, True), (390, True), (390, False)])
def test_a_closed_range_says_what_it_leaves_out_and_brings_it_back(
    open_page, site_url, undated, language, width, javascript
):
    site = SITES[language]
    page = open_page(width, javascript)
    page.goto(f"{site_url}{site['path']}?year_from=2018&year_to=2019")
    notice = page.locator("[data-undated-left-out]")
    expect(notice).to_contain_text(site["left_out"])
    without = _count(page)
    if javascript:
        violations = axe_violations(page)
        assert violations == [], describe(violations)

    notice.get_by_role("link", name=site["include"]).click()
    expect(page.locator("[data-undated-left-out]")).to_have_count(0)
    expect(page.locator("#results-heading")).to_contain_text(str(without + 2))
    assert "undated=1" in page.url

    if width < 800:
        page.locator("summary.filters-toggle").click()
    box = page.get_by_label(site["box"])
    expect(box).to_be_checked()
    box.uncheck()
    if not javascript:
        # On a phone the panel's own button is the sticky one at its foot.
        apply = site["apply_on_phone"] if width < 800 else site["apply"]
        page.get_by_role("button", name=apply).click()
    expect(page.locator("[data-undated-left-out]")).to_contain_text(site["left_out"])
    assert _count(page) == without
    # A closed range leaves the undated out by default: the address need not say so.
    assert "undated=1" not in page.url


@pytest.mark.parametrize("language", ["es", "en"])
def test_sorting_by_year_says_the_undated_come_last(page, undated, language):
    site = SITES[language]
    page.goto(f"{page.base}{site['path']}?sort=oldest&page_size=100")
    expect(page.locator("[data-undated-last]")).to_have_text(site["last"])
    last = page.locator(".result-card").last
    expect(last).to_contain_text("Consejo vecinal sin fecha")
