"""A contributor proposes a practice in the browser, a moderator approves and publishes
it in the Wagtail admin, and it appears in search with its document and without the
contributor's personal data.

The server thread writes what the browser sends, so this test cannot run inside a
rolled-back transaction: it is transactional, and the database is emptied and restored
to its migrated state afterwards (hence its own package, away from the shared corpus).
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from contributions.models import Submission
from practices.models import PracticePage
from tests.browser_support import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TITLE = "Open council sessions in Tlaquepaque"
PASSWORD = "moderator-test-pass-1"  # noqa: S105


@pytest.fixture
def site_and_index(site_url):
    from pages.site_setup import ensure_site
    from search.indexer import rebuild

    ensure_site()
    rebuild()


@pytest.fixture
def moderator(site_and_index):
    user = User.objects.create_user("flow-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def contribution_settings(settings, tmp_path):
    settings.CONTRIBUTION_MIN_FILL_SECONDS = 0
    settings.CONTRIBUTION_RATE_LIMIT_PER_HOUR = 1000
    settings.CONTRIBUTION_UPLOAD_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    for practice in PracticePage.objects.filter(title=TITLE):
        practice.delete()  # and from the index


def test_submit_moderate_publish_and_find(
    open_page, site_url, moderator, contribution_settings
):
    form = open_page(timeout=30_000)
    form.goto(site_url + "/en/contribute/")
    form.get_by_label("Name of the practice").fill(TITLE)
    form.get_by_label("Summary").fill(
        "Council sessions streamed online, with questions sent by residents."
    )
    form.get_by_label("Country").select_option("MX")
    form.get_by_label("State (Mexico)").select_option("MX-JAL")
    form.get_by_label("Government level").select_option("municipal")
    form.get_by_label("Citizen participation").first.check()
    form.get_by_label("What was done").fill(
        "The council streams its sessions and reads residents' questions aloud."
    )
    form.get_by_label("Source (link)").fill("https://example.org/council")
    form.get_by_label("Document").set_input_files(
        {"name": "report.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    form.get_by_label("Your name").fill("Ana Contributor")
    form.get_by_label("Your email").fill("ana.contributor@example.org")
    form.get_by_label(re.compile("I have read the privacy notice")).check()
    form.get_by_role("button", name="Send for review").click()
    expect(form.locator("h1")).to_have_text("Thank you: your proposal was received")
    reference = form.locator(".reference").inner_text()

    form.goto(site_url + f"/en/search/?q={TITLE}")
    expect(form.locator(".result-card", has_text=TITLE)).to_have_count(0)
    form.goto(site_url + f"/en/contribute/status/?reference={reference}")
    expect(form.locator(".status")).to_contain_text("Waiting for moderation")

    submission = Submission.objects.get(reference=reference)
    admin = sign_in_to_admin(open_page, moderator.username, PASSWORD)
    expect(admin.get_by_role("link", name=TITLE).first).to_be_visible()

    # The moderator reads the document, then approves publishing it.
    admin.goto(site_url + f"/admin/contributions/inspect/{submission.pk}/")
    expect(admin.get_by_text("ana.contributor@example.org")).to_be_visible()
    admin.goto(site_url + f"/admin/contributions/edit/{submission.pk}/")
    admin.locator("input[name=publish_document]").check()
    admin.locator("form:has(input[name=publish_document]) button[type=submit]").click()
    expect(admin.locator(".messages")).to_contain_text(reference)
    submission.refresh_from_db()
    assert submission.publish_document

    admin.goto(site_url + f"/admin/pages/{submission.practice_id}/edit/")
    admin.get_by_role("button", name=re.compile("More actions|Más acciones")).click()
    admin.get_by_role(
        "button", name=re.compile("^(Approve and Publish|Aprobar y publicar)$")
    ).click()
    expect(admin.locator(".messages")).to_contain_text(TITLE)

    form.goto(site_url + f"/en/search/?q={TITLE}")
    form.get_by_role("link", name=TITLE).click()
    expect(form.locator("h1")).to_have_text(TITLE)
    expect(form.locator(".sources a[href*='/documents/']")).to_have_count(1)
    body = form.content()
    for personal in ("Ana Contributor", "ana.contributor@example.org"):
        assert personal not in body
    form.goto(site_url + f"/en/contribute/status/?reference={reference}")
    expect(form.locator(".status")).to_contain_text("Published")
