"""Ana, a contributor on a 375 px phone, sends the form with mistakes and a document:
the errors are summarised at the top and focused, the document is kept, and once the
mistakes are fixed the contribution reaches moderation with the document.

The server thread writes the contribution, so this runs transactionally in this
package, away from the shared corpus (see test_contribution_flow.py).
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from contributions.models import Submission
from tests.browser.accessibility import axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_ana_sends_the_form_from_a_phone_and_keeps_her_document(
    open_page, site_url, site, settings, tmp_path
):
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "private"
    settings.CONTRIBUTION_MIN_FILL_SECONDS = 1
    page = open_page(375, height=740, device_scale_factor=2, is_mobile=True)

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
    submission = Submission.objects.get(
        practice__title="Cabildo abierto en Tlaquepaque"
    )
    with submission.document.open("rb") as handle:
        assert handle.read() == PDF  # the file chosen once reached the moderators
