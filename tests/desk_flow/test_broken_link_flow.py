"""An editor finds and fixes a broken source link from the admin alone, in the browser:
the dashboard counts it, the report names the practice, the editor fixes the link and
publishes, search has the new version, and the next nightly check clears the report.

The server thread writes what the browser sends, so this test is transactional: the
database is emptied and restored to its migrated state afterwards (hence its own
package, away from the shared corpus).
"""

import itertools
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from desk.links import CheckPolicy, check_sources
from desk.models import LinkCheck
from practices.models import PracticePage
from search.index_status import practice_index_status
from tests.browser_support import sign_in_to_admin
from tests.factories import create_practices, practice_record

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "desk-moderator-pass-1"  # noqa: S105
TITLE = "Cabildo abierto en Guadalajara"
_counter = itertools.count()


class _Links(BaseHTTPRequestHandler):
    def do_GET(self):
        status = 200 if self.path in ("/ok", "/robots.txt") else 404
        body = b"" if self.path == "/robots.txt" else b"page"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def link_server(settings):
    settings.LINK_CHECK_ALLOW_PRIVATE_HOSTS = True
    settings.LINK_CHECK_PER_HOST_INTERVAL_SECONDS = 0.01
    settings.LINK_CHECK_TIMEOUT_SECONDS = 2
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Links)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def desk_site(site_url, settings, search_index_prefix):
    from pages.site_setup import ensure_site
    from search.indexer import rebuild

    settings.OPENSEARCH_INDEX_PREFIX = f"{search_index_prefix}-flow{next(_counter)}"
    ensure_site()
    rebuild()
    user = User.objects.create_user("desk-moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def test_find_and_fix_a_broken_source_link(open_page, site_url, desk_site, link_server):
    create_practices(
        [
            practice_record(
                "desk-flow",
                TITLE,
                "Los vecinos proponen y votan obras en sesiones abiertas.",
            )
        ]
    )
    practice = PracticePage.objects.get(source_id="desk-flow")
    practice.sources.update(url=f"{link_server}/missing")
    check_sources(CheckPolicy.from_settings())  # the nightly job

    admin = sign_in_to_admin(open_page, desk_site.username, PASSWORD)

    # Find: the dashboard counts it and links to the report, which names the practice.
    figure = admin.locator("[data-desk-attention] a", has_text="broken source link")
    expect(figure).to_contain_text("1")
    figure.click()
    expect(admin).to_have_title(re.compile("Broken source links"))
    row = admin.locator("tr", has_text=f"{link_server}/missing")
    expect(row).to_contain_text("Broken")
    row.get_by_role("link", name=TITLE).click()

    # Fix: the Sources tab of the editor, then publish.
    admin.get_by_role("tab", name="Sources").click()
    url_input = admin.locator("input[name='sources-0-url']")
    expect(url_input).to_have_value(f"{link_server}/missing")
    url_input.fill(f"{link_server}/ok")
    admin.get_by_role("button", name=re.compile("More actions")).click()
    admin.get_by_role("button", name=re.compile("^Publish$")).click()
    expect(admin.locator(".messages")).to_contain_text(TITLE)

    practice.refresh_from_db()
    assert [s.url for s in practice.sources.all()] == [f"{link_server}/ok"]
    status = practice_index_status(practice.translation_key)
    assert status.indexed and status.up_to_date

    # The editor's side panel says search has the published version.
    admin.goto(site_url + f"/admin/pages/{practice.pk}/edit/")
    admin.get_by_role("button", name="Toggle search status").click()
    expect(admin.locator("[data-desk-verdict]")).to_have_attribute(
        "data-desk-verdict", "current"
    )

    # The next nightly check clears the report and the dashboard figure.
    check_sources(CheckPolicy.from_settings())
    assert LinkCheck.objects.get(url=f"{link_server}/ok").result == "ok"
    admin.goto(site_url + "/admin/desk/broken-links/")
    expect(admin.locator("tr", has_text=TITLE)).to_have_count(0)
    admin.goto(site_url + "/admin/")
    expect(figure).to_contain_text("0")
